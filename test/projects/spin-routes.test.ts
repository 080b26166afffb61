import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliMain } from '../../src/commands/main.js';
import { buildConfig } from '../../src/config/config.js';
import { MemoryLogger } from '../../src/log.js';
import { runPipeline } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { copyFixture, type FixtureCopy } from './fixtures.js';

/**
 * Issue 21, a user's first hour: a hand-made two-route Spin app with no `/` route, built with
 * no `spin` on PATH (spinwash runs the plain build commands itself, as `spin build` would, in
 * each workdir, both steps of the two-step one), served by the embedded runtime.
 */
const TWO_ROUTES = `spin_manifest_version = 2

[application]
name = "two-routes"
version = "0.1.0"

[[trigger.http]]
route = "/hello/..."
component = "hello"

[[trigger.http]]
route = "/api"
component = "api"

[component.hello]
source = "hello/target/wasm32-wasip1/release/spinwash_fixture_spin_hello.wasm"
[component.hello.build]
command = "cargo build --target wasm32-wasip1 --release"
workdir = "hello"

[component.api]
source = "api/target/wasm32-wasip1/release/spinwash_fixture_spin_api.wasm"
[component.api.build]
command = ["cargo fetch --offline", "cargo build --target wasm32-wasip1 --release"]
workdir = "api"
`;

/** A logger that notes when each line came (the server's start is a line). */
class TimedLogger extends MemoryLogger {
  readonly at: number[] = [];
  override info(message: string): void {
    super.info(message);
    this.at[this.lines.length - 1] = performance.now();
  }
}

const savedPath = process.env.PATH;
let copy: FixtureCopy;
beforeAll(() => {
  // no spin anywhere on PATH (the fake one included): the build runs the commands itself
  process.env.PATH = (savedPath ?? '')
    .split(path.delimiter)
    .filter((dir) => !existsSync(path.join(dir, 'spin')))
    .join(path.delimiter);
  copy = copyFixture('spin/multi', ['hello', 'api']);
  writeFileSync(path.join(copy.dir, 'spin.toml'), TWO_ROUTES);
});
afterAll(() => {
  process.env.PATH = savedPath;
  copy.remove();
});

describe('a two-route Spin app without a `/` route, and without spin installed', () => {
  it('builds with its own commands and deploys with no health-path: the first route answers', async () => {
    const logger = new TimedLogger();
    const config = buildConfig({ project: copy.dir, 'deploy-timeout': '120' }, copy.dir, {});
    const result = await runPipeline(config, logger);
    const log = logger.lines.join('\n');
    expect(log).toContain(
      "spin is not on PATH: spinwash runs each component's build command itself, as `spin build` would",
    );
    expect(log).toContain('[hello: cargo build --target wasm32-wasip1 --release]');
    expect(log).toContain('[api (step 1/2): cargo fetch --offline]');
    expect(log).toContain('[api (step 2/2): cargo build --target wasm32-wasip1 --release]');
    expect(log).toContain("health check: GET /hello, the app's first route");
    expect(result.failure).toBeUndefined();
    expect(result.report.deploy).toMatchObject({ target: 'local', status: 200 });
    expect(result.report.deploy?.routes?.map((r) => [r.route, r.status])).toEqual([
      ['/hello/...', 200],
      ['/api', 200],
    ]);
    expect(result.report.components.map((c) => c.name)).toEqual(['hello', 'api']);
  });

  it('a wrong health-path fails within 5 s of the server starting, naming the routes; both reports are written', async () => {
    const json = path.join(copy.dir, 'out', 'r.json');
    const markdown = path.join(copy.dir, 'out', 'r.md');
    let stderr = '';
    let served: number | undefined;
    let failed: number | undefined;
    const code = await cliMain(
      [
        'run',
        '--project',
        copy.dir,
        '--health-path',
        '/nothing',
        '--json',
        json,
        '--markdown',
        markdown,
      ],
      {
        stdout: () => undefined,
        stderr: (text) => {
          stderr += text;
          if (served === undefined && text.includes('serving on http://127.0.0.1:'))
            served = performance.now();
          if (text.startsWith('spinwash: error:')) failed = performance.now();
        },
        cwd: copy.dir,
      },
    );
    expect(code).toBe(1);
    const error = stderr.split('\n').find((line) => line.startsWith('spinwash: error:'));
    expect(error).toMatch(
      /^spinwash: error: deploy `local`: GET http:\/\/127\.0\.0\.1:\d+\/nothing answered HTTP 404 [\d.]+ s after the deploy started, and the server's routes do not change: no route takes \/nothing; the app's routes are \/hello\/\.\.\. \(hello\), \/api \(api\)\. Set `--health-path` to a path the app answers 200 on \(such as `\/hello`\), or leave it empty for the app's first route$/,
    );
    // the deadline is 60 s: the 404 ended the wait, not the clock. The 404's own time after
    // the deploy started is the acceptance's figure; the span from "serving" to the error line
    // (stopping the runtime, writing both reports) only has to be far from the deadline
    const after = Number(/answered HTTP 404 ([\d.]+) s after/.exec(error!)![1]);
    expect(after).toBeLessThan(5);
    expect(served).toBeDefined();
    expect((failed! - served!) / 1000).toBeLessThan(30);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.failure).toEqual({
      stage: 'deploy',
      message: expect.stringContaining('no route takes /nothing') as string,
    });
    expect(report.deploy).toBeUndefined();
    expect(report.components.map((c) => [c.name, c.final.bytes > 0])).toEqual([
      ['hello', true],
      ['api', true],
    ]);
    expect(readFileSync(markdown, 'utf8')).toContain(
      '❌ **The deploy failed**: deploy `local`: GET http://127.0.0.1:',
    );
  });
});
