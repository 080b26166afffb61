import { readFile } from 'node:fs/promises';
import { UserError, errorMessage } from '../errors.js';
import type { PullRequestRef } from './comment.js';

/**
 * What the workflow run is about, read from the runner's environment and the event payload
 * file (GITHUB_EVENT_PATH). Read when needed, never at import time.
 */

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface PullRequestContext extends PullRequestRef {
  readonly baseSha: string;
  readonly baseRef: string;
  readonly headSha: string;
  /**
   * The head branch lives in another repository, or Dependabot opened it: either way the run
   * gets a read-only token and no secrets, so it takes the fork path (comment-dir, `mode: comment`).
   */
  readonly fromFork: boolean;
}

export interface GitHubContext {
  readonly eventName?: string;
  readonly repository?: RepoRef;
  /** GITHUB_SHA and GITHUB_REF (`refs/heads/main`). */
  readonly sha?: string;
  readonly ref?: string;
  readonly payload: Record<string, unknown>;
}

export async function readGitHubContext(
  env: NodeJS.ProcessEnv = process.env,
): Promise<GitHubContext> {
  const repository = parseRepository(env.GITHUB_REPOSITORY);
  const file = env.GITHUB_EVENT_PATH;
  let payload: Record<string, unknown> = {};
  if (file) {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null)
        payload = parsed as Record<string, unknown>;
    } catch (error) {
      throw new UserError(
        `The GitHub event payload ${file} (GITHUB_EVENT_PATH) cannot be read as JSON: ${errorMessage(error)}`,
        file,
      );
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME,
    repository,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    payload,
  };
}

function parseRepository(value: string | undefined): RepoRef | undefined {
  if (!value) return undefined;
  const [owner, repo, extra] = value.split('/');
  if (!owner || !repo || extra !== undefined) {
    throw new UserError(`GITHUB_REPOSITORY has the value "${value}"; expected \`owner/name\``);
  }
  return { owner, repo };
}

/**
 * What a run is about, read once at its start and handed down: the runner's environment, and
 * the GitHub context read from it (the event payload file included).
 */
export interface RunContext {
  readonly env: NodeJS.ProcessEnv;
  readonly github: GitHubContext;
}

export async function readRunContext(env: NodeJS.ProcessEnv = process.env): Promise<RunContext> {
  return { env, github: await readGitHubContext(env) };
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
const DEPENDABOT = 'dependabot[bot]';

/**
 * Why spinwash does not run under this event, or undefined: `pull_request_target` runs with a
 * write token and the secrets, and a workflow that builds the pull request's code there hands
 * them to whoever wrote it (build scripts run at build time).
 */
export function refusedEvent(
  context: GitHubContext,
  allowPullRequestTarget: boolean,
): string | undefined {
  if (context.eventName !== 'pull_request_target' || allowPullRequestTarget) return undefined;
  return "spinwash does not run on `pull_request_target`: that event gives the run a write token and the secrets, and building a pull request's code with them hands them to its author; use `pull_request` (a fork's run leaves its comment in an artifact) plus a `workflow_run` workflow with `mode: comment` to post it, or set `allow-pull-request-target: true` if this workflow builds only trusted code";
}

/** The pull request of a pull_request event, or undefined for any other event. */
export function pullRequestOf(context: GitHubContext): PullRequestContext | undefined {
  if (!context.eventName || !PR_EVENTS.has(context.eventName) || !context.repository)
    return undefined;
  const pr = record(context.payload.pull_request);
  const base = record(pr?.base);
  const head = record(pr?.head);
  const number = pr?.number;
  if (typeof number !== 'number') return undefined;
  const headRepo = record(head?.repo)?.full_name;
  const author = record(pr?.user)?.login;
  const baseRepo =
    record(base?.repo)?.full_name ?? `${context.repository.owner}/${context.repository.repo}`;
  return {
    ...context.repository,
    number,
    baseSha: String(base?.sha ?? ''),
    baseRef: String(base?.ref ?? ''),
    headSha: String(head?.sha ?? ''),
    fromFork:
      (typeof headRepo === 'string' && headRepo !== baseRepo) ||
      author === DEPENDABOT ||
      record(context.payload.sender)?.login === DEPENDABOT,
  };
}

/** The branch a push went to (`refs/heads/main` → `main`), or undefined for other events. */
export function pushedBranch(context: GitHubContext): string | undefined {
  if (context.eventName !== 'push' || !context.ref?.startsWith('refs/heads/')) return undefined;
  return context.ref.slice('refs/heads/'.length);
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
