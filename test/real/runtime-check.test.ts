import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLogger } from '../../src/log.js';
import { detectProject } from '../../src/projects/detect.js';
import { profileEnv } from '../../src/stages/build.js';
import { checkOnWasmtime, RuntimeRefusal } from '../../src/stages/runtime-check.js';
import { shrinkWasm } from '../../src/stages/shrink.js';
import { parseWasm } from '../../src/wasm/parse.js';
import { rewriteWasm } from '../../src/wasm/rewrite.js';
import { validateWasm } from '../../src/wasm/validate.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from '../projects/fixtures.js';
import { pathWithWasmtime, wasmtimeDir, WASMTIME_VERSION } from '../support/wasmtime.js';
import { SPIN_HTTP_RUST, WASH_HELLO_WORLD_RUST, type RealApp } from './apps.js';

/**
 * The optimize stage's "still loads and answers" check on a real runtime: outputs that every
 * validator accepts, broken on purpose, are refused by wasmtime.
 */
const ENV = profileEnv({ lto: 'true', optLevel: 'z', codegenUnits: 1, panic: 'abort' });
const savedPath = process.env.PATH;
const copies: FixtureCopy[] = [];
let spinModule: Uint8Array;
let washComponent: Uint8Array;

async function build(app: RealApp): Promise<Uint8Array> {
  const copy = copyFixture(app.fixture, app.crates);
  copies.push(copy);
  const project = await detectProject(copy.dir);
  await project.build({ env: ENV, logger: new MemoryLogger() });
  return new Uint8Array(readFileSync(project.components[0]!.wasmPath));
}

beforeAll(async () => {
  process.env.PATH = pathWithWasmtime(pathWithFakes());
  spinModule = await build(SPIN_HTTP_RUST);
  washComponent = await build(WASH_HELLO_WORLD_RUST);
}, 1_200_000);
afterAll(() => {
  process.env.PATH = savedPath;
  copies.forEach((copy) => copy.remove());
});

/** The same bytes with every `component-type:*` custom section left out. */
function withoutComponentTypes(bytes: Uint8Array): Uint8Array {
  return rewriteWasm(parseWasm(bytes), {
    keep: (section) => !(section.customName?.startsWith('component-type') ?? false),
  });
}

/** The module with the body of the function `exported` names replaced by `unreachable`. */
async function trappingHandler(bytes: Uint8Array, exported: string): Promise<Uint8Array> {
  const binaryen = (await import('binaryen')).default;
  const module = binaryen.readBinary(bytes);
  try {
    const name = binaryen.getExportInfo(module.getExport(exported)).value;
    const info = binaryen.getFunctionInfo(module.getFunction(name));
    module.removeFunction(name);
    module.addFunction(name, info.params, info.results, info.vars, module.unreachable());
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

/** The same bytes with `from` replaced by `to` (same length) wherever it occurs. */
function patched(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf(from);
  expect(at).toBeGreaterThan(0);
  copy.write(to, at);
  return new Uint8Array(copy);
}

async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as Error,
  );
  expect(error).toBeDefined();
  return error!;
}

describe(`the shrink's proof on wasmtime ${WASMTIME_VERSION}`, () => {
  it('a real shrink of the Spin app answers as the build did', async () => {
    const shrunk = await shrinkWasm(spinModule, { sections: {}, wasmOpt: true });
    expect(shrunk.final.length).toBeLessThan(spinModule.length);
    expect(shrunk.runtime).toEqual({
      runtime: `wasmtime ${WASMTIME_VERSION}`,
      verdict: 'answered',
      detail: `the shrunk wasm answered GET / with 200 (${'Hello, Fermyon'.length} B, the same body) as the build's file did`,
    });
  });

  it('refuses a Spin module whose component-type sections were removed, which every validator accepts', async () => {
    const broken = withoutComponentTypes(spinModule);
    expect(broken.length).toBeLessThan(spinModule.length);
    await expect(validateWasm(broken)).resolves.toEqual({ kind: 'module' });
    const error = await refusal(checkOnWasmtime(spinModule, broken));
    expect(error).toBeInstanceOf(RuntimeRefusal);
    expect(error.message).toMatch(
      /^the shrunk wasm can no longer be made a component the way Spin and wasmtime load it, though the build's file could: .*component-type/,
    );
  });

  it('refuses a component that validates but answers another body', async () => {
    const broken = patched(washComponent, 'Hello from Rust!', 'Hello from Rust?');
    await expect(validateWasm(broken)).resolves.toEqual({ kind: 'component' });
    const error = await refusal(checkOnWasmtime(washComponent, broken));
    expect(error).toBeInstanceOf(RuntimeRefusal);
    expect(error.message).toBe(
      'the shrunk wasm answers GET / on wasmtime with 200 "Hello from Rust?" where the build\'s file answered 200 "Hello from Rust!"',
    );
  });

  it('refuses a Spin module that validates but traps while answering', async () => {
    // a shrink that broke the code: the handler's body replaced by `unreachable`
    const broken = await trappingHandler(spinModule, 'wasi:http/incoming-handler@0.2.0#handle');
    await expect(validateWasm(broken)).resolves.toEqual({ kind: 'module' });
    const error = await refusal(checkOnWasmtime(spinModule, broken));
    expect(error).toBeInstanceOf(RuntimeRefusal);
    expect(error.message).toMatch(
      /^the shrunk wasm answers GET \/ on wasmtime with 500 ".*" where the build's file answered 200 "Hello, Fermyon" \(wasmtime: .*wasm trap: wasm `unreachable` instruction executed/,
    );
  });

  it('a component wasmtime cannot serve (Spin-only imports) is only compiled, and says so', async () => {
    const { parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    const kv = await parse(`(component
      (import "fermyon:spin/key-value@2.0.0" (instance $kv (export "ping" (func))))
      (alias export $kv "ping" (func $ping))
      (core func $lowered (canon lower (func $ping)))
      (core module $m (import "kv" "ping" (func)))
      (core instance $i (instantiate $m (with "kv" (instance (export "ping" (func $lowered))))))
    )`);
    await expect(checkOnWasmtime(kv, kv, { file: 'kv.wasm' })).resolves.toEqual({
      runtime: `wasmtime ${WASMTIME_VERSION}`,
      verdict: 'loaded',
      detail:
        'kv.wasm compiles (it imports fermyon:spin/key-value@2.0.0, which wasmtime cannot serve, so it was not served)',
    });
  });

  it("a wasmtime that cannot serve the build's own file leaves a compile check, and says why", async () => {
    // a wasmtime built without `serve`: it compiles, but has no such subcommand
    const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-noserve-'));
    const real = path.join(wasmtimeDir(), 'wasmtime');
    writeFileSync(
      path.join(dir, 'wasmtime'),
      `#!/bin/sh\n[ "$1" = serve ] && { echo "error: unrecognized subcommand 'serve'" >&2; exit 2; }\nexec "${real}" "$@"\n`,
      { mode: 0o755 },
    );
    const saved = process.env.PATH;
    process.env.PATH = `${dir}${path.delimiter}${saved ?? ''}`;
    try {
      const check = await checkOnWasmtime(spinModule, spinModule);
      expect(check?.verdict).toBe('loaded');
      expect(check?.detail).toMatch(
        /^the shrunk wasm compiles \(the build's own file did not start \(.*unrecognized subcommand 'serve'.*\), so it was not served\)$/s,
      );
    } finally {
      process.env.PATH = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without wasmtime on PATH there is no check (and no error)', async () => {
    const saved = process.env.PATH;
    process.env.PATH = [path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter);
    try {
      await expect(checkOnWasmtime(spinModule, spinModule)).resolves.toBeUndefined();
    } finally {
      process.env.PATH = saved;
    }
  });
});
