import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderBackend } from '../../src/bench/backends.js';
import { runBenchmark } from '../../src/bench/benchmark.js';
import { deploySamples } from '../../src/bench/sample.js';
import { summarize, summarizeSamples } from '../../src/bench/stats.js';
import type { HistoryIndex } from '../../src/report/bench-index.js';
import { buildConfig } from '../../src/config/config.js';
import { localTarget } from '../../src/deploy/targets/local/local.js';
import { MemoryLogger } from '../../src/log.js';
import { withOptimizedBuild } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../support/cli.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';
import { parseXml } from '../support/xml.js';
import { descendantPids } from '../deploy/support.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from '../projects/fixtures.js';

// The benchmark for real: examples/hello-rust built once per run (cargo's shared target folder
// keeps it quick), deployed to the embedded runtime again and again, each sample stopped.
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/hello-rust');
const work = mkdtempSync(path.join(tmpdir(), 'spinwash-bench-e2e-'));
const historyDir = path.join(work, 'h');
const appDir = path.join(historyDir, 'hello-rust', 'local');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

describe('spinwash bench on examples/hello-rust, three times (the acceptance run)', () => {
  const runs: { code: number; stdout: string; stderr: string; report: Report }[] = [];
  let before: Set<number>;

  beforeAll(async () => {
    before = descendantPids();
    for (let i = 0; i < 3; i++) {
      const json = path.join(work, 'b.json');
      const run = await runCli(
        work,
        'bench',
        '--project',
        example,
        '--repeat',
        '5',
        '--history',
        'h',
        '--json',
        'b.json',
      );
      runs.push({ ...run, report: readJson<Report>(json) });
    }
  });

  it('exits 0 each time and prints the statistics', () => {
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('## spinwash benchmark: hello-rust on `local`');
      expect(run.stdout).toMatch(
        /\| ready \(deploy start → first healthy answer\) \| \d+\.\d ms \| \*\*\d+\.\d ms\*\* \|/,
      );
    }
    expect(runs[0]!.stdout).toContain('no earlier run to compare with');
  });

  it('writes b.json with 5 samples: the cold one apart, the statistics of the other 4', () => {
    const bench = runs[2]!.report.benchmark!;
    expect(bench).toMatchObject({ target: 'local', app: 'hello-rust', repeat: 5, failed: 0 });
    expect(bench.samples.map((s) => s.index)).toEqual([1, 2, 3, 4, 5]);
    expect(bench.cold).toEqual(bench.samples[0]);
    for (const s of bench.samples) {
      expect(s.status).toBe(200);
      expect(s.readySeconds).toBeGreaterThan(0);
      expect(s.firstResponseSeconds).toBeLessThanOrEqual(s.readySeconds!);
    }
    const warm = bench.samples.slice(1).map((s) => s.readySeconds!);
    expect(bench.warm.readySeconds).toEqual(summarize(warm));
    expect(bench.warm.readySeconds!.n).toBe(4);
    expect(bench.warm.commandSeconds).toBeUndefined(); // the embedded runtime runs no command
    expect(bench.sizes.bytes).toBe(runs[2]!.report.components[0]!.final.bytes);
    // the size report is still there, under its usual names
    expect(runs[2]!.report.components[0]!.name).toBe('hello-rust');
    expect(runs[2]!.report.deploy).toBeUndefined();
  });

  it('keeps three runs in h, and draws trend and scatter with three points each', () => {
    const index = readJson<HistoryIndex>(path.join(appDir, 'index.json'));
    expect(index.runs.map((r) => r.id)).toEqual(runs.map((r) => r.report.benchmark!.runId));
    expect(readdirSync(path.join(appDir, 'runs')).sort()).toEqual(
      index.runs.map((r) => `${r.id}.json`),
    );
    for (const chart of ['trend.svg', 'scatter.svg']) {
      const elements = parseXml(readFileSync(path.join(appDir, chart), 'utf8'));
      expect(elements.filter((e) => e.attributes.class === 'median')).toHaveLength(3);
    }
    expect(runs[2]!.stdout).toContain(
      `Charts: [ready-time trend](${path.join('h', 'hello-rust/local/trend.svg')})`,
    );
    expect(runs[1]!.report.benchmark!.alert!.window).toEqual([runs[0]!.report.benchmark!.runId]);
  });

  it('leaves no process behind', () => {
    expect([...descendantPids()].filter((pid) => !before.has(pid))).toEqual([]);
  });

  it('keeps the failed samples, and fails the run only when every sample failed', async () => {
    // a deploy timeout no deploy can meet: every sample fails for real
    const run = await runCli(
      work,
      'bench',
      '--project',
      example,
      '--repeat',
      '2',
      '--deploy-timeout',
      '0.001',
      '--json',
      'failed.json',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /spinwash: error: Every one of the 2 deploys to `local` failed; the first: /,
    );
    const bench = readJson<Report>(path.join(work, 'failed.json')).benchmark!;
    expect(bench.failed).toBe(2);
    expect(bench.samples.map((s) => Boolean(s.error))).toEqual([true, true]);
    expect(bench.warm).toEqual({});
  });

  it('records a sample whose deploy failed between good ones, and sums up the others', async () => {
    const logger = new MemoryLogger();
    const config = buildConfig(
      { project: example, repeat: '4', mode: 'benchmark', 'min-interval': '1.5' },
      root,
    );
    const built = await withOptimizedBuild(config, logger, async (b) => b);
    let deploys = 0;
    // sample 3 is handed a file that is not there: the embedded runtime's own error
    const missing = path.join(work, 'gone.wasm');
    const samples = await deploySamples(built.project, built.optimized.components, config, logger, {
      ...localTarget,
      deploy: (request) =>
        localTarget.deploy(
          ++deploys === 3
            ? {
                ...request,
                options: undefined,
                components: [{ name: 'hello-rust', wasmPath: missing }],
              }
            : { ...request, options: undefined },
        ),
    });
    expect(samples.map((s) => s.index)).toEqual([1, 2, 3, 4]);
    expect(samples[2]!.error).toContain(`cannot read ${missing}`);
    // min-interval: each sample started 1.5 s after the one before at least
    const starts = samples.map((s) => Date.parse(s.startedAt));
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(1500 - 2);
    expect(
      logger.lines.some((l) => /^waiting \d\.\d s before sample \d \(min-interval\)$/.test(l)),
    ).toBe(true);
    const { warm, failed } = summarizeSamples(samples);
    expect(failed).toBe(1);
    expect(warm.readySeconds).toEqual(
      summarize([samples[1]!.readySeconds!, samples[3]!.readySeconds!]),
    );
  });
});

describe('mode: benchmark in the action, on a schedule', () => {
  let github: FakeGitHub;
  const summary = path.join(work, 'summary.md');
  const outputs = path.join(work, 'outputs.txt');
  const sha = 'c0ffee'.padEnd(40, '0');

  beforeAll(async () => {
    github = await startGitHubServer();
  });
  afterAll(async () => {
    await github.close();
  });

  /** Runs the action's entry as the runner does: a node process with INPUT_* and GITHUB_*. */
  const action = (inputs: Record<string, string>) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      // the runner creates the files a step appends its outputs and summary to
      writeFileSync(outputs, '');
      if (!existsSync(summary)) writeFileSync(summary, '');
      execFile(
        path.join(root, 'node_modules/.bin/tsx'),
        [path.join(root, 'src/index.ts')],
        { cwd: root, env: actionEnv(inputs), maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') reject(error);
          else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
    });
  const actionEnv = (inputs: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    'INPUT_GITHUB-TOKEN': 'ghs_benchmark',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: outputs,
    GITHUB_WORKSPACE: root,
    RUNNER_TEMP: work,
  });
  const inputs = {
    project: 'examples/hello-rust',
    deploy: 'local',
    mode: 'benchmark',
    repeat: '3',
  };
  /** Earlier runs, as an index on the data branch would hold them. */
  const seed = (median: number) =>
    Array.from({ length: 5 }, (_, i) => ({
      id: `2026112${i}T030000000Z-abc${i}`,
      startedAt: `2026-11-2${i}T03:00:00.000Z`,
      samples: 3,
      failed: 0,
      ready: {
        n: 2,
        median,
        min: median * 0.9,
        max: median * 1.1,
        p10: median * 0.92,
        p90: median * 1.08,
        mad: median * 0.05,
      },
      bytes: 47_335,
      gzipBytes: 16_590,
    }));

  it('appends the run to the data branch, redraws the charts, updates the summary, and opens one issue on a regression', async () => {
    // five earlier runs a thousand times faster than any real deploy: this run is a regression
    github.addCommits('spinwash-data', 1);
    github.writeFile(
      'spinwash-data',
      'bench/hello-rust/local/index.json',
      JSON.stringify({ app: 'hello-rust', target: 'local', runs: seed(0.001) }),
    );
    const run = await action(inputs);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/::error/);
    expect(run.code).toBe(0);
    const files = github.listFiles('spinwash-data').filter((f) => f.startsWith('bench/'));
    const index = JSON.parse(
      github.readFile('spinwash-data', 'bench/hello-rust/local/index.json')!,
    ) as HistoryIndex;
    expect(index.runs).toHaveLength(6);
    const runId = index.runs[5]!.id;
    expect(runId).toMatch(/^\d{8}T\d{9}Z-c0ffee0$/);
    expect(files).toEqual(
      [
        'bench/hello-rust/local/index.json',
        `bench/hello-rust/local/runs/${runId}.json`,
        'bench/hello-rust/local/scatter.svg',
        'bench/hello-rust/local/trend.svg',
      ].sort(),
    );
    const trend = parseXml(github.readFile('spinwash-data', 'bench/hello-rust/local/trend.svg')!);
    expect(trend.filter((e) => e.attributes.class === 'median')).toHaveLength(6);
    const saved = JSON.parse(
      github.readFile('spinwash-data', `bench/hello-rust/local/runs/${runId}.json`)!,
    ) as Report;
    expect(saved.source).toEqual({ commit: sha, ref: 'refs/heads/main' });
    expect(saved.benchmark!.samples).toHaveLength(3);

    // one issue, naming the target, the numbers and the runs compared
    const issues = [...github.issues.values()];
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('spinwash benchmark: hello-rust on local deploys slower');
    expect(issues[0]!.body).toContain('`hello-rust` on `local`');
    expect(issues[0]!.body).toContain('| median ready time |');
    expect(issues[0]!.body).toContain(`0.001 s (median of medians)`);
    for (const r of seed(0.001)) expect(issues[0]!.body).toContain(`\`${r.id}\``);
    expect(index.alert).toEqual({ open: true, since: runId, issue: issues[0]!.number });

    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('## spinwash benchmark: hello-rust on `local`');
    expect(text).toContain('🔴 **regression**');
    expect(text).toContain('```mermaid\nxychart-beta');
    expect(text).toContain(
      'https://github.example/acme/app/blob/spinwash-data/bench/hello-rust/local/trend.svg',
    );
    const out = readFileSync(outputs, 'utf8');
    expect(out).toMatch(/bench-alert<<.*\nregression\n/);
    expect(out).toContain(issues[0]!.html_url);
  });

  it('says so on the same issue, and closes it, when a later run is back in range', async () => {
    const index = JSON.parse(
      github.readFile('spinwash-data', 'bench/hello-rust/local/index.json')!,
    ) as HistoryIndex;
    // the earlier runs are now far slower: this run is in range
    github.writeFile(
      'spinwash-data',
      'bench/hello-rust/local/index.json',
      JSON.stringify({ ...index, runs: seed(100) }),
    );
    const run = await action({ ...inputs, 'fail-on-alert': 'true' });
    expect(run.code).toBe(0);
    const issues = [...github.issues.values()];
    expect(issues).toHaveLength(1);
    expect(issues[0]!.state).toBe('closed');
    const comments = github.comments.get(`acme/app#${issues[0]!.number}`)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('🟢 **Back in range**');
    const after = JSON.parse(
      github.readFile('spinwash-data', 'bench/hello-rust/local/index.json')!,
    ) as HistoryIndex;
    expect(after.alert).toMatchObject({ open: false, issue: issues[0]!.number });
    expect(after.runs).toHaveLength(6);
  });

  it('fails the step on a regression with fail-on-alert, after writing the summary', async () => {
    const index = JSON.parse(
      github.readFile('spinwash-data', 'bench/hello-rust/local/index.json')!,
    ) as HistoryIndex;
    github.writeFile(
      'spinwash-data',
      'bench/hello-rust/local/index.json',
      JSON.stringify({ ...index, runs: seed(0.001) }),
    );
    writeFileSync(summary, '');
    const run = await action({ ...inputs, 'fail-on-alert': 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Benchmark regression on `local`: slower beyond the threshold/,
    );
    expect(readFileSync(summary, 'utf8')).toContain('🔴 **regression**');
    // the same issue again, reopened with a comment
    const issues = [...github.issues.values()];
    expect(issues).toHaveLength(1);
    expect(issues[0]!.state).toBe('open');
    expect(github.comments.get(`acme/app#${issues[0]!.number}`)).toHaveLength(2);
  });
});

describe('a benchmark through another target of the family: `spin up` (fake spin CLI, real components)', () => {
  const savedPath = process.env.PATH;
  let copy: FixtureCopy;
  beforeAll(() => {
    process.env.PATH = pathWithFakes();
    copy = copyFixture('spin/multi', ['hello', 'api']);
  });
  afterAll(() => {
    process.env.PATH = savedPath;
    copy.remove();
  });

  it('deploys the one build three times, stopping `spin up` between samples', async () => {
    const before = descendantPids();
    const logger = new MemoryLogger();
    const config = buildConfig(
      { project: copy.dir, runtime: 'spin', mode: 'benchmark', repeat: '3' },
      copy.dir,
    );
    const history = path.join(work, 'spin-history');
    const result = await runBenchmark(config, logger, { history: folderBackend(history) });
    const bench = result.report.benchmark;
    expect(bench).toMatchObject({ target: 'spin-up', app: 'multi', failed: 0 });
    expect(bench.samples.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(bench.warm.readySeconds!.n).toBe(2);
    // one build: the build stage ran once, the deploy three times
    expect(logger.lines.filter((l) => l.startsWith('[2/5] build done'))).toHaveLength(1);
    expect(logger.lines.filter((l) => /^sample \d\/3: ready after/.test(l))).toHaveLength(3);
    expect(readdirSync(path.join(history, 'multi', 'spin-up', 'runs'))).toHaveLength(1);
    expect([...descendantPids()].filter((pid) => !before.has(pid))).toEqual([]);
  });
});
