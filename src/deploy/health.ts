import http from 'node:http';
import net from 'node:net';
import { errorMessage, UserError } from '../errors.js';

/**
 * How every deploy target decides an app is up: the first HTTP 200 on the health path,
 * polled until a deadline, failing early when the server process is gone.
 */

/** Pause between health probes while the server comes up. */
const POLL_INTERVAL_MS = 20;
/** Longest a single probe may take before it counts as a failed attempt. */
const PROBE_TIMEOUT_MS = 5000;

export interface ProbeResult {
  readonly status: number;
  readonly body: string;
  /** Seconds from sending the request to the end of the response. */
  readonly seconds: number;
}

/**
 * One GET with a fresh connection (no keep-alive agent: a pooled socket would keep the CLI's
 * event loop alive after the server is gone). Rejects on connection errors and on timeout.
 */
export function probe(url: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body,
          seconds: (performance.now() - started) / 1000,
        }),
      );
    });
    request.on('timeout', () =>
      request.destroy(new Error(`no answer within ${Math.ceil(timeoutMs)} ms`)),
    );
    request.on('error', reject);
  });
}

/** Probes `url` until it answers 200; fails when `isDead()` says the server is gone or the deadline passes. */
export async function waitForHealthy(
  url: string | (() => string),
  deadline: number,
  timeoutSeconds: number,
  isDead: () => string | undefined,
): Promise<ProbeResult> {
  let lastSeen = 'no answer yet';
  // An HTTP answer says more than a later failed attempt (often the last, cut short by the deadline).
  let answered = false;
  for (;;) {
    const target = typeof url === 'string' ? url : url();
    const dead = isDead();
    if (dead !== undefined)
      throw new UserError(
        `the app stopped (${dead}) before ${target} answered 200 (last: ${lastSeen})`,
      );
    const remaining = deadline - performance.now();
    if (remaining <= 0)
      throw new UserError(
        `${target} did not answer 200 within ${timeoutSeconds} s (last: ${lastSeen})`,
      );
    try {
      const result = await probe(target, Math.min(remaining, PROBE_TIMEOUT_MS));
      if (result.status === 200) return result;
      lastSeen = `HTTP ${result.status}`;
      answered = true;
    } catch (error) {
      if (!answered) lastSeen = errorMessage(error);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** A free TCP port on 127.0.0.1, found by binding port 0 and letting it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
