import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeployRequest } from '../../src/deploy/target.js';
import { ociTarget } from '../../src/deploy/targets/oci/oci.js';
import { MemoryLogger } from '../../src/log.js';
import type { OciOptions } from '../../src/deploy/targets/oci/push.js';
import { pathWithFakes } from '../projects/fixtures.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { optimizedExampleComponent } from './example-component.js';

// A Spin app goes to the registry through `spin registry login --password-stdin` and
// `spin registry push` (the fake spin really pushes, in Spin's layout, to the real registry).
const USER = 'spin-user';
const PASSWORD = 'spin-Registry-pa55';
const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const OCI = 'application/vnd.oci.image.manifest.v1+json';
const saved = {
  PATH: process.env.PATH,
  XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME,
  FAKE_SPIN_ARGV_LOG: process.env.FAKE_SPIN_ARGV_LOG,
};

let registry: TestRegistry;
let work: string;
let wasm: Buffer;
let argvLog: string;

beforeAll(async () => {
  let wasmPath: string;
  [registry, wasmPath] = await Promise.all([
    startRegistry({ htpasswd: { username: USER, password: PASSWORD } }),
    optimizedExampleComponent(),
  ]);
  work = mkdtempSync(path.join(tmpdir(), 'spinwash-oci-spin-'));
  wasm = readFileSync(wasmPath);
  copyFileSync(wasmPath, path.join(work, 'hello.wasm'));
  mkdirSync(path.join(work, 'assets'));
  writeFileSync(path.join(work, 'assets', 'index.html'), '<h1>hello</h1>\n');
  writeFileSync(
    path.join(work, 'spin.toml'),
    [
      'spin_manifest_version = 2',
      '[application]',
      'name = "hello-spin"',
      'version = "1.2.3"',
      '[[trigger.http]]',
      'route = "/..."',
      'component = "hello"',
      '[component.hello]',
      'source = "hello.wasm"',
      'files = [{ source = "assets", destination = "/" }]',
      '',
    ].join('\n'),
  );
  argvLog = path.join(work, 'argv.log');
  process.env.PATH = pathWithFakes();
  process.env.XDG_CONFIG_HOME = path.join(work, 'config');
  process.env.FAKE_SPIN_ARGV_LOG = argvLog;
}, 300_000);

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await registry?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

function request(password: string): DeployRequest<OciOptions> & { logger: MemoryLogger } {
  return {
    project: {
      kind: 'spin',
      dir: work,
      appName: 'hello-spin',
      manifest: path.join(work, 'spin.toml'),
    },
    components: [{ name: 'hello', wasmPath: path.join(work, 'hello.wasm') }],
    healthPath: '/',
    timeoutSeconds: 60,
    options: { reference: `${registry.host}/spin/hello:v1`, username: USER, insecure: false },
    secrets: { SPINWASH_OCI_PASSWORD: password },
    logger: new MemoryLogger(),
  };
}

async function pull(pathname: string, accept?: string): Promise<Response> {
  const response = await fetch(`${registry.url}${pathname}`, {
    headers: { authorization: basic, ...(accept ? { accept } : {}) },
  });
  expect(response.status, pathname).toBe(200);
  return response;
}

const sha256 = (bytes: Uint8Array): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('deploy: oci for a Spin app (spin registry push, fake spin, real registry)', () => {
  it('logs in on stdin, pushes Spin’s layout, and reports the digest Spin printed and the registry holds', async () => {
    const req = request(PASSWORD);
    const deployment = await ociTarget.deploy(req);
    const report = deployment.report;
    await deployment.stop();

    const response = await pull('/v2/spin/hello/manifests/v1', OCI);
    const manifestBytes = new Uint8Array(await response.arrayBuffer());
    const digest = response.headers.get('docker-content-digest')!;
    expect(digest).toBe(sha256(manifestBytes));
    expect(req.logger.lines.join('')).toContain(`Pushed with digest ${digest}`);
    expect(report).toMatchObject({
      target: 'oci',
      digest,
      image: `${registry.host}/spin/hello:v1@${digest}`,
      url: `${registry.url}/v2/spin/hello/manifests/${digest}`,
      status: 200, // the GET that read the push back
    });

    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as {
      config: { mediaType: string; digest: string; size: number };
      layers: { mediaType: string; digest: string; size: number }[];
    };
    expect(manifest.config.mediaType).toBe('application/vnd.oci.image.config.v1+json');
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.wasm.content.layer.v1+wasm',
      'application/vnd.wasm.content.layer.v1+data',
      'application/vnd.fermyon.spin.application.v1+config',
    ]);
    const layer = Buffer.from(
      await (await pull(`/v2/spin/hello/blobs/${manifest.layers[0]!.digest}`)).arrayBuffer(),
    );
    expect(layer.equals(wasm)).toBe(true);
    const config = (await (
      await pull(`/v2/spin/hello/blobs/${manifest.config.digest}`)
    ).json()) as {
      config: { Labels: Record<string, string> };
    };
    expect(config.config.Labels['com.fermyon.spin.lockedAppDigest']).toBe(
      manifest.layers[2]!.digest,
    );
    expect(report.pushedBytes).toBe(
      manifestBytes.length +
        manifest.config.size +
        manifest.layers.reduce((sum, l) => sum + l.size, 0),
    );

    // The password went on stdin: not in any argv, log line or the report
    const argv = readFileSync(argvLog, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    expect(argv).toEqual([
      ['registry', 'login', registry.host, '--username', USER, '--password-stdin'],
      [
        'registry',
        'push',
        '-f',
        path.join(work, 'spin.toml'),
        '--insecure',
        `${registry.host}/spin/hello:v1`,
      ],
    ]);
    expect(JSON.stringify(argv) + req.logger.lines.join('') + JSON.stringify(report)).not.toContain(
      PASSWORD,
    );
  });

  it('a wrong password is one line naming the registry', async () => {
    const error = (await ociTarget
      .deploy(request('wrong-password'))
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `spin registry push to registry ${registry.host} failed (exit code 1): unauthorized: authentication required (registry ${registry.host})`,
    );
  });
});
