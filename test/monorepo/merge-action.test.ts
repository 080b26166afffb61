import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { createOctokit } from '../../src/github/client.js';
import { readForkFiles } from '../../src/github/fork.js';
import { readRunContext } from '../../src/github/context.js';
import { MemoryLogger } from '../../src/log.js';
import { runMergeAction } from '../../src/monorepo/action.js';
import { component, report } from '../report/reports.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';

let github: FakeGitHub;
const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-merge-action-'));
beforeAll(async () => {
  github = await startGitHubServer();
});
afterAll(async () => {
  await github.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mode: merge on a fork’s pull request', () => {
  it('cannot comment, so it leaves the merged comment for `mode: comment`, and fails on none of its apps', async () => {
    for (const name of ['a', 'b']) {
      mkdirSync(path.join(dir, 'reports', name), { recursive: true });
      writeFileSync(
        path.join(dir, 'reports', name, 'report.json'),
        JSON.stringify(
          report([component(`${name}-crate`, 1_000)], {
            project: { kind: 'cargo', path: `apps/${name}`, name },
          }),
        ),
      );
    }
    writeFileSync(
      path.join(dir, 'event.json'),
      JSON.stringify({
        pull_request: {
          number: 9,
          base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/mono' } },
          head: { sha: 'h'.repeat(40), ref: 'x', repo: { full_name: 'fork/mono' } },
        },
      }),
    );
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'acme/mono',
    };
    github.readOnly = true; // a fork's token
    const config = buildConfig(
      {
        mode: 'merge',
        reports: 'reports',
        'report-path': path.join(dir, 'out', 'merged.json'),
        'github-token': 't',
      },
      dir,
    );
    const outputs: Record<string, string> = {};
    const summary: string[] = [];
    const logger = new MemoryLogger();
    await runMergeAction(config, logger, {
      context: await readRunContext(env),
      octokit: createOctokit({ token: 't', baseUrl: github.url, retryAfterBaseMs: 5 }),
      setOutput: (name, value) => (outputs[name] = value),
      appendSummary: async (markdown) => void summary.push(markdown),
    });
    expect(github.comments.get('acme/mono#9')).toBeUndefined();
    expect(outputs['comment-dir']).toBe(path.join(dir, 'out', 'spinwash-comment'));
    const left = await readForkFiles(outputs['comment-dir']!);
    expect(left.pending).toMatchObject({ number: 9, key: 'sticky', headSha: 'h'.repeat(40) });
    expect(left.markdown).toMatch(
      /^## spinwash report: 2 apps\n\n✅ All 2 apps reported, no budget broken\./,
    );
    expect(summary[0]).toBe(left.markdown);
    const merged = JSON.parse(readFileSync(outputs['report-path']!, 'utf8')) as { apps: unknown[] };
    expect(merged.apps).toHaveLength(2);
    expect(logger.lines.join('\n')).toMatch(/The token cannot comment on acme\/mono#9/);
  });
});
