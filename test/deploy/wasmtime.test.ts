import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { probe } from '../../src/deploy/readiness.js';
import type { DeployRequest } from '../../src/deploy/target.js';
import { wasmtimeTarget } from '../../src/deploy/targets/wasmtime/wasmtime.js';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { setupProject } from '../../src/stages/setup.js';
import { pathWithWasmtime } from '../support/wasmtime.js';
import { buildExample, descendantPids, exampleDir } from './support.js';

/** Spin's own host APIs, imported and used: what only Spin provides. */
const SPIN_COMPONENT_WAT = `(component
  (import "fermyon:spin/key-value@2.0.0" (instance $kv (export "ping" (func))))
  (alias export $kv "ping" (func $ping))
  (core func $ping_lowered (canon lower (func $ping)))
  (core module $m (import "kv" "ping" (func)))
  (core instance $i (instantiate $m (with "kv" (instance (export "ping" (func $ping_lowered))))))
)`;

const savedPath = process.env.PATH;
let work: string;
let exampleWasm: string;

beforeAll(async () => {
  process.env.PATH = pathWithWasmtime();
  work = await mkdtemp(path.join(tmpdir(), 'spinwash-wasmtime-test-'));
  exampleWasm = await buildExample();
});
afterAll(async () => {
  process.env.PATH = savedPath;
  await rm(work, { recursive: true, force: true });
});

function request(
  wasmPath: string,
  overrides: Partial<DeployRequest<undefined>> = {},
): DeployRequest<undefined> {
  return {
    project: { kind: 'cargo', dir: exampleDir, appName: 'hello-rust' },
    components: [{ name: path.basename(wasmPath, '.wasm'), wasmPath }],
    options: undefined,
    secrets: {},
    healthPath: '/',
    timeoutSeconds: 60,
    logger: new MemoryLogger(),
    ...overrides,
  };
}

const spinwashTemps = (): string[] =>
  readdirSync(tmpdir()).filter(
    (name) => name.startsWith('spinwash-wasmtime-') && name !== path.basename(work),
  );

/** A deploy that must fail: its error, after checking that no process and no temp folder is left. */
async function failedDeploy(req: DeployRequest<undefined>): Promise<Error> {
  const before = descendantPids();
  const temps = spinwashTemps();
  const error = await wasmtimeTarget.deploy(req).then(
    () => {
      throw new Error('the deploy succeeded');
    },
    (caught: unknown) => caught as Error,
  );
  expect([...descendantPids()].filter((pid) => !before.has(pid))).toEqual([]);
  expect(spinwashTemps()).toEqual(temps);
  return error;
}

async function wat(name: string, text: string): Promise<string> {
  const { parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const file = path.join(work, name);
  await writeFile(file, await parse(text));
  return file;
}

describe('deploy: wasmtime (`wasmtime serve`)', () => {
  it('is what `deploy: local` with `runtime: wasmtime` resolves to', () => {
    const config = buildConfig({ project: exampleDir, runtime: 'wasmtime' });
    expect(config.deploy.target).toBe(wasmtimeTarget);
  });

  it('serves a wasip1 module made a component as Spin makes it, timed by the readiness clock, and leaves nothing behind', async () => {
    const before = descendantPids();
    // another run's folders (a concurrent suite) are not this deploy's
    const temps = spinwashTemps();
    const ours = (): string[] => spinwashTemps().filter((name) => !temps.includes(name));
    const logger = new MemoryLogger();
    const deployment = await wasmtimeTarget.deploy(request(exampleWasm, { logger }));
    try {
      const { report } = deployment;
      expect(report).toMatchObject({ target: 'wasmtime', status: 200 });
      expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(report.readySeconds).toBeGreaterThanOrEqual(report.firstResponseSeconds);
      expect((await probe(report.url)).body).toContain('Hello');
      // wasmtime's stderr is unbuffered: its line may come in several chunks
      expect(logger.lines.join('')).toMatch(/Serving HTTP on http:\/\/127\.0\.0\.1:\d+\//);
      expect(ours()).toHaveLength(1);
    } finally {
      await deployment.stop();
    }
    expect([...descendantPids()].filter((pid) => !before.has(pid))).toEqual([]);
    expect(ours()).toEqual([]);
    await expect(probe(deployment.report.url, 2000)).rejects.toThrow();
  });

  it('refuses, in one line, a component importing what only Spin provides', async () => {
    const file = await wat('spin-kv.wasm', SPIN_COMPONENT_WAT);
    const error = await failedDeploy(request(file));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).not.toContain('\n');
    expect(error.message).toBe(
      `deploy \`wasmtime\`: ${file} imports fermyon:spin/key-value@2.0.0, which \`wasmtime serve\` cannot provide ` +
        "(it provides wasi:cli, wasi:clocks, wasi:filesystem, wasi:http, wasi:io, wasi:random, wasi:sockets; Spin's own APIs such as fermyon:spin/key-value only Spin has): use `runtime: spin`",
    );
  });

  it('refuses a component that is not a wasi:http handler', async () => {
    const error = await failedDeploy(request(await wat('empty.wasm', '(component)')));
    expect(error.message).toContain('does not export wasi:http/incoming-handler');
  });

  it('gives up after timeoutSeconds with the last answer and what wasmtime said, and stops it', async () => {
    const error = await failedDeploy(
      // long enough for wasmtime to start and answer on a loaded machine: the body never matches
      request(exampleWasm, { healthExpect: 'a body it never says', timeoutSeconds: 10 }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /^wasmtime serve: http:\/\/127\.0\.0\.1:\d+\/ did not answer 200 within 10 s \(last: HTTP 200 without "a body it never says" in the body: Hello from spinwash!\); wasmtime said:\n.*Serving HTTP on/s,
    );
  });

  it('a 404 on the health path ends the wait at once (a served component answers a path as it did), and stops it', async () => {
    // a deadline no test waits for: the 404 is the end, not the deadline
    const error = await failedDeploy(
      request(exampleWasm, { healthPath: '/healthz', timeoutSeconds: 600 }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /^wasmtime serve: GET http:\/\/127\.0\.0\.1:\d+\/healthz answered HTTP 404 [\d.]+ s after the deploy started, and the server's routes do not change: set `health-path` to a path the app answers 200 on; wasmtime said:\n.*Serving HTTP on/s,
    );
  });

  it('setup wants wasmtime on PATH before anything is built, naming the input that installs it', async () => {
    // the toolchain and the rest, without the folder that holds wasmtime
    process.env.PATH = (savedPath ?? '')
      .split(path.delimiter)
      .filter((dir) => !existsSync(path.join(dir, 'wasmtime')))
      .join(path.delimiter);
    try {
      const config = buildConfig({ project: exampleDir, runtime: 'wasmtime' });
      const error = await setupProject(config, new MemoryLogger()).then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
      expect(error).toBeInstanceOf(UserError);
      expect(error?.message).toBe(
        'wasmtime was not found on PATH, and `deploy: wasmtime` runs it: set `wasmtime-version` (`latest` or a version such as `v48.0.8`) to have spinwash install it, or install wasmtime in an earlier step',
      );
    } finally {
      process.env.PATH = pathWithWasmtime();
    }
  });
});
