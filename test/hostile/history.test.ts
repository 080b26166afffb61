import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegression } from '../../src/bench/alert.js';
import { dataBranchBackend, folderBackend } from '../../src/bench/backends.js';
import { scatterSvg, trendMermaid, trendSvg } from '../../src/bench/charts.js';
import { appendRun, entryOf, readHistory } from '../../src/bench/history.js';
import { UserError } from '../../src/errors.js';
import { createOctokit } from '../../src/github/client.js';
import { MemoryLogger } from '../../src/log.js';
import { benchReport } from '../bench/bench-report.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

/**
 * Issue 22, items 1 and 6: a benchmark history is data anyone with write access to the data
 * branch (or the folder) may have shaped. A run id names a file to delete, so it must never
 * climb out of the history; a field of the wrong type must not crash the charts or the alert.
 */

const good = entryOf(benchReport(1, 'a'.repeat(40), [0.3, 0.2, 0.21, 0.22]));
const index = (runs: unknown[]) =>
  `${JSON.stringify({ app: 'hello-rust', target: 'local', runs })}\n`;

let github: FakeGitHub;
beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(async () => {
  await github.close();
});

describe('issue 22 item 1: a run id in the history index never reaches a path outside it', () => {
  it('`--history DIR --history-limit 2` with a run id `../../../../victim` deletes nothing outside DIR', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'spinwash-traversal-'));
    const root = path.join(work, 'h');
    const victim = path.join(work, 'victim.json');
    await writeFile(victim, 'the user’s own file\n');
    await mkdir(path.join(root, 'hello-rust/local'), { recursive: true });
    await writeFile(
      path.join(root, 'hello-rust/local/index.json'),
      index([{ ...good, id: '../../../../victim' }, good]),
    );
    const logger = new MemoryLogger();
    const { index: after, dropped } = await appendRun(
      folderBackend(root),
      benchReport(2, 'b'.repeat(40), [0.3, 0.2]),
      2,
      undefined,
      (message) => logger.warning(message),
    );
    // the file outside the history folder is still there, as it was
    expect(existsSync(victim)).toBe(true);
    expect(await readFile(victim, 'utf8')).toBe('the user’s own file\n');
    expect(dropped).toEqual([]);
    expect(after.runs.map((r) => r.id)).toEqual([good.id, '20261130T200200000Z-bbbbbbb']);
    expect(logger.lines).toEqual([
      'warning: hello-rust/local/index.json in folder ' +
        `${root}: run 1 is skipped: runs[0].id is "../../../../victim", not a run id (such as 20261130T203000123Z-abc1234)`,
    ]);
  });

  it('the folder refuses a path that climbs out of it, in one line, and deletes nothing', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'spinwash-traversal-'));
    const root = path.join(work, 'h');
    const victim = path.join(work, 'victim.json');
    await writeFile(victim, 'keep\n');
    const backend = folderBackend(root);
    for (const file of [
      'hello-rust/local/runs/../../../../victim.json',
      '../victim.json',
      '/etc/passwd',
    ]) {
      const error = await backend.remove(file, 'x').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(/^Refusing the history path ".*": .*\S$/);
      expect((error as Error).message).not.toContain('\n');
    }
    // a link inside the folder that points out of it is refused too
    await mkdir(path.join(root, 'hello-rust'), { recursive: true });
    const { symlink } = await import('node:fs/promises');
    await symlink(work, path.join(root, 'hello-rust/local'));
    await expect(backend.remove('hello-rust/local/victim.json', 'x')).rejects.toThrow(
      /^Refusing the history path "hello-rust\/local\/victim.json": it leads out of /,
    );
    expect(existsSync(victim)).toBe(true);
  });

  it('on the data branch, a run id `../../../../README` deletes nothing outside bench/', async () => {
    const repo = { owner: 'acme', repo: `traversal${String(Math.random()).slice(2)}` };
    github.refs.delete('spinwash-data');
    const backend = dataBranchBackend({
      octokit: createOctokit({ token: 't', baseUrl: github.url, retryAfterBaseMs: 5 }),
      repo,
      branch: 'spinwash-data',
      logger: new MemoryLogger(),
    });
    await appendRun(backend, benchReport(1, 'a'.repeat(40), [0.3, 0.2]), 5, undefined, () => {});
    await backend.update('hello-rust/local/index.json', 'hostile', () =>
      index([{ ...good, id: '../../../../README' }, good]),
    );
    expect(github.listFiles('spinwash-data')).toContain('README.md');
    const warnings: string[] = [];
    await appendRun(backend, benchReport(2, 'b'.repeat(40), [0.3, 0.2]), 2, undefined, (m) =>
      warnings.push(m),
    );
    expect(github.listFiles('spinwash-data')).toContain('README.md');
    expect(warnings).toHaveLength(1);
    expect(github.requests.some((r) => /\.\.|%2e%2e/i.test(r.path))).toBe(false);
    // and the branch backend refuses such a path itself
    await expect(
      backend.remove('hello-rust/local/runs/../../../../README.md', 'x'),
    ).rejects.toThrow(
      /^Refusing the history path "hello-rust\/local\/runs\/\.\.\/\.\.\/\.\.\/\.\.\/README\.md": /,
    );
  });
});

describe('issue 22 item 6: a history field of the wrong type is skipped with a warning, never a crash', () => {
  const hostile = [
    { ...good, id: '20261130T190000000Z-aaaaaaa', ready: 'fast' },
    { ...good, id: '20261130T190100000Z-aaaaaaa', ready: { ...good.ready, p90: 'slow' } },
    { ...good, id: '20261130T190200000Z-aaaaaaa', bytes: '47335' },
    { ...good, id: '20261130T190300000Z-aaaaaaa', startedAt: 5 },
    { ...good, id: '20261130T190400000Z-aaaaaaa', alert: 'maybe' },
    null,
    good,
  ];

  it('`ready: "fast"` (it crashed the trend chart with a TypeError in toPrecision)', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'spinwash-types-'));
    await mkdir(path.join(root, 'hello-rust/local'), { recursive: true });
    await writeFile(path.join(root, 'hello-rust/local/index.json'), index([hostile[0], good]));
    const warnings: string[] = [];
    const history = await readHistory(folderBackend(root), 'hello-rust', 'local', (m) =>
      warnings.push(m),
    );
    expect(() => trendSvg(history)).not.toThrow();
    expect(history.runs).toEqual([good]);
    expect(warnings).toHaveLength(1);
  });

  it('every field is checked: the charts and the alert read what is left', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'spinwash-types-'));
    await mkdir(path.join(root, 'hello-rust/local'), { recursive: true });
    await writeFile(path.join(root, 'hello-rust/local/index.json'), index(hostile));
    const warnings: string[] = [];
    const history = await readHistory(folderBackend(root), 'hello-rust', 'local', (m) =>
      warnings.push(m),
    );
    expect(history.runs).toEqual([good]);
    expect(warnings.map((w) => w.replace(/^.*: run (\d) is skipped: /, '$1: '))).toEqual([
      '1: runs[0].ready is "fast", not an object',
      '2: runs[1].ready.p90 is "slow", not a number',
      '3: runs[2].bytes is "47335", not a number',
      '4: runs[3].startedAt is 5, not a string',
      '5: runs[4].alert is "maybe", not one of regression, ok, insufficient',
      '6: runs[5] is null, not an object',
    ]);
    expect(trendSvg(history)).toContain('<svg');
    expect(scatterSvg(history)).toContain('<svg');
    expect(trendMermaid(history)).toContain('xychart');
    expect(checkRegression(history.runs, good.ready, { window: 5, threshold: 0.2 }).status).toBe(
      'ok',
    );
  });

  it('an alert state of the wrong type is dropped with a warning, the runs kept', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'spinwash-types-'));
    await mkdir(path.join(root, 'hello-rust/local'), { recursive: true });
    await writeFile(
      path.join(root, 'hello-rust/local/index.json'),
      JSON.stringify({
        app: 'hello-rust',
        target: 'local',
        runs: [good],
        alert: { open: 'yes', since: 3 },
      }),
    );
    const warnings: string[] = [];
    const history = await readHistory(folderBackend(root), 'hello-rust', 'local', (m) =>
      warnings.push(m),
    );
    expect(history).toEqual({ app: 'hello-rust', target: 'local', runs: [good] });
    expect(warnings).toEqual([
      `hello-rust/local/index.json in folder ${root}: its alert state is dropped: alert.open is "yes", not true or false`,
    ]);
  });
});
