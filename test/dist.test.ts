import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWasm } from '../src/wasm/parse.js';
import { staticImportClosure } from './support/dist-graph.js';
import { module as wasmModule, name, section } from './wasm/support/binaries.js';

const dist = path.resolve(import.meta.dirname, '../dist');
const run = promisify(execFile);
const HEAVY = ['binaryen', '@bytecodealliance/jco-transpile', '@bytecodealliance/preview2-shim'];
/**
 * Bundled into our chunks, but only needed once a manifest is read, a cluster or the cache is
 * reached: each with a string literal of its own code that minifying keeps.
 */
const LAZY_BUNDLED: Record<string, string> = {
  yaml: 'Implicit keys need to be on a single line',
  'smol-toml': 'each key-value declaration must be followed by an end-of-line',
  '@kubernetes/client-node': 'Failed to fetch resource metadata for',
  undici: 'UND_ERR_CONNECT_TIMEOUT',
  '@actions/cache': 'Cache Service Url not found',
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** `(func (export "f") (result i32) i32.const 1 i32.const 2 i32.add)`: wasm-opt folds the add. */
function sampleModule(): Buffer {
  return Buffer.from(
    wasmModule(
      section(1, [0x01, 0x60, 0x00, 0x01, 0x7f]),
      section(3, [0x01, 0x00]),
      section(7, [0x01, ...name('f'), 0x00, 0x00]),
      section(10, [0x01, 0x07, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6a, 0x0b]),
    ),
  );
}

describe('dist/ start-up', () => {
  // Heavy parts load only when a stage needs them: a run that fails on its inputs, `--help`
  // or `inspect` must not pay for binaryen (13 MB of JS), jco, client-node or the cache client.
  it.each(['index.js', 'cli.js'])('%s imports no heavy package statically', (entry) => {
    const { files: loaded, packages } = staticImportClosure(path.join(dist, entry));
    for (const name of HEAVY)
      expect(
        packages.some((p) => p === name || p.startsWith(`${name}/`)),
        name,
      ).toBe(false);
    const startup = loaded.map((file) => readFileSync(file, 'utf8')).join('\n');
    const all = files(path.join(dist, 'chunks'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const [name, marker] of Object.entries(LAZY_BUNDLED)) {
      expect(all.includes(marker), `${name} is in dist/ (its marker is live)`).toBe(true);
      expect(startup.includes(marker), `${name} is not loaded at start-up`).toBe(false);
    }
    // the entry's own top-level import is followed: the closure is more than the entry file
    expect(loaded.length).toBeGreaterThan(1);
    const bytes = loaded.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(500_000);
  });
});

describe('dist/ source maps', () => {
  // Only our code is mapped: a bug's stack trace points into src/, library frames stay in the
  // chunk; a chunk without code of ours has no map and no comment naming one.
  it('map our sources only, and every map a file names is there', () => {
    const js = files(dist).filter((file) => file.endsWith('.js') && !file.includes('node_modules'));
    let mapped = 0;
    for (const file of js) {
      const named = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'))?.[1];
      if (!named) continue;
      mapped++;
      const map = JSON.parse(readFileSync(path.join(path.dirname(file), named), 'utf8')) as {
        sources: string[];
      };
      expect(map.sources.length, file).toBeGreaterThan(0);
      for (const source of map.sources) {
        expect(source, file).not.toContain('node_modules');
        expect(existsSync(path.resolve(path.dirname(file), source)), source).toBe(true);
      }
    }
    expect(mapped).toBeGreaterThan(3);
  });

  it("a position in our code maps to its line in src/, a library's to nothing", async () => {
    const config = files(path.join(dist, 'chunks')).find((file) =>
      readFileSync(file, 'utf8').includes('": no such folder ('),
    )!;
    // bottleneck (the GitHub client's throttling) is bundled beside our code, in a mapped chunk
    const BOTTLENECK = 'This limiter has been stopped';
    const library = files(path.join(dist, 'chunks')).find(
      (file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes(BOTTLENECK),
    )!;
    const probe = `
      import { findSourceMap } from 'node:module';
      import { readFileSync } from 'node:fs';
      import { pathToFileURL } from 'node:url';
      const at = (file, text) => {
        const lines = readFileSync(file, 'utf8').split('\\n');
        const line = lines.findIndex((l) => l.includes(text));
        return [line, lines[line].indexOf(text)];
      };
      const out = {};
      for (const [key, file, text] of JSON.parse(process.argv[1])) {
        await import(pathToFileURL(file).href);
        out[key] = findSourceMap(pathToFileURL(file).href)?.findEntry(...at(file, text)) ?? null;
      }
      console.log(JSON.stringify(out));`;
    const cases = [
      ['ours', config, '": no such folder ('],
      ['library', library, BOTTLENECK],
    ];
    const { stdout } = await run(process.execPath, [
      '--enable-source-maps',
      '--input-type=module',
      '-e',
      probe,
      JSON.stringify(cases),
    ]);
    const found = JSON.parse(stdout) as Record<string, { originalSource?: string } | null>;
    // the source file that holds the message, wherever it lives
    const holder = files(path.resolve(dist, '../src')).find((file) =>
      readFileSync(file, 'utf8').includes('": no such folder ('),
    )!;
    expect(found.ours?.originalSource).toBe(pathToFileURL(holder).href);
    expect(found.library?.originalSource).toBeUndefined();
    expect(existsSync(`${library}.map`), 'the library shares a mapped chunk with our code').toBe(
      true,
    );
  });
});

describe('dist/ packed binaryen', () => {
  // every folder below one, removed at the end: a copy of dist/ and unpacked binaryen are 30 MB
  const scratch = mkdtempSync(path.join(tmpdir(), 'spinwash-dist-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const input = path.join(mkdtempSync(path.join(scratch, 'in-')), 'in.wasm');
  writeFileSync(input, sampleModule());

  const optimize = (distDir: string, unpackDir: string, out: string) =>
    run(
      process.execPath,
      [path.join(distDir, 'cli.js'), 'optimize', input, '-o', out, '--wasm-opt'],
      {
        env: { ...process.env, SPINWASH_UNPACK_DIR: unpackDir },
      },
    );

  it('is unpacked once on first use, by concurrent runs alike, and optimizes', async () => {
    const unpack = mkdtempSync(path.join(scratch, 'unpack-'));
    const outs = [1, 2].map((n) => path.join(path.dirname(input), `out-${n}.wasm`));
    await Promise.all(outs.map((out) => optimize(dist, unpack, out)));
    const unpacked = readdirSync(unpack);
    expect(unpacked).toHaveLength(1); // no temp file left beside it
    expect(unpacked[0]).toMatch(/^binaryen-[0-9a-f]{16}\.mjs$/);
    expect(statSync(path.join(unpack, unpacked[0]!)).size).toBe(
      statSync(path.resolve(import.meta.dirname, '../node_modules/binaryen/index.js')).size,
    );
    for (const out of outs) {
      const optimized = readFileSync(out);
      expect(optimized.length).toBeLessThan(sampleModule().length);
      expect(parseWasm(optimized).kind).toBe('module');
    }
    // the unpacked copy is used as it is: a second run does not write it again
    const before = statSync(path.join(unpack, unpacked[0]!)).mtimeMs;
    await optimize(dist, unpack, outs[0]!);
    expect(statSync(path.join(unpack, unpacked[0]!)).mtimeMs).toBe(before);

    // a file of the right size that is not the module (planted, damaged) is never imported:
    // the module is unpacked again over it
    const copy = path.join(unpack, unpacked[0]!);
    const planted = Buffer.alloc(statSync(copy).size, ' ');
    planted.write('throw new Error("planted");');
    writeFileSync(copy, planted);
    await optimize(dist, unpack, outs[0]!);
    expect(readFileSync(copy).subarray(0, 100)).not.toEqual(planted.subarray(0, 100));
    // a folder others can write to is not used at all
    chmodSync(unpack, 0o777);
    const shared = await optimize(dist, unpack, outs[0]!).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(shared).toMatchObject({ code: 1 });
    expect((shared as { stderr: string }).stderr).toMatch(
      /cannot unpack binaryen into .* \(.* is not this user's own folder, or others can write to it\): set SPINWASH_UNPACK_DIR/,
    );
  });

  it('a damaged dist/ or an unwritable unpack folder is one clear line', async () => {
    const copy = path.join(mkdtempSync(path.join(scratch, 'copy-')), 'dist');
    cpSync(dist, copy, { recursive: true });
    const packed = path.join(copy, 'node_modules/binaryen/index.js.br');
    writeFileSync(packed, readFileSync(packed).subarray(0, 1000));
    const unpack = mkdtempSync(path.join(scratch, 'unpack-'));
    const damaged = await optimize(copy, unpack, path.join(unpack, 'out.wasm')).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(damaged).toMatchObject({ code: 1 });
    const line = (damaged as { stderr: string }).stderr.trim();
    expect(line).toMatch(
      /dist\/ is damaged: cannot unpack binaryen from .*index\.js\.br .*reinstall spinwash$/,
    );
    expect(line).not.toContain('\n    at ');
    expect(readdirSync(unpack)).toEqual([]);

    const notAFolder = path.join(unpack, 'file');
    writeFileSync(notAFolder, '');
    const unwritable = await optimize(
      dist,
      path.join(notAFolder, 'sub'),
      path.join(unpack, 'out.wasm'),
    ).catch((error: { code: number; stderr: string }) => error);
    expect(unwritable).toMatchObject({ code: 1 });
    expect((unwritable as { stderr: string }).stderr.trim()).toMatch(
      /cannot unpack binaryen into .*\/file\/sub \(.*\): set SPINWASH_UNPACK_DIR to a writable folder$/,
    );
  });
});
