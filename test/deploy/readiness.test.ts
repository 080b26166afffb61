import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appUrl,
  freePort,
  freshServer,
  NOTHING_BEFORE,
  pollInterval,
  probe,
  readyReport,
  snapshotBeforeDeploy,
  waitUntilReady,
  type ReadinessRequest,
} from '../../src/deploy/readiness.js';
import { UserError } from '../../src/errors.js';
import { afterAtLeast } from '../support/timers.js';

/**
 * The readiness clock against real HTTP servers on 127.0.0.1 whose answers the test switches:
 * an old version, a new one, Spin's info endpoint, redirects, a server that never answers.
 * Only lower bounds of time are asserted (a loaded machine makes everything later, never earlier).
 */

/** What the app answers now; the test changes it while the clock polls. */
interface AppState {
  status: number;
  body: string;
  /** Spin's `oci_image_digest`; undefined: no info endpoint (404). */
  digest?: string;
  /** Answers nothing at all (the request hangs). */
  hang?: boolean;
  /** Answers nothing on the info path only. */
  infoHangs?: boolean;
}

interface TestApp {
  readonly base: string;
  readonly state: AppState;
  readonly requests: string[];
  close(): Promise<void>;
}

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function startApp(initial: AppState): Promise<TestApp> {
  const state = { ...initial };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (state.hang) return; // no answer: the probe's own timeout must end it
    if (req.url === '/.well-known/spin/info') {
      if (state.infoHangs) return;
      if (state.digest === undefined) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ name: 'app', version: '1', oci_image_digest: state.digest }));
    }
    if (req.url === '/old') return res.writeHead(302, { location: '/health' }).end();
    res.writeHead(state.status).end(state.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const app: TestApp = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    state,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  apps.push(app);
  return app;
}

/** A request for `app` (the clock started now, unless `startedAt` says when). */
function requestFor(app: TestApp, over: Partial<ReadinessRequest> = {}): ReadinessRequest {
  return {
    label: 'deploy `test`',
    baseUrl: () => app.base,
    healthPath: '/health',
    before: NOTHING_BEFORE,
    startedAt: performance.now(),
    timeoutSeconds: 10,
    ...over,
  };
}

/** Runs `change` once `ms` have passed on the clock the readiness report is measured with. */
function after(ms: number, change: () => void): void {
  afterAtLeast(ms, change);
}

describe('the readiness clock', () => {
  it('polls every 10 ms at first, then at 0.5% of the time waited, at most every 2 s', () => {
    expect(pollInterval(0)).toBe(10);
    expect(pollInterval(2000)).toBe(10);
    expect(pollInterval(60_000)).toBe(300);
    expect(pollInterval(3_600_000)).toBe(2000);
  });

  it('keeps the health path on the app: a `//host` path stays a path on its origin', () => {
    expect(appUrl('http://127.0.0.1:1/base/', '/health')).toBe('http://127.0.0.1:1/health');
    expect(appUrl('http://127.0.0.1:1', 'health')).toBe('http://127.0.0.1:1/health');
    expect(appUrl('http://127.0.0.1:1/', '//evil.example/')).toBe(
      'http://127.0.0.1:1/evil.example/',
    );
  });

  it('probes follow redirects and say where the answer came from; a silent server times out', async () => {
    const app = await startApp({ status: 200, body: 'ok' });
    const answer = await probe(`${app.base}old`);
    expect(answer).toMatchObject({ status: 200, body: 'ok', url: `${app.base}health` });
    expect(answer.seconds).toBeGreaterThan(0);
    app.state.hang = true;
    await expect(probe(`${app.base}health`, 200)).rejects.toThrow(/no answer within 200 ms/);
  });

  it('a fresh server: ready at its first 200, timed from the deploy start, no version proof', async () => {
    const app = await startApp({ status: 503, body: 'starting' });
    const started = performance.now();
    after(300, () => Object.assign(app.state, { status: 200, body: 'hello' }));
    const ready = await waitUntilReady(
      freshServer(
        'deploy `test`',
        { healthPath: '/health', timeoutSeconds: 10 },
        started,
        () => app.base,
      ),
    );
    expect(ready).toMatchObject({ url: app.base, status: 200 });
    expect(ready.versionProof).toBeUndefined();
    expect(ready.readySeconds).toBeGreaterThanOrEqual(0.3);
    expect(ready.firstResponseSeconds).toBeLessThanOrEqual(ready.readySeconds);
    // a fresh server is never asked for Spin's info: nothing older can answer there
    expect(app.requests).not.toContain('/.well-known/spin/info');
    expect(readyReport('test', app.base, ready)).toEqual({
      target: 'test',
      url: app.base,
      status: 200,
      readySeconds: ready.readySeconds,
      firstResponseSeconds: ready.firstResponseSeconds,
    });
  });

  it("the old version's 200 never counts: the new one is told by its Spin info digest", async () => {
    const app = await startApp({ status: 200, body: 'v1', digest: 'sha256:old' });
    const before = await snapshotBeforeDeploy(app.base);
    expect(before).toEqual({
      state: 'info',
      info: { name: 'app', version: '1', digest: 'sha256:old' },
    });
    const startedAt = performance.now(); // before the switch is scheduled: a lower bound holds
    after(300, () => Object.assign(app.state, { body: 'v2', digest: 'sha256:new' }));
    const ready = await waitUntilReady(requestFor(app, { before, startedAt }));
    expect(ready).toMatchObject({ status: 200, versionProof: 'spin-info', digest: 'sha256:new' });
    expect(ready.readySeconds).toBeGreaterThanOrEqual(0.3);
  });

  it('with the pushed digest known, only that digest is the new version', async () => {
    const app = await startApp({ status: 200, body: 'x', digest: 'sha256:other' });
    const startedAt = performance.now();
    after(300, () => (app.state.digest = 'sha256:pushed'));
    const ready = await waitUntilReady(requestFor(app, { digest: 'sha256:pushed', startedAt }));
    expect(ready).toMatchObject({ versionProof: 'spin-info', digest: 'sha256:pushed' });
    expect(ready.readySeconds).toBeGreaterThanOrEqual(0.3);
  });

  it('without Spin info, `health-expect` tells the versions apart by the body', async () => {
    const app = await startApp({ status: 200, body: 'version 1' });
    expect(await snapshotBeforeDeploy(app.base)).toEqual({ state: 'no-info' });
    const startedAt = performance.now();
    after(300, () => (app.state.body = 'version 2'));
    const ready = await waitUntilReady(
      requestFor(app, { before: { state: 'no-info' }, healthExpect: 'version 2', startedAt }),
    );
    expect(ready).toMatchObject({ status: 200, versionProof: 'body' });
    expect(ready.readySeconds).toBeGreaterThanOrEqual(0.3);
  });

  it('a new app with nothing to prove it by counts its first 200, said as unproven', async () => {
    const app = await startApp({ status: 200, body: 'hi' });
    const ready = await waitUntilReady(requestFor(app));
    expect(ready.versionProof).toBe('none');
  });

  it('waits for the URL: nothing is probed until the deploy tells where the app is', async () => {
    const app = await startApp({ status: 200, body: 'hi' });
    let known: string | undefined;
    const startedAt = performance.now();
    after(200, () => (known = app.base));
    const ready = await waitUntilReady(requestFor(app, { baseUrl: () => known, startedAt }));
    expect(ready.url).toBe(app.base);
    expect(ready.readySeconds).toBeGreaterThanOrEqual(0.2);
  });

  it('at the deadline, one line: the new version never answered, and what answered instead', async () => {
    const app = await startApp({ status: 200, body: 'v1', digest: 'sha256:old' });
    const before = await snapshotBeforeDeploy(app.base);
    const wait = waitUntilReady(requestFor(app, { before, timeoutSeconds: 1 }));
    await expect(wait).rejects.toThrow(UserError);
    await expect(wait).rejects.toThrow(
      `deploy \`test\`: the new version never answered 200 at ${app.base}health within 1 s (last: the previous version (spin info digest sha256:old))`,
    );
    // the old version served its digest: a bare 200 without one may still be it
    app.state.digest = undefined;
    await expect(waitUntilReady(requestFor(app, { before, timeoutSeconds: 1 }))).rejects.toThrow(
      /\(last: HTTP 200 but no Spin info to tell the version by\)$/,
    );
  });

  it('a request the deadline cut short says nothing about the app: the last real answer stands', async () => {
    const app = await startApp({ status: 200, body: 'v1', digest: 'sha256:old' });
    const before = await snapshotBeforeDeploy(app.base);
    const request = requestFor(app, { before, timeoutSeconds: 1 });
    // the info request still waiting at the deadline is cut short; it is not "no Spin info"
    after(300, () => (app.state.infoHangs = true));
    await expect(waitUntilReady(request)).rejects.toThrow(
      /within 1 s \(last: the previous version \(spin info digest sha256:old\)\)$/,
    );
  });

  it('a fresh server that never answers 200 names its last answer; a refused connection too', async () => {
    const app = await startApp({ status: 500, body: 'boom' });
    const settings = { healthPath: '/health', timeoutSeconds: 1 };
    await expect(
      waitUntilReady(freshServer('local', settings, performance.now(), () => app.base)),
    ).rejects.toThrow(`local: ${app.base}health did not answer 200 within 1 s (last: HTTP 500)`);
    const closed = `http://127.0.0.1:${await freePort()}/`;
    await expect(
      waitUntilReady(freshServer('local', settings, performance.now(), () => closed)),
    ).rejects.toThrow(/did not answer 200 within 1 s \(last: .*ECONNREFUSED/);
  });

  it('a 404 from a server whose routes are fixed ends the wait at once, naming the routes and the input', async () => {
    const app = await startApp({ status: 404, body: 'no route' });
    const routes = [
      { route: '/hello/...', component: 'hello' },
      { route: '/api', component: 'api' },
    ];
    const started = performance.now();
    const error: unknown = await waitUntilReady(
      freshServer(
        'deploy `local`',
        { healthPath: '/', timeoutSeconds: 600 },
        started,
        () => app.base,
        undefined,
        { routes, fixedRoutes: true },
      ),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      new RegExp(
        `^deploy \`local\`: GET ${app.base} answered HTTP 404 [\\d.]+ s after the deploy started, and the server's routes do not change: no route takes /; the app's routes are /hello/\\.\\.\\. \\(hello\\), /api \\(api\\)\\. Set \`health-path\` to a path the app answers 200 on \\(such as \`/hello\`\\), or leave it empty for the app's first route$`,
      ),
    );
    expect((error as UserError).inputs).toEqual(['health-path']);
    // the 600 s deadline was never near (a bound no loaded machine reaches)
    expect(performance.now() - started).toBeLessThan(300_000);
    // a remote app's 404 may still turn into its 200: it is said at the deadline, with the routes
    await expect(
      waitUntilReady(requestFor(app, { timeoutSeconds: 1, routes, healthPath: '/' })),
    ).rejects.toThrow(
      /^deploy `test`: GET http:\/\/127\.0\.0\.1:\d+\/ answered HTTP 404 until the deadline \(1 s\): no route takes \/; the app's routes are/,
    );
  });

  it('stops as soon as the serving process is gone, saying why', async () => {
    const app = await startApp({ status: 503, body: '' });
    let dead: string | undefined;
    after(100, () => (dead = 'exit code 1'));
    const started = performance.now();
    await expect(
      waitUntilReady(
        freshServer(
          'spin-up',
          { healthPath: '/health', timeoutSeconds: 60 },
          started,
          () => app.base,
          () => dead,
        ),
      ),
    ).rejects.toThrow(
      `spin-up: the app stopped (exit code 1) before ${app.base}health answered 200 (last: HTTP 503)`,
    );
    // long before the 60 s deadline (a generous bound: a loaded machine is slow, not 50 s slow)
    expect(performance.now() - started).toBeLessThan(50_000);
  });

  it('reads nothing before a deploy whose address is not known yet', async () => {
    expect(await snapshotBeforeDeploy(undefined)).toEqual(NOTHING_BEFORE);
    expect(await snapshotBeforeDeploy(`http://127.0.0.1:${await freePort()}/`)).toEqual(
      NOTHING_BEFORE,
    );
  });
});
