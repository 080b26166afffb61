import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployLocal, type LocalDeployment } from '../src/deploy/targets/local/local.js';
import { MemoryLogger } from '../src/log.js';
import { toComponent } from '../src/wasm/componentize.js';
import { optimizeWasm } from '../src/wasm/wasm-opt.js';
import { parseWasm } from '../src/wasm/parse.js';
import { stripCustomSections } from '../src/wasm/strip.js';
import { buildExample, descendantPids, isRunning } from './deploy/support.js';
import { probe } from '../src/deploy/readiness.js';

// The demo app end to end: a real Rust build with the release tweaks, made a component,
// served by the embedded runtime, answering over HTTP, and stopped without a trace.
describe('examples/hello-rust', () => {
  let wasmPath: string;
  let deployment: LocalDeployment | undefined;

  beforeAll(async () => {
    wasmPath = await buildExample();
  });
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'spinwash-example-test-'));
  });
  afterAll(async () => {
    await deployment?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('builds to a core module that carries its WIT world', async () => {
    const module = parseWasm(await readFile(wasmPath));
    expect(module.kind).toBe('module');
    const names = module.sections.map((section) => section.name);
    expect(names).toContain('custom:component-type:spinwash-hello');
    // a handler module: it exports the wasi:http entry point and the canonical-ABI allocator
    expect(names).toContain('export');
  });

  it('becomes a component that exports wasi:http/incoming-handler', async () => {
    const component = await toComponent(await readFile(wasmPath), wasmPath);
    expect(parseWasm(component).kind).toBe('component');
    const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    const wit = await componentWit(component);
    expect(wit).toMatch(/export wasi:http\/incoming-handler@0\.2\.\d+;/);
    // a component is returned as it is
    expect(await toComponent(component)).toBe(component);
  });

  it('is served locally, answers GET / with the greeting, and stops leaving nothing behind', async () => {
    const before = descendantPids();
    const logger = new MemoryLogger();
    deployment = await deployLocal({
      components: [{ name: 'hello-rust', wasmPath }],
      healthPath: '/',
      timeoutSeconds: 60,
      logger,
    });
    const { report, pid, appDir } = deployment;
    expect(report.target).toBe('local');
    expect(report.status).toBe(200);
    expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.readySeconds).toBeGreaterThan(0);
    expect(report.firstResponseSeconds).toBeGreaterThan(0);
    expect(report.firstResponseSeconds).toBeLessThanOrEqual(report.readySeconds);
    expect(isRunning(pid)).toBe(true);

    const greeting = await probe(report.url, 5000);
    expect(greeting).toMatchObject({ status: 200, body: 'Hello from spinwash!\n' });
    expect((await probe(new URL('/missing', report.url).href, 5000)).status).toBe(404);
    const post = await fetch(report.url, {
      method: 'POST',
      body: 'x',
      headers: { connection: 'close' },
    });
    expect(post.status).toBe(405);
    await post.body?.cancel();

    await deployment.stop();
    await deployment.stop(); // safe twice
    expect(isRunning(pid)).toBe(false);
    expect(existsSync(appDir)).toBe(false);
    expect([...descendantPids()].filter((p) => !before.has(p))).toEqual([]);
    await expect(probe(report.url, 1000)).rejects.toThrow();
  });

  it('still becomes a component and answers after strip and wasm-opt -Oz', async () => {
    const release = await readFile(wasmPath);
    const stripped = stripCustomSections(release).bytes;
    const optimized = await optimizeWasm(stripped);
    expect(stripped.length).toBeLessThan(release.length);
    expect(optimized.length).toBeLessThan(stripped.length);
    expect(parseWasm(optimized).sections.map((s) => s.name)).toContain(
      'custom:component-type:spinwash-hello',
    );

    const file = path.join(work, 'hello_rust.optimized.wasm');
    await writeFile(file, optimized);
    const served = await deployLocal({
      components: [{ name: 'hello-rust', wasmPath: file }],
      healthPath: '/',
      timeoutSeconds: 60,
      logger: new MemoryLogger(),
    });
    try {
      expect(await probe(served.report.url, 5000)).toMatchObject({
        status: 200,
        body: 'Hello from spinwash!\n',
      });
    } finally {
      await served.stop();
    }
    expect(isRunning(served.pid)).toBe(false);
  });
});
