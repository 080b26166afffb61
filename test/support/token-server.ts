import { execFile } from 'node:child_process';
import { createSign, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A registry token server on 127.0.0.1 (the Docker token protocol a registry's `Bearer realm`
 * points at): `GET /token?service=…&scope=repository:<name>:<actions>` with the login as Basic
 * → `{token, access_token, expires_in, issued_at}`, the token a JWT signed RS256 with a
 * throwaway certificate (in the `x5c` header), granting the scopes asked for. A wrong login is
 * a 401 with a JSON error. Start it before startRegistry({token}) and give the registry its
 * realm, service, issuer and rootCertBundle.
 */
export interface TokenServer {
  readonly realm: string;
  readonly service: string;
  readonly issuer: string;
  /** PEM of the certificate that signs the tokens (the registry's rootcertbundle). */
  readonly rootCertBundle: string;
  /** Each token request: its query, and the user of its Basic login (undefined: none). */
  readonly requests: { service: string | null; scopes: string[]; user?: string; status: number }[];
  stop(): Promise<void>;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export async function startTokenServer(login: {
  username: string;
  password: string;
}): Promise<TokenServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-token-'));
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=spinwash test token issuer',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const key = readFileSync(path.join(dir, 'key.pem'), 'utf8');
  const cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const der = Buffer.from(cert.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const service = 'spinwash-test-registry';
  const issuer = 'spinwash-test-token-issuer';
  const requests: TokenServer['requests'] = [];

  const sign = (user: string, scopes: string[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const access = scopes.map((scope) => {
      const [type = '', ...rest] = scope.split(':');
      const actions = rest.pop() ?? '';
      return { type, name: rest.join(':'), actions: actions.split(',').filter(Boolean) };
    });
    const header = base64url(
      JSON.stringify({ typ: 'JWT', alg: 'RS256', x5c: [der.toString('base64')] }),
    );
    const claims = base64url(
      JSON.stringify({
        iss: issuer,
        sub: user,
        aud: service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key);
    return `${header}.${claims}.${base64url(signature)}`;
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const auth = request.headers.authorization ?? '';
    const [user, password] = auth.startsWith('Basic ')
      ? Buffer.from(auth.slice(6), 'base64').toString('utf8').split(/:(.*)/s)
      : [];
    const entry = {
      service: url.searchParams.get('service'),
      scopes: url.searchParams.getAll('scope'),
      ...(user !== undefined ? { user } : {}),
      status: 200,
    };
    requests.push(entry);
    const reply = (status: number, body: unknown): void => {
      entry.status = status;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.pathname !== '/token')
      return reply(404, { errors: [{ code: 'NOT_FOUND', message: 'no such path' }] });
    if (user !== login.username || password !== login.password)
      return reply(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] });
    const token = sign(user, entry.scopes);
    reply(200, {
      token,
      access_token: token,
      expires_in: 300,
      issued_at: new Date().toISOString(),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    rootCertBundle: cert,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
