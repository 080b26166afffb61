import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import { UserError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';

/**
 * The one way spinwash talks to GitHub: @octokit/rest with retries on 5xx and throttling that
 * honours `retry-after` and the secondary rate limit. Functions take the client as a parameter
 * (tests hand in one pointed at a local server).
 */
const SpinwashOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof SpinwashOctokit>;

export interface ClientOptions {
  /** Never logged; octokit sends it in the Authorization header only. */
  readonly token?: string;
  /** REST API root; default GITHUB_API_URL (GitHub Enterprise), else https://api.github.com. */
  readonly baseUrl?: string;
  readonly logger?: Logger;
  /**
   * Milliseconds one unit of `retry-after`, of the retry back-off and of the spacing between
   * writes (GitHub asks for 1 s, 3 s before a comment) stands for: 1000 in real use; tests
   * shrink it so a `retry-after: 1` or a second comment costs milliseconds.
   */
  readonly retryAfterBaseMs?: number;
  /** Retries of a 5xx answer (default 3). */
  readonly retries?: number;
}

/** How many times a rate-limited request is retried before the error is returned. */
const RATE_LIMIT_RETRIES = 3;

export function createOctokit(options: ClientOptions = {}): GitHubClient {
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const base = options.retryAfterBaseMs ?? 1000;
  const logger = options.logger;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const again = retryCount < RATE_LIMIT_RETRIES;
      logger?.warning(
        `GitHub ${kind} on ${request.method} ${request.url}; ${again ? `retrying after ${retryAfter} s` : 'giving up'}`,
      );
      return again;
    };
  return new SpinwashOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: 'spinwash',
    // 429 is left to the throttling plugin, which waits as long as `retry-after` says.
    retry: {
      retryAfterBaseValue: base,
      retries: options.retries ?? 3,
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
    },
    throttle: {
      retryAfterBaseValue: base,
      ...(base === 1000 ? {} : scaledSpacing(base)),
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
    // octokit logs 4xx/5xx bodies by itself on warn/error; the caller decides what to show.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/**
 * The throttling plugin's request groups with their spacing scaled from 1 s to `base` ms (its
 * own groups are shared by every client in the process, so these are made per client).
 */
function scaledSpacing(base: number): Record<string, Bottleneck.Group> {
  const group = (id: string, maxConcurrent: number, seconds: number) =>
    new Bottleneck.Group({ id: `spinwash-${id}`, maxConcurrent, minTime: seconds * base });
  return {
    global: group('global', 10, 0),
    auth: group('auth', 1, 0),
    search: group('search', 1, 2),
    write: group('write', 1, 1),
    notifications: group('notifications', 1, 3),
  };
}

/** The permissions a workflow may have to grant, as written in `permissions:`. */
export type Permission =
  'pull-requests: write' | 'contents: write' | 'contents: read' | 'actions: read' | 'issues: write';

/** The HTTP status of an octokit error, or undefined for anything else (a network failure). */
export function httpStatus(error: unknown): number | undefined {
  if (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof error.status === 'number'
  )
    return error.status;
  return undefined;
}

/** True for the answers a token without the right permission gets. */
export function isForbidden(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 401 || status === 403;
}

/**
 * A GitHub API failure as one UserError saying what was attempted and, for 401/403/404,
 * which permission the workflow must grant.
 */
export function githubError(error: unknown, attempted: string, permission: Permission): UserError {
  const status = httpStatus(error);
  const detail = errorMessage(error);
  if (status === 401) {
    return new UserError(
      `GitHub refused to ${attempted}: the token is invalid or expired (401 ${detail})`,
    );
  }
  if (status === 403 || status === 404) {
    return new UserError(
      `GitHub refused to ${attempted} (${status} ${detail}); the token needs \`${permission}\` (grant it under \`permissions:\` in the workflow)`,
    );
  }
  return new UserError(
    `GitHub failed to ${attempted}: ${status === undefined ? '' : `${status} `}${detail}`,
  );
}
