import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { connect } from '../../src/deploy/targets/kubernetes/cluster.js';
import type { K8sOptions } from '../../src/deploy/targets/kubernetes/options.js';
import { freePort, NOTHING_BEFORE } from '../../src/deploy/readiness.js';
import type { DeployRequest } from '../../src/deploy/target.js';
import { MemoryLogger } from '../../src/log.js';
import { UserError } from '../../src/errors.js';
import {
  K8S_INPUTS,
  kubernetesTarget,
  parseK8sOptions,
  rollOutAndProve,
  type KubernetesOptions,
  type PushedImage,
} from '../../src/deploy/targets/kubernetes/kubernetes.js';
import { startK8sServer, CI_USER, type K8sStandIn } from '../support/k8s-server.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const PUSHED: PushedImage = { image: `127.0.0.1:5000/demo/app@${DIGEST}`, digest: DIGEST };
const NEXT_DIGEST = `sha256:${'cd'.repeat(32)}`;
const NEXT: PushedImage = { image: `127.0.0.1:5000/demo/app@${NEXT_DIGEST}`, digest: NEXT_DIGEST };

let k8s: K8sStandIn;
let pushes = 0;
/** A new image (a new digest) per deploy, as each commit pushes. */
function fresh(): PushedImage {
  const digest = `sha256:${(++pushes).toString(16).padStart(64, 'e')}`;
  return { image: `127.0.0.1:5000/demo/app@${digest}`, digest };
}

function options(inputs: Record<string, string>): K8sOptions {
  return parseK8sOptions((name) => inputs[name] ?? K8S_INPUTS[name]?.default ?? '');
}

function request(
  kind: 'spin' | 'cargo',
  inputs: Record<string, string>,
  extra: Partial<DeployRequest<K8sOptions>> = {},
): DeployRequest<K8sOptions> & { logger: MemoryLogger } {
  return {
    project: { kind, dir: path.dirname(k8s.kubeconfig), appName: 'Hello_Rust' },
    components: [],
    healthPath: '/health',
    timeoutSeconds: 10,
    options: options(inputs),
    secrets: {},
    logger: new MemoryLogger(),
    ...extra,
  } as DeployRequest<K8sOptions> & { logger: MemoryLogger };
}

async function deploy(run: DeployRequest<K8sOptions>, pushed = PUSHED) {
  const startedAt = performance.now();
  const deployment = await rollOutAndProve(await connect(), run, pushed, startedAt, NOTHING_BEFORE);
  await deployment.stop();
  return deployment.report;
}

beforeAll(async () => {
  k8s = await startK8sServer({ rolloutDelayMs: 400 });
  vi.stubEnv('KUBECONFIG', k8s.kubeconfig);
});
afterEach(() => {
  k8s.fault = undefined;
  k8s.rolloutDelayMs = 400;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await k8s.close();
});

describe('SpinApp rollout', () => {
  it('applies a SpinApp server-side and waits for the new revision before the HTTP proof', async () => {
    const run = request('spin', {
      'app-url': k8s.appUrl,
      replicas: '2',
      variables: 'greeting=hi, mode=fast',
    });
    const report = await deploy(run);
    const app = k8s.object(
      '/apis/core.spinkube.dev/v1alpha1/namespaces/default/spinapps/hello-rust',
    );
    expect(app?.spec).toEqual({
      image: PUSHED.image,
      executor: 'containerd-shim-spin',
      replicas: 2,
      variables: [
        { name: 'greeting', value: 'hi' },
        { name: 'mode', value: 'fast' },
      ],
      checks: { readiness: { httpGet: { path: '/health' } } },
    });
    const patch = k8s.requests.find((r) => r.method === 'PATCH' && r.url.includes('/spinapps/'));
    expect(patch?.contentType).toBe('application/apply-patch+yaml');
    expect(patch?.url).toBe(
      '/apis/core.spinkube.dev/v1alpha1/namespaces/default/spinapps/hello-rust?fieldManager=spinwash&force=true',
    );
    expect(report.readySeconds).toBeGreaterThanOrEqual(0.4);
    expect(report.rolloutSeconds).toBeGreaterThanOrEqual(0.4);
    expect(report.readySeconds).toBeGreaterThanOrEqual(report.rolloutSeconds!);
    expect(report.versionProof).toBe('spin-info');
    expect(report.digest).toBe(DIGEST);
    expect(report.url).toBe(k8s.appUrl);
  });

  it('an update waits for the new revision, not the one still serving', async () => {
    k8s.rolloutDelayMs = 600;
    const run = request('spin', { 'app-url': k8s.appUrl });
    const report = await deploy(run, NEXT);
    // the old revision kept answering 200 all along: only the new one counts
    expect(report.readySeconds).toBeGreaterThanOrEqual(0.6);
    expect(
      k8s.object('/apis/core.spinkube.dev/v1alpha1/namespaces/default/spinapps/hello-rust')
        ?.metadata.generation,
    ).toBe(2);
    expect(run.logger.lines.join('\n')).toMatch(/old replicas are still terminating/);
  });

  it('opens its own port-forward when no app-url is given', async () => {
    const run = request('spin', {});
    const report = await deploy(run);
    expect(k8s.portForwards.length).toBeGreaterThan(0);
    expect(report.status).toBe(200);
    expect(report.url).toBe('');
    expect(run.logger.lines.some((l) => l.startsWith('port-forward 127.0.0.1:'))).toBe(true);
  });
});

describe('WorkloadDeployment rollout', () => {
  it('applies a WorkloadDeployment with the http host interface and waits for Ready of its generation', async () => {
    const run = request('cargo', { 'app-url': k8s.appUrl, 'k8s-host': 'hello.example.com' });
    const report = await deploy(run);
    const workload = k8s.object(
      '/apis/runtime.wasmcloud.dev/v1alpha1/namespaces/default/workloaddeployments/hello-rust',
    );
    expect(workload?.spec).toEqual({
      replicas: 1,
      template: {
        spec: {
          components: [{ name: 'hello-rust', image: PUSHED.image }],
          hostInterfaces: [
            {
              namespace: 'wasi',
              package: 'http',
              interfaces: ['incoming-handler'],
              config: { host: 'hello.example.com' },
            },
          ],
        },
      },
    });
    expect(report.rolloutSeconds).toBeGreaterThanOrEqual(0.4);
    expect(report.readySeconds).toBeGreaterThanOrEqual(0.4);
  });
});

describe('WorkloadDeployment update', () => {
  it("waits for Ready of the new generation, not the previous revision's Ready=True", async () => {
    const project = {
      kind: 'cargo' as const,
      dir: path.dirname(k8s.kubeconfig),
      appName: 'updated',
    };
    await deploy(request('cargo', { 'app-url': k8s.appUrl }, { project }), fresh());
    k8s.rolloutDelayMs = 700;
    const run = request('cargo', { 'app-url': k8s.appUrl }, { project });
    const report = await deploy(run, fresh());
    expect(report.rolloutSeconds).toBeGreaterThanOrEqual(0.7);
    expect(run.logger.lines.join('\n')).toContain("Ready=True is still the previous revision's");
  });
});

describe('your own manifest (k8s-manifest)', () => {
  it('applies every document with ${image} replaced, into the namespace unless one names its own', async () => {
    const file = path.join(path.dirname(k8s.kubeconfig), 'spinapp.yaml');
    await writeFile(
      file,
      [
        'apiVersion: core.spinkube.dev/v1alpha1',
        'kind: SpinApp',
        'metadata:',
        '  name: custom',
        'spec:',
        '  image: "${image}"',
        '  executor: containerd-shim-spin',
        '  replicas: 3',
        '  podLabels: { team: web }',
        '',
      ].join('\n'),
    );
    const pushed = fresh();
    const report = await deploy(
      request('spin', { 'app-url': k8s.appUrl, 'k8s-manifest': 'spinapp.yaml' }),
      pushed,
    );
    const app = k8s.object('/apis/core.spinkube.dev/v1alpha1/namespaces/default/spinapps/custom');
    expect(app?.spec).toEqual({
      image: pushed.image,
      executor: 'containerd-shim-spin',
      replicas: 3,
      podLabels: { team: 'web' },
    });
    expect(report.rolloutSeconds).toBeGreaterThanOrEqual(0.4);
  });

  it('refuses a document that is not a resource, naming the file', async () => {
    const file = path.join(path.dirname(k8s.kubeconfig), 'broken.yaml');
    await writeFile(file, 'kind: SpinApp\nspec:\n  image: ${image}\n');
    await expect(
      deploy(request('spin', { 'app-url': k8s.appUrl, 'k8s-manifest': 'broken.yaml' }), fresh()),
    ).rejects.toThrow(
      `${file}: document 1 is not a Kubernetes resource (it needs apiVersion, kind and metadata.name)`,
    );
  });
});

describe('preview', () => {
  it('deploys into <app>-pr-<N> and undeploy deletes that namespace once it is gone', async () => {
    const preview = { number: 7, name: 'hello-rust-pr-7' };
    const run = request('spin', { 'app-url': k8s.appUrl }, { preview });
    const report = await deploy(run, fresh());
    expect(report.preview).toEqual(preview);
    expect(k8s.namespaceNames()).toContain('hello-rust-pr-7');
    expect(
      k8s.object('/apis/core.spinkube.dev/v1alpha1/namespaces/hello-rust-pr-7/spinapps/hello-rust'),
    ).toBeDefined();
    await kubernetesTarget.undeploy!(run as unknown as DeployRequest<KubernetesOptions>);
    expect(
      k8s.requests.some(
        (r) => r.method === 'DELETE' && r.url.startsWith('/api/v1/namespaces/hello-rust-pr-7'),
      ),
    ).toBe(true);
    expect(k8s.namespaceNames()).not.toContain('hello-rust-pr-7');
    expect(
      k8s.object('/apis/core.spinkube.dev/v1alpha1/namespaces/hello-rust-pr-7/spinapps/hello-rust'),
    ).toBeUndefined();
    expect(run.logger.lines).toContain('deleted namespace "hello-rust-pr-7"');
  });
});

describe('clear errors', () => {
  async function failure(run: DeployRequest<K8sOptions>): Promise<string> {
    const error = await deploy(run, fresh()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).not.toContain(k8s.token);
    return message;
  }

  it('names the operator to install when the CRD is missing', async () => {
    k8s.fault = 'no-crd';
    expect(await failure(request('spin', { 'app-url': k8s.appUrl }))).toMatch(
      /SpinApp \(core\.spinkube\.dev\/v1alpha1\).*install SpinKube's spin-operator/,
    );
    expect(await failure(request('cargo', { 'app-url': k8s.appUrl }))).toMatch(
      /WorkloadDeployment.*install wasmCloud's runtime-operator/,
    );
  });

  it('names the verb and resource RBAC forbids', async () => {
    k8s.fault = 'forbidden';
    const message = await failure(
      request('spin', { 'app-url': k8s.appUrl, 'k8s-namespace': 'default' }),
    );
    expect(message).toMatch(
      /RBAC forbids spinwash to patch spinapps\.core\.spinkube\.dev in namespace "default"/,
    );
    expect(message).toContain(CI_USER);
  });

  it("reports the pod's reason when the cluster cannot pull the image", async () => {
    k8s.fault = 'image-pull';
    const message = await failure(
      request('spin', { 'app-url': k8s.appUrl }, { timeoutSeconds: 5 }),
    );
    expect(message).toMatch(/cannot pull image .*@sha256:.*ImagePullBackOff/);
    const wasm = await failure(request('cargo', { 'app-url': k8s.appUrl }, { timeoutSeconds: 5 }));
    expect(wasm).toMatch(/cannot pull image .*Artifact=False \(FetchFailed\)/);
  });

  it('names the last condition of a rollout that stalls, at the deploy timeout', async () => {
    k8s.fault = 'stall';
    const started = performance.now();
    const project = {
      kind: 'spin' as const,
      dir: path.dirname(k8s.kubeconfig),
      appName: 'stalled',
    };
    const message = await failure(
      request('spin', { 'app-url': k8s.appUrl }, { timeoutSeconds: 1, project }),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(message).toBe(
      'Kubernetes: SpinApp "stalled" did not roll out within 1 s (last: 0 of 1 updated replicas available; ' +
        'Available=False (MinimumReplicasUnavailable): Deployment does not have minimum availability.)',
    );
    // wasmCloud: the condition that is not True
    const workload = await failure(
      request(
        'cargo',
        { 'app-url': k8s.appUrl },
        { timeoutSeconds: 1, project: { ...project, kind: 'cargo' } },
      ),
    );
    expect(workload).toMatch(
      /WorkloadDeployment "stalled" did not roll out within 1 s .*Scale=False \(InsufficientHosts\): 0 of 1 replicas placed/,
    );
  });
});

describe('where the app is probed', () => {
  it('a WorkloadDeployment without app-url is one line asking for it', async () => {
    await expect(deploy(request('cargo', {}), fresh())).rejects.toThrow(
      /a WorkloadDeployment answers through the wasmCloud hosts by host name.*set `app-url`/,
    );
  });

  it('a namespace that does not exist is named', async () => {
    await expect(
      deploy(request('spin', { 'app-url': k8s.appUrl, 'k8s-namespace': 'missing' }), fresh()),
    ).rejects.toThrow(
      'Kubernetes could not patch spinapps.core.spinkube.dev "hello-rust" in namespace "missing": HTTP 404 NotFound: namespaces "missing" not found',
    );
  });
});

describe('an API server that stops answering', () => {
  it('does not hold the deploy past its timeout', async () => {
    k8s.fault = 'hang';
    const started = performance.now();
    await expect(
      deploy(request('spin', { 'app-url': k8s.appUrl }, { timeoutSeconds: 1 }), fresh()),
    ).rejects.toThrow(
      'Kubernetes: SpinApp "hello-rust" did not roll out within 1 s (the API server stopped answering; last: nothing yet)',
    );
    expect(performance.now() - started).toBeLessThan(30_000); // a hung API would hold it for good
  });
});

describe('reaching the cluster', () => {
  afterEach(() => vi.stubEnv('KUBECONFIG', k8s.kubeconfig));

  it('says where a kubeconfig is looked for when there is none', async () => {
    vi.stubEnv('KUBECONFIG', '');
    vi.stubEnv('HOME', path.join(path.dirname(k8s.kubeconfig), 'no-home'));
    vi.stubEnv('KUBERNETES_SERVICE_HOST', '');
    await expect(connect()).rejects.toThrow(
      /found no cluster: set KUBECONFIG to a kubeconfig file, write ~\/\.kube\/config, or run inside a cluster/,
    );
  });

  async function kubeconfigWith(name: string, from: string, to: string): Promise<void> {
    const file = path.join(path.dirname(k8s.kubeconfig), name);
    await writeFile(file, (await readFile(k8s.kubeconfig, 'utf8')).replace(from, to));
    vi.stubEnv('KUBECONFIG', file);
  }

  it('a token the API server refuses is one line, without the token', async () => {
    await kubeconfigWith('wrong-token.yaml', k8s.token, 'not-the-token');
    await expect(deploy(request('spin', { 'app-url': k8s.appUrl }), fresh())).rejects.toThrow(
      "Kubernetes did not accept the kubeconfig's credentials (HTTP 401 Unauthorized) to get the API core.spinkube.dev/v1alpha1",
    );
  });

  it('an API server that does not answer is one line naming what was asked', async () => {
    await kubeconfigWith('closed-port.yaml', k8s.server, `https://127.0.0.1:${await freePort()}`);
    const error = await deploy(request('spin', { 'app-url': k8s.appUrl }), fresh()).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^Kubernetes: could not get the API core\.spinkube\.dev\/v1alpha1: .*ECONNREFUSED/,
    );
    expect((error as Error).message).not.toContain('\n');
  });
});
