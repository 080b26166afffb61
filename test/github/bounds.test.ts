import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit, type ClientOptions } from '../../src/github/client.js';
import { findBaseReport, saveReport, type Store } from '../../src/github/store.js';
import { MemoryLogger } from '../../src/log.js';
import { component, report } from '../report/reports.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

/**
 * Issue 11 item 3: every GitHub wait is bounded. A server that never answers, one that stops
 * half-way through an answer, a primary rate limit resetting in an hour and a plain 429 with
 * `retry-after`, each against a real octokit on 127.0.0.1.
 */
let github: FakeGitHub;
let logger: MemoryLogger;
let repoIndex = 0;
const CONTENTS = /\/contents\/reports\//;

// A server per test: a hang or a stall left unused must not reach the next test.
beforeEach(async () => {
  github = await startGitHubServer();
  repoIndex += 1;
  logger = new MemoryLogger();
});
afterEach(async () => {
  await github.close();
});

function storeWith(options: Partial<ClientOptions>): Store {
  return {
    octokit: createOctokit({
      token: 'test-token',
      baseUrl: github.url,
      retryAfterBaseMs: 5,
      logger,
      ...options,
    }),
    repo: { owner: 'acme', repo: `app${repoIndex}` },
    branch: 'spinwash-data',
    logger,
  };
}

/** A base commit with a saved report, so the lookup reads its file. */
async function savedBase(): Promise<string> {
  const [base] = github.addCommits('main', 1);
  await saveReport(storeWith({}), base!, 'main', report([component('api', 20_000)]));
  return base!;
}

/**
 * Seconds no bounded call takes, however loaded the machine: what is bounded here fails in
 * well under a second, what is not would hang to the test's own timeout (120 s). The limits
 * themselves are asserted by what the server saw (how many reads) and by the messages.
 */
const HUNG = 30;

async function seconds<T>(fn: () => Promise<T>): Promise<[T | Error, number]> {
  const started = performance.now();
  const result = await fn().catch((e: unknown) => e as Error);
  return [result, (performance.now() - started) / 1000];
}

describe('the GitHub client', () => {
  it('gives up on a request that is never answered after its timeout, naming the call', async () => {
    const base = await savedBase();
    github.fail('GET', CONTENTS, { status: 200, mode: 'hang' });
    const [error, took] = await seconds(() =>
      findBaseReport(storeWith({ requestTimeoutMs: 300 }), base, 'main'),
    );
    expect((error as Error).message).toBe(
      `GitHub failed to read reports/${base}.json from the spinwash-data branch: GitHub did not answer GET /repos/acme/app${repoIndex}/contents/reports/${base}.json within 0.30 s (no answer)`,
    );
    expect(took).toBeLessThan(HUNG); // a request without its timeout would hang to the test's own
  });

  it('gives up on an answer that stops half-way, and says so rather than misreading it', async () => {
    const base = await savedBase();
    github.fail('GET', CONTENTS, { status: 200, mode: 'stall' });
    const [error, took] = await seconds(() =>
      findBaseReport(storeWith({ requestTimeoutMs: 300 }), base, 'main'),
    );
    expect((error as Error).message).toMatch(
      /GitHub did not answer GET \/repos\/acme\/app\d+\/contents\/reports\/\w+\.json within 0\.30 s \(its answer stopped half-way\)$/,
    );
    expect((error as Error).message).not.toMatch(/not a file|500/);
    expect(took).toBeLessThan(HUNG); // a request without its timeout would hang to the test's own
  });

  it('stops at the budget for all calls together, whatever each request is allowed', async () => {
    const base = await savedBase();
    github.fail('GET', CONTENTS, { status: 200, mode: 'hang' }, 5);
    const [error, took] = await seconds(() =>
      findBaseReport(storeWith({ budgetMs: 400, requestTimeoutMs: 60_000 }), base, 'main'),
    );
    expect((error as Error).message).toMatch(
      /within 0\.\d+ s \(no answer\); the GitHub API time budget \(github-timeout\) is used up$/,
    );
    expect(took).toBeLessThan(HUNG); // a request without its timeout would hang to the test's own
  });

  it('does not sleep until a primary rate limit resets an hour later: warns and moves on', async () => {
    const base = await savedBase();
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    github.fail('GET', CONTENTS, {
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    // retry-after units of 5 ms: the hour is 18 s here, past a budget of 2 s
    const [error, took] = await seconds(() =>
      findBaseReport(storeWith({ budgetMs: 2000 }), base, 'main'),
    );
    expect((error as Error).message).toMatch(/GitHub refused to read .*API rate limit exceeded/);
    expect(took).toBeLessThan(12); // the wait would be 18 s; load adds seconds, not that
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: GitHub rate limit on GET \/repos\/\S+\/contents\/\S+: waiting 360\d s would pass the GitHub API time budget \(github-timeout, \d s left\); not waiting$/,
      ),
    );
  });

  it('retries a plain 429 after its retry-after, and succeeds', async () => {
    const base = await savedBase();
    github.fail('GET', CONTENTS, {
      status: 429,
      message: 'Too many requests',
      headers: { 'retry-after': '2' },
    });
    const found = await findBaseReport(storeWith({}), base, 'main');
    expect(found?.commit).toBe(base);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^warning: GitHub answered 429 \(too many requests\) on GET \/repos\/.*; retrying after 2 s$/,
      ),
    );
    const reads = github.requests.filter((r) => CONTENTS.test(r.path) && r.method === 'GET');
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('does not wait for a 429 whose retry-after is past the budget', async () => {
    const base = await savedBase();
    github.fail('GET', CONTENTS, {
      status: 429,
      message: 'Too many requests',
      headers: { 'retry-after': '3600' },
    });
    const [error, took] = await seconds(() =>
      findBaseReport(storeWith({ budgetMs: 1000 }), base, 'main'),
    );
    expect((error as Error).message).toMatch(/Too many requests/);
    expect(took).toBeLessThan(60); // not the hour
    expect(logger.lines).toContainEqual(expect.stringMatching(/waiting 3600 s would pass/));
  });

  it('retries a 5xx only as often as its back-off fits in the budget', async () => {
    const base = await savedBase();
    github.fail('GET', CONTENTS, { status: 502, message: 'Bad gateway' }, 10);
    const earlier = github.requests.length;
    // back-off units of 100 ms: 100, 400, 900 ms; a budget of 700 ms has room for the first two
    const [error, took] = await seconds(() =>
      findBaseReport(storeWith({ budgetMs: 700, retryAfterBaseMs: 100 }), base, 'main'),
    );
    expect((error as Error).message).toMatch(/502 Bad gateway/);
    // the third back-off (900 ms) was not waited: no fourth read (a time window would be load's)
    expect(took).toBeLessThan(HUNG);
    const reads = github.requests
      .slice(earlier)
      .filter((r) => CONTENTS.test(r.path) && r.method === 'GET');
    expect(reads).toHaveLength(3);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^warning: GitHub answered 502 on GET .*: waiting 9 s would pass/),
    );
  });
});
