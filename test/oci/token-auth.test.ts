import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLogger } from '../../src/log.js';
import { pushApp } from '../../src/deploy/targets/oci/push.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { startTokenServer, type TokenServer } from '../support/token-server.js';
import { optimizedExampleComponent } from './example-component.js';

// The Bearer token flow against a real registry: docker-registry with `auth: token`, whose
// 401 names the realm of the tests' token server; the registry itself checks the JWT it is
// then sent (issuer, audience, expiry, signature by the certificate in its rootcertbundle).
const USER = 'robot$ci';
const PASSWORD = 'token-server-secret';

let tokens: TokenServer;
let registry: TestRegistry;
let wasmPath: string;
let work: string;

beforeAll(async () => {
  tokens = await startTokenServer({ username: USER, password: PASSWORD });
  [registry, wasmPath] = await Promise.all([
    startRegistry({ token: tokens }),
    optimizedExampleComponent(),
  ]);
  work = mkdtempSync(path.join(tmpdir(), 'spinwash-oci-token-'));
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  await tokens?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const request = (password: string) => ({
  project: { kind: 'wash' as const, dir: work, appName: 'hello' },
  components: [{ name: 'hello', wasmPath }],
  healthPath: '/',
  timeoutSeconds: 60,
  options: { reference: `${registry.host}/team/hello:v2`, username: USER, insecure: false },
  secrets: { SPINWASH_OCI_PASSWORD: password },
  logger: new MemoryLogger(),
});

describe('Bearer token flow (docker-registry with auth: token, and a token server)', () => {
  it('answers the 401 challenge with a token from the realm, asked for with the login, for pull and push', async () => {
    const challenge = await fetch(`${registry.url}/v2/`);
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get('www-authenticate')).toBe(
      `Bearer realm="${tokens.realm}",service="${tokens.service}"`,
    );
    const pushed = await pushApp(request(PASSWORD));
    expect(pushed.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(tokens.requests.length).toBeGreaterThan(0);
    for (const asked of tokens.requests) {
      expect(asked).toMatchObject({ service: 'spinwash-test-registry', user: USER, status: 200 });
      expect(asked.scopes).toContain('repository:team/hello:pull,push');
    }
    // The registry accepted the token for every step: pull the layer back with a token of our own
    const token = await fetch(
      `${tokens.realm}?service=${tokens.service}&scope=repository:team/hello:pull`,
      {
        headers: {
          authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
        },
      },
    ).then((r) => r.json() as Promise<{ token: string }>);
    const manifest = await fetch(`${registry.url}/v2/team/hello/manifests/v2`, {
      headers: {
        authorization: `Bearer ${token.token}`,
        accept: 'application/vnd.oci.image.manifest.v1+json',
      },
    });
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('docker-content-digest')).toBe(pushed.digest);
    const { layers } = (await manifest.json()) as { layers: { digest: string }[] };
    const layer = await fetch(`${registry.url}/v2/team/hello/blobs/${layers[0]!.digest}`, {
      headers: { authorization: `Bearer ${token.token}` },
    });
    const bytes = Buffer.from(await layer.arrayBuffer());
    expect(bytes.equals(readFileSync(wasmPath))).toBe(true);
    expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(layers[0]!.digest);
  });

  it('a login the token server refuses is one line naming the registry and the user', async () => {
    const error = (await pushApp(request('wrong')).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `registry ${registry.host} refused the login of user "${USER}" from the inputs: wrong user name or password (HTTP 401 UNAUTHORIZED: authentication required)`,
    );
  });
});
