import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOptimizeCommand } from '../../src/commands/optimize-command.js';
import { deployLocal } from '../../src/deploy/targets/local/local.js';
import { probe } from '../../src/deploy/readiness.js';
import { MemoryLogger } from '../../src/log.js';
import { analyzeWasm } from '../../src/wasm/analyze.js';
import { toComponent } from '../../src/wasm/componentize.js';
import { validateWasm } from '../../src/wasm/validate.js';
import { buildExample } from '../deploy/support.js';

// Issue 3's acceptance for `optimize`: a component made from the example comes out smaller,
// still a component jco transpiles, and still answering HTTP when served.
describe('spinwash optimize on the example, as a component', () => {
  let dir: string;
  let component: Uint8Array;

  beforeAll(async () => {
    const wasmPath = await buildExample();
    component = await toComponent(new Uint8Array(await readFile(wasmPath)), wasmPath);
    dir = await mkdtemp(path.join(tmpdir(), 'spinwash-example-optimize-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns a smaller valid component that is served and answers the greeting', async () => {
    const input = path.join(dir, 'hello.wasm');
    const output = path.join(dir, 'hello.opt.wasm');
    await writeFile(input, component);
    const stderr: string[] = [];
    const code = await runOptimizeCommand([input, '-o', output, '--wasm-opt'], {
      stdout: () => undefined,
      stderr: (s) => stderr.push(s),
    });
    expect(stderr).toEqual([]);
    expect(code).toBe(0);

    const optimized = new Uint8Array(await readFile(output));
    expect(optimized.length).toBeLessThan(component.length);
    await expect(validateWasm(optimized)).resolves.toEqual({ kind: 'component' });
    const sections = analyzeWasm(optimized).sections.map((s) => s.name);
    expect(sections.filter((n) => /custom:(name|producers|\.debug_)/.test(n))).toEqual([]);

    const served = await deployLocal({
      components: [{ name: 'hello-rust', wasmPath: output }],
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
  });
});
