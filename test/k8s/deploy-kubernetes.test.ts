import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { runCli, type CliRun } from '../support/cli.js';
import { startK8sServer, type K8sStandIn } from '../support/k8s-server.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

// Issue 9 acceptance for `--deploy kubernetes`: the example is built, optimized, pushed to a
// real registry (docker-registry, htpasswd login) and rolled out through the Kubernetes API
// stand-in, driven by a kubeconfig file in KUBECONFIG as users do.
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/hello-rust');
const USER = 'k8s-pusher';
const PASSWORD = 'registry-Pa55-for-k8s';
const ROLLOUT_DELAY_MS = 1500;

let registry: TestRegistry;
let k8s: K8sStandIn;
let out: string;
let runs = 0;

beforeAll(async () => {
  [registry, k8s] = await Promise.all([
    startRegistry({ htpasswd: { username: USER, password: PASSWORD } }),
    startK8sServer({ rolloutDelayMs: ROLLOUT_DELAY_MS }),
  ]);
  out = mkdtempSync(path.join(tmpdir(), 'spinwash-k8s-cli-'));
  vi.stubEnv('KUBECONFIG', k8s.kubeconfig);
  vi.stubEnv('SPINWASH_OCI_PASSWORD', PASSWORD);
}, 120_000);

afterEach(() => {
  k8s.fault = undefined;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([registry?.stop(), k8s?.close()]);
  if (out) rmSync(out, { recursive: true, force: true });
});

interface Deploy {
  argv: string[];
  run: CliRun;
  json: string;
  markdown: string;
}

async function deployKubernetes(...extra: string[]): Promise<Deploy> {
  const n = ++runs;
  const json = path.join(out, `r${n}.json`);
  const markdown = path.join(out, `r${n}.md`);
  const argv = [
    'run',
    '--project',
    example,
    '--deploy',
    'kubernetes',
    '--oci-reference',
    `${registry.host}/demo/app:v${n}`,
    '--oci-username',
    USER,
    '--app-url',
    k8s.appUrl,
    '--k8s-host',
    'hello.example.test',
    '--json',
    json,
    '--markdown',
    markdown,
    ...extra,
  ];
  const run = await runCli(root, ...argv);
  return {
    argv,
    run,
    json: run.code === 0 || readable(json) ? readFileSync(json, 'utf8') : '',
    markdown: readable(markdown) ? readFileSync(markdown, 'utf8') : '',
  };
}

function readable(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

/** No credential anywhere the user or a log reader can see. */
function expectNoCredentials(deploy: Deploy): void {
  for (const secret of [PASSWORD, k8s.token]) {
    expect(deploy.argv.join(' ')).not.toContain(secret);
    expect(deploy.run.stdout).not.toContain(secret);
    expect(deploy.run.stderr).not.toContain(secret);
    expect(deploy.json).not.toContain(secret);
    expect(deploy.markdown).not.toContain(secret);
  }
}

describe('spinwash run --deploy kubernetes', () => {
  it('pushes, rolls out a WorkloadDeployment and reports readySeconds that include the rollout', async () => {
    const deploy = await deployKubernetes();
    expect(deploy.run.stderr).not.toMatch(/error:/);
    expect(deploy.run.code).toBe(0);
    const report = JSON.parse(deploy.json) as Report;
    const d = report.deploy!;
    expect(d.target).toBe('kubernetes');
    expect(d.status).toBe(200);
    expect(d.url).toBe(k8s.appUrl);
    // what the registry holds under the tag is what was pushed and rolled out
    const head = await fetch(`${registry.url}/v2/demo/app/manifests/v1`, {
      method: 'HEAD',
      headers: {
        authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
        accept: 'application/vnd.oci.image.manifest.v1+json',
      },
    });
    expect(d.digest).toBe(head.headers.get('docker-content-digest'));
    expect(d.image).toContain(`@${d.digest}`);
    const workload = k8s.object(
      '/apis/runtime.wasmcloud.dev/v1alpha1/namespaces/default/workloaddeployments/hello-rust',
    );
    expect(workload?.spec).toMatchObject({
      template: {
        spec: {
          components: [{ name: 'hello-rust', image: d.image }],
          hostInterfaces: [
            {
              namespace: 'wasi',
              package: 'http',
              interfaces: ['incoming-handler'],
              config: { host: 'hello.example.test' },
            },
          ],
        },
      },
    });
    // the clock runs from the push's start through the rollout to the first new answer
    expect(d.rolloutSeconds).toBeGreaterThanOrEqual(ROLLOUT_DELAY_MS / 1000);
    expect(d.readySeconds).toBeGreaterThanOrEqual(d.pushSeconds! + ROLLOUT_DELAY_MS / 1000);
    expect(d.pushedBytes).toBeGreaterThan(report.components[0]!.final.bytes);
    expect(deploy.markdown).toMatch(
      /Pushed `[^`]+@sha256:[0-9a-f]+…?` · .*\([\d,]+ B\) in [\d.]+ m?s · rolled out in [12]\.\d+ s/,
    );
    expect(
      k8s.requests.every(
        (r) => r.method === 'UPGRADE' || r.authorization === `Bearer ${k8s.token}`,
      ),
    ).toBe(true);
    expectNoCredentials(deploy);
  });

  const cases: [string, Parameters<typeof deployKubernetes>, RegExp][] = [
    [
      'no-crd',
      [],
      /error: Kubernetes does not know WorkloadDeployment \(runtime\.wasmcloud\.dev\/v1alpha1\).*install wasmCloud's runtime-operator/m,
    ],
    [
      'forbidden',
      [],
      /error: Kubernetes RBAC forbids spinwash to patch workloaddeployments\.runtime\.wasmcloud\.dev in namespace "default".*cannot patch resource "workloaddeployments"/m,
    ],
    [
      'image-pull',
      [],
      /error: Kubernetes: WorkloadDeployment "hello-rust": the cluster cannot pull image .*@sha256:[0-9a-f]{64}: Artifact=False \(FetchFailed\)/m,
    ],
    [
      'stall',
      ['--deploy-timeout', '3'],
      /error: Kubernetes: WorkloadDeployment "hello-rust" did not roll out within 3 s \(last: 0 of 1 replicas ready; Scale=False \(InsufficientHosts\)/m,
    ],
  ];
  it.each(cases)('fails with one clear line: %s', async (fault, extra, expected) => {
    k8s.fault = fault as K8sStandIn['fault'];
    const deploy = await deployKubernetes(...extra);
    expect(deploy.run.code).toBe(1);
    expect(deploy.run.stderr).toMatch(expected);
    expect(deploy.run.stderr).not.toMatch(/HTTP-Code|Headers:|    at /);
    expectNoCredentials(deploy);
  });
});
