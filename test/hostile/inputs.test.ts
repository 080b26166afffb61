import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataBranchBackend } from '../../src/bench/backends.js';
import { runBenchmarkAction } from '../../src/bench/action.js';
import { buildConfig } from '../../src/config/config.js';
import type { RawInputs } from '../../src/config/inputs.js';
import { UserError } from '../../src/errors.js';
import { createOctokit } from '../../src/github/client.js';
import { readGitHubContext } from '../../src/github/context.js';
import { MemoryLogger } from '../../src/log.js';
import { parseReference } from '../../src/deploy/targets/oci/reference.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

/** Issue 22 items 5, 8 and 10 (the input part): what an input says is what happens, or one line says why not. */
const example = path.resolve(import.meta.dirname, '../../examples/hello-rust');
const config = (raw: RawInputs, env: NodeJS.ProcessEnv = {}) =>
  buildConfig({ project: example, ...raw }, process.cwd(), env);
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  return '(accepted)';
};

let github: FakeGitHub;
beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(async () => {
  await github.close();
});

describe('issue 22 item 5: the data branch', () => {
  it.each([
    'a..b',
    'x/../../y',
    '-x',
    'x.lock',
    'a b',
    '@',
    'x/',
    '/x',
    'a//b',
    'x.',
    'a~1',
    'a^',
    'a:b',
    'a\\b',
    'a@{1}',
    '.x',
  ])('refuses `data-branch: %s`, which is not a valid branch name', (branch) => {
    expect(refusal(() => config({ 'data-branch': branch }))).toBe(
      `Input \`data-branch\` has the value "${branch}"; accepted: a branch name of its own (letters, digits, \`-\`, \`_\`, \`.\` and \`/\` between names; no \`..\`, no name starting with \`.\` or \`-\` or ending with \`.lock\`), such as \`spinwash-data\`, or empty to keep no store`,
    );
  });

  it('accepts a branch of its own', () => {
    expect(config({ 'data-branch': 'spinwash/results-v2' }).store.branch).toBe(
      'spinwash/results-v2',
    );
  });

  it('refuses the branch the run checked out, before any work', () => {
    expect(
      refusal(() =>
        config(
          { 'data-branch': 'feature/x' },
          { GITHUB_REF_NAME: 'feature/x', GITHUB_REF_TYPE: 'branch' },
        ),
      ),
    ).toBe(
      'Input `data-branch` is "feature/x", the branch this run checked out: spinwash commits its results to the data branch; name a branch of its own (the default is `spinwash-data`)',
    );
  });

  it('`data-branch: main` (the default branch): the history writes nothing to it', async () => {
    const repo = { owner: 'acme', repo: `code${String(Math.random()).slice(2)}` };
    github.addCommits('main', 1);
    const head = github.refs.get('main');
    const files = github.listFiles('main');
    const backend = dataBranchBackend({
      octokit: createOctokit({ token: 't', baseUrl: github.url, retryAfterBaseMs: 5 }),
      repo,
      branch: 'main',
      logger: new MemoryLogger(),
    });
    await expect(
      backend.update('hello-rust/local/index.json', 'spinwash: benchmark', () => '{}'),
    ).rejects.toThrow(
      /^Input `data-branch` is "main", the repository's default branch: spinwash commits its results to the data branch; name a branch of its own/,
    );
    expect(github.refs.get('main')).toBe(head);
    expect(github.listFiles('main')).toEqual(files);
  });

  it('`mode: benchmark` with `data-branch: main` is refused before anything is built', async () => {
    const logger = new MemoryLogger();
    const env = {
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_REF: 'refs/heads/dev',
      GITHUB_SHA: 'a'.repeat(40),
    };
    const run = runBenchmarkAction(
      config({ mode: 'benchmark', 'data-branch': 'main', 'github-token': 't' }),
      logger,
      {
        env,
        context: { env, github: await readGitHubContext(env) },
        octokit: createOctokit({ token: 't', baseUrl: github.url, retryAfterBaseMs: 5 }),
        setOutput: () => {},
        appendSummary: async () => {},
      },
    );
    await expect(run).rejects.toThrow(
      /^Input `data-branch` is "main", the repository's default branch/,
    );
    expect(logger.lines.some((line) => line.includes('[1/5] setup'))).toBe(false);
  });
});

describe('issue 22 item 8: `oci-reference` names a repository', () => {
  it.each([
    '127.0.0.1:41331',
    'localhost:5000',
    'ghcr.io',
    'registry.example.com:443',
    'localhost',
  ])(
    'refuses %s (a registry without a repository), instead of reading it as a Docker Hub image',
    (text) => {
      expect(refusal(() => parseReference(text))).toBe(
        `Input \`oci-reference\` has the value "${text}": it names a registry but no repository; accepted: \`registry/repository:tag\` (e.g. \`${text}/app:v1\`)`,
      );
    },
  );

  it('still reads Docker Hub names and a registry with a repository', () => {
    expect(parseReference('ubuntu:22.04')).toMatchObject({
      registry: 'docker.io',
      repository: 'library/ubuntu',
    });
    expect(parseReference('127.0.0.1:41331/demo/app:v1')).toMatchObject({
      registry: '127.0.0.1:41331',
      repository: 'demo/app',
      tag: 'v1',
    });
  });
});

describe('issue 22 item 10: numeric inputs have stated bounds', () => {
  it.each([
    ['min-interval', '1e9', 'a number of seconds from 0 to 3600'],
    ['min-interval', '3601', 'a number of seconds from 0 to 3600'],
    ['repeat', '1000000', 'a whole number from 1 to 1000'],
    ['history-limit', '99999999999999999999', 'a whole number from 1 to 10000'],
    ['alert-window', '5000', 'a whole number from 1 to 1000'],
    ['alert-threshold', '1e9%', 'a percentage above 0 and at most 1000%, such as `20%`'],
    ['alert-comment-on', '99999999999', 'a whole number from 1 to 2147483647'],
    ['max-deploy-seconds', '1e9', 'a number greater than 0 and at most 3600'],
    ['github-timeout', '1e9', 'a number greater than 0 and at most 3600'],
  ])('`%s: %s` is refused (%s), not silently another number', (input, value, accepted) => {
    expect(refusal(() => config({ mode: 'benchmark', [input]: value }))).toBe(
      `Input \`${input}\` has the value "${value}"; accepted: ${accepted}`,
    );
  });

  it('`replicas` has a bound too', () => {
    expect(
      refusal(() =>
        config({
          deploy: 'kubernetes',
          'oci-reference': '127.0.0.1:5000/a/b:v1',
          replicas: '100000',
        }),
      ),
    ).toBe('Input `replicas` has the value "100000"; accepted: a whole number from 1 to 1000');
  });

  it('the bounds themselves are accepted', () => {
    expect(
      config({
        mode: 'benchmark',
        'min-interval': '3600',
        repeat: '1000',
        'history-limit': '10000',
      }).benchmark,
    ).toMatchObject({ minIntervalSeconds: 3600, repeat: 1000, historyLimit: 10000 });
  });
});
