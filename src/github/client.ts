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
  /**
   * Milliseconds every call of this client may take together, retries and rate-limit waits
   * included (`github-timeout`); default 180 s. Past it a call fails at once, saying so.
   */
  readonly budgetMs?: number;
  /** Milliseconds one request may take, its whole answer included; default 30 s. */
  readonly requestTimeoutMs?: number;
}

/** How many times a rate-limited request is retried before the error is returned. */
const RATE_LIMIT_RETRIES = 3;
const DEFAULT_BUDGET_MS = 180_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * A GitHub request that did not finish in time: no answer, half an answer, or the run's
 * budget for GitHub used up. Named AbortError so octokit passes it through as it is (its
 * retries would spend the budget again on a server that does not answer).
 */
export class GitHubTimeoutError extends Error {
  override readonly name = 'AbortError';
  readonly timeout = true;
}

function isTimeout(error: unknown): error is GitHubTimeoutError {
  return error instanceof GitHubTimeoutError;
}

/** `GET /repos/o/r/contents/x` for messages. */
function describeRequest(method: string | undefined, url: string): string {
  let where = url;
  try {
    where = decodeURIComponent(new URL(url).pathname);
  } catch {
    // a relative URL: as it is
  }
  return `${(method ?? 'GET').toUpperCase()} ${where}`;
}

/**
 * fetch bounded in time: each request gets `requestTimeoutMs` (or what is left of the budget)
 * for its headers and its whole body, read here, so an answer that stops half-way is a
 * timeout, not a short body octokit would take as the answer.
 */
function boundedFetch(deadline: () => number, budgetMs: number, requestMs: number): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const label = describeRequest(init.method, url);
    const left = deadline() - performance.now();
    if (left <= 0) {
      throw new GitHubTimeoutError(
        `the GitHub API time budget (github-timeout, ${budgetMs / 1000} s) was used up before ${label}`,
      );
    }
    const ms = Math.max(1, Math.floor(Math.min(requestMs, left)));
    const timer = AbortSignal.timeout(ms);
    const signal = init.signal ? AbortSignal.any([init.signal, timer]) : timer;
    let headersSeen = false;
    try {
      const response = await fetch(input, { ...init, signal });
      headersSeen = true;
      const body = await response.arrayBuffer();
      const empty = [101, 204, 205, 304].includes(response.status);
      const copy = new Response(empty ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperty(copy, 'url', { value: response.url });
      return copy;
    } catch (error) {
      if (!timer.aborted) throw error;
      const what = headersSeen ? 'its answer stopped half-way' : 'no answer';
      throw new GitHubTimeoutError(
        `GitHub did not answer ${label} within ${(ms / 1000).toFixed(ms < 1000 ? 2 : 0)} s (${what})${
          ms < requestMs ? '; the GitHub API time budget (github-timeout) is used up' : ''
        }`,
      );
    }
  };
}

/**
 * The run's client: its `github-token` and its time budget (`github-timeout`); undefined
 * without a token. Every part of a run that talks to GitHub gets its client here.
 */
export function runClient(
  config: { readonly githubToken?: string; readonly githubTimeoutSeconds: number },
  logger: Logger,
): GitHubClient | undefined {
  return config.githubToken
    ? createOctokit({
        token: config.githubToken,
        logger,
        budgetMs: config.githubTimeoutSeconds * 1000,
      })
    : undefined;
}

export function createOctokit(options: ClientOptions = {}): GitHubClient {
  const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
  const base = options.retryAfterBaseMs ?? 1000;
  const logger = options.logger;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const end = performance.now() + budgetMs;
  const left = (): number => end - performance.now();
  /** True when a wait of `seconds` (in retry-after units) fits in the budget; else says so. */
  const mayWait = (what: string, seconds: number): boolean => {
    if (seconds * base <= left()) return true;
    logger?.warning(
      `${what}: waiting ${seconds} s would pass the GitHub API time budget (github-timeout, ${Math.max(0, Math.round(left() / 1000))} s left); not waiting`,
    );
    return false;
  };
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const what = `GitHub ${kind} on ${describeRequest(request.method, request.url)}`;
      if (retryCount >= RATE_LIMIT_RETRIES) {
        logger?.warning(`${what}; giving up after ${retryCount} retries`);
        return false;
      }
      if (!mayWait(what, retryAfter)) return false;
      logger?.warning(`${what}; retrying after ${retryAfter} s`);
      return true;
    };
  const octokit = new SpinwashOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: 'spinwash',
    // The retry plugin's own back-off does not know the budget: 5xx retries are done by the
    // hook below, which waits only when the wait fits.
    retry: {
      retryAfterBaseValue: base,
      retries: 0,
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
    request: {
      fetch: boundedFetch(
        () => end,
        budgetMs,
        options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      ),
    },
  });
  // Outermost (registered last): retries of a 5xx (back-off 1, 4, 9 … units) and of a plain
  // 429 with `retry-after`, which neither plugin retries (the throttling plugin knows rate
  // limits only by their headers and messages), each only when its wait fits in the budget.
  const retries = options.retries ?? 3;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const label = describeRequest(requestOptions.method, requestOptions.url);
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const status = httpStatus(error);
        const retryAfter = Number(retryAfterOf(error));
        let wait: number | undefined;
        let what = '';
        if (
          status === 429 &&
          !/\bsecondary rate\b/i.test(errorMessage(error)) &&
          Number.isFinite(retryAfter) &&
          retryAfter >= 0 &&
          attempt < RATE_LIMIT_RETRIES
        ) {
          wait = retryAfter;
          what = `GitHub answered 429 (too many requests) on ${label}`;
        } else if (status !== undefined && status >= 500 && attempt < retries) {
          wait = (attempt + 1) ** 2;
          what = `GitHub answered ${status} on ${label}`;
        }
        if (wait === undefined || !mayWait(what, wait)) throw error;
        if (status === 429) logger?.warning(`${what}; retrying after ${wait} s`);
        else logger?.info(`${what}; retrying after ${wait} s`);
        await new Promise((resolve) => setTimeout(resolve, wait * base));
      }
    }
  });
  return octokit;
}

function retryAfterOf(error: unknown): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  const value = headers?.['retry-after'];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
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
  if (isTimeout(error)) return undefined; // octokit labels it 500; nothing answered
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
  if (isTimeout(error)) return new UserError(`GitHub failed to ${attempted}: ${detail}`);
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
