import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A stand-in for Fermyon Cloud and Akamai Functions on 127.0.0.1, for the fake `spin cloud`
 * and `spin aka` plugins (test/fake-cli/spin-platform.cjs) to talk to over HTTP. Each app is
 * served over HTTPS (a throwaway CA the test trusts through NODE_EXTRA_CA_CERTS) on a port of
 * its own, as the previous version until `switchMs` after the deploy command started, then as
 * the new one: another body and another `/.well-known/spin/info` digest. It checks the Bearer
 * token, enforces the free plan's limits (5 apps, 10 deploys a minute), and records the argv
 * and environment of every `spin` call and which apps exist.
 */

export type PlatformName = 'cloud' | 'aka';

export interface PlatformCall {
  readonly argv: string[];
  readonly env: Record<string, string>;
}

interface Version {
  readonly revision: number;
  readonly digest: string;
  /** Epoch ms from which this version answers. */
  readonly liveAt: number;
}

export interface FakeApp {
  readonly id: string;
  readonly name: string;
  readonly platform: PlatformName;
  readonly url: string;
  readonly versions: Version[];
  readonly server: Server;
  readonly createdAt: string;
}

export interface PlatformSettings {
  /** How long the deploy command runs (from its start), in ms. */
  commandMs: number;
  /** When the new version starts answering, in ms after the deploy command started. */
  switchMs: number;
  /** The deploy command never returns. */
  hang: boolean;
  maxApps: number;
  deploysPerMinute: number;
  /** Serve `/.well-known/spin/info` (whether Akamai Functions does is unverified). */
  serveInfo: boolean;
}

export interface FakePlatform {
  /** The API's base URL (CLOUD_URL, FAKE_PLATFORM_URL). */
  readonly url: string;
  /** The CA file the apps' certificate is signed with (for NODE_EXTRA_CA_CERTS). */
  readonly caFile: string;
  readonly tokens: Record<PlatformName, string>;
  readonly settings: PlatformSettings;
  readonly calls: PlatformCall[];
  /** The plugin processes that asked for a deploy (to prove none is left running). */
  readonly deployPids: number[];
  readonly apps: Map<string, FakeApp>;
  /** Apps of a platform, by name. */
  appNames(platform: PlatformName): string[];
  close(): Promise<void>;
}

const DEFAULTS: PlatformSettings = {
  commandMs: 300,
  switchMs: 1500,
  hang: false,
  maxApps: 5,
  deploysPerMinute: 10,
  serveInfo: true,
};

export async function startPlatform(
  settings: Partial<PlatformSettings> = {},
): Promise<FakePlatform> {
  const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-platform-'));
  const certs = certificates(dir);
  const state = {
    tokens: { cloud: `fermyon-${randomHex(12)}`, aka: `aka-${randomHex(12)}` },
    settings: { ...DEFAULTS, ...settings },
    calls: [] as PlatformCall[],
    deployPids: [] as number[],
    apps: new Map<string, FakeApp>(),
    deploys: [] as number[],
  };
  let nextId = 1;
  const key = (platform: PlatformName, name: string) => `${platform}/${name}`;

  function appServer(app: () => FakeApp): Server {
    return createHttpsServer({ key: certs.key, cert: certs.cert }, (request, response) => {
      const { name, versions } = app();
      const now = Date.now();
      const live = versions.filter((v) => v.liveAt <= now).at(-1);
      const urlPath = new URL(request.url ?? '/', 'https://x').pathname;
      if (!live) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('no version deployed yet\n');
        return;
      }
      if (urlPath === '/.well-known/spin/info' && !state.settings.serveInfo) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      } else if (urlPath === '/.well-known/spin/info') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            name,
            version: `0.1.${live.revision}`,
            oci_image_digest: live.digest,
          }),
        );
      } else if (urlPath === '/.well-known/spin/health') {
        response.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      } else {
        response
          .writeHead(200, { 'content-type': 'text/plain' })
          .end(`hello from ${name} revision ${live.revision}\n`);
      }
    });
  }

  async function deploy(body: Record<string, unknown>, platform: PlatformName) {
    if (typeof body.pid === 'number') state.deployPids.push(body.pid);
    const now = Date.now();
    const recent = state.deploys.filter((t) => t > now - 60_000);
    if (recent.length >= state.settings.deploysPerMinute)
      return {
        status: 429,
        body: {
          detail: `Too many requests: the plan allows ${state.settings.deploysPerMinute} deploys a minute`,
        },
      };
    let app: FakeApp | undefined;
    if (typeof body.appId === 'string') {
      app = [...state.apps.values()].find((a) => a.platform === platform && a.id === body.appId);
      if (!app) return { status: 404, body: { detail: `app ${body.appId} not found` } };
    } else {
      const name = String(body.name ?? '');
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
        return { status: 400, body: { detail: `invalid app name "${name}"` } };
      app = state.apps.get(key(platform, name));
      if (app && body.create)
        return { status: 409, body: { detail: `an app named ${name} already exists` } };
      if (!app) {
        const count = [...state.apps.values()].filter((a) => a.platform === platform).length;
        if (count >= state.settings.maxApps)
          return {
            status: 403,
            body: {
              detail: `You have reached the maximum number of applications (${state.settings.maxApps}) for your plan`,
            },
          };
        const holder: { app?: FakeApp } = {};
        const server = appServer(() => holder.app!);
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        holder.app = {
          id: `${platform}-${String(nextId++).padStart(4, '0')}`,
          name,
          platform,
          url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
          versions: [],
          server,
          createdAt: new Date().toISOString(),
        };
        app = holder.app;
        state.apps.set(key(platform, name), app);
      }
    }
    state.deploys.push(now);
    const revision = app.versions.length + 1;
    const startedAt = typeof body.startedAt === 'number' ? body.startedAt : now;
    app.versions.push({
      revision,
      digest: `sha256:${createHash('sha256').update(`${app.id}/${revision}`).digest('hex')}`,
      liveAt: Number.isFinite(state.settings.switchMs)
        ? startedAt + state.settings.switchMs
        : Number.POSITIVE_INFINITY,
    });
    return {
      status: 200,
      body: {
        app: { id: app.id, name: app.name, url: app.url },
        revision,
        commandMs: state.settings.commandMs,
        hang: state.settings.hang,
      },
    };
  }

  function findApp(platform: PlatformName, ref: string): FakeApp | undefined {
    if (ref.startsWith('id/')) {
      const id = decodeURIComponent(ref.slice(3));
      return [...state.apps.values()].find((a) => a.platform === platform && a.id === id);
    }
    return state.apps.get(key(platform, decodeURIComponent(ref)));
  }

  const api = createServer((request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      void (async () => {
        const send = (status: number, body?: unknown) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(body === undefined ? '' : JSON.stringify(body));
        };
        const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        const url = new URL(request.url ?? '/', 'http://x');
        if (request.method === 'POST' && url.pathname === '/_fake/calls') {
          state.calls.push(body as unknown as PlatformCall);
          return send(204);
        }
        const platform: PlatformName =
          url.pathname.startsWith('/api/apps/aka/') || body.platform === 'aka' ? 'aka' : 'cloud';
        const auth = request.headers.authorization ?? '';
        if (auth !== `Bearer ${state.tokens[platform]}`)
          return send(401, {
            detail:
              platform === 'cloud'
                ? 'Unauthorized: your token is invalid or has expired. Run `spin cloud login`'
                : 'authentication failed: the access token has expired or was revoked (401)',
          });
        if (request.method === 'POST' && url.pathname === '/api/deploy') {
          const answer = await deploy(body, platform);
          return send(answer.status, answer.body);
        }
        const match = /^\/api\/apps\/(cloud|aka)\/(.+)$/.exec(url.pathname);
        const app = match && findApp(match[1] as PlatformName, match[2]!);
        if (match && !app) return send(404, { detail: 'app not found' });
        if (app && request.method === 'GET')
          return send(200, {
            id: app.id,
            name: app.name,
            url: app.url,
            createdAt: app.createdAt,
          });
        if (app && request.method === 'DELETE') {
          state.apps.delete(key(app.platform, app.name));
          app.server.closeAllConnections();
          await new Promise((resolve) => app.server.close(resolve));
          return send(204);
        }
        send(404, { detail: `no route ${request.method} ${url.pathname}` });
      })().catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
    caFile: certs.caFile,
    tokens: state.tokens,
    settings: state.settings,
    calls: state.calls,
    deployPids: state.deployPids,
    apps: state.apps,
    appNames: (platform) =>
      [...state.apps.values()].filter((a) => a.platform === platform).map((a) => a.name),
    close: async () => {
      for (const server of [api, ...[...state.apps.values()].map((a) => a.server)]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** A throwaway CA and a certificate for 127.0.0.1 signed by it (openssl, in `dir`). */
function certificates(dir: string): { caFile: string; key: string; cert: string } {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-subj',
    '/CN=spinwash test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
  );
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'app.key',
    '-out',
    'app.csr',
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(
    path.join(dir, 'app.ext'),
    'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n',
  );
  run(
    'x509',
    '-req',
    '-in',
    'app.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '1',
    '-out',
    'app.pem',
    '-extfile',
    'app.ext',
  );
  return {
    caFile: path.join(dir, 'ca.pem'),
    key: readFileSync(path.join(dir, 'app.key'), 'utf8'),
    cert: readFileSync(path.join(dir, 'app.pem'), 'utf8'),
  };
}
