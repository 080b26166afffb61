import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errorMessage, UserError } from '../errors.js';
import type { Logger } from '../log.js';
import { setupTimedOut, type SetupDeadline } from './deadline.js';

/** How downloads retry: 5xx, 408, 429, network errors and timeouts, with exponential backoff. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  /** Per attempt, for the whole response (a stalled server counts as a failure). */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, timeoutMs: 60_000 };

/** A server that answered, but not with success: 4xx other than 408/429 are not retried. */
export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${url} answered HTTP ${status}`);
  }
}

const retryable = (error: unknown): boolean =>
  !(error instanceof HttpStatusError) ||
  error.status >= 500 ||
  error.status === 408 ||
  error.status === 429;

export interface RequestOptions {
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  /** Sent as `authorization: Bearer …` (a header, never a URL or argv). */
  readonly token?: string;
  readonly accept?: string;
  /** Setup's deadline: an attempt under way is aborted at it, and no retry starts past it. */
  readonly deadline?: SetupDeadline;
}

/**
 * Calls `attempt` until it succeeds, a non-retryable error occurs, or the attempts run out;
 * waits baseDelay × 2^n between tries. Why not tool-cache's downloadTool: its retries wait a
 * fixed 10–20 s and cannot be tuned.
 */
async function withRetry<T>(
  url: string,
  options: RequestOptions,
  attempt: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { deadline } = options;
  for (let n = 1; ; n++) {
    const timeout = AbortSignal.timeout(options.retry.timeoutMs);
    try {
      return await attempt(deadline ? AbortSignal.any([timeout, deadline.signal]) : timeout);
    } catch (error) {
      if (deadline?.signal.aborted) throw setupTimedOut(`fetching ${url}`, deadline);
      if (!retryable(error) || n >= options.retry.attempts) throw unreachable(url, error, n);
      const delay = options.retry.baseDelayMs * 2 ** (n - 1);
      if (deadline && performance.now() + delay >= deadline.at)
        throw setupTimedOut(`fetching ${url} (${errorMessage(error)})`, deadline);
      const why =
        error instanceof HttpStatusError
          ? `answered HTTP ${error.status}`
          : `failed (${errorMessage(error)})`;
      options.logger.info(
        `${url} ${why}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${n + 1} of ${options.retry.attempts})`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A network failure or timeout that outlived the retries is the user's to fix (proxy, mirror URL): say so in one line. */
function unreachable(url: string, error: unknown, attempts: number): unknown {
  if (error instanceof HttpStatusError || error instanceof UserError) return error;
  const cause =
    error instanceof Error && error.cause !== undefined ? ` (${errorMessage(error.cause)})` : '';
  return new UserError(
    `Cannot fetch ${url} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${errorMessage(error)}${cause}`,
  );
}

function headers(options: RequestOptions): Record<string, string> {
  return {
    'user-agent': 'spinwash',
    ...(options.accept ? { accept: options.accept } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };
}

export function getText(url: string, options: RequestOptions): Promise<string> {
  return withRetry(url, options, async (signal) => {
    const response = await fetch(url, { headers: headers(options), signal });
    if (!response.ok) {
      await response.body?.cancel();
      throw new HttpStatusError(url, response.status);
    }
    return response.text();
  });
}

export async function getJson<T>(url: string, options: RequestOptions): Promise<T> {
  const text = await getText(url, options);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UserError(
      `${url} did not answer JSON (it starts with ${JSON.stringify(text.slice(0, 60))})`,
    );
  }
}

/** Streams `url` into `file`; a failed attempt leaves no partial file. */
export function download(url: string, file: string, options: RequestOptions): Promise<void> {
  return withRetry(url, options, async (signal) => {
    try {
      const response = await fetch(url, { headers: headers(options), signal, redirect: 'follow' });
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new HttpStatusError(url, response.status);
      }
      await pipeline(
        Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
        createWriteStream(file),
      );
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
  });
}
