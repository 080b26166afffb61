import { UserError, errorMessage } from '../errors.js';
import { githubError, isForbidden, type GitHubClient } from './client.js';

/**
 * The sticky PR comment: one comment per PR (and per key), found by a hidden marker and
 * updated in place on every run, so a PR shows the latest report and no pile of old ones.
 */

/** GitHub rejects issue comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536;
export const DEFAULT_COMMENT_KEY = 'sticky';

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

export type CommentResult =
  | {
      readonly outcome: 'created' | 'updated';
      readonly id: number;
      readonly url: string;
      readonly truncated: boolean;
    }
  /** The token may not write (a fork PR, a read-only token): warn and fall back to the summary. */
  | { readonly outcome: 'forbidden'; readonly message: string };

/** `<!-- spinwash:sticky -->`, or `<!-- spinwash:<key> -->` for one comment per job of a matrix. */
export function commentMarker(key: string = DEFAULT_COMMENT_KEY): string {
  if (!/^[A-Za-z0-9._-]+$/.test(key)) {
    throw new UserError(
      `Input \`comment-key\` has the value "${key}"; accepted: letters, digits, \`.\`, \`_\` and \`-\``,
    );
  }
  return `<!-- spinwash:${key} -->`;
}

const TRUNCATION_NOTE =
  '\n\n---\n> [!WARNING]\n> This report was cut to fit GitHub’s 65,536-character comment limit; the job summary and the JSON report have all of it.\n';

/** The comment's text: marker first, then the report, cut with a visible note when too long. */
export function commentBody(
  markdown: string,
  key?: string,
  limit = COMMENT_LIMIT,
): { body: string; truncated: boolean } {
  const full = `${commentMarker(key)}\n${markdown}`;
  if (full.length <= limit) return { body: full, truncated: false };
  let kept = full.slice(0, limit - TRUNCATION_NOTE.length - 200);
  // Cut at a line end, and close the <details> blocks the cut left open so the note shows.
  kept = kept.slice(0, Math.max(kept.lastIndexOf('\n'), 0));
  const open = (kept.match(/<details>/g)?.length ?? 0) - (kept.match(/<\/details>/g)?.length ?? 0);
  const closing = '\n\n</details>'.repeat(Math.max(open, 0));
  return { body: `${kept}${closing}${TRUNCATION_NOTE}`, truncated: true };
}

/** Who writes the comments an Actions GITHUB_TOKEN posts. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * The login whose comments are ours: the token's own user (`GET /user`), or, for an Actions
 * GITHUB_TOKEN (an installation token, to which `GET /user` answers 403), the Actions bot.
 */
export async function commentAuthor(octokit: GitHubClient): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch (error) {
    if (isForbidden(error)) return ACTIONS_BOT;
    throw error;
  }
}

/**
 * The id of the first comment carrying the marker *and* written by `author`, looking through
 * every page of comments: a person's comment that quotes the marker is never ours to overwrite.
 */
export async function findStickyComment(
  octokit: GitHubClient,
  pr: PullRequestRef,
  marker: string,
  author: string,
): Promise<number | undefined> {
  return (await findSticky(octokit, pr, marker, author))?.id;
}

/** The first comment carrying the marker and written by `author`, with its body. */
export async function findSticky(
  octokit: GitHubClient,
  pr: PullRequestRef,
  marker: string,
  author: string,
): Promise<{ id: number; body: string } | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find(
      (comment) => comment.user?.login === author && comment.body?.includes(marker),
    );
    if (found) return { id: found.id, body: found.body ?? '' };
  }
  return undefined;
}

/**
 * Updates the PR's sticky comment, or creates it. A 401/403 is not an error here: the caller
 * warns and publishes the job summary instead. Anything else is a UserError naming the permission.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  pr: PullRequestRef,
  markdown: string,
  key?: string,
): Promise<CommentResult> {
  const marker = commentMarker(key);
  const { body, truncated } = commentBody(markdown, key);
  const where = `${pr.owner}/${pr.repo}#${pr.number}`;
  try {
    const author = await commentAuthor(octokit);
    const existing = await findStickyComment(octokit, pr, marker, author);
    if (existing !== undefined) {
      const { data } = await octokit.rest.issues.updateComment({
        owner: pr.owner,
        repo: pr.repo,
        comment_id: existing,
        body,
      });
      return { outcome: 'updated', id: data.id, url: data.html_url, truncated };
    }
    const { data } = await octokit.rest.issues.createComment({
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      body,
    });
    return { outcome: 'created', id: data.id, url: data.html_url, truncated };
  } catch (error) {
    if (isForbidden(error)) {
      return {
        outcome: 'forbidden',
        message: `The token cannot comment on ${where} (${errorMessage(error)}): a pull request from a fork, or a job without \`pull-requests: write\``,
      };
    }
    throw githubError(error, `comment on ${where}`, 'pull-requests: write');
  }
}
