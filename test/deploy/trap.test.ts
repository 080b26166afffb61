import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployLocal } from '../../src/deploy/targets/local/local.js';
import { UserError } from '../../src/errors.js';
import { exec } from '../../src/exec.js';
import { MemoryLogger } from '../../src/log.js';
import { descendants, isAlive, liveProcessCount } from '../../src/process.js';
import { exampleDir, RELEASE_TWEAKS } from './support.js';
import { sharedCargoTarget } from '../support/cargo-target.js';

/**
 * Issue 11 item 6: a guest that traps while answering is reported as a trap, with the guest's
 * own last words, not as ECONNREFUSED with the serving child's stack.
 */
let work: string;
let wasm: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'spinwash-trap-'));
  const app = path.join(work, 'app');
  await cp(exampleDir, app, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}target`),
  });
  const manifest = path.join(app, 'Cargo.toml');
  await writeFile(
    manifest,
    (await readFile(manifest, 'utf8')).replace('name = "hello-rust"', 'name = "trap-app"'),
  );
  const lib = path.join(app, 'src', 'lib.rs');
  const source = await readFile(lib, 'utf8');
  const route = '        (true, "/") => (200, GREETING),\n';
  expect(source).toContain(route);
  await writeFile(
    lib,
    source.replace(route, `${route}        (true, "/trap") => panic!("trapped on purpose"),\n`),
  );
  const targetDir = sharedCargoTarget();
  await exec('cargo', ['build', '--release', '--target', 'wasm32-wasip1'], {
    cwd: app,
    env: { ...RELEASE_TWEAKS, CARGO_TARGET_DIR: targetDir },
  });
  wasm = path.join(targetDir, 'wasm32-wasip1', 'release', 'trap_app.wasm');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('deploy local', () => {
  it('reports a guest that traps while answering as a trap, with its panic message and no stack', async () => {
    const logger = new MemoryLogger();
    const error = await deployLocal({
      components: [{ name: 'trap-app', wasmPath: wasm }],
      healthPath: '/trap',
      timeoutSeconds: 30,
      logger,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^deploy `local`: the component trapped while answering GET \/trap \(RuntimeError: wasm trap: wasm `unreachable` instruction executed\); its stderr ends with:\n/,
    );
    expect(message).toContain('trapped on purpose');
    expect(message).not.toMatch(/ECONNREFUSED|node:internal|\n\s+at /);
    // the child it ran in is gone
    expect(liveProcessCount()).toBe(0);
    const serving = descendants(process.pid).filter(
      (pid) => isAlive(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('serve-child'),
    );
    expect(serving).toEqual([]);
  });
});
