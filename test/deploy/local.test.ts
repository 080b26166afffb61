import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployLocal, localTarget } from '../../src/deploy/targets/local/local.js';
import type { DeployRequest } from '../../src/deploy/target.js';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { buildExample, descendantPids, exampleDir } from './support.js';

/** A component that needs Spin's host interfaces: real imports, lowered and used by its core module. */
const SPIN_COMPONENT_WAT = `(component
  (import "fermyon:spin/key-value@2.0.0" (instance $kv (export "ping" (func))))
  (import "fermyon:spin/variables@2.0.0" (instance $vars (export "get" (func))))
  (alias export $kv "ping" (func $ping))
  (alias export $vars "get" (func $get))
  (core func $ping_lowered (canon lower (func $ping)))
  (core func $get_lowered (canon lower (func $get)))
  (core module $m (import "kv" "ping" (func)) (import "vars" "get" (func)))
  (core instance $i (instantiate $m
    (with "kv" (instance (export "ping" (func $ping_lowered))))
    (with "vars" (instance (export "get" (func $get_lowered))))))
)`;

/** Claims to be a wasi:http handler, but its core module traps while being instantiated. */
const TRAPPING_COMPONENT_WAT = `(component
  (core module $m (func (export "h")) (func $boom unreachable) (start $boom))
  (core instance $i (instantiate $m))
  (func $f (canon lift (core func $i "h")))
  (instance $h (export "handle" (func $f)))
  (export "wasi:http/incoming-handler@0.2.12" (instance $h))
)`;

describe('deploy local', () => {
  let work: string;
  let exampleWasm: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'spinwash-local-test-'));
    exampleWasm = await buildExample();
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  async function wat(name: string, text: string): Promise<string> {
    const { parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    const file = path.join(work, name);
    await writeFile(file, await parse(text));
    return file;
  }

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
      timeoutSeconds: 30,
      logger: new MemoryLogger(),
      ...overrides,
    };
  }

  /** Runs a deploy that must fail; returns its error and checks it started nothing that lives on. */
  async function failedDeploy(req: DeployRequest<undefined>): Promise<Error> {
    const before = descendantPids();
    const error = await localTarget.deploy(req).then(
      () => {
        throw new Error('the deploy succeeded');
      },
      (caught: unknown) => caught as Error,
    );
    expect([...descendantPids()].filter((pid) => !before.has(pid))).toEqual([]);
    return error;
  }

  it('refuses a component importing fermyon:spin/*, naming those imports', async () => {
    const file = await wat('spin-app.wasm', SPIN_COMPONENT_WAT);
    const error = await failedDeploy(request(file));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('fermyon:spin/key-value');
    expect(error.message).toContain('fermyon:spin/variables');
    expect(error.message).toContain('cannot provide');
  });

  it('refuses a core module without a component-type section, saying why', async () => {
    const file = await wat('plain-module.wasm', '(module (func (export "run")))');
    const error = await failedDeploy(request(file));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('cannot be made a component');
    expect(error.message).toContain('component-type');
  });

  it('refuses a component that is not a wasi:http handler', async () => {
    const file = await wat('empty-component.wasm', '(component)');
    const error = await failedDeploy(request(file));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('does not export wasi:http/incoming-handler');
  });

  it('refuses a file that is not wasm, naming it', async () => {
    const file = path.join(work, 'not-wasm.wasm');
    await writeFile(file, 'this is text\n');
    const error = await failedDeploy(request(file));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(file);
    expect(error.message).toContain('magic');
  });

  it('reports a runtime that fails to start with the tail of its stderr, and kills it', async () => {
    const file = await wat('trapping.wasm', TRAPPING_COMPONENT_WAT);
    const error = await failedDeploy(request(file));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('could not start the component');
    expect(error.message).toContain('unreachable');
    expect(error.message).toContain('stderr ends with');
  });

  it('a 404 on the health path is final for a fresh server: it fails at once, naming the input, and kills the server', async () => {
    const started = performance.now();
    const error = await failedDeploy(
      request(exampleWasm, { healthPath: '/healthz', timeoutSeconds: 600 }),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(
      /^deploy `local`: GET http:\/\/127\.0\.0\.1:\d+\/healthz answered HTTP 404 [\d.]+ s after the deploy started, and the server's routes do not change: set `health-path` to a path the app answers 200 on/,
    );
    // nowhere near the 600 s deadline (a bound no loaded machine reaches); the clock's own
    // deadline is unit-tested in test/deploy/readiness.test.ts
    expect(seconds).toBeLessThan(300);
  });

  it('serves the first of several components and says so', async () => {
    const logger = new MemoryLogger();
    const deployment = await deployLocal(
      request(exampleWasm, {
        components: [
          { name: 'first', wasmPath: exampleWasm },
          { name: 'second', wasmPath: exampleWasm },
        ],
        logger,
      }),
    );
    try {
      expect(deployment.report.status).toBe(200);
      expect(logger.lines).toContain(
        'warning: deploy `local` serves one component; serving first (not second)',
      );
    } finally {
      await deployment.stop();
    }
  });
});
