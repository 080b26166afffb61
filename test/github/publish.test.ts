import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import type { RawInputs } from '../../src/config/inputs.js';
import { UserError } from '../../src/errors.js';
import { createOctokit, type GitHubClient } from '../../src/github/client.js';
import { readForkFiles } from '../../src/github/fork.js';
import { readGitHubContext } from '../../src/github/context.js';
import { MemoryLogger } from '../../src/log.js';
import type { ComponentSpec } from '../../src/projects/project.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import {
  publishFromArtifact,
  publishReport,
  reportOutputs,
  type PublishDeps,
} from '../../src/publish/publish.js';
import { assessReport } from '../../src/report/regression.js';
import { loadBaseline } from '../../src/publish/baseline.js';
import { finishReport } from '../../src/publish/finish.js';
import type { HistoryIndex } from '../../src/report/bench-index.js';
import { component, report } from '../report/reports.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

let github: FakeGitHub;
let dir: string;
let octokit: GitHubClient;
let logger: MemoryLogger;
let sinks: {
  outputs: Record<string, string>;
  summary: string[];
  annotations: { message: string; file?: string }[];
};

beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(async () => {
  await github.close();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-publish-'));
  github.readOnly = false;
  logger = new MemoryLogger();
  octokit = createOctokit({
    token: 'test-token',
    baseUrl: github.url,
    retryAfterBaseMs: 5,
    logger,
  });
  sinks = { outputs: {}, summary: [], annotations: [] };
  return () => rm(dir, { recursive: true, force: true });
});

const specs: ComponentSpec[] = [
  { name: 'api', wasmPath: '/w/target/api.wasm', manifest: '/w/api/Cargo.toml', built: true },
];

function config(raw: RawInputs = {}) {
  return buildConfig({
    project: dir,
    'report-path': path.join(dir, 'out', 'report.json'),
    'github-token': 'test-token',
    ...raw,
  });
}

/** The runner's environment for an event: GITHUB_* variables and the payload file. */
async function event(
  name: string,
  payload: Record<string, unknown>,
  extra: Record<string, string> = {},
): Promise<NodeJS.ProcessEnv> {
  const file = path.join(dir, `${name}-event.json`);
  await writeFile(file, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'acme/app',
    ...extra,
  };
}

function deps(env: NodeJS.ProcessEnv): Partial<PublishDeps> {
  return {
    env,
    octokit,
    setOutput: (name, value) => (sinks.outputs[name] = value),
    appendSummary: async (markdown) => void sinks.summary.push(markdown),
    annotateError: (message, file) =>
      sinks.annotations.push(file ? { message, file } : { message }),
  };
}

const prPayload = (number: number, fork = false) => ({
  pull_request: {
    number,
    base: { sha: github.refs.get('main'), ref: 'main', repo: { full_name: 'acme/app' } },
    head: {
      sha: 'c0ffee'.padEnd(40, '0'),
      ref: 'feature',
      repo: { full_name: fork ? 'someone/app' : 'acme/app' },
    },
  },
});

function input(r: Report) {
  return { report: r, markdown: renderMarkdown(r), project: { components: specs } };
}

describe('reportOutputs', () => {
  it('app-url is the deploy URL when it outlives the step, never a loopback one', () => {
    const local = report([component('api', 20_000)]);
    expect(reportOutputs(input(local))).not.toHaveProperty('app-url');
    const remote = report([component('api', 20_000)], {
      deploy: { ...local.deploy!, url: 'https://app.example.com/' },
    });
    expect(reportOutputs(input(remote))['app-url']).toBe('https://app.example.com/');
  });
});

describe('publishReport', () => {
  it('sets the outputs and the summary, and keeps one sticky comment on a PR across runs', async () => {
    github.addCommits('main', 1);
    const env = await event('pull_request', prPayload(7));
    const first = await publishReport(
      input(report([component('api', 20_000)])),
      config(),
      logger,
      deps(env),
    );
    expect(first.comment).toMatchObject({ outcome: 'created' });
    expect(sinks.outputs).toMatchObject({
      'wasm-path': '/w/target/api.wasm',
      'size-bytes': '20000',
      'gzip-bytes': String(component('api', 20_000).final.gzipBytes),
      'deploy-seconds': '0.734',
      'report-path': path.join(dir, 'out', 'report.json'),
    });
    // a local deploy's 127.0.0.1 URL is gone when the step ends: no app-url output
    expect(sinks.outputs).not.toHaveProperty('app-url');
    expect(sinks.summary[0]).toContain('| api | 19.5 KiB (20,000 B) |');
    const second = await publishReport(
      input(report([component('api', 19_000)])),
      config(),
      logger,
      deps(env),
    );
    expect(second.comment).toMatchObject({ outcome: 'updated' });
    const comments = github.comments.get('acme/app#7')!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('| api | 18.6 KiB (19,000 B) |');
  });

  it('with no baseline and max-increase: 1%, the comment and the summary say the budget was not checked', async () => {
    const env = await event('pull_request', prPayload(31));
    const settings = config({ 'max-increase': '1%' });
    const assessed = assessReport(report([component('api', 20_000)]), settings.budgets);
    expect(assessed.budgets?.notChecked).toEqual([
      { budget: 'max-increase', limit: '1%', reason: 'no baseline' },
    ]);
    await publishReport(
      { report: assessed, markdown: renderMarkdown(assessed), project: { components: specs } },
      settings,
      logger,
      deps(env),
    );
    const [comment] = github.comments.get('acme/app#31')!;
    for (const text of [comment!.body, sinks.summary.at(-1)!]) {
      expect(text).toContain('⚪ No baseline: nothing to compare against');
      expect(text).toContain('max-increase 1%: not checked (no baseline)');
      expect(text).not.toContain('Within budget');
    }
  });

  it('writes outputs and the summary through @actions/core by default, with the API URL from GITHUB_API_URL', async () => {
    const saved = { ...process.env };
    const outputFile = path.join(dir, 'github-output');
    const summaryFile = path.join(dir, 'step-summary');
    await writeFile(outputFile, '');
    await writeFile(summaryFile, '');
    Object.assign(process.env, {
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_API_URL: github.url,
    });
    try {
      github.addCommits('main', 1);
      const env = await event('pull_request', prPayload(12));
      const r = report([component('api', 3_000)]);
      // No sinks and no client handed in: the real ones, the client made from `github-token`.
      const outcome = await publishReport(input(r), config(), logger, { env });
      expect(outcome.comment).toMatchObject({ outcome: 'created' });
      expect(await readFile(outputFile, 'utf8')).toMatch(/size-bytes<<ghadelimiter_[\w-]+\n3000\n/);
      expect(await readFile(summaryFile, 'utf8')).toContain('| api | 2.93 KiB (3,000 B) |');
    } finally {
      for (const key of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_API_URL']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });

  it('does not comment outside a pull request, or when comment is false', async () => {
    const env = await event('workflow_dispatch', {});
    const outcome = await publishReport(
      input(report([component('api', 1_000)])),
      config(),
      logger,
      deps(env),
    );
    expect(outcome.comment).toBeUndefined();
    const prEnv = await event('pull_request', prPayload(8));
    expect(
      (
        await publishReport(
          input(report([component('api', 1_000)])),
          config({ comment: 'false' }),
          logger,
          deps(prEnv),
        )
      ).comment,
    ).toBeUndefined();
    expect(github.comments.get('acme/app#8')).toBeUndefined();
  });

  it('on a fork PR writes the comment to files, warns how to post it, and mode: comment posts it from the artifact', async () => {
    github.addCommits('main', 1);
    github.readOnly = true;
    const r = report([component('api', 20_000)]);
    const forkEnv = await event('pull_request', prPayload(9, true));
    const outcome = await publishReport(input(r), config(), logger, deps(forkEnv));
    expect(outcome.comment?.outcome).toBe('forbidden');
    expect(outcome.commentDir).toBe(path.join(dir, 'out', 'spinwash-comment'));
    expect(sinks.outputs['comment-dir']).toBe(outcome.commentDir);
    expect(logger.lines.join('\n')).toMatch(
      /warning: The token cannot comment on acme\/app#9 .*upload that folder as an artifact named `spinwash-report`.*`mode: comment`/s,
    );
    const files = await readForkFiles(outcome.commentDir!);
    expect(files.pending).toEqual({
      owner: 'acme',
      repo: 'app',
      number: 9,
      headSha: 'c0ffee'.padEnd(40, '0'),
      key: 'sticky',
    });
    expect(
      JSON.parse(await readFile(path.join(outcome.commentDir!, 'report.json'), 'utf8')),
    ).toEqual(r);

    // The workflow_run side: the artifact holds those files; the base repository's token can write.
    github.readOnly = false;
    github.pulls.set('acme/app#9', { headSha: 'c0ffee'.padEnd(40, '0') });
    github.artifacts.push({
      id: 77,
      name: 'spinwash-report',
      runId: 4242,
      files: { 'comment.md': files.markdown, 'pr.json': JSON.stringify(files.pending) },
    });
    const runEnv = await event('workflow_run', {
      workflow_run: { id: 4242, head_sha: 'c0ffee'.padEnd(40, '0'), pull_requests: [] },
    });
    const posted = await publishFromArtifact(config({ mode: 'comment' }), logger, {
      env: runEnv,
      octokit,
    });
    expect(posted).toMatchObject({ posted: true, pr: 9, comment: { outcome: 'created' } });
    expect(github.comments.get('acme/app#9')![0]!.body).toBe(
      `<!-- spinwash:sticky -->\n${files.markdown}`,
    );
  });

  it('mode: comment refuses an artifact whose PR head is not the run commit, and other events', async () => {
    github.pulls.set('acme/app#10', { headSha: 'newer'.padEnd(40, '0') });
    github.artifacts.push({
      id: 78,
      name: 'spinwash-report',
      runId: 4343,
      files: {
        'comment.md': 'x',
        'pr.json': JSON.stringify({
          owner: 'acme',
          repo: 'app',
          number: 10,
          headSha: 'a'.repeat(40),
          key: 'sticky',
        }),
      },
    });
    const runEnv = await event('workflow_run', {
      workflow_run: { id: 4343, head_sha: 'a'.repeat(40), pull_requests: [] },
    });
    await expect(
      publishFromArtifact(config({ mode: 'comment' }), logger, { env: runEnv, octokit }),
    ).rejects.toThrow(/PR #10, whose head is newer00, but the run built aaaaaaa; not posting/);
    github.fail('GET', /\/actions\/runs\/4343\/artifacts$/, {
      status: 403,
      message: 'Resource not accessible by integration',
    });
    await expect(
      publishFromArtifact(config({ mode: 'comment' }), logger, { env: runEnv, octokit }),
    ).rejects.toThrow(
      /GitHub refused to list the artifacts of run 4343 \(403 .*\); the token needs `actions: read`/,
    );
    const none = await event('workflow_run', {
      workflow_run: { id: 1, head_sha: 'b'.repeat(40), pull_requests: [] },
    });
    expect(
      await publishFromArtifact(config({ mode: 'comment' }), logger, { env: none, octokit }),
    ).toMatchObject({ posted: false });
    const push = await event('push', {});
    await expect(
      publishFromArtifact(config({ mode: 'comment' }), logger, { env: push, octokit }),
    ).rejects.toThrow(
      'Input `mode` has the value "comment", which runs in a `workflow_run` workflow; this run is a `push` event',
    );
  });

  it('saves the report on a push to main, a PR compares against it, and a broken budget fails after publishing', async () => {
    github.refs.delete('spinwash-data');
    const [baseSha] = github.addCommits('main', 1);
    const pushEnv = await event(
      'push',
      { repository: { default_branch: 'main' } },
      { GITHUB_SHA: baseSha!, GITHUB_REF: 'refs/heads/main' },
    );
    const pushed = await publishReport(
      input(report([component('api', 20_000)])),
      config(),
      logger,
      deps(pushEnv),
    );
    expect(pushed.saved).toBe(baseSha);
    // A push to another branch is not saved.
    const other = await event(
      'push',
      { repository: { default_branch: 'main' } },
      { GITHUB_SHA: baseSha!, GITHUB_REF: 'refs/heads/wip' },
    );
    expect(
      (await publishReport(input(report([component('api', 1)])), config(), logger, deps(other)))
        .saved,
    ).toBeUndefined();
    const listed = await event(
      'push',
      {},
      { GITHUB_SHA: baseSha!, GITHUB_REF: 'refs/heads/release/v2' },
    );
    expect(
      (
        await publishReport(
          input(report([component('api', 1)])),
          config({ 'save-branches': 'main, release/*', 'data-branch': 'spinwash-release' }),
          logger,
          deps(listed),
        )
      ).saved,
    ).toBe(baseSha);
    expect(github.readFile('spinwash-release', 'index/release_v2.json')).toContain(baseSha);

    const prEnv = await event('pull_request', prPayload(11));
    const cfg = config({ 'max-increase': '1%' });
    const baseline = await loadBaseline(
      cfg,
      { context: await readGitHubContext(prEnv), octokit },
      logger,
    );
    expect(baseline?.label).toBe('main (base commit)');
    const assessed = assessReport(report([component('api', 21_000)]), cfg.budgets, baseline);
    const error = await publishReport(input(assessed), cfg, logger, deps(prEnv)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'A budget was broken: max-increase broken by api: +5.0% (+1000 B) against a limit of 1%, by 4.0 percentage points',
    );
    expect(sinks.annotations).toEqual([
      {
        message: (error as UserError).message.replace('A budget was broken: ', ''),
        file: '/w/api/Cargo.toml',
      },
    ]);
    // Published before failing: the comment shows the growth and the broken budget.
    const body = github.comments.get('acme/app#11')![0]!.body;
    expect(body).toContain(
      `🔺 **+1000 B (+5.0%)** against main (base commit) (\`${baseSha!.slice(0, 7)}\`)`,
    );
    expect(body).toContain('❌ **Budget broken**');
    expect(sinks.outputs['size-bytes']).toBe('21000');
  });

  it("calls a deploy-time change noise by the benchmarks' measured spread when the data branch has one", async () => {
    github.refs.delete('spinwash-data');
    const [baseSha] = github.addCommits('main', 1);
    const app = { kind: 'cargo', path: '.', name: 'hello-rust' };
    const base = report([component('api', 20_000)], { project: app });
    const pushEnv = await event(
      'push',
      { repository: { default_branch: 'main' } },
      { GITHUB_SHA: baseSha!, GITHUB_REF: 'refs/heads/main' },
    );
    await publishReport(input(base), config(), logger, deps(pushEnv));
    // 0.734 s before, 0.95 s now: +29%, beyond the assumed ±20% of one sample
    const slower = report([component('api', 20_000)], {
      project: app,
      deploy: { ...base.deploy!, readySeconds: 0.95 },
    });
    const prEnv = await event('pull_request', prPayload(21));
    const finish = () =>
      finishReport(slower, config(), logger, { env: prEnv, octokit }).then((r) => r.report);
    expect((await finish()).comparison?.deploy).toMatchObject({
      noiseSource: 'assumed',
      withinNoise: false,
    });

    // a scheduled benchmark of this app on this target measured a wider spread: p90 − p10
    const stats = (p10: number, p90: number) => ({
      n: 4,
      median: 0.8,
      min: p10,
      max: p90,
      p10,
      p90,
      mad: 0.1,
    });
    const index: HistoryIndex = {
      app: 'hello-rust',
      target: 'local',
      runs: [
        {
          id: '20261129T000000000Z-local',
          startedAt: '2026-11-29T00:00:00Z',
          samples: 5,
          failed: 0,
          ready: stats(0.7, 0.9),
          bytes: 1,
          gzipBytes: 1,
        },
        {
          id: '20261130T000000000Z-local',
          startedAt: '2026-11-30T00:00:00Z',
          samples: 5,
          failed: 0,
          ready: stats(0.6, 0.9),
          bytes: 1,
          gzipBytes: 1,
        },
      ],
    };
    github.writeFile('spinwash-data', 'bench/hello-rust/local/index.json', JSON.stringify(index));
    const measured = (await finish()).comparison?.deploy;
    expect(measured).toMatchObject({ noiseSource: 'measured', withinNoise: true });
    expect(measured?.noiseSeconds).toBeCloseTo(0.3, 10); // the newest run's 0.9 − 0.6
    expect(renderMarkdown(await finish())).toContain('measured spread');
  });
});
