import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergedReport } from '../../src/monorepo/model.js';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../support/cli.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

/**
 * Issue 18's acceptance, for real: a monorepo of four apps (three Cargo — one a workspace —
 * and one wash 0.x) on disk and in git; the action's entry run as the runner runs it (a node
 * process with INPUT_* and GITHUB_*) against the GitHub stand-in, with real cargo builds and
 * real deploys: plan → matrix jobs (push, then a pull request) → merge, twice.
 */

const spinwash = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'spinwash-monorepo-'));
const mono = path.join(work, 'mono');
const hello = path.join(spinwash, 'examples', 'hello-rust');

/** A copy of the demo crate under another package name (a wasi:http component each). */
function helloCrate(dir: string, name: string): void {
  mkdirSync(path.join(mono, dir), { recursive: true });
  cpSync(path.join(hello, 'src'), path.join(mono, dir, 'src'), { recursive: true });
  const manifest = readFileSync(path.join(hello, 'Cargo.toml'), 'utf8').replace(
    'name = "hello-rust"',
    `name = "${name}"`,
  );
  writeFileSync(path.join(mono, dir, 'Cargo.toml'), manifest);
}

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
    cwd: mono,
    encoding: 'utf8',
  }).trim();

let github: FakeGitHub;
beforeAll(async () => {
  github = await startGitHubServer();
  helloCrate('apps/a', 'mono-a');
  helloCrate('apps/b', 'mono-b');
  // a workspace: one wasm member and a library; one app
  mkdirSync(path.join(mono, 'services/ws'), { recursive: true });
  writeFileSync(
    path.join(mono, 'services/ws/Cargo.toml'),
    '[workspace]\nresolver = "2"\nmembers = ["crates/*"]\n',
  );
  helloCrate('services/ws/crates/web', 'mono-ws-web');
  mkdirSync(path.join(mono, 'services/ws/crates/util/src'), { recursive: true });
  writeFileSync(
    path.join(mono, 'services/ws/crates/util/Cargo.toml'),
    '[package]\nname = "mono-ws-util"\nversion = "0.1.0"\nedition = "2021"\n',
  );
  writeFileSync(path.join(mono, 'services/ws/crates/util/src/lib.rs'), '');
  cpSync(path.join(spinwash, 'test/fixtures/wash/v1'), path.join(mono, 'edge/wash'), {
    recursive: true,
  });
  // what plan must not list
  helloCrate('vendor/node_modules/x', 'not-an-app-1');
  helloCrate('scratch/tmp', 'not-an-app-2');
  writeFileSync(path.join(mono, '.gitignore'), 'target/\nscratch/\n');
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'four apps');
});
afterAll(async () => {
  await github.close();
  rmSync(work, { recursive: true, force: true });
});

const PUSHED = () => github.refs.get('main')!;
const HEAD_SHA = 'c0ffee'.padEnd(40, '0');

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** The action's entry as the runner starts it, in the monorepo's workspace. */
function action(
  name: string,
  inputs: Record<string, string>,
  event: { name: string; payload: Record<string, unknown>; sha?: string; ref?: string },
): Promise<ActionRun> {
  const dir = path.join(work, 'runner', name);
  mkdirSync(dir, { recursive: true });
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    event: path.join(dir, 'event.json'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(event.payload));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    'INPUT_GITHUB-TOKEN': 'ghs_monorepo',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme/mono',
    GITHUB_SHA: event.sha ?? HEAD_SHA,
    GITHUB_REF: event.ref ?? 'refs/pull/7/merge',
    GITHUB_API_URL: github.url,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: mono,
    RUNNER_TEMP: dir,
  };
  return new Promise((resolve, reject) => {
    execFile(
      path.join(spinwash, 'node_modules/.bin/tsx'),
      [path.join(spinwash, 'src/index.ts')],
      { cwd: mono, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        const text = readFileSync(files.output, 'utf8');
        const outputs: Record<string, string> = {};
        for (const m of text.matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]!] = m[3]!;
        resolve({
          code: error ? Number(error.code) : 0,
          stdout,
          stderr,
          outputs,
          summary: readFileSync(files.summary, 'utf8'),
        });
      },
    );
  });
}

const push = () => ({
  name: 'push',
  payload: { repository: { default_branch: 'main' } },
  sha: PUSHED(),
  ref: 'refs/heads/main',
});
const pullRequest = () => ({
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    pull_request: {
      number: 7,
      base: { sha: PUSHED(), ref: 'main', repo: { full_name: 'acme/mono' } },
      head: { sha: HEAD_SHA, ref: 'feature', repo: { full_name: 'acme/mono' } },
      user: { login: 'dev' },
    },
  },
});

/** One matrix job: spinwash as today, keyed by its app, its report where the artifact is uploaded from. */
function matrixJob(
  entry: { project: string; name: string; kind: string },
  event: ReturnType<typeof push> | ReturnType<typeof pullRequest>,
  artifacts: string,
  extra: Record<string, string> = {},
) {
  return action(
    `${event.name}-${entry.name}-${Date.now()}`,
    {
      project: entry.project,
      'project-kind': entry.kind,
      app: entry.name,
      comment: 'false',
      'report-path': path.join(artifacts, `spinwash-app-${entry.name}`, 'spinwash-report.json'),
      ...extra,
    },
    event,
  );
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** A run that passed; else its log, to read why. */
function expectPassed(run: ActionRun): void {
  expect(run.code, run.stdout.slice(-3000)).toBe(0);
  expect(run.stdout).not.toMatch(/::error/);
}

/** Real builds (the first compiles std for the target): minutes on a loaded 2-core machine. */
const BUILDS = 900_000;

describe('a monorepo on the Actions matrix (issue 18)', { timeout: BUILDS }, () => {
  let matrix: { include: { project: string; name: string; kind: string }[] };

  it('plan lists all four apps in path order; paths-changed narrows them to what a branch changed', async () => {
    const planned = await action('plan', { mode: 'plan', project: '.' }, push());
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    matrix = JSON.parse(planned.outputs.matrix!);
    expect(matrix).toEqual({
      include: [
        { project: 'apps/a', name: 'a', kind: 'cargo' },
        { project: 'apps/b', name: 'b', kind: 'cargo' },
        { project: 'edge/wash', name: 'wash', kind: 'wash' },
        { project: 'services/ws', name: 'ws', kind: 'cargo' },
      ],
    });
    expect(planned.outputs['app-count']).toBe('4');
    expect(planned.summary).toContain('| wash | wash | `edge/wash` |');

    // the CLI says the same
    const cli = await runCli(mono, 'plan', '--json', path.join(work, 'matrix.json'));
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(matrix);
    expect(readJson(path.join(work, 'matrix.json'))).toEqual(matrix);

    git('checkout', '-qb', 'feature');
    writeFileSync(path.join(mono, 'services/ws/crates/util/src/lib.rs'), 'pub fn x() {}\n');
    git('commit', '-qam', 'util');
    const narrowed = await runCli(mono, 'plan', '--paths-changed', 'main');
    expect(JSON.parse(narrowed.stdout).include.map((e: { name: string }) => e.name)).toEqual([
      'ws',
    ]);
    expect(narrowed.stderr).toContain('1 of 4 apps changed since `main`');
    git('checkout', '-q', 'main');
  });

  const cargoApps = () => matrix.include.filter((e) => e.kind === 'cargo');

  it('two matrix jobs of one commit keep both reports on the data branch (push)', async () => {
    github.addCommits('main', 1);
    const artifacts = path.join(work, 'push-artifacts');
    const [a, b, ws] = cargoApps();
    // a and b at the same time, as a matrix runs them
    const runs = await Promise.all([
      matrixJob(a!, push(), artifacts),
      matrixJob(b!, push(), artifacts),
    ]);
    runs.push(await matrixJob(ws!, push(), artifacts));
    for (const run of runs) expectPassed(run);
    const sha = PUSHED();
    expect(github.listFiles('spinwash-data').filter((f) => f.startsWith('reports/'))).toEqual([
      `reports/${sha}/a.json`,
      `reports/${sha}/b.json`,
      `reports/${sha}/ws.json`,
    ]);
    const stored = JSON.parse(github.readFile('spinwash-data', `reports/${sha}/b.json`)!) as Report;
    expect(stored.project).toEqual({ kind: 'cargo', path: 'apps/b', name: 'b' });
  });

  let firstArtifacts: string;
  it('a pull request compares each app with its own baseline; merge gives one markdown and the JSON of three apps', async () => {
    // b grows on the branch; a and ws do not change
    const lib = path.join(mono, 'apps/b/src/lib.rs');
    writeFileSync(
      lib,
      readFileSync(lib, 'utf8').replace(
        'pub const GREETING: &str = "Hello from spinwash!\\n";',
        `pub const GREETING: &str = "${'Hello from a much longer spinwash greeting! '.repeat(60)}\\n";`,
      ),
    );
    firstArtifacts = path.join(work, 'pr-artifacts-1');
    const [a, b, ws] = cargoApps();
    const runA = await matrixJob(a!, pullRequest(), firstArtifacts);
    const runB = await matrixJob(b!, pullRequest(), firstArtifacts, {
      'max-increase': '1%',
      'fail-on-budget': 'false',
    });
    const runWs = await matrixJob(ws!, pullRequest(), firstArtifacts, { deploy: 'none' });
    for (const run of [runA, runB, runWs]) expectPassed(run);
    const report = (name: string) =>
      readJson<Report>(path.join(firstArtifacts, `spinwash-app-${name}`, 'spinwash-report.json'));
    const stored = (name: string) =>
      JSON.parse(github.readFile('spinwash-data', `reports/${PUSHED()}/${name}.json`)!) as Report;
    for (const name of ['a', 'b', 'ws']) {
      const r = report(name);
      // its own baseline: the base commit's report of the same app
      expect(r.comparison?.baseline.commit).toBe(PUSHED());
      expect(r.comparison?.components.map((c) => c.name)).toEqual(
        stored(name).components.map((c) => c.name),
      );
      expect(r.comparison?.total.baseBytes).toBe(stored(name).components[0]!.final.bytes);
    }
    expect(report('a').comparison!.total.delta).toBe(0);
    expect(report('b').comparison!.total.delta).toBeGreaterThan(2000);
    expect(report('b').budgets?.breaches[0]?.budget).toBe('max-increase');
    // nothing was saved for the pull request
    expect(github.listFiles('spinwash-data').filter((f) => f.includes(HEAD_SHA))).toEqual([]);

    const merged = await runCli(
      work,
      'merge',
      '--reports',
      firstArtifacts,
      '--markdown',
      'merged.md',
      '--json',
      'merged.json',
    );
    expect(merged.stderr).not.toMatch(/error/);
    expect(merged.code).toBe(0);
    const markdown = readFileSync(path.join(work, 'merged.md'), 'utf8');
    expect(merged.stdout).toBe(markdown);
    expect(markdown).toMatch(
      /^## spinwash report: 3 apps\n\n❌ \*\*1 broke a budget\*\* \(of 3 apps\)\n\n- \*\*b\*\*: max-increase broken/,
    );
    const rows = markdown.split('\n').filter((l) => /^\| (⚠️ )?\*\*/.test(l));
    expect(rows.map((r) => /\*\*(\w+)\*\*/.exec(r)![1])).toEqual(['b', 'a', 'ws']);
    expect(rows[0]).toMatch(
      /^\| ⚠️ \*\*b\*\* `apps\/b` \| .* \| 🔺 \+.* \| ⚠️ max-increase broken \(not failing\) \|$/,
    );
    expect(rows[1]).toMatch(/\| ⚪ ±0 B .*\| \d+(\.\d+)? (ms|s)/);
    expect(rows[2]).toContain('| not deployed |');
    expect(markdown.match(/<details><summary><b>(a|b|ws)<\/b>/g)).toHaveLength(3);
    const json = readJson<MergedReport>(path.join(work, 'merged.json'));
    expect(json.apps.map((a) => [a.app, a.status])).toEqual([
      ['b', 'over-budget'],
      ['a', 'passed'],
      ['ws', 'passed'],
    ]);
    expect(json.apps.every((a) => a.report?.components.length === 1)).toBe(true);
  });

  let commentId: number;
  it('the action’s merge mode posts one sticky comment', async () => {
    const run = await action(
      'merge-1',
      { mode: 'merge', reports: firstArtifacts, matrix: JSON.stringify({ include: cargoApps() }) },
      pullRequest(),
    );
    expectPassed(run);
    const comments = github.comments.get('acme/mono#7')!;
    expect(comments).toHaveLength(1);
    commentId = comments[0]!.id;
    expect(comments[0]!.body).toMatch(/^<!-- spinwash:sticky -->\n## spinwash report: 3 apps/);
    expect(run.outputs['comment-url']).toBe(comments[0]!.html_url);
    expect(run.summary).toContain('## spinwash report: 3 apps');
    expect(readJson<MergedReport>(run.outputs['report-path']!).apps).toHaveLength(3);
  });

  it('the next run updates that comment; a job that failed shows as failed, and the merge fails in one line', async () => {
    // the next push to the pull request breaks a's build; b and ws are as before
    const artifacts = path.join(work, 'pr-artifacts-2');
    for (const name of ['b', 'ws'])
      cpSync(
        path.join(firstArtifacts, `spinwash-app-${name}`),
        path.join(artifacts, `spinwash-app-${name}`),
        {
          recursive: true,
        },
      );
    writeFileSync(path.join(mono, 'apps/a/src/lib.rs'), 'pub fn broken( {}\n');
    const failed = await matrixJob(cargoApps()[0]!, pullRequest(), artifacts);
    expect(failed.code).toBe(1);
    const record = readJson<{ app: string; failure: { message: string } }>(
      path.join(artifacts, 'spinwash-app-a', 'spinwash-report.json'),
    );
    expect(record.app).toBe('a');
    expect(record.failure.message).toMatch(/^cargo build failed \(exit code 101\):\nerror/);

    const run = await action(
      'merge-2',
      { mode: 'merge', reports: artifacts, matrix: JSON.stringify(matrix) },
      pullRequest(),
    );
    const comments = github.comments.get('acme/mono#7')!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(commentId);
    const body = comments[0]!.body;
    expect(body).toMatch(
      /^<!-- spinwash:sticky -->\n## spinwash report: 4 apps\n\n❌ \*\*1 broke a budget, 2 failed\*\* \(of 4 apps\)/,
    );
    expect(body).toMatch(/- \*\*a\*\*: failed: cargo build failed \(exit code 101\): error/);
    expect(body).toContain('- **wash**: failed: Its job left no report');
    expect(body).toContain('| ❌ **a** `apps/a` | — | — | — | ❌ job failed |');
    // the comment was posted before the step failed, in one line
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toEqual([
      '::error::2 of 4 apps did not pass: a (its job failed), wash (its job failed)',
    ]);
  });

  it('a pull_request_target event is refused with one line, nothing built', async () => {
    const event = { ...pullRequest(), name: 'pull_request_target' };
    const run = await action('target', { project: 'apps/b' }, event);
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error::spinwash does not run on `pull_request_target`: .*use `pull_request` .*`workflow_run` workflow with `mode: comment`.*`allow-pull-request-target: true`/,
    );
    expect(run.stdout).not.toContain('[1/5] setup');
  });
});
