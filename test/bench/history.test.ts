import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataBranchBackend, folderBackend } from '../../src/bench/backends.js';
import { appendRun, readHistory, type HistoryBackend } from '../../src/bench/history.js';
import { createOctokit } from '../../src/github/client.js';
import { MemoryLogger } from '../../src/log.js';
import { benchReport } from './bench-report.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

/** A well-formed history warns of nothing. */
const unexpected = (message: string): never => {
  throw new Error(`unexpected warning: ${message}`);
};

let github: FakeGitHub;
let folder: string;
beforeAll(async () => {
  github = await startGitHubServer();
  folder = await mkdtemp(path.join(tmpdir(), 'spinwash-history-'));
});
afterAll(async () => {
  await github.close();
  await rm(folder, { recursive: true, force: true });
});

const backends: [string, () => { backend: HistoryBackend; runFiles: () => Promise<string[]> }][] = [
  [
    'a local folder',
    () => {
      const root = path.join(folder, String(Math.random()).slice(2));
      return {
        backend: folderBackend(root),
        runFiles: async () =>
          (await readdir(path.join(root, 'hello-rust/local/runs')).catch(() => [])).sort(),
      };
    },
  ],
  [
    'the data branch',
    () => {
      const repo = { owner: 'acme', repo: `app${String(Math.random()).slice(2)}` };
      github.refs.delete('spinwash-data');
      return {
        backend: dataBranchBackend({
          octokit: createOctokit({ token: 't', baseUrl: github.url, retryAfterBaseMs: 5 }),
          repo,
          branch: 'spinwash-data',
          logger: new MemoryLogger(),
        }),
        runFiles: async () =>
          github
            .listFiles('spinwash-data')
            .filter((f) => f.startsWith('bench/hello-rust/local/runs/'))
            .map((f) => f.slice('bench/hello-rust/local/runs/'.length)),
      };
    },
  ],
];

describe.each(backends)('the benchmark history in %s', (_name, make) => {
  it('keeps one file per run, two runs of one commit included, and caps runs and files at the limit', async () => {
    const { backend, runFiles } = make();
    expect((await readHistory(backend, 'hello-rust', 'local', unexpected)).runs).toEqual([]);
    const reports = [0, 1, 2, 3, 4, 5, 6].map((minute) =>
      // runs 0 and 1 measure the same commit
      benchReport(
        minute,
        minute < 2 ? 'a'.repeat(40) : `${minute}`.repeat(40),
        [0.5, 0.2, 0.21, 0.22],
      ),
    );
    const ids = reports.map((r) => r.benchmark.runId);
    await appendRun(backend, reports[0]!, 5, undefined, unexpected);
    await appendRun(backend, reports[1]!, 5, undefined, unexpected);
    expect(
      (await readHistory(backend, 'hello-rust', 'local', unexpected)).runs.map((r) => r.id),
    ).toEqual([ids[0], ids[1]]);
    expect(await runFiles()).toEqual([`${ids[0]}.json`, `${ids[1]}.json`]);
    const dropped: string[] = [];
    for (const r of reports.slice(2))
      dropped.push(...(await appendRun(backend, r, 5, undefined, unexpected)).dropped);
    const history = await readHistory(backend, 'hello-rust', 'local', unexpected);
    expect(history.runs.map((r) => r.id)).toEqual(ids.slice(2));
    expect(dropped).toEqual(ids.slice(0, 2));
    expect(await runFiles()).toEqual(ids.slice(2).map((id) => `${id}.json`));
    // the index keeps each run's statistics and sizes: charts and alerts read only the index
    expect(history.runs[0]).toMatchObject({
      commit: '2'.repeat(40),
      samples: 4,
      failed: 0,
      bytes: 47_335,
      ready: { n: 3, median: 0.21 },
    });
    // the run file is the whole report
    const text = await backend.read(`hello-rust/local/runs/${ids[6]}.json`);
    expect(JSON.parse(text!)).toEqual(reports[6]);
  });

  it('keeps the alert state in the index, and refuses an index that is not one', async () => {
    const { backend } = make();
    const state = { open: true, issue: 3, since: 'x' };
    await appendRun(backend, benchReport(10, 'b'.repeat(40), [0.3, 0.2]), 500, state, unexpected);
    expect((await readHistory(backend, 'hello-rust', 'local', unexpected)).alert).toEqual(state);
    await backend.update('hello-rust/local/index.json', 'break it', () => '{"runs": 3}');
    await expect(readHistory(backend, 'hello-rust', 'local', unexpected)).rejects.toThrow(
      /hello-rust\/local\/index\.json in .* is not a spinwash benchmark index; delete it to start afresh/,
    );
  });
});

describe('the local history folder', () => {
  it('is laid out as the data branch is under bench/', async () => {
    const root = path.join(folder, 'layout');
    await appendRun(
      folderBackend(root),
      benchReport(30, 'c'.repeat(40), [0.3, 0.2]),
      500,
      undefined,
      unexpected,
    );
    const index = JSON.parse(
      await readFile(path.join(root, 'hello-rust/local/index.json'), 'utf8'),
    );
    expect(index).toMatchObject({
      app: 'hello-rust',
      target: 'local',
      runs: [{ id: '20261130T203000000Z-ccccccc' }],
    });
  });
});
