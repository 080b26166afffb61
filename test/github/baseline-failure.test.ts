import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { createOctokit } from '../../src/github/client.js';
import { saveReport } from '../../src/github/store.js';
import { MemoryLogger } from '../../src/log.js';
import { finishReport } from '../../src/publish/finish.js';
import { publishReport } from '../../src/publish/publish.js';
import { component, report } from '../report/reports.js';
import { startGitHubServer, type Failure, type FakeGitHub } from '../support/github-server.js';

/**
 * Issue 11 item 4: on a PR, a stored baseline that cannot be read (401, 403, 429, 5xx, no
 * answer) costs the comparison, never the report: outputs, summary, JSON and the comment are
 * published, and the comment says why there is no comparison.
 */
let github: FakeGitHub;
let dir: string;

beforeEach(async () => {
  github = await startGitHubServer();
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-nobaseline-'));
});
afterEach(async () => {
  await github.close();
  await rm(dir, { recursive: true, force: true });
});

const READ = /\/contents\/reports\//;
const failures: [string, Failure, number, RegExp][] = [
  [
    '401',
    { status: 401, message: 'Bad credentials' },
    1,
    /token is invalid or expired \(401 Bad credentials\)/,
  ],
  [
    '403',
    { status: 403, message: 'Resource not accessible by integration' },
    1,
    /needs `contents: read`/,
  ],
  ['429', { status: 429, message: 'Too many requests' }, 1, /429 Too many requests/],
  ['a 502 on every retry', { status: 502, message: 'Bad gateway' }, 4, /502 Bad gateway/],
  [
    'no answer',
    { status: 200, mode: 'hang' },
    1,
    /did not answer GET \/repos\/acme\/app\/contents\/reports\/\w+\.json within 0\.50 s \(no answer\)/,
  ],
];

describe('a PR whose stored baseline cannot be read', () => {
  it.each(failures)(
    '%s: warns, publishes the report without a comparison, and says why',
    async (_, failure, times, why) => {
      const logger = new MemoryLogger();
      const octokit = createOctokit({
        token: 'test-token',
        baseUrl: github.url,
        retryAfterBaseMs: 1,
        requestTimeoutMs: 500,
        logger,
      });
      const [base] = github.addCommits('main', 1);
      const store = {
        octokit,
        repo: { owner: 'acme', repo: 'app' },
        branch: 'spinwash-data',
        logger,
      };
      await saveReport(store, base!, 'main', report([component('api', 20_000)]));
      github.fail('GET', READ, failure, times);

      const eventPath = path.join(dir, 'event.json');
      await writeFile(
        eventPath,
        JSON.stringify({
          pull_request: {
            number: 7,
            base: { sha: base, ref: 'main', repo: { full_name: 'acme/app' } },
            head: {
              sha: 'c0ffee'.padEnd(40, '0'),
              ref: 'feature',
              repo: { full_name: 'acme/app' },
            },
          },
        }),
      );
      const env = {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'acme/app',
      };
      const jsonPath = path.join(dir, 'report.json');
      const config = buildConfig({
        project: dir,
        'report-path': jsonPath,
        'github-token': 't',
        'max-size': '1MiB',
      });

      const finished = await finishReport(report([component('api', 21_000)]), config, logger, {
        env,
        octokit,
      });
      expect(finished.report.comparison).toBeUndefined();
      expect(finished.report.comparisonUnavailable).toMatch(why);
      expect(finished.report.budgets?.checked).toEqual(['max-size 1.00 MiB (total)']);
      expect(logger.lines).toContainEqual(
        expect.stringMatching(/^warning: No comparison with the base branch: GitHub /),
      );
      expect(JSON.parse(await readFile(jsonPath, 'utf8')).comparisonUnavailable).toMatch(why);

      const outputs: Record<string, string> = {};
      const summary: string[] = [];
      await publishReport({ ...finished, project: { components: [] } }, config, logger, {
        env,
        octokit,
        setOutput: (name, value) => (outputs[name] = value),
        appendSummary: async (markdown) => void summary.push(markdown),
        annotateError: () => {},
      });
      expect(outputs['size-bytes']).toBe('21000');
      expect(summary[0]).toContain(
        '⚠️ No comparison with the base branch: its stored report could not be read (',
      );
      const comment = github.comments.get('acme/app#7')![0]!.body;
      expect(comment).toMatch(
        /⚠️ No comparison with the base branch: its stored report could not be read \(GitHub .*\)\. The sizes below are this run's alone\./,
      );
    },
  );
});

describe('a GitHub API that never answers at all', () => {
  it('costs the run no more than github-timeout: the report is published, warnings name the calls', async () => {
    const logger = new MemoryLogger();
    const octokit = createOctokit({
      token: 'test-token',
      baseUrl: github.url,
      retryAfterBaseMs: 1,
      budgetMs: 1500,
      logger,
    });
    github.fail(undefined, /./, { status: 200, mode: 'hang' }, 100);
    const eventPath = path.join(dir, 'event.json');
    await writeFile(
      eventPath,
      JSON.stringify({
        pull_request: {
          number: 8,
          base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/app' } },
          head: { sha: 'c'.repeat(40), ref: 'feature', repo: { full_name: 'acme/app' } },
        },
      }),
    );
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/app',
    };
    const config = buildConfig({
      project: dir,
      'report-path': path.join(dir, 'report.json'),
      'github-token': 't',
    });
    const started = performance.now();
    const finished = await finishReport(report([component('api', 21_000)]), config, logger, {
      env,
      octokit,
    });
    const outputs: Record<string, string> = {};
    const outcome = await publishReport(
      { ...finished, project: { components: [] } },
      config,
      logger,
      {
        env,
        octokit,
        setOutput: (name, value) => (outputs[name] = value),
        appendSummary: async () => {},
        annotateError: () => {},
      },
    );
    // the 1.5 s budget, plus what a loaded machine adds; each hung call alone would hold 30 s+
    expect((performance.now() - started) / 1000).toBeLessThan(15);
    expect(outputs['size-bytes']).toBe('21000');
    expect(outcome.commentDir).toBeDefined();
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: No comparison with the base branch: GitHub failed to read the spinwash-data branch: GitHub did not answer GET \/repos\/acme\/app\/git\/ref\/heads\/spinwash-data within/,
      ),
    );
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: The PR comment was not posted: .*GitHub API time budget \(github-timeout, 1\.5 s\)/,
      ),
    );
  });
});
