import { describe, expect, it } from 'vitest';
import { pullRequestOf, refusedEvent, type GitHubContext } from '../../src/github/context.js';

const pr = (head: string, extra: Record<string, unknown> = {}, eventName = 'pull_request') =>
  ({
    eventName,
    repository: { owner: 'acme', repo: 'app' },
    payload: {
      pull_request: {
        number: 3,
        base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/app' } },
        head: { sha: 'h'.repeat(40), ref: 'x', repo: { full_name: head } },
        user: { login: 'someone' },
        ...extra,
      },
    },
  }) satisfies GitHubContext;

describe('pull requests that take the fork path', () => {
  it('a fork’s and Dependabot’s (read-only token, no secrets); a branch of the repository’s not', () => {
    expect(pullRequestOf(pr('acme/app'))?.fromFork).toBe(false);
    expect(pullRequestOf(pr('someone/app'))?.fromFork).toBe(true);
    expect(pullRequestOf(pr('acme/app', { user: { login: 'dependabot[bot]' } }))?.fromFork).toBe(
      true,
    );
  });
});

describe('pull_request_target', () => {
  it('is refused in one line saying why and what to use, unless allowed', () => {
    const event = pr('someone/app', {}, 'pull_request_target');
    const refused = refusedEvent(event, false);
    expect(refused).toMatch(
      /^spinwash does not run on `pull_request_target`: that event gives the run a write token and the secrets.*use `pull_request` .* plus a `workflow_run` workflow with `mode: comment`.*`allow-pull-request-target: true`/,
    );
    expect(refused).not.toContain('\n');
    expect(refusedEvent(event, true)).toBeUndefined();
    expect(refusedEvent(pr('acme/app'), false)).toBeUndefined();
  });
});
