import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { MemoryLogger } from '../../src/log.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from '../projects/fixtures.js';
import { pathWithWasmtime, WASMTIME_VERSION } from '../support/wasmtime.js';
import { componentTypeSections, REAL_APPS, SPIN_TWO_ROUTES, type RealApp } from './apps.js';

/**
 * The real apps, built from crates.io (their Cargo.lock pins each crate), through the whole
 * pipeline: the size ladder, shrinking with wasm-opt, the runtime check on wasmtime, and the
 * deploy under the embedded runtime and under `runtime: wasmtime`, each answering its own body.
 */
const savedPath = process.env.PATH;
const out = mkdtempSync(path.join(tmpdir(), 'spinwash-real-'));
beforeAll(() => {
  // the fake spin / wash run the real cargo builds; wasmtime makes the optimize stage check the shrink
  process.env.PATH = pathWithWasmtime(pathWithFakes());
});
afterAll(() => {
  process.env.PATH = savedPath;
  rmSync(out, { recursive: true, force: true });
});

async function run(
  app: RealApp,
  copy: FixtureCopy,
  inputs: Record<string, string>,
): Promise<PipelineResult & { logger: MemoryLogger }> {
  const config = buildConfig({
    project: copy.dir,
    deploy: 'local',
    'wasm-opt': 'true',
    'health-expect': app.body.trim(),
    'deploy-timeout': '180',
    comment: 'false',
    'data-branch': '',
    'report-path': path.join(out, `${path.basename(app.fixture)}-${inputs.runtime ?? 'x'}.json`),
    ...inputs,
  });
  const logger = new MemoryLogger();
  return { ...(await runPipeline(config, logger)), logger };
}

describe.each(REAL_APPS)('$fixture, built from crates.io', (app) => {
  let copy: FixtureCopy;
  let embedded: Awaited<ReturnType<typeof run>>;
  let wasmtime: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    copy = copyFixture(app.fixture, app.crates);
    embedded = await run(app, copy, { runtime: 'embedded', ladder: 'true' });
    // the routes' other component answers its own body through the router under wasmtime
    const goodbye: Record<string, string> =
      app === SPIN_TWO_ROUTES
        ? { 'health-path': '/goodbye/for-now', 'health-expect': 'Goodbye, Fermyon/for-now' }
        : {};
    wasmtime = await run(app, copy, { runtime: 'wasmtime', ...goodbye });
  }, 1_800_000);
  afterAll(() => copy?.remove());

  it('the ladder: debug > plain release > tweaked release > stripped ≥ wasm-opt, each a file or step measured', () => {
    for (const component of embedded.report.components) {
      const rows = component.ladder!;
      expect(rows.map((row) => row.stage)).toEqual([
        'debug',
        'release-plain',
        'release',
        'stripped',
        'optimized',
      ]);
      const [debug, plain, release, stripped, optimized] = rows.map((row) => row.bytes) as number[];
      expect(debug).toBeGreaterThan(plain!);
      expect(plain).toBeGreaterThan(release!);
      expect(release).toBeGreaterThan(stripped!);
      expect(stripped).toBeGreaterThanOrEqual(optimized!);
      // the served file is the last row
      const file = path.resolve(copy.dir, component.wasm);
      expect(statSync(`${file}.orig`).size).toBe(release);
      expect(component.final.bytes).toBe(optimized);
    }
  });

  it('keeps every component-type section the build wrote', () => {
    for (const component of wasmtime.report.components) {
      const file = path.resolve(copy.dir, component.wasm);
      const built = componentTypeSections(`${file}.orig`);
      expect(componentTypeSections(file)).toEqual(built);
      // a wasip1 Spin module is made a component from them: without them nothing serves it
      if (app.target === 'wasm32-wasip1') expect(built.length).toBeGreaterThan(0);
    }
  });

  it('the optimize stage proved the shrunk file on wasmtime: it answers as the build did', () => {
    for (const result of [embedded, wasmtime]) {
      for (const component of result.report.components) {
        expect(result.logger.lines).toContainEqual(
          expect.stringMatching(
            new RegExp(
              `^${component.name}: checked on wasmtime ${WASMTIME_VERSION.replace(/\./g, '\\.')}: the shrunk wasm answered GET \\S+ with 200 \\(\\d+ B, the same body\\) as the build's file did$`,
            ),
          ),
        );
      }
    }
  });

  it('answers its own body after shrinking, in the embedded runtime and under `runtime: wasmtime`', () => {
    expect(embedded.report.deploy).toMatchObject({ target: 'local', status: 200 });
    expect(wasmtime.report.deploy).toMatchObject({ target: 'wasmtime', status: 200 });
    for (const deploy of [embedded.report.deploy!, wasmtime.report.deploy!]) {
      expect(deploy.readySeconds).toBeGreaterThan(0);
      expect(deploy.firstResponseSeconds).toBeGreaterThan(0);
      expect(deploy.readySeconds).toBeGreaterThanOrEqual(deploy.firstResponseSeconds);
    }
    // both served the shrunk file: the second run shrank the same build to the same bytes
    expect(wasmtime.report.components.map((c) => c.final.bytes)).toEqual(
      embedded.report.components.map((c) => c.final.bytes),
    );
    if (app === SPIN_TWO_ROUTES) {
      for (const result of [embedded, wasmtime])
        expect(result.report.deploy!.routes!.map((r) => [r.route, r.component, r.status])).toEqual([
          ['/...', 'hello', 200],
          ['/goodbye/...', 'goodbye', 200],
        ]);
    }
  });
});
