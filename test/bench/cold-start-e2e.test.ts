import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColdStartStage, Report } from '../../src/report/model.js';
import { stopTree } from '../../src/process.js';
import { findOnPath } from '../../src/setup/tool-path.js';
import { distDir, distNode, inputEnv, root, runDist } from '../support/dist.js';
import { pathWithoutWasmtime, pathWithWasmtime } from '../support/wasmtime.js';

/**
 * `spinwash bench --cold-start` through dist/ on Node 24 (build it first: `npm run build`), on
 * the example app built for real: on wasmtime (the tests' wasmtime-cli first on PATH) and on
 * the embedded runtime (PATH without wasmtime). Shapes and order only, no timing targets
 * (those are in `npm run bench`). The chart the run wrote is rendered by headless chromium.
 */

let work: string;
let project: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'spinwash-cold-'));
  project = path.join(work, 'hello-rust');
  const example = path.join(root, 'examples', 'hello-rust');
  cpSync(example, project, {
    recursive: true,
    filter: (from) => from !== path.join(example, 'target'), // a local build's own
  });
  symlinkSync(process.env.CARGO_TARGET_DIR!, path.join(project, 'target'), 'dir');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function bench(
  name: string,
  PATH: string,
): Promise<{ report: Report & { coldStart: ColdStartStage[] }; svg: string; stdout: string }> {
  const json = path.join(work, `${name}.json`);
  const svg = path.join(work, `${name}.svg`);
  const run = await runDist(
    'cli.js',
    [
      'bench',
      '--project',
      project,
      '--cold-start',
      '--repeat',
      '5',
      '--json',
      json,
      '--cold-start-svg',
      svg,
    ],
    { cwd: work, env: { ...process.env, PATH } },
  );
  expect(run.stderr + run.stdout).not.toMatch(/at .*\.js:\d+/); // no stack trace
  // nothing of Node's own on the user's terminal (autocannon's url.parse is DEP0169 on Node 24)
  expect(run.stderr).not.toContain('Warning:');
  expect(run.code, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(json, 'utf8')) as Report & { coldStart: ColdStartStage[] };
  return { report, svg, stdout: run.stdout };
}

function checkShape(report: Report & { coldStart: ColdStartStage[] }): void {
  const stages = report.coldStart.map((s) => s.stage);
  expect(stages.slice(0, 2)).toEqual(['release', 'stripped']);
  // the stage files are the build's own (kept beside the final file) and the stripped one, the final file here
  const final = path.resolve(project, report.components[0]!.wasm);
  const sizes = { release: statSync(`${final}.orig`).size, stripped: statSync(final).size };
  for (const stage of report.coldStart) {
    if (stage.stage === 'release' || stage.stage === 'stripped')
      expect(stage.bytes, stage.stage).toBe(sizes[stage.stage]);
    expect(stage.bytes).toBe(
      report.components[0]!.stages.find((s) => s.stage === stage.stage)!.bytes,
    );
    expect(stage.samples).toBe(5);
    for (const measure of [stage.compileSeconds, stage.firstAnswerSeconds]) {
      expect(measure.n).toBe(4); // the cold first sample apart
      expect(measure.p10).toBeGreaterThan(0);
      expect(measure.p10).toBeLessThanOrEqual(measure.median);
      expect(measure.median).toBeLessThanOrEqual(measure.p90);
    }
    expect(stage.cold.firstAnswerSeconds).toBeGreaterThan(0);
    expect(stage.rssBytes).toBeGreaterThan(1024 * 1024);
    expect(stage.load.errors).toBe(0);
    expect(stage.load.requests).toBe(2000);
    expect(stage.load.rps).toBeGreaterThan(0);
    expect(stage.load.p50Ms).toBeLessThanOrEqual(stage.load.p99Ms);
  }
}

/** Renders an SVG file in headless chromium; the PNG's pixels. */
function screenshot(svg: string): PNG {
  const png = `${svg}.png`;
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--window-size=900,440',
      `--screenshot=${png}`,
      `file://${svg}`,
    ],
    // its stderr goes into the error (chromium says why it did not draw)
    { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 },
  );
  return PNG.sync.read(readFileSync(png));
}

/** The wasmtime run, made once for the tests that read it, whichever of them runs first. */
let wasmtimeRun: ReturnType<typeof bench> | undefined;
const benchOnWasmtime = (): ReturnType<typeof bench> =>
  (wasmtimeRun ??= bench('wasmtime', pathWithWasmtime()));

describe('bench --cold-start through dist/', () => {
  it('on wasmtime: every size stage on fresh processes, the load without errors, the table and verdict', async () => {
    const { report, svg, stdout } = await benchOnWasmtime();
    expect(report.coldStartRuntime).toBe('wasmtime 48.0.8');
    expect(report.coldStartComponent).toBe('hello-rust');
    checkShape(report);
    expect(stdout).toContain('### Cold start of `hello-rust` per size stage on wasmtime 48.0.8');
    // one component: no sentence about the others
    expect(stdout).not.toContain('the cold start measures the first');
    expect(stdout).toMatch(
      /stripped is \d+% smaller than release and starts [\d.]+ m?s (faster|slower)|stripped is \d+% smaller than release and starts in the same/,
    );
    expect(stdout).toMatch(/\| release \| [\d.]+ KiB \([\d,]+ B\) \| \*\*/);
    const text = readFileSync(svg, 'utf8');
    expect(text).toContain('<title>hello-rust: size against cold start</title>');
    expect(text.match(/<g class="stage">/g)).toHaveLength(report.coldStart.length);
    // no runtime process outlived the run
    expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(project);
  });

  it('the acceptance command (no wasmtime on PATH): the embedded runtime, said so', async () => {
    const { report } = await bench('embedded', pathWithoutWasmtime());
    expect(report.coldStartRuntime).toMatch(/^embedded/);
    checkShape(report);
  });

  const chromium = findOnPath('chromium');
  it.skipIf(chromium === undefined)(
    'the chart renders in headless chromium: not blank, its points drawn (skipped only when chromium is not installed; .ci/run installs it)',
    async () => {
      const png = screenshot((await benchOnWasmtime()).svg);
      expect([png.width, png.height]).toEqual([900, 440]);
      let ink = 0;
      let median = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        if (r < 240 || g < 240 || b < 240) ink++;
        // the median dots' blue (#3b5bdb), as the renderer anti-aliases it
        if (Math.abs(r - 0x3b) < 24 && Math.abs(g - 0x5b) < 24 && Math.abs(b - 0xdb) < 24) median++;
      }
      expect(ink).toBeGreaterThan(png.width * png.height * 0.01);
      expect(median).toBeGreaterThan(50);
    },
  );

  it('the action, mode: benchmark with cold-start: true: the table and verdict in the job summary, coldStart in the report', async () => {
    const step = mkdtempSync(path.join(work, 'step-'));
    const files = {
      output: path.join(step, 'output'),
      summary: path.join(step, 'summary'),
      event: path.join(step, 'event.json'),
      report: path.join(step, 'report.json'),
    };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    writeFileSync(files.event, '{}');
    const run = await runDist('index.js', [], {
      cwd: work,
      env: {
        ...process.env,
        PATH: pathWithWasmtime(),
        GITHUB_WORKSPACE: work,
        RUNNER_TEMP: step,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: files.event,
        ...inputEnv({
          project,
          mode: 'benchmark',
          'cold-start': 'true',
          repeat: '2',
          'data-branch': '',
          comment: 'false',
          'report-path': files.report,
        }),
      },
    });
    expect(run.stdout).not.toMatch(/internal error|::error::/);
    expect(run.code, run.stdout).toBe(0);
    const summary = readFileSync(files.summary, 'utf8');
    expect(summary).toContain('### Cold start of `hello-rust` per size stage on wasmtime 48.0.8');
    expect(summary).toMatch(/\n\| stripped \| [\d.]+ KiB/);
    const report = JSON.parse(readFileSync(files.report, 'utf8')) as Report;
    expect(report.coldStart?.map((s) => s.stage).slice(0, 2)).toEqual(['release', 'stripped']);
    expect(report.coldStart?.every((s) => s.load.errors === 0 && s.samples === 2)).toBe(true);
  });

  // a signal while runtime processes run (a sample) or while one is under load
  it.each([/cold-start: release sample 2\/5/, /cold-start: release sample 5\/5/])(
    'SIGINT at %s: exit 130, every runtime process stopped, no temp folder left',
    async (when) => {
      const temp = mkdtempSync(path.join(work, 'tmp-'));
      const child = spawn(
        distNode(),
        [
          path.join(distDir, 'cli.js'),
          'bench',
          '--project',
          project,
          '--cold-start',
          '--repeat',
          '5',
        ],
        {
          cwd: work,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, PATH: pathWithWasmtime(), TMPDIR: temp },
        },
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        if (!when.test(stderr) && when.test(stderr + chunk))
          setTimeout(() => child.kill('SIGINT'), 30);
        stderr += chunk;
      });
      // a CLI that hangs (the bug this looks for) is stopped with its runtimes, not left behind
      const code = await Promise.race([
        new Promise<number | null>((resolve) => child.once('exit', resolve)),
        new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 100_000).unref()),
      ]);
      if (code === 'hung') await stopTree(child.pid!, 1000);
      expect(code, stderr).toBe(130);
      expect(stderr).toContain('spinwash: interrupted (SIGINT)');
      expect(readdirSync(temp)).toEqual([]);
      expect(execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })).not.toContain(temp);
    },
  );
});
