import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit, type GitHubClient } from '../../src/github/client.js';
import { COMMENT_LIMIT, commentBody, upsertStickyComment } from '../../src/github/comment.js';
import { MemoryLogger } from '../../src/log.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

let github: FakeGitHub;
let octokit: GitHubClient;
let logger: MemoryLogger;
let prNumber = 1;
const pr = () => ({ owner: 'acme', repo: 'app', number: prNumber });
const key = () => `acme/app#${prNumber}`;

beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(async () => {
  await github.close();
});
beforeEach(() => {
  prNumber += 1;
  github.readOnly = false;
  github.viewer = undefined;
  logger = new MemoryLogger();
  octokit = createOctokit({
    token: 'test-token',
    baseUrl: github.url,
    retryAfterBaseMs: 5,
    logger,
  });
});

describe('sticky PR comment against a local GitHub', () => {
  it('creates the comment on the first run and updates the same one on the second', async () => {
    github.addComment(key(), 'LGTM');
    const first = await upsertStickyComment(octokit, pr(), 'size: 12 KiB');
    expect(first).toMatchObject({ outcome: 'created', truncated: false });
    const second = await upsertStickyComment(octokit, pr(), 'size: 11 KiB');
    expect(second).toMatchObject({ outcome: 'updated' });
    expect(
      second.outcome !== 'forbidden' && first.outcome !== 'forbidden' && second.id === first.id,
    ).toBe(true);
    const comments = github.comments.get(key())!;
    expect(comments.map((c) => c.body)).toEqual(['LGTM', '<!-- spinwash:sticky -->\nsize: 11 KiB']);
  });

  it('finds its comment on page 2 of the comments', async () => {
    for (let i = 0; i < 100; i++) github.addComment(key(), `chatter ${i}`);
    const mine = github.addComment(
      key(),
      '<!-- spinwash:sticky -->\nold report',
      'github-actions[bot]',
    );
    for (let i = 0; i < 5; i++) github.addComment(key(), `more ${i}`);
    const result = await upsertStickyComment(octokit, pr(), 'new report');
    expect(result).toMatchObject({ outcome: 'updated', id: mine.id });
    expect(github.comments.get(key())).toHaveLength(106);
    const listed = github.requests.filter(
      (r) => r.method === 'GET' && r.path.includes(`/issues/${prNumber}/comments`),
    );
    expect(listed.map((r) => r.path)).toEqual([
      `/repos/acme/app/issues/${prNumber}/comments?per_page=100`,
      `/repos/acme/app/issues/${prNumber}/comments?per_page=100&page=2`,
    ]);
  });

  it("never updates a person's comment that quotes the marker: with an Actions token only github-actions[bot]'s is ours", async () => {
    const quote = github.addComment(
      key(),
      'why does <!-- spinwash:sticky --> show up here?',
      'alice',
    );
    const first = await upsertStickyComment(octokit, pr(), 'report 1');
    expect(first).toMatchObject({ outcome: 'created' });
    const second = await upsertStickyComment(octokit, pr(), 'report 2');
    expect(second).toMatchObject({ outcome: 'updated' });
    const comments = github.comments.get(key())!;
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([
      ['alice', quote.body],
      ['github-actions[bot]', '<!-- spinwash:sticky -->\nreport 2'],
    ]);
    // the token's user was asked for, and GitHub answered 403 as it does for a GITHUB_TOKEN
    expect(github.requests.some((r) => r.method === 'GET' && r.path === '/user')).toBe(true);
  });

  it("with a personal token, the token's own user's comment is ours, and the Actions bot's is not", async () => {
    github.viewer = 'release-bot';
    github.addComment(
      key(),
      '<!-- spinwash:sticky -->\nfrom another workflow',
      'github-actions[bot]',
    );
    const own = github.addComment(key(), '<!-- spinwash:sticky -->\nold', 'release-bot');
    const result = await upsertStickyComment(octokit, pr(), 'new');
    expect(result).toMatchObject({ outcome: 'updated', id: own.id });
    expect(github.comments.get(key())!.map((c) => c.body)).toEqual([
      '<!-- spinwash:sticky -->\nfrom another workflow',
      '<!-- spinwash:sticky -->\nnew',
    ]);
  });

  it('keeps one comment per key (several jobs on one PR)', async () => {
    await upsertStickyComment(octokit, pr(), 'linux', 'linux');
    await upsertStickyComment(octokit, pr(), 'windows', 'windows');
    await upsertStickyComment(octokit, pr(), 'linux again', 'linux');
    expect(github.comments.get(key())!.map((c) => c.body)).toEqual([
      '<!-- spinwash:linux -->\nlinux again',
      '<!-- spinwash:windows -->\nwindows',
    ]);
    await expect(upsertStickyComment(octokit, pr(), 'x', 'bad key!')).rejects.toThrow(
      /Input `comment-key` has the value "bad key!"/,
    );
  });

  it('answers "cannot write" on a 403 (fork PR token) instead of failing', async () => {
    github.readOnly = true;
    const result = await upsertStickyComment(octokit, pr(), 'report');
    expect(result.outcome).toBe('forbidden');
    expect(result.outcome === 'forbidden' && result.message).toMatch(
      new RegExp(
        `cannot comment on acme/app#${prNumber} \\(Resource not accessible by integration.*\\).*pull-requests: write`,
      ),
    );
    expect(github.comments.get(key())).toBeUndefined();
  });

  it('retries a 500 and then succeeds', async () => {
    github.fail('POST', /\/comments$/, { status: 500, message: 'Server Error' });
    const result = await upsertStickyComment(octokit, pr(), 'report');
    expect(result.outcome).toBe('created');
    expect(
      github.requests.filter(
        (r) => r.method === 'POST' && r.path.endsWith(`/${prNumber}/comments`),
      ),
    ).toHaveLength(2);
  });

  it('waits out a secondary rate limit (429 with retry-after), then succeeds', async () => {
    github.fail('GET', /\/comments$/, {
      status: 429,
      message: 'You have exceeded a secondary rate limit',
      headers: { 'retry-after': '2' },
    });
    const result = await upsertStickyComment(octokit, pr(), 'report');
    expect(result.outcome).toBe('created');
    expect(logger.lines.join('\n')).toMatch(/secondary rate limit on GET .*; retrying after 2 s/);
  });

  it('names the permission when another error stays', async () => {
    github.fail('GET', /\/comments$/, { status: 404, message: 'Not Found' });
    await expect(upsertStickyComment(octokit, pr(), 'report')).rejects.toThrow(
      /GitHub refused to comment on acme\/app#\d+ \(404 Not Found.*\); the token needs `pull-requests: write`/,
    );
  });

  it('cuts a body over 65,536 characters with a visible note, closing open details', async () => {
    const huge = `<details><summary>big</summary>\n\n${'| row | 1 |\n'.repeat(10_000)}\n</details>\n`;
    const result = await upsertStickyComment(octokit, pr(), huge);
    expect(result).toMatchObject({ outcome: 'created', truncated: true });
    const body = github.comments.get(key())![0]!.body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith('<!-- spinwash:sticky -->\n<details>')).toBe(true);
    expect(body).toMatch(
      /<\/details>\n\n---\n> \[!WARNING\]\n> This report was cut to fit GitHub’s 65,536-character comment limit/,
    );
    expect(commentBody('short').truncated).toBe(false);
  });
});
