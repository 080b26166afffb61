import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import { writeFileAtomic } from '../fsutil.js';
import { githubError, httpStatus, type GitHubClient } from './client.js';
import { commentMarker, upsertStickyComment, type CommentResult } from './comment.js';
import { record, type GitHubContext, type PullRequestContext } from './context.js';
import { unzip } from './unzip.js';

/**
 * Fork pull requests: their token cannot comment, so the run leaves the comment in files
 * (uploaded as an artifact), and a `workflow_run` workflow with `mode: comment`, which runs
 * with the base repository's token, downloads them and posts the comment.
 */

/** The artifact name both workflows agree on. */
export const ARTIFACT_NAME = 'spinwash-report';
export const COMMENT_FILE = 'comment.md';
export const PR_FILE = 'pr.json';
export const REPORT_FILE = 'report.json';

/** Which PR the comment is for, written beside it. */
export interface PendingComment {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  key: string;
}

/** Writes what `mode: comment` needs into `dir`; returns the instructions to show. */
export async function writeForkFiles(
  dir: string,
  pr: PullRequestContext,
  key: string,
  markdown: string,
  reportJson: string,
): Promise<string> {
  const pending: PendingComment = {
    owner: pr.owner,
    repo: pr.repo,
    number: pr.number,
    headSha: pr.headSha,
    key,
  };
  await writeFileAtomic(path.join(dir, COMMENT_FILE), markdown);
  await writeFileAtomic(path.join(dir, PR_FILE), `${JSON.stringify(pending, null, 2)}\n`);
  await writeFileAtomic(path.join(dir, REPORT_FILE), reportJson);
  return (
    `The comment and the JSON report are in ${dir} (output \`comment-dir\`). To post them: upload that folder ` +
    `as an artifact named \`${ARTIFACT_NAME}\` (actions/upload-artifact), and run spinwash with \`mode: comment\` ` +
    'in a `workflow_run` workflow (permissions: `pull-requests: write`, `actions: read`).'
  );
}

/** Reads back the files of writeForkFiles, from a folder (tests, or a local artifact download). */
export async function readForkFiles(
  dir: string,
): Promise<{ markdown: string; pending: PendingComment }> {
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  return {
    markdown: await read(COMMENT_FILE),
    pending: parsePending(await read(PR_FILE), path.join(dir, PR_FILE)),
  };
}

export type PostOutcome =
  | { readonly posted: false; readonly reason: string }
  | { readonly posted: true; readonly comment: CommentResult; readonly pr: number };

/**
 * `mode: comment`: finds the `spinwash-report` artifact of the workflow run that triggered this
 * one, and posts its comment on its PR, after checking the PR's head is the run's commit (the
 * artifact comes from a fork, so its PR number is not trusted on its own).
 */
export async function postCommentFromArtifact(
  octokit: GitHubClient,
  context: GitHubContext,
  logger: Logger,
): Promise<PostOutcome> {
  if (context.eventName !== 'workflow_run') {
    throw new UserError(
      `Input \`mode\` has the value "comment", which runs in a \`workflow_run\` workflow; this run is a \`${context.eventName ?? 'unknown'}\` event`,
    );
  }
  const run = record(context.payload.workflow_run);
  const repo = context.repository;
  if (!run || typeof run.id !== 'number' || !repo)
    throw new UserError(
      'The workflow_run event payload has no run id or repository (GITHUB_EVENT_PATH)',
    );
  const runId = run.id;
  const headSha = String(run.head_sha ?? '');

  let artifactId: number | undefined;
  try {
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({
      ...repo,
      run_id: runId,
      name: ARTIFACT_NAME,
      per_page: 100,
    });
    artifactId = data.artifacts.find((a) => a.name === ARTIFACT_NAME && !a.expired)?.id;
  } catch (error) {
    throw githubError(error, `list the artifacts of run ${runId}`, 'actions: read');
  }
  if (artifactId === undefined) {
    const reason = `Run ${runId} left no \`${ARTIFACT_NAME}\` artifact: nothing to post (not a fork PR run, or the upload step is missing)`;
    logger.info(reason);
    return { posted: false, reason };
  }

  let files: Map<string, Buffer>;
  try {
    const { data } = await octokit.rest.actions.downloadArtifact({
      ...repo,
      artifact_id: artifactId,
      archive_format: 'zip',
    });
    files = unzip(Buffer.from(data as ArrayBuffer), `artifact ${ARTIFACT_NAME} of run ${runId}`);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw githubError(
      error,
      `download the ${ARTIFACT_NAME} artifact of run ${runId}`,
      'actions: read',
    );
  }
  const markdown = files.get(COMMENT_FILE)?.toString('utf8');
  const prText = files.get(PR_FILE)?.toString('utf8');
  if (markdown === undefined || prText === undefined) {
    throw new UserError(
      `The ${ARTIFACT_NAME} artifact of run ${runId} lacks ${COMMENT_FILE} or ${PR_FILE}; upload the whole \`comment-dir\` folder`,
    );
  }
  const pending = parsePending(prText, `${ARTIFACT_NAME}/${PR_FILE}`);
  const number = await trustedPullRequest(octokit, repo, run, pending, headSha);
  commentMarker(pending.key); // rejects a key that is not a plain word
  const comment = await upsertStickyComment(octokit, { ...repo, number }, markdown, pending.key);
  if (comment.outcome === 'forbidden') {
    throw new UserError(
      `${comment.message}; the \`workflow_run\` job needs \`permissions: pull-requests: write\``,
    );
  }
  logger.info(`Posted the report of run ${runId} on #${number} (${comment.outcome})`);
  return { posted: true, comment, pr: number };
}

/** The PR to comment on: the run's own when GitHub lists it, else the artifact's, checked against the run's head commit. */
async function trustedPullRequest(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  run: Record<string, unknown>,
  pending: PendingComment,
  headSha: string,
): Promise<number> {
  const listed = Array.isArray(run.pull_requests)
    ? run.pull_requests.map((p) => record(p)?.number).filter((n) => typeof n === 'number')
    : [];
  if (listed.length > 0) {
    if (!listed.includes(pending.number)) {
      throw new UserError(
        `The artifact names PR #${pending.number}, but run ${String(run.id)} belongs to #${listed.join(', #')}; not posting`,
      );
    }
    return pending.number;
  }
  // Fork PRs are not listed on the run: check the PR's head is the commit the run built.
  let prHead: string;
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pending.number });
    prHead = data.head.sha;
  } catch (error) {
    if (httpStatus(error) === 404)
      throw new UserError(
        `The artifact names PR #${pending.number}, which does not exist in ${repo.owner}/${repo.repo}; not posting`,
      );
    throw githubError(error, `read PR #${pending.number}`, 'pull-requests: write');
  }
  if (prHead !== headSha) {
    throw new UserError(
      `The artifact names PR #${pending.number}, whose head is ${prHead.slice(0, 7)}, but the run built ${headSha.slice(0, 7)}; not posting (a newer push will post its own)`,
    );
  }
  return pending.number;
}

function parsePending(text: string, source: string): PendingComment {
  try {
    const value = JSON.parse(text) as Partial<PendingComment>;
    if (
      typeof value.number === 'number' &&
      typeof value.key === 'string' &&
      typeof value.headSha === 'string'
    ) {
      return value as PendingComment;
    }
  } catch (error) {
    throw new UserError(
      `${source} is not valid JSON (${errorMessage(error)}); expected what spinwash wrote for a fork PR`,
    );
  }
  throw new UserError(
    `${source} lacks number, key or headSha; expected what spinwash wrote for a fork PR`,
  );
}
