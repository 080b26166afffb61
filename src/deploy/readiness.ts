import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { errorMessage, UserError } from '../errors.js';
import type { DeployReport } from '../report/model.js';
import type { DeploySettings } from './target.js';
import { defaultHealthPath, describeRoutes, type HttpRoute } from './routing/routes.js';

/**
 * One readiness clock for every deploy target. The clock starts when the deploy command
 * starts (the caller's `startedAt`); the deploy is ready at the first healthy answer of the
 * **new** version, proven, in this order, by:
 *   1. Spin's `/.well-known/spin/info`: `oci_image_digest` equal to the pushed digest when it
 *      is known, else different from the one served before the deploy (`spin-info`);
 *   2. `health-expect`: text the health answer's body must contain (`body`);
 *   3. nothing: the first 200 on the health path, reported as not proven (`none`).
 * A 200 from the previous version never counts.
 */

export type VersionProof = 'spin-info' | 'body' | 'none';

/** Longest a single request may take before it counts as a failed attempt. */
const PROBE_TIMEOUT_MS = 5000;
/** Redirects followed per request (Location, as a browser would). */
const MAX_REDIRECTS = 5;
/**
 * The poll interval grows with the time already waited, so the error of the measured ready
 * time stays near 0.5% of it: 10 ms for the first 2 s (a 1.5 s deploy stays inside ±50 ms
 * with the requests' own time on a busy runner), 300 ms for a deploy that takes a minute,
 * never more than 2 s. While the old version answers, each poll is one small request.
 */
const POLL_FRACTION = 0.005;
const POLL_MIN_MS = 10;
const POLL_MAX_MS = 2000;

export function pollInterval(waitedMs: number): number {
  return Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, waitedMs * POLL_FRACTION));
}

export interface ProbeResult {
  readonly status: number;
  readonly body: string;
  /** Seconds from sending the (first) request to the end of the (last) response. */
  readonly seconds: number;
  /** The URL that answered, after redirects. */
  readonly url: string;
}

let certificates: string[] | undefined;
let secureContext: tls.SecureContext | undefined;
/**
 * Node's bundled CAs, the system store where this Node can read it (22.15+), and
 * NODE_EXTRA_CA_CERTS (Node reads it only at start-up; a test or a later step may set it).
 */
function trustedCertificates(): string[] {
  if (certificates) return certificates;
  const system = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates?.(
    'system',
  );
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  let extra: string[] = [];
  if (extraFile) {
    try {
      extra = [readFileSync(extraFile, 'utf8')];
    } catch {
      // unreadable: Node itself only warns about it
    }
  }
  certificates = [...tls.rootCertificates, ...(system ?? []), ...extra];
  return certificates;
}

/**
 * One TLS context for every probe: building one from ~150 CAs takes milliseconds of CPU, too
 * much to spend on each request of a poll that aims at ±50 ms.
 */
function trustedContext(): tls.SecureContext {
  return (secureContext ??= tls.createSecureContext({ ca: trustedCertificates() }));
}

/** Forget the cached CA list (NODE_EXTRA_CA_CERTS changed). */
export function resetTrustedCertificates(): void {
  certificates = undefined;
  secureContext = undefined;
}

/**
 * Connections one wait reuses (keep-alive): a TLS handshake per request costs tens of
 * milliseconds on a busy runner, more than the poll's whole error budget. Destroyed when the
 * wait ends, so no socket keeps the process alive.
 */
export interface ProbeAgents {
  readonly http: http.Agent;
  readonly https: https.Agent;
}

function probeAgents(): ProbeAgents {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: 2 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 2 }),
  };
}

function getOnce(
  url: URL,
  timeoutMs: number,
  agents?: ProbeAgents,
): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    // Without a wait's agents, a fresh connection (a pooled socket would keep the CLI's
    // event loop alive after the server is gone).
    const agent = agents ? (url.protocol === 'https:' ? agents.https : agents.http) : false;
    const request = client.get(
      url,
      {
        agent,
        timeout: timeoutMs,
        ...(url.protocol === 'https:' ? { secureContext: trustedContext() } : {}),
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (body.length < 1_000_000) body += chunk;
        });
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body,
            ...(response.headers.location ? { location: response.headers.location } : {}),
          }),
        );
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`no answer within ${Math.ceil(timeoutMs)} ms`)),
    );
    request.on('error', reject);
  });
}

/** One GET (HTTP or HTTPS), redirects followed; rejects on connection errors and on timeout. */
export async function probe(
  url: string,
  timeoutMs: number = PROBE_TIMEOUT_MS,
  agents?: ProbeAgents,
): Promise<ProbeResult> {
  const started = performance.now();
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const remaining = timeoutMs - (performance.now() - started);
    const answer = await getOnce(current, Math.max(1, remaining), agents);
    if (answer.status >= 300 && answer.status < 400 && answer.location && hop < MAX_REDIRECTS) {
      current = new URL(answer.location, current);
      continue;
    }
    return {
      status: answer.status,
      body: answer.body,
      seconds: (performance.now() - started) / 1000,
      url: current.href,
    };
  }
}

/** What `/.well-known/spin/info` says: which app and which pushed image is serving. */
export interface SpinInfo {
  readonly name?: string;
  readonly version?: string;
  readonly digest?: string;
}

/**
 * What answered at the app's address before the deploy: nothing (`absent`: a new app, or an
 * address not yet known), an app without Spin's info endpoint (`no-info`), or Spin's info.
 */
export type BeforeDeploy =
  | { readonly state: 'absent' }
  | { readonly state: 'no-info' }
  | { readonly state: 'info'; readonly info: SpinInfo };

export const NOTHING_BEFORE: BeforeDeploy = { state: 'absent' };

/** The info path of an app whose base URL is `base`, on the same origin. */
export function appUrl(base: string, appPath: string): string {
  const root = new URL(base);
  const url = new URL(appPath.replace(/^\/*/, '/'), root);
  // health-path is a path; a `//host` form must never send the probe to another host
  if (url.origin !== root.origin)
    throw new UserError(
      `health path "${appPath}" leaves the app (${root.origin}); give a path such as /health`,
    );
  return url.href;
}

function parseSpinInfo(body: string): SpinInfo | undefined {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    if (typeof json !== 'object' || json === null) return undefined;
    const text = (key: string): string | undefined =>
      typeof json[key] === 'string' && json[key] !== '' ? (json[key] as string) : undefined;
    const info = { name: text('name'), version: text('version'), digest: text('oci_image_digest') };
    return info.name || info.version || info.digest ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Spin's info at `base`; rejects when the request gets no HTTP answer. */
async function readSpinInfo(
  base: string,
  timeoutMs: number,
  agents?: ProbeAgents,
): Promise<BeforeDeploy> {
  const answer = await probe(appUrl(base, '/.well-known/spin/info'), timeoutMs, agents);
  const info = answer.status === 200 ? parseSpinInfo(answer.body) : undefined;
  return info ? { state: 'info', info } : { state: 'no-info' };
}

/** Reads Spin's info at `base` once, before the deploy starts. */
export async function snapshotBeforeDeploy(base: string | undefined): Promise<BeforeDeploy> {
  if (base === undefined) return NOTHING_BEFORE;
  return readSpinInfo(base, PROBE_TIMEOUT_MS).catch(() => NOTHING_BEFORE);
}

export interface ReadinessRequest {
  /** Names the target in errors (`fermyon-cloud`, `local` …). */
  readonly label: string;
  /** The app's base URL; undefined while the deploy has not told it yet. */
  readonly baseUrl: () => string | undefined;
  readonly healthPath: string;
  readonly healthExpect?: string;
  /** The digest spinwash pushed, when it knows it. */
  readonly digest?: string;
  readonly before: BeforeDeploy;
  /**
   * A server this deploy started itself on a fresh port (the local runtimes): it cannot be
   * serving a previous version, so no version proof is needed or reported.
   */
  readonly fresh?: boolean;
  /** performance.now() when the deploy command started. */
  readonly startedAt: number;
  readonly timeoutSeconds: number;
  /** Why the serving process is gone, once it is; stops the wait early. */
  readonly isDead?: () => string | undefined;
  /** The app's HTTP routes, named when the health path is not found (HTTP 404). */
  readonly routes?: readonly HttpRoute[];
  /**
   * A 404 on the health path is final: a server started here whose routes are fixed (the
   * local runtimes) answers the same path the same way until the deadline, so the wait ends
   * at the first 404 instead of the deadline.
   */
  readonly notFoundIsFinal?: boolean;
}

export interface Readiness {
  readonly url: string;
  readonly status: number;
  /** From the deploy command's start to the new version's first healthy answer. */
  readonly readySeconds: number;
  /** How long that first healthy request took. */
  readonly firstResponseSeconds: number;
  /** How the answer was shown to be the new version; absent for a fresh local server. */
  readonly versionProof?: VersionProof;
  /** The digest Spin's info reported for the new version. */
  readonly digest?: string;
}

type Verdict =
  | { readonly ready: true; readonly proof: VersionProof; readonly digest?: string }
  | { readonly ready: false; readonly seen: string };

/** Is the info `now` served the new version's? */
function newInfo(request: ReadinessRequest, now: SpinInfo): boolean | undefined {
  if (!now.digest) return undefined;
  if (request.digest) return now.digest === request.digest;
  if (request.before.state === 'info') return now.digest !== request.before.info.digest;
  return true; // nothing served info before: this app is new
}

/** The wait's deadline passed before a request of the check could be sent. */
class DeadlinePassed extends Error {}

/**
 * One look at the app: its Spin info (unless fresh), its health path, and the info once more
 * when the health answer alone cannot tell the version. Every request gets what is left of the
 * wait, at most one probe's timeout. Rejects when a request gets no HTTP answer.
 */
async function check(
  request: ReadinessRequest,
  base: string,
  deadline: number,
  agents: ProbeAgents,
): Promise<Verdict & { answer?: ProbeResult }> {
  const budget = (): number => {
    const left = deadline - performance.now();
    if (left <= 0) throw new DeadlinePassed('the wait ended before the next request');
    return Math.min(left, PROBE_TIMEOUT_MS);
  };
  const spinInfoAt = async (): Promise<BeforeDeploy> => {
    const timeoutMs = budget();
    try {
      return await readSpinInfo(base, timeoutMs, agents);
    } catch (error) {
      // cut short by the deadline, the request says nothing about the app: the last real
      // answer stands. A full-length failure means an app without a working info endpoint.
      if (deadline - performance.now() <= 0) throw error;
      return { state: 'no-info' };
    }
  };
  let info: SpinInfo | undefined;
  if (!request.fresh) {
    const at = await spinInfoAt();
    info = at.state === 'info' ? at.info : undefined;
    const isNew = info && newInfo(request, info);
    if (info?.digest && isNew === false)
      return { ready: false, seen: `the previous version (spin info digest ${info.digest})` };
  }
  const answer = await probe(appUrl(base, request.healthPath), budget(), agents);
  if (answer.status !== 200) return { ready: false, seen: `HTTP ${answer.status}`, answer };
  if (!request.fresh && !info?.digest) {
    // the version may have come up between the two requests: ask its info once more, so a
    // new version is proven by its digest rather than counted unproven
    const again = await spinInfoAt();
    if (again.state === 'info' && again.info.digest) {
      if (newInfo(request, again.info) === false)
        return {
          ready: false,
          seen: `the previous version (spin info digest ${again.info.digest})`,
        };
      info = again.info;
    }
  }
  const expectOk = request.healthExpect === undefined || answer.body.includes(request.healthExpect);
  if (info?.digest) {
    // the info says new (checked above); the health answer must still be healthy
    return expectOk
      ? { ready: true, proof: 'spin-info', digest: info.digest, answer }
      : { ready: false, seen: `HTTP 200 without "${request.healthExpect}" in the body`, answer };
  }
  if (request.healthExpect !== undefined) {
    return expectOk
      ? { ready: true, proof: 'body', answer }
      : {
          ready: false,
          // a fresh server has no previous version to blame
          seen: `HTTP 200 without "${request.healthExpect}" in the body${request.fresh ? '' : ' (the previous version?)'}: ${oneLine(answer.body)}`,
          answer,
        };
  }
  if (request.before.state === 'info' && request.before.info.digest) {
    // the old version served its digest, so a bare 200 without one may still be it
    return { ready: false, seen: 'HTTP 200 but no Spin info to tell the version by', answer };
  }
  return { ready: true, proof: 'none', answer };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}

/**
 * The clock of a server this deploy started itself on a fresh port (the local runtimes): no
 * previous version can answer there, so no version proof is needed or reported.
 */
export function freshServer(
  label: string,
  settings: DeploySettings,
  startedAt: number,
  baseUrl: () => string | undefined,
  isDead?: () => string | undefined,
  /**
   * `routes`: the app's, named by a 404. `fixedRoutes`: the server's answer to a path cannot
   * change while it runs (the embedded runtime, `spin up`), so a 404 ends the wait at once.
   */
  notFound: { readonly routes?: readonly HttpRoute[]; readonly fixedRoutes?: boolean } = {},
): ReadinessRequest {
  const { routes } = notFound;
  return {
    label,
    baseUrl,
    healthPath: settings.healthPath,
    ...(settings.healthExpect !== undefined ? { healthExpect: settings.healthExpect } : {}),
    before: NOTHING_BEFORE,
    fresh: true,
    startedAt,
    timeoutSeconds: settings.timeoutSeconds,
    ...(isDead ? { isDead } : {}),
    ...(routes && routes.length > 0 ? { routes } : {}),
    ...(notFound.fixedRoutes ? { notFoundIsFinal: true } : {}),
  };
}

/**
 * The health path answered 404: which routes the app has, and the input that picks another
 * path; `final`: said at the first 404 (a fixed route table), not at the deadline.
 */
function notFound(request: ReadinessRequest, where: string, final: boolean): UserError {
  const routes = request.routes && request.routes.length > 0 ? request.routes : undefined;
  const suggestion = routes ? defaultHealthPath(routes) : undefined;
  // now, not when the message is rendered (the CLI renders it later, at exit)
  const after = ((performance.now() - request.startedAt) / 1000).toFixed(2);
  return new UserError(
    (a) =>
      `${request.label}: GET ${where} answered HTTP 404${final ? ` ${after} s after the deploy started, and the server's routes do not change` : ` until the deadline (${request.timeoutSeconds} s)`}: ` +
      (routes
        ? `no route takes ${request.healthPath}; the app's routes are ${describeRoutes(routes)}. Set ${a.input('health-path')} to a path the app answers 200 on${suggestion !== request.healthPath ? ` (such as \`${suggestion}\`), or leave it empty for the app's first route` : ''}`
        : `set ${a.input('health-path')} to a path the app answers 200 on`),
  );
}

/**
 * Polls until the new version answers healthy; throws a UserError at the deadline saying
 * that the new version never answered and what answered instead, or as soon as the serving
 * process is gone.
 */
export async function waitUntilReady(request: ReadinessRequest): Promise<Readiness> {
  const agents = probeAgents();
  try {
    return await pollUntilReady(request, agents);
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}

async function pollUntilReady(request: ReadinessRequest, agents: ProbeAgents): Promise<Readiness> {
  const deadline = request.startedAt + request.timeoutSeconds * 1000;
  let lastSeen = 'no answer yet';
  let answered = false;
  for (;;) {
    const base = request.baseUrl();
    const where = base ? appUrl(base, request.healthPath) : 'the app';
    const dead = request.isDead?.();
    if (dead !== undefined)
      throw new UserError(
        `${request.label}: the app stopped (${dead}) before ${where} answered 200 (last: ${lastSeen})`,
      );
    const remaining = deadline - performance.now();
    if (remaining <= 0 && lastSeen === 'HTTP 404') throw notFound(request, where, false);
    if (remaining <= 0) {
      // a fresh local server has no older version to tell apart
      const what = request.fresh
        ? `${where} did not answer 200`
        : `the new version never answered 200 at ${where}`;
      throw new UserError(
        `${request.label}: ${what} within ${request.timeoutSeconds} s (last: ${lastSeen})`,
      );
    }
    if (base !== undefined) {
      try {
        const verdict = await check(request, base, deadline, agents);
        if (verdict.ready && verdict.answer) {
          const readySeconds = (performance.now() - request.startedAt) / 1000;
          return {
            url: base,
            status: verdict.answer.status,
            readySeconds,
            firstResponseSeconds: verdict.answer.seconds,
            ...(request.fresh ? {} : { versionProof: verdict.proof }),
            ...(verdict.digest ? { digest: verdict.digest } : {}),
          };
        }
        if (!verdict.ready) {
          lastSeen = verdict.seen;
          answered = true;
          if (verdict.answer?.status === 404 && request.notFoundIsFinal)
            throw notFound(request, appUrl(base, request.healthPath), true);
        }
      } catch (error) {
        // an HTTP answer says more than a later failed attempt (often the last, cut short)
        if (error instanceof UserError) throw error;
        if (!answered && !(error instanceof DeadlinePassed)) lastSeen = errorMessage(error);
      }
    }
    const waited = performance.now() - request.startedAt;
    await new Promise((resolve) =>
      setTimeout(
        resolve,
        Math.min(pollInterval(waited), Math.max(0, deadline - performance.now())),
      ),
    );
  }
}

/** A deploy report's measured part: where it answered, and when, as the clock saw it. */
export function readyReport(
  target: string,
  url: string,
  ready: Readiness,
): Pick<DeployReport, 'target' | 'url' | 'status' | 'readySeconds' | 'firstResponseSeconds'> {
  return {
    target,
    url,
    status: ready.status,
    readySeconds: ready.readySeconds,
    firstResponseSeconds: ready.firstResponseSeconds,
  };
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
