import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { runPipeline } from '../../src/pipeline.js';
import { probe } from '../../src/deploy/readiness.js';
import { localTarget } from '../../src/deploy/targets/local/local.js';
import { MemoryLogger } from '../../src/log.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import { detectProject } from '../../src/projects/detect.js';
import type { SpinProject } from '../../src/projects/spin.js';
import { buildProject } from '../../src/stages/build.js';
import { deployProjectOf } from '../../src/stages/deploy.js';
import { optimizeComponents } from '../../src/stages/optimize-components.js';
import { descendantPids } from '../deploy/support.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from './fixtures.js';

const savedPath = process.env.PATH;
let copy: FixtureCopy;
let project: SpinProject;
beforeAll(async () => {
  process.env.PATH = pathWithFakes();
  copy = copyFixture('spin/multi', ['hello', 'api']);
  project = (await detectProject(copy.dir)) as SpinProject;
  const logger = new MemoryLogger();
  await buildProject(
    project,
    { lto: 'true', optLevel: 'z', codegenUnits: 1, panic: 'abort' },
    logger,
  );
  await optimizeComponents(
    project.components,
    { sections: { keep: [], remove: [] }, wasmOpt: false, projectDir: project.dir },
    logger,
  );
}, 300_000);
afterAll(() => {
  process.env.PATH = savedPath;
  copy.remove();
});

describe('a two-component Spin app in the embedded runtime (real components, routed by spin.toml)', () => {
  it('answers every route with its own component, reports each route, and stops everything', async () => {
    const logger = new MemoryLogger();
    const before = descendantPids();
    const deployment = await localTarget.deploy({
      project: deployProjectOf(project),
      components: project.components
        .filter((c) => c.built)
        .map((c) => ({ name: c.name, wasmPath: c.wasmPath })),
      options: undefined,
      secrets: {},
      healthPath: '/',
      timeoutSeconds: 90,
      logger,
    });
    try {
      const at = (path: string) => probe(new URL(path, deployment.report.url).href, 10_000);
      // `/api` is the api component's; everything else falls to hello's `/...`.
      expect(await at('/api')).toMatchObject({
        status: 200,
        body: 'Hello from the api component\n',
      });
      expect(await at('/')).toMatchObject({ status: 200, body: 'Hello from the Spin fixture\n' });
      expect(await at('/api/more')).toMatchObject({ body: 'Hello from the Spin fixture\n' });
      // The remote fileserver is not built here: its route answers, and says so.
      const remote = await at('/static/logo.png');
      expect(remote.status).toBe(502);
      expect(remote.body).toContain('"fileserver"');
      expect(logger.lines.join('')).toContain(
        'route /static/... goes to component fileserver, which was not built here',
      );

      const { report } = deployment;
      expect(report).toMatchObject({ target: 'local', status: 200 });
      expect(
        report.routes?.map(({ route, component, status }) => [route, component, status]),
      ).toEqual([
        ['/...', 'hello', 200],
        ['/api', 'api', 200],
        ['/static/...', 'fileserver', 502],
      ]);
      for (const route of report.routes ?? []) expect(route.seconds).toBeGreaterThan(0);
      const markdown = renderMarkdown({
        schemaVersion: 1,
        tool: { name: 'spinwash', version: 'test' },
        project: { kind: 'spin', path: '.' },
        components: [],
        build: { seconds: 1 },
        deploy: report,
      } satisfies Report);
      expect(markdown).toContain('| `/api` | api | 200 |');
    } finally {
      await deployment.stop();
    }
    await expect(probe(deployment.report.url, 2_000)).rejects.toThrow();
    expect([...descendantPids()].filter((pid) => !before.has(pid))).toEqual([]);
  });

  it('the whole pipeline (default runtime) reports every route of the optimized app', async () => {
    const fresh = copyFixture('spin/multi', ['hello', 'api']);
    try {
      const logger = new MemoryLogger();
      const config = buildConfig({ project: fresh.dir }, fresh.dir);
      const { report, markdown } = await runPipeline(config, logger);
      expect(report.deploy).toMatchObject({ target: 'local', status: 200 });
      expect(report.deploy?.routes?.map((r) => [r.route, r.component, r.status])).toEqual([
        ['/...', 'hello', 200],
        ['/api', 'api', 200],
        ['/static/...', 'fileserver', 502],
      ]);
      expect(markdown).toContain('| Route | Component | Status | First answer |');
      expect(markdown).toMatch(/\| `\/api` \| api \| 200 \| \d/);
    } finally {
      fresh.remove();
    }
  });
});
