import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import type { ComponentSpec } from '../../src/projects/project.js';
import { optimizeComponents } from '../../src/stages/optimize-components.js';
import { lockPath, lockProject } from '../../src/stages/project-lock.js';
import { restoreRelease, sha256 } from '../../src/stages/release-copy.js';
import { answerModule, bytes, custom } from '../wasm/support/binaries.js';

/**
 * Issue 11 item 1: after any sequence of runs, the build's bytes are in place or in the kept
 * copy, and every report's `release` is the build's real size.
 */
const BUILD = bytes(
  answerModule(custom('producers', Array(300).fill(7)), custom('name', [0, 1, 2])),
);
const options = { sections: { keep: [], remove: [] }, wasmOpt: false };

let dir: string;
let wasm: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-sacred-'));
  await mkdir(path.join(dir, 'target'));
  wasm = path.join(dir, 'target', 'app.wasm');
  await writeFile(wasm, BUILD);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const spec = (name: string, wasmPath = wasm): ComponentSpec => ({
  name,
  wasmPath,
  manifest: path.join(dir, 'spin.toml'),
  built: true,
});
const optimize = (specs: ComponentSpec[], extra = {}) =>
  optimizeComponents(
    specs,
    { ...options, projectDir: dir, confineToProject: true, ...extra },
    new MemoryLogger(),
  );

describe('a file shared by components', () => {
  it('is optimized once, reported for each with the build as its release, and the build is kept', async () => {
    const { components } = await optimize([spec('api'), spec('web')]);
    expect(components.map((c) => [c.name, c.stages[0]!.bytes, c.sameFileAs])).toEqual([
      ['api', BUILD.length, undefined],
      ['web', BUILD.length, 'api'],
    ]);
    expect(components[1]!.final).toEqual(components[0]!.final);
    expect(await readFile(`${wasm}.orig`)).toEqual(Buffer.from(BUILD));
    expect((await readFile(wasm)).length).toBe(components[0]!.final.bytes);
    expect(components[0]!.final.bytes).toBeLessThan(BUILD.length);
  });

  it('is the same file through a link and through `..`, with one kept copy beside the real file', async () => {
    await symlink(wasm, path.join(dir, 'linked.wasm'));
    const { components } = await optimize([
      spec('direct'),
      spec('linked', path.join(dir, 'linked.wasm')),
      spec('dotted', path.join(dir, 'target', '..', 'target', 'app.wasm')),
    ]);
    expect(components.map((c) => c.sameFileAs)).toEqual([undefined, 'direct', 'direct']);
    expect(components.every((c) => c.stages[0]!.bytes === BUILD.length)).toBe(true);
    expect(components[1]!.wasm).toBe('linked.wasm');
    expect(await readFile(`${wasm}.orig`)).toEqual(Buffer.from(BUILD));
    expect(existsSync(path.join(dir, 'linked.wasm.orig'))).toBe(false);
  });
});

describe('runs one after another without a build between them', () => {
  it('measure the build each time, never their own output', async () => {
    const first = await optimize([spec('app')]);
    const second = await optimize([spec('app')]);
    expect(second.components[0]!.stages[0]!.bytes).toBe(BUILD.length);
    expect(second.components[0]!.final).toEqual(first.components[0]!.final);
    expect(await readFile(`${wasm}.orig`)).toEqual(Buffer.from(BUILD));
  });

  it('restore the build with its modification time before a build', async () => {
    const before = await stat(wasm);
    await optimize([spec('app')]);
    await restoreRelease(wasm);
    expect(await readFile(wasm)).toEqual(Buffer.from(BUILD));
    expect(Math.abs((await stat(wasm)).mtimeMs - before.mtimeMs)).toBeLessThan(0.001);
    expect(existsSync(`${wasm}.orig`)).toBe(false);
    expect(existsSync(`${wasm}.spinwash`)).toBe(false);
  });
});

describe('a run interrupted half-way', () => {
  it('after the kept copy and note, before the file was replaced: the next run measures the build', async () => {
    // what a signal between the note and the replacement leaves
    await writeFile(`${wasm}.orig`, BUILD);
    await writeFile(
      `${wasm}.spinwash`,
      JSON.stringify({ optimized: 'f'.repeat(64), original: sha256(BUILD) }),
    );
    const { components } = await optimize([spec('app')]);
    expect(components[0]!.stages[0]!.bytes).toBe(BUILD.length);
    expect(await readFile(`${wasm}.orig`)).toEqual(Buffer.from(BUILD));
  });

  it('our output in place with no kept copy: removed so the build writes it again, never measured as the build', async () => {
    await optimize([spec('app')]);
    await rm(`${wasm}.orig`);
    const error = await optimize([spec('app')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /was spinwash's optimized output .* removed it so the build writes it again; build again$/,
    );
    expect(existsSync(wasm)).toBe(false);
  });

  it('a damaged kept copy is not put back as the build', async () => {
    await optimize([spec('app')]);
    await writeFile(`${wasm}.orig`, 'half a file');
    const warning = await restoreRelease(wasm);
    expect(warning).toMatch(/the build's own file was not beside it/);
    expect(existsSync(wasm)).toBe(false);
  });
});

describe('what the optimize stage refuses', () => {
  it('a source outside the project folder, unless allow-outside-project', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'spinwash-outside-'));
    try {
      const file = path.join(outside, 'other.wasm');
      await writeFile(file, BUILD);
      const error = await optimize([spec('other', file)]).catch((e: unknown) => e);
      expect((error as UserError).message).toMatch(
        /^other: its source .*other\.wasm is outside the project folder .*; set `allow-outside-project: true` \(`--allow-outside-project`\) to let it$/,
      );
      expect(await readFile(file)).toEqual(Buffer.from(BUILD));
      const allowed = await optimize([spec('other', file)], { allowOutsideProject: true });
      expect(allowed.components[0]!.stages[0]!.bytes).toBe(BUILD.length);
      // a link inside the project (to a shared target folder, say) is the user's own arrangement
      await restoreRelease(file);
      await symlink(file, path.join(dir, 'shared.wasm'));
      const linked = await optimize([spec('shared', path.join(dir, 'shared.wasm'))]);
      expect(linked.components[0]!.stages[0]!.bytes).toBe(BUILD.length);
      expect(await readFile(`${file}.orig`)).toEqual(Buffer.from(BUILD));
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('a source that is a folder, in one line naming it', async () => {
    const error = await optimize([spec('app', path.join(dir, 'target'))]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `app: its source ${path.join(dir, 'target')} is a folder, not a .wasm file; point it at the file the build writes`,
    );
  });
});

describe('the project lock', () => {
  it('lets one run at a time rewrite a project, naming the holder to the second', async () => {
    const release = await lockProject(dir);
    try {
      const error = await lockProject(path.join(dir, 'target', '..')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^Another spinwash run is rewriting the files of .*: process ${process.pid} on .*, started \\d{4}-.*; wait for it to finish`,
        ),
      );
    } finally {
      await release();
    }
    await (
      await lockProject(dir)
    )();
  });

  it('takes over a lock whose process is gone', async () => {
    const lock = lockPath(await (await import('node:fs/promises')).realpath(dir));
    await mkdir(lock, { recursive: true });
    // pid 2^22 + 1 is above Linux's pid_max: no such process
    await writeFile(
      path.join(lock, 'owner.json'),
      JSON.stringify({
        pid: 4194305,
        host: (await import('node:os')).hostname(),
        started: 'then',
        project: dir,
        command: 'x',
      }),
    );
    const release = await lockProject(dir);
    await release();
    expect(existsSync(lock)).toBe(false);
  });
});
