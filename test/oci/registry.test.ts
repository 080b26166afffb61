import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/deploy/readiness.js';
import type { DeployRequest } from '../../src/deploy/target.js';
import { ociTarget } from '../../src/deploy/targets/oci/oci.js';
import { MemoryLogger } from '../../src/log.js';
import { RegistryClient } from '../../src/deploy/targets/oci/registry-client.js';
import { parseReference } from '../../src/deploy/targets/oci/reference.js';
import { pushApp, type OciOptions } from '../../src/deploy/targets/oci/push.js';
import { componentWorld } from '../../src/wasm/component-world.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { optimizedExampleComponent } from './example-component.js';

// Issue 9, `deploy: oci`: the example's optimized component pushed natively to a real
// registry (Debian's docker-registry, the CNCF Distribution server, with an htpasswd login),
// then pulled back with plain HTTP calls.
const USER = 'spinwash-user';
const PASSWORD = 'pa55-Word-in-htpasswd';
const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

let registry: TestRegistry;
let wasmPath: string;
let work: string;

beforeAll(async () => {
  [registry, wasmPath] = await Promise.all([
    startRegistry({ htpasswd: { username: USER, password: PASSWORD } }),
    optimizedExampleComponent(),
  ]);
  work = mkdtempSync(path.join(tmpdir(), 'spinwash-oci-'));
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

function pushRequest(
  reference: string,
  overrides: Partial<DeployRequest<OciOptions>> = {},
  password = PASSWORD,
): DeployRequest<OciOptions> & { logger: MemoryLogger } {
  return {
    project: { kind: 'cargo', dir: work, appName: 'hello-rust' },
    components: [{ name: 'hello-rust', wasmPath }],
    healthPath: '/',
    timeoutSeconds: 60,
    options: { reference, username: USER, insecure: false },
    secrets: { SPINWASH_OCI_PASSWORD: password },
    logger: new MemoryLogger(),
    ...overrides,
  } as DeployRequest<OciOptions> & { logger: MemoryLogger };
}

/** A plain GET against the registry, as a puller would send it. */
async function pull(pathname: string, accept?: string): Promise<Response> {
  const response = await fetch(`${registry.url}${pathname}`, {
    headers: { authorization: basic, ...(accept ? { accept } : {}) },
  });
  expect(response.status, `GET ${pathname}`).toBe(200);
  return response;
}

const OCI = 'application/vnd.oci.image.manifest.v1+json';
const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** `METHOD path status` of each request the registry's access log recorded since `from`: its own count. */
function accessLog(from: number): string[] {
  return registry
    .output()
    .slice(from)
    .split('\n')
    .filter((line) => /"(GET|HEAD|POST|PUT|PATCH) \/v2\//.test(line))
    .map((line) => {
      const [, method, target, status] = /"(\w+) (\S+) [^"]*" (\d{3})/.exec(line)!;
      return `${method} ${target} ${status}`;
    });
}

describe('deploy: oci, native push of the CNCF Wasm OCI artifact to a real registry', () => {
  it('pushes the optimized component; the registry holds the specified manifest, config and layer', async () => {
    const reference = `${registry.host}/demo/app:v1`;
    const request = pushRequest(reference);
    const deployment = await ociTarget.deploy(request);
    const report = deployment.report;
    await deployment.stop();

    // What the registry says it holds for the tag, with plain HTTP
    const manifestResponse = await pull(
      '/v2/demo/app/manifests/v1',
      'application/vnd.oci.image.manifest.v1+json',
    );
    const manifestBytes = new Uint8Array(await manifestResponse.arrayBuffer());
    const registryDigest = manifestResponse.headers.get('docker-content-digest');
    expect(registryDigest).toBe(sha256(manifestBytes));
    expect(report.digest).toBe(registryDigest);
    expect(report).toMatchObject({
      target: 'oci',
      image: `${registry.host}/demo/app:v1@${registryDigest}`,
      url: `${registry.url}/v2/demo/app/manifests/${registryDigest}`,
      status: 201,
    });
    expect(report.pushSeconds).toBeGreaterThan(0);
    expect(report.readySeconds).toBe(report.pushSeconds);
    expect(report.firstResponseSeconds).toBeLessThanOrEqual(report.readySeconds);

    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as {
      schemaVersion: number;
      mediaType: string;
      config: { mediaType: string; digest: string; size: number };
      layers: { mediaType: string; digest: string; size: number }[];
    };
    expect(manifestResponse.headers.get('content-type')).toBe(
      'application/vnd.oci.image.manifest.v1+json',
    );
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(manifest.config.mediaType).toBe('application/vnd.wasm.config.v0+json');
    expect(manifest.layers).toHaveLength(1);
    expect(manifest.layers[0]!.mediaType).toBe('application/wasm');

    // The layer is byte for byte the optimized file
    const wasm = new Uint8Array(readFileSync(wasmPath));
    const layer = new Uint8Array(
      await (await pull(`/v2/demo/app/blobs/${manifest.layers[0]!.digest}`)).arrayBuffer(),
    );
    expect(Buffer.from(layer).equals(Buffer.from(wasm))).toBe(true);
    expect(manifest.layers[0]).toMatchObject({ digest: sha256(wasm), size: wasm.length });

    // The config: the component's world, and layerDigests naming the layer
    const configBytes = new Uint8Array(
      await (await pull(`/v2/demo/app/blobs/${manifest.config.digest}`)).arrayBuffer(),
    );
    expect(manifest.config).toMatchObject({
      digest: sha256(configBytes),
      size: configBytes.length,
    });
    const config = JSON.parse(new TextDecoder().decode(configBytes)) as Record<string, unknown>;
    expect(config).toMatchObject({
      architecture: 'wasm',
      os: 'wasip2',
      layerDigests: [manifest.layers[0]!.digest],
    });
    expect(new Date(config.created as string).getTime()).not.toBeNaN();
    const component = config.component as { exports: string[]; imports: string[] };
    expect(component).toEqual(componentWorld(wasm));
    expect(component.exports).toContainEqual(
      expect.stringMatching(/^wasi:http\/incoming-handler@0\.2\.\d+$/),
    );
    expect(component.imports).toContainEqual(expect.stringMatching(/^wasi:http\/types@0\.2\.\d+$/));

    expect(report.pushedBytes).toBe(manifestBytes.length + configBytes.length + wasm.length);

    // No credential in the logs or the report
    const everything = JSON.stringify(report) + request.logger.lines.join('');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(basic.slice(6));
  });

  it('a second push of the same bytes uploads no blob: HEAD finds both, only the manifest is PUT', async () => {
    const reference = `${registry.host}/demo/again:v1`;
    const first = await pushApp(pushRequest(reference));
    expect(first.skippedBlobs).toBe(0);
    const stored = (await (await pull('/v2/demo/again/manifests/v1', OCI)).json()) as {
      config: { digest: string };
      layers: { digest: string }[];
    };
    const from = registry.output().length;
    const second = await pushApp(pushRequest(reference));
    expect(second.skippedBlobs).toBe(2);
    expect(second.digest).toBe(first.digest);
    // The registry's own access log: no upload was opened or sent this time
    const received = accessLog(from);
    // (a fresh client: its first request is answered 401, then sent again with the login)
    const heads = received.filter((r) => r.startsWith('HEAD /v2/demo/again/blobs/'));
    expect(heads.filter((r) => r.endsWith(' 200'))).toEqual([
      `HEAD /v2/demo/again/blobs/${stored.layers[0]!.digest} 200`,
      `HEAD /v2/demo/again/blobs/${stored.config.digest} 200`,
    ]);
    expect(
      received.filter((r) => /^(POST|PATCH) /.test(r) || r.includes('/blobs/uploads/')),
    ).toEqual([]);
    expect(received.filter((r) => r.startsWith('PUT '))).toEqual([
      'PUT /v2/demo/again/manifests/v1 201',
    ]);
  });

  it('a wrong password is one clear line naming the registry and the user, never the password', async () => {
    const error = (await pushApp(
      pushRequest(`${registry.host}/demo/app:v1`, {}, 'not-the-password'),
    ).catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('UserError');
    expect(error.message).toMatch(
      new RegExp(
        `^registry ${registry.host.replace(/\./g, '\\.')} refused the login of user "${USER}" from the inputs: wrong user name or password \\(HTTP 401`,
      ),
    );
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('not-the-password');
  });

  it('without inputs, the login comes from the Docker config (DOCKER_CONFIG); without any, a clear error', async () => {
    const dockerConfig = path.join(work, 'docker');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dockerConfig, { recursive: true });
    writeFileSync(
      path.join(dockerConfig, 'config.json'),
      JSON.stringify({
        auths: { [registry.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } },
      }),
    );
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = dockerConfig;
    try {
      const request = pushRequest(`${registry.host}/demo/docker-config:v1`, {
        options: { reference: `${registry.host}/demo/docker-config:v1`, insecure: false },
        secrets: {},
      });
      const pushed = await pushApp(request);
      expect(pushed.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(request.logger.lines.join('\n')).toContain(
        `login of "${USER}" from ${path.join(dockerConfig, 'config.json')}`,
      );

      process.env.DOCKER_CONFIG = path.join(work, 'no-docker-config');
      const error = (await pushApp(request).catch((e: unknown) => e)) as Error;
      expect(error.message).toMatch(
        new RegExp(
          `^registry ${registry.host.replace(/\./g, '\\.')} asks for a login and none was given`,
        ),
      );
    } finally {
      if (saved === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved;
    }
  });

  it('a manifest the registry does not have is a 404 naming it; an unreachable registry names it too', async () => {
    const client = new RegistryClient({
      reference: parseReference(`${registry.host}/demo/missing:v1`),
      credentials: { username: USER, password: PASSWORD, source: 'inputs' },
      insecure: false,
      timeoutMs: 10_000,
    });
    await expect(client.getManifest('v1')).rejects.toThrow(
      `registry ${registry.host}: GET manifest demo/missing:v1 failed: HTTP 404 MANIFEST_UNKNOWN: manifest unknown`,
    );

    const closed = `127.0.0.1:${await freePort()}`;
    const error = (await pushApp(pushRequest(`${closed}/demo/app:v1`)).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toBe(
      `cannot reach registry ${closed} at http://${closed} (HEAD blob ${readDigest()}): ECONNREFUSED`,
    );
  });

  it('a core module is pushed as wasip1, without a component world', async () => {
    const module = path.join(work, 'module.wasm');
    // The smallest valid core module: magic and version
    writeFileSync(module, Buffer.from('\0asm\x01\0\0\0', 'latin1'));
    const pushed = await pushApp(
      pushRequest(`${registry.host}/demo/module:v1`, {
        components: [{ name: 'module', wasmPath: module }],
      }),
    );
    const manifest = (await (
      await pull(`/v2/demo/module/manifests/${pushed.digest}`, OCI)
    ).json()) as {
      config: { digest: string };
    };
    const config = (await (
      await pull(`/v2/demo/module/blobs/${manifest.config.digest}`)
    ).json()) as Record<string, unknown>;
    expect(config.os).toBe('wasip1');
    expect(config).not.toHaveProperty('component');
  });
});

/** The digest of the example's optimized component (the first blob a push asks about). */
function readDigest(): string {
  return sha256(new Uint8Array(readFileSync(wasmPath)));
}
