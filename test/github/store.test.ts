import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../../src/github/client.js';
import { findBaseReport, saveReport, type Store } from '../../src/github/store.js';
import { MemoryLogger } from '../../src/log.js';
import { component, report } from '../report/reports.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

let github: FakeGitHub;
let store: Store;
let repoIndex = 0;

beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(async () => {
  await github.close();
});
beforeEach(() => {
  // A fresh repository name per test; the data branch is per server, so reset it.
  repoIndex += 1;
  github.refs.delete('spinwash-data');
  github.readOnly = false;
  store = {
    octokit: createOctokit({ token: 'test-token', baseUrl: github.url, retryAfterBaseMs: 5 }),
    repo: { owner: 'acme', repo: `app${repoIndex}` },
    branch: 'spinwash-data',
    logger: new MemoryLogger(),
  };
});

describe('results store on a data branch', () => {
  it('creates the data branch on the first push, then a PR run finds its base report', async () => {
    const [, head] = github.addCommits('main', 2);
    const pushed = report([component('api', 20_000)], {
      source: { commit: head!, ref: 'refs/heads/main' },
    });
    expect(await findBaseReport(store, head!, 'main')).toBeUndefined();
    await saveReport(store, head!, 'main', pushed);
    expect(github.readFile('spinwash-data', 'README.md')).toContain('spinwash results');
    expect(JSON.parse(github.readFile('spinwash-data', `reports/${head}.json`)!)).toEqual(pushed);
    expect(
      JSON.parse(github.readFile('spinwash-data', 'index/main.json')!).commits.map(
        (c: { sha: string }) => c.sha,
      ),
    ).toEqual([head]);
    // The data branch is an orphan: its history is its own commits, not the project's.
    let cursor = github.commits.get(github.refs.get('spinwash-data')!)!;
    while (cursor.parents[0]) cursor = github.commits.get(cursor.parents[0])!;
    expect(cursor.message).toBe('spinwash: results store');
    const found = await findBaseReport(store, head!, 'main');
    expect(found).toEqual({ report: pushed, commit: head, exact: true });
  });

  it('falls back to the nearest ancestor with a report, with and without the index', async () => {
    const shas = github.addCommits('main', 6);
    const older = report([component('api', 19_000)]);
    const newer = report([component('api', 19_500)]);
    await saveReport(store, shas[1]!, 'main', older);
    await saveReport(store, shas[3]!, 'main', newer);
    expect(await findBaseReport(store, shas[5]!, 'main')).toEqual({
      report: newer,
      commit: shas[3],
      exact: false,
    });
    expect(await findBaseReport(store, shas[2]!)).toEqual({
      report: older,
      commit: shas[1],
      exact: false,
    });
    expect(await findBaseReport(store, shas[0]!, 'main')).toBeUndefined();
  });

  it('retries when a concurrent writer changed the index (409 on a stale sha)', async () => {
    const shas = github.addCommits('main', 2);
    await saveReport(store, shas[0]!, 'main', report([component('api', 1_000)]));
    // Another job saves its commit between our read of the index and our write.
    github.before('PUT', /\/contents\/index\//, () => {
      github.writeFile(
        'spinwash-data',
        'index/main.json',
        JSON.stringify({
          branch: 'main',
          commits: [
            { sha: 'f'.repeat(40), savedAt: 'x' },
            { sha: shas[0], savedAt: 'y' },
          ],
        }),
      );
    });
    await saveReport(store, shas[1]!, 'main', report([component('api', 1_100)]));
    const conflicts = github.requests.filter(
      (r) => r.method === 'PUT' && r.path.includes('/contents/index/'),
    );
    expect(conflicts.length).toBeGreaterThanOrEqual(3);
    const index = JSON.parse(github.readFile('spinwash-data', 'index/main.json')!) as {
      commits: { sha: string }[];
    };
    expect(index.commits.map((c) => c.sha)).toEqual([shas[1], 'f'.repeat(40), shas[0]]);
    expect((store.logger as MemoryLogger).lines.join('\n')).toMatch(
      /index\/main\.json on spinwash-data changed while writing \(409\); retrying/,
    );
  });

  it('names the missing permission when the token cannot write', async () => {
    const [sha] = github.addCommits('main', 1);
    github.readOnly = true;
    await expect(
      saveReport(store, sha!, 'main', report([component('api', 1_000)])),
    ).rejects.toThrow(
      /GitHub refused to create the spinwash-data branch \(403 Resource not accessible by integration.*\); the token needs `contents: write`/,
    );
  });

  it('rejects a data-branch file that is not a report, naming it', async () => {
    const [sha] = github.addCommits('main', 1);
    await saveReport(store, sha!, 'main', report([component('api', 1_000)]));
    github.writeFile('spinwash-data', `reports/${sha}.json`, '{"schemaVersion": 7}');
    await expect(findBaseReport(store, sha!, 'main')).rejects.toThrow(
      `Report file spinwash-data:reports/${sha}.json is not a spinwash report: schemaVersion 7 is newer than this spinwash reads (1)`,
    );
  });
});

describe('results store: one report per app of a monorepo', () => {
  const app = (name: string, bytes: number) =>
    report([component(`${name}-crate`, bytes)], {
      project: { kind: 'cargo', path: `apps/${name}`, name },
    });

  it('two matrix jobs of one commit keep both reports, and the index lists both apps', async () => {
    const [sha] = github.addCommits('main', 1);
    // both jobs at once, as a matrix runs them: one creates the branch, both write
    await Promise.all([
      saveReport(store, sha!, 'main', app('a', 1_000), 'a'),
      saveReport(store, sha!, 'main', app('b', 2_000), 'b'),
    ]);
    expect(github.listFiles('spinwash-data').filter((f) => f.startsWith('reports/'))).toEqual([
      `reports/${sha}/a.json`,
      `reports/${sha}/b.json`,
    ]);
    const index = JSON.parse(github.readFile('spinwash-data', 'index/main.json')!) as {
      commits: { sha: string; apps?: string[] }[];
    };
    expect(index.commits).toEqual([{ sha, savedAt: expect.any(String), apps: ['a', 'b'] }]);
  });

  it('a PR finds each app’s own baseline, through ancestors that only other apps reported at', async () => {
    const shas = github.addCommits('main', 4);
    await saveReport(store, shas[0]!, 'main', app('a', 1_000), 'a');
    await saveReport(store, shas[0]!, 'main', app('b', 2_000), 'b');
    await saveReport(store, shas[2]!, 'main', app('b', 2_500), 'b'); // only b changed there
    const a = await findBaseReport(store, shas[3]!, 'main', { name: 'a', path: 'apps/a' });
    const b = await findBaseReport(store, shas[3]!, 'main', { name: 'b', path: 'apps/b' });
    expect(a).toEqual({ report: app('a', 1_000), commit: shas[0], exact: false });
    expect(b).toEqual({ report: app('b', 2_500), commit: shas[2], exact: false });
    expect(await findBaseReport(store, shas[2]!, 'main', { name: 'b', path: 'apps/b' })).toEqual({
      report: app('b', 2_500),
      commit: shas[2],
      exact: true,
    });
    // without the index (another base branch), each ancestor is probed
    expect(await findBaseReport(store, shas[3]!, undefined, { name: 'a', path: 'apps/a' })).toEqual(
      a,
    );
  });

  it('reads the single-app layout of before as the baseline of the app in that folder only', async () => {
    const shas = github.addCommits('main', 2);
    const old = report([component('api', 3_000)], { project: { kind: 'cargo', path: 'apps/a' } });
    await saveReport(store, shas[0]!, 'main', old);
    expect(github.readFile('spinwash-data', `reports/${shas[0]}.json`)).toBeDefined();
    expect(await findBaseReport(store, shas[1]!, 'main', { name: 'a', path: './apps/a/' })).toEqual(
      {
        report: old,
        commit: shas[0],
        exact: false,
      },
    );
    // another folder's app does not take it as its own
    expect(
      await findBaseReport(store, shas[1]!, 'main', { name: 'b', path: 'apps/b' }),
    ).toBeUndefined();
  });

  it('refuses an app name that would leave reports/', async () => {
    const [sha] = github.addCommits('main', 1);
    await expect(saveReport(store, sha!, 'main', app('a', 1), '../x')).rejects.toThrow(
      'The app name of a stored report has the value "../x"; accepted: lowercase letters',
    );
  });
});
