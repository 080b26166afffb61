import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from '../projects/fixtures.js';
import {
  actionNodeMajor,
  distNode,
  inputEnv,
  readOutputs,
  root,
  runDist,
} from '../support/dist.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

/**
 * Every command through dist/ on the Node action.yml names, on each project kind: `inspect`,
 * `run`, `optimize`, `bench`, and the action entry (dist/index.js) in each `mode` (run on a
 * fork's pull request, comment posting what that run left, benchmark), started as the runner
 * starts it (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the event file).
 */
interface Kind {
  readonly name: string;
  /** Makes a copy of the project to build. */
  copy(): FixtureCopy;
  /** What `inspect` prints of it. */
  readonly inspect: RegExp;
}

function copyExample(): FixtureCopy {
  const work = mkdtempSync(path.join(tmpdir(), 'spinwash-dist-cargo-'));
  const dir = path.join(work, 'hello-rust');
  cpSync(path.join(root, 'examples', 'hello-rust'), dir, { recursive: true });
  symlinkSync(process.env.CARGO_TARGET_DIR!, path.join(dir, 'target'), 'dir');
  return { dir, remove: () => rmSync(work, { recursive: true, force: true }) };
}

const KINDS: Kind[] = [
  { name: 'Cargo', copy: copyExample, inspect: /^kind: cargo\n[\s\S]*hello-rust/ },
  {
    name: 'Spin',
    copy: () => copyFixture('spin/multi', ['hello', 'api']),
    inspect: /^kind: spin\n[\s\S]*  hello\n[\s\S]*  api\n/,
  },
  {
    name: 'wash 0.x',
    copy: () => copyFixture('wash/v1'),
    inspect: /deploy manifests \(1\):\n  wadm: wadm\.yaml \(application http-hello\)/,
  },
  {
    name: 'wash v2',
    copy: () => copyFixture('wash/v2'),
    inspect: /^kind: wash\n[\s\S]*manifest: \.wash\/config\.yaml/,
  },
];

const HEAD = 'c0ffee'.padEnd(40, '0');
let github: FakeGitHub;
beforeAll(async () => {
  github = await startGitHubServer();
  github.addCommits('main', 1);
});
afterAll(() => github.close());

it(`runs on the Node action.yml names (node${actionNodeMajor()})`, async () => {
  const version = await runDist('cli.js', ['--version'], { cwd: root });
  expect(version.code).toBe(0);
  const { execFileSync } = await import('node:child_process');
  expect(execFileSync(distNode(), ['--version'], { encoding: 'utf8' })).toMatch(
    new RegExp(`^v${actionNodeMajor()}\\.`),
  );
});

describe.each(KINDS)('$name project through dist/', (kind) => {
  let copy: FixtureCopy;
  let work: string;
  let env: NodeJS.ProcessEnv;
  let report: Report;
  let commentDir: string;

  beforeAll(() => {
    copy = kind.copy();
    work = mkdtempSync(path.join(tmpdir(), 'spinwash-dist-run-'));
    env = { ...process.env, PATH: pathWithFakes() };
    for (const name of Object.keys(env))
      if (name.startsWith('GITHUB_') || name.startsWith('INPUT_')) delete env[name];
  });
  afterAll(() => {
    copy?.remove();
    rmSync(work, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => runDist('cli.js', args, { cwd: work, env });

  /** The action as the runner starts it, for one event. */
  async function action(
    inputs: Record<string, string>,
    event: { name: string; payload: object },
  ): Promise<{
    code: number | null;
    stderr: string;
    stdout: string;
    outputs: Record<string, string>;
    summary: string;
  }> {
    const step = mkdtempSync(path.join(work, 'step-'));
    const files = {
      output: path.join(step, 'output'),
      summary: path.join(step, 'summary'),
      event: path.join(step, 'event.json'),
    };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    writeFileSync(files.event, JSON.stringify(event.payload));
    const run = await runDist('index.js', [], {
      cwd: work,
      env: {
        ...env,
        GITHUB_WORKSPACE: work,
        RUNNER_TEMP: step,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_EVENT_NAME: event.name,
        GITHUB_EVENT_PATH: files.event,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_SHA: HEAD,
        GITHUB_REF: 'refs/pull/9/merge',
        GITHUB_API_URL: github.url,
        ...inputEnv({ project: copy.dir, 'github-token': 'test-token', ...inputs }),
      },
    });
    return {
      ...run,
      outputs: readOutputs(files.output),
      summary: readFileSync(files.summary, 'utf8'),
    };
  }

  it('inspect', async () => {
    const run = await cli('inspect', '--project', copy.dir);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(kind.inspect);
  });

  it('run: builds, shrinks, serves in the embedded runtime, reports', async () => {
    const json = path.join(work, 'run.json');
    const run = await cli(
      'run',
      '--project',
      copy.dir,
      '--deploy',
      'local',
      '--deploy-timeout',
      '120',
      '--json',
      json,
    );
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.deploy).toMatchObject({ target: 'local', status: 200 });
    for (const component of report.components) {
      if (component.sameFileAs) continue;
      expect(statSync(path.resolve(copy.dir, component.wasm)).size).toBe(component.final.bytes);
    }
    expect(run.stdout).toContain('| release');
  });

  it('optimize: the build’s own file, with wasm-opt (binaryen) and the validator', async () => {
    const component = report.components[0]!;
    const built = `${path.resolve(copy.dir, component.wasm)}.orig`;
    const out = path.join(work, 'small.wasm');
    const json = path.join(work, 'optimize.json');
    const run = await cli('optimize', built, '-o', out, '--wasm-opt', '--json', json);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { output: { bytes: number } };
    expect(statSync(out).size).toBe(result.output.bytes);
    expect(result.output.bytes).toBeLessThan(statSync(built).size);
    expect(run.stdout).toMatch(/valid (component|module)/);
  });

  it('bench: two deploys of one build', async () => {
    const json = path.join(work, 'bench.json');
    const run = await cli(
      'bench',
      '--project',
      copy.dir,
      '--deploy',
      'local',
      '--repeat',
      '2',
      '--deploy-timeout',
      '120',
      '--json',
      json,
    );
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const bench = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(bench.benchmark!.samples).toHaveLength(2);
    for (const sample of bench.benchmark!.samples) expect(sample).not.toHaveProperty('error');
  });

  it('the action, mode: run, on a fork’s pull request: report, outputs, summary, and the comment left in comment-dir', async () => {
    github.readOnly = true; // a fork's token cannot comment
    try {
      const step = await action(
        // the deploy through dist/ is the CLI's `run` above: here the action's own paths
        { 'wasm-opt': 'true', deploy: 'none' },
        {
          name: 'pull_request',
          payload: {
            pull_request: {
              number: 9,
              base: { sha: github.refs.get('main'), ref: 'main', repo: { full_name: 'acme/app' } },
              head: { sha: HEAD, ref: 'feature', repo: { full_name: 'someone/app' } },
            },
          },
        },
      );
      expect(step.stdout).not.toMatch(/internal error|::error::/);
      expect(step.code).toBe(0);
      const written = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8')) as Report;
      expect(Number(step.outputs['size-bytes'])).toBe(
        written.components.filter((c) => !c.sameFileAs).reduce((sum, c) => sum + c.final.bytes, 0),
      );
      expect(written.deploy).toBeUndefined();
      expect(step.outputs).not.toHaveProperty('deploy-seconds');
      expect(step.summary).toContain('| release');
      commentDir = step.outputs['comment-dir']!;
      expect(readFileSync(path.join(commentDir, 'comment.md'), 'utf8')).toContain('| release');
    } finally {
      github.readOnly = false;
    }
  });

  it('the action, mode: comment: posts what the fork’s run left, from its artifact', async () => {
    const runId = 4000 + KINDS.indexOf(kind);
    github.pulls.set('acme/app#9', { headSha: HEAD });
    github.artifacts.push({
      id: runId,
      name: 'spinwash-report',
      runId,
      files: {
        'comment.md': readFileSync(path.join(commentDir, 'comment.md'), 'utf8'),
        'pr.json': readFileSync(path.join(commentDir, 'pr.json'), 'utf8'),
      },
    });
    const before = github.comments.get('acme/app#9')?.length ?? 0;
    const step = await action(
      { mode: 'comment' },
      {
        name: 'workflow_run',
        payload: { workflow_run: { id: runId, head_sha: HEAD, pull_requests: [] } },
      },
    );
    expect(step.stdout).not.toMatch(/internal error|::error::/);
    expect(step.code).toBe(0);
    const comments = github.comments.get('acme/app#9')!;
    // one sticky comment: the first kind creates it, the others update it
    expect(comments).toHaveLength(Math.max(before, 1));
    expect(comments[0]!.body).toContain(
      readFileSync(path.join(commentDir, 'comment.md'), 'utf8').trim(),
    );
  });

  it('the action, mode: benchmark: two deploys, the statistics in the outputs', async () => {
    const step = await action(
      {
        mode: 'benchmark',
        repeat: '2',
        'data-branch': '',
        comment: 'false',
        'deploy-timeout': '120',
      },
      { name: 'workflow_dispatch', payload: {} },
    );
    expect(step.stdout).not.toMatch(/internal error|::error::/);
    expect(step.code).toBe(0);
    expect(Number(step.outputs['bench-median-seconds'])).toBeGreaterThan(0);
    expect(step.summary).toMatch(/median/i);
  });
});
