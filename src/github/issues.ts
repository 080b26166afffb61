import type { GitHubClient } from './client.js';
import { githubError } from './client.js';
import type { RepoRef } from './context.js';

/**
 * Issues and issue comments, for benchmark alerts: open an issue, comment on one, close it.
 * Each failure is one UserError naming the permission (`issues: write`).
 */

export interface Written {
  /** The issue written to. */
  number: number;
  /** The issue's or the comment's page. */
  url: string;
}

/** GitHub's limit on an issue or comment body. */
const BODY_LIMIT = 65_536;
const cut = (body: string): string =>
  body.length <= BODY_LIMIT
    ? body
    : `${body.slice(0, BODY_LIMIT - 40)}\n\n…(cut to GitHub's limit)`;

export async function openIssue(
  octokit: GitHubClient,
  repo: RepoRef,
  title: string,
  body: string,
): Promise<Written> {
  try {
    const { data } = await octokit.rest.issues.create({ ...repo, title, body: cut(body) });
    return { number: data.number, url: data.html_url };
  } catch (error) {
    throw githubError(error, 'open an issue', 'issues: write');
  }
}

export async function commentOnIssue(
  octokit: GitHubClient,
  repo: RepoRef,
  issue: number,
  body: string,
): Promise<Written> {
  try {
    const { data } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: issue,
      body: cut(body),
    });
    return { number: issue, url: data.html_url };
  } catch (error) {
    throw githubError(error, `comment on issue #${issue}`, 'issues: write');
  }
}

/** Opens or closes an issue (a closed one that gets a new alert is opened again). */
export async function setIssueState(
  octokit: GitHubClient,
  repo: RepoRef,
  issue: number,
  state: 'open' | 'closed',
): Promise<void> {
  try {
    await octokit.rest.issues.update({ ...repo, issue_number: issue, state });
  } catch (error) {
    throw githubError(
      error,
      `${state === 'open' ? 'reopen' : 'close'} issue #${issue}`,
      'issues: write',
    );
  }
}
