import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spinUpTarget } from '../../src/deploy/targets/spin-up/spin-up.js';
import { probe } from '../../src/deploy/readiness.js';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { buildConfig } from '../../src/config/config.js';
import { runPipeline } from '../../src/pipeline.js';
import { detectProject } from '../../src/projects/detect.js';
import type { SpinProject } from '../../src/projects/spin.js';
import { buildProject } from '../../src/stages/build.js';
import { optimizeComponents } from '../../src/stages/optimize-components.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from './fixtures.js';

const savedPath = process.env.PATH;
const copies: FixtureCopy[] = [];
beforeAll(() => {
  process.env.PATH = pathWithFakes();
});
afterAll(() => {
  process.env.PATH = savedPath;
  copies.forEach((c) => c.remove());
});

function canConnect(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('a Spin app, built by `spin build` and served by `spin up` (fake CLI, real components)', () => {
  it('runs the whole pipeline: `spin build`, optimize in place, `spin up` until the first 200, a report per component', async () => {
    const copy = copyFixture('spin/multi', ['hello', 'api']);
    copies.push(copy);
    const logger = new MemoryLogger();
    const config = buildConfig({ project: copy.dir, runtime: 'spin' }, copy.dir);
    const { report, markdown, project } = await runPipeline(config, logger);
    expect(project.kind).toBe('spin');

    const log = logger.lines.join('');
    expect(log).toContain(
      'Building component hello with `cargo build --target wasm32-wasip1 --release`',
    );
    expect(log).toContain(
      "Running build step 2/2 for component api with 'cargo build --target wasm32-wasip1 --release'",
    );
    expect(log).toContain('Finished building all Spin components');

    // One report per built component; the remote one is listed in spin.toml, not built.
    expect(report.project.kind).toBe('spin');
    expect(report.components.map((c) => c.name)).toEqual(['hello', 'api']);
    const hello = report.components[0]!;
    expect(hello.wasm).toBe('hello/target/wasm32-wasip1/release/spinwash_fixture_spin_hello.wasm');
    // spin.toml's source is now the stripped file: that is what `spin up` served.
    const served = readFileSync(path.join(project.dir, hello.wasm));
    expect(served.length).toBe(hello.final.bytes);
    expect(hello.final.bytes).toBeLessThan(hello.stages[0]!.bytes);

    expect(report.deploy).toMatchObject({ target: 'spin', status: 200 });
    expect(report.deploy!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.deploy!.readySeconds).toBeGreaterThan(0);
    expect(report.deploy!.firstResponseSeconds).toBeGreaterThan(0);
    expect(log).toMatch(/Available Routes:\n {2}hello: http:\/\/127\.0\.0\.1:\d+ \(wildcard\)/);
    // the pipeline stops what it started: nothing answers any more
    expect(await canConnect(report.deploy!.url)).toBe(false);

    expect(markdown).toContain('### hello');
    expect(markdown).toContain('### api');
    // served on 127.0.0.1 and stopped with the run: said so, not linked
    expect(markdown).toContain(`served locally (\`${new URL(report.deploy!.url).host}\``);
    expect(markdown).not.toContain(report.deploy!.url);
  });

  it('`spin up` serves every route of the optimized app, and stops cleanly (twice)', async () => {
    const copy = copyFixture('spin/multi', ['hello', 'api']);
    copies.push(copy);
    const logger = new MemoryLogger();
    const project = (await detectProject(copy.dir)) as SpinProject;
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
    const deployment = await spinUpTarget.deploy({
      components: project.components
        .filter((c) => c.built)
        .map((c) => ({ name: c.name, wasmPath: c.wasmPath })),
      project: { kind: 'spin', dir: project.dir, appName: 'app' },
      options: undefined,
      secrets: {},
      healthPath: '/',
      timeoutSeconds: 90,
      logger,
    });
    try {
      const answer = await probe(new URL('/anything', deployment.report.url).href, 10_000);
      expect(answer).toMatchObject({ status: 200, body: 'Hello from the Spin fixture\n' });
    } finally {
      await deployment.stop();
      await deployment.stop(); // safe twice
    }
    expect(await canConnect(deployment.report.url)).toBe(false);
  });

  it('passes the profile tweaks to the build commands, and a failing command fails the build with its status', async () => {
    const copy = copyFixture('spin/v4', []);
    copies.push(copy);
    const manifest = path.join(copy.dir, 'spin.toml');
    // A build that records what it was given, then fails like a compiler error would.
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'command = "cargo build --target wasm32-wasip2 --release"',
        `command = "echo $CARGO_PROFILE_RELEASE_OPT_LEVEL > seen.txt && exit 101"`,
      ),
    );
    const project = await detectProject(copy.dir, 'spin');
    const logger = new MemoryLogger();
    const error: unknown = await buildProject(project, { optLevel: 's' }, logger).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(
      'Build command for component hello-v4 failed with status exit status: 101',
    );
    expect(readFileSync(path.join(copy.dir, 'seen.txt'), 'utf8').trim()).toBe('s');
  });

  it('`spin up` failing to start is one error carrying what spin printed, and leaves nothing running', async () => {
    const copy = copyFixture('spin/v4', []); // never built: its source does not exist
    copies.push(copy);
    const error: unknown = await spinUpTarget
      .deploy({
        components: [],
        project: { kind: 'spin', dir: copy.dir, appName: 'app' },
        options: undefined,
        secrets: {},
        healthPath: '/',
        timeoutSeconds: 30,
        logger: new MemoryLogger(),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^spin up: `spin up --listen 127\.0\.0\.1:\d+ -f .*spin\.toml` stopped \(exit code 1\)/,
    );
    expect((error as UserError).message).toContain('Failed to load component "hello-v4"');
  });

  it('a build that does not write the source is reported against spin.toml', async () => {
    const copy = copyFixture('spin/v4', []);
    copies.push(copy);
    const manifest = path.join(copy.dir, 'spin.toml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'cargo build --target wasm32-wasip2 --release',
        'true',
      ),
    );
    const error: unknown = await (
      await detectProject(copy.dir)
    )
      .build({ env: {}, logger: new MemoryLogger() })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /spin build finished, but component "hello-v4"'s source .* does not exist/,
    );
  });
});
