import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeployRequest } from '../../src/deploy/target.js';
import {
  kubernetesTarget,
  type KubernetesOptions,
} from '../../src/deploy/targets/kubernetes/kubernetes.js';
import { MemoryLogger } from '../../src/log.js';
import { optimizedExampleComponent } from '../oci/example-component.js';
import { pathWithFakes } from '../projects/fixtures.js';
import { startK8sServer, type K8sStandIn } from '../support/k8s-server.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

// `deploy: kubernetes` for a Spin app, the whole target: `spin registry push` (the fake spin
// pushes Spin's layout to the real registry), a SpinApp applied through the API stand-in, and
// no app-url: spinwash's own port-forward to one of the new pods proves the new version by
// Spin's info digest.
const USER = 'spin-ci';
const PASSWORD = 'spin-registry-Pa55';
const ROLLOUT_DELAY_MS = 1200;

let registry: TestRegistry;
let k8s: K8sStandIn;
let work: string;
let argvLog: string;

beforeAll(async () => {
  let wasmPath: string;
  [registry, k8s, wasmPath] = await Promise.all([
    startRegistry({ htpasswd: { username: USER, password: PASSWORD } }),
    startK8sServer({ rolloutDelayMs: ROLLOUT_DELAY_MS }),
    optimizedExampleComponent(),
  ]);
  work = mkdtempSync(path.join(tmpdir(), 'spinwash-k8s-spin-'));
  copyFileSync(wasmPath, path.join(work, 'hello.wasm'));
  writeFileSync(
    path.join(work, 'spin.toml'),
    [
      'spin_manifest_version = 2',
      '[application]',
      'name = "hello-spin"',
      'version = "1.0.0"',
      '[[trigger.http]]',
      'route = "/..."',
      'component = "hello"',
      '[component.hello]',
      'source = "hello.wasm"',
      '',
    ].join('\n'),
  );
  argvLog = path.join(work, 'argv.log');
  vi.stubEnv('PATH', pathWithFakes());
  vi.stubEnv('XDG_CONFIG_HOME', path.join(work, 'config'));
  vi.stubEnv('FAKE_SPIN_ARGV_LOG', argvLog);
  vi.stubEnv('KUBECONFIG', k8s.kubeconfig);
}, 300_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([registry?.stop(), k8s?.close()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

function request(tag: string): DeployRequest<KubernetesOptions> & { logger: MemoryLogger } {
  return {
    project: {
      kind: 'spin',
      dir: work,
      appName: 'hello-spin',
      manifest: path.join(work, 'spin.toml'),
    },
    components: [{ name: 'hello', wasmPath: path.join(work, 'hello.wasm') }],
    healthPath: '/health',
    timeoutSeconds: 60,
    options: {
      reference: `${registry.host}/spin/hello:${tag}`,
      username: USER,
      insecure: false,
      namespace: 'default',
      replicas: 2,
      variables: [{ name: 'greeting', value: 'hello' }],
    },
    secrets: { SPINWASH_OCI_PASSWORD: PASSWORD },
    logger: new MemoryLogger(),
  };
}

describe('deploy: kubernetes for a Spin app', () => {
  it('pushes with spin, rolls out the SpinApp and proves the new digest through its own port-forward', async () => {
    const run = request('v1');
    const deployment = await kubernetesTarget.deploy(run);
    await deployment.stop();
    const report = deployment.report;
    const head = await fetch(`${registry.url}/v2/spin/hello/manifests/v1`, {
      method: 'HEAD',
      headers: {
        authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
        accept: 'application/vnd.oci.image.manifest.v1+json',
      },
    });
    expect(report).toMatchObject({
      target: 'kubernetes',
      status: 200,
      digest: head.headers.get('docker-content-digest'),
      versionProof: 'spin-info',
      url: '',
    });
    const app = k8s.object(
      '/apis/core.spinkube.dev/v1alpha1/namespaces/default/spinapps/hello-spin',
    );
    expect(app?.spec).toEqual({
      image: report.image,
      executor: 'containerd-shim-spin',
      replicas: 2,
      variables: [{ name: 'greeting', value: 'hello' }],
      checks: { readiness: { httpGet: { path: '/health' } } },
    });
    expect(report.image).toMatch(
      new RegExp(`^${registry.host}/spin/hello:v1@sha256:[0-9a-f]{64}$`),
    );
    expect(k8s.portForwards.length).toBeGreaterThan(0);
    expect(report.rolloutSeconds).toBeGreaterThanOrEqual(ROLLOUT_DELAY_MS / 1000);
    expect(report.readySeconds).toBeGreaterThanOrEqual(
      report.pushSeconds! + ROLLOUT_DELAY_MS / 1000,
    );
    // no credential in a child's argv (spin got the password on stdin), nor in the log
    const argv = readFileSync(argvLog, 'utf8');
    expect(argv).toContain('registry');
    for (const secret of [PASSWORD, k8s.token]) {
      expect(argv).not.toContain(secret);
      expect(run.logger.lines.join('')).not.toContain(secret);
      expect(JSON.stringify(report)).not.toContain(secret);
    }
  });
});
