import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '../../src/deploy/targets/kubernetes/cluster.js';
import { NOTHING_BEFORE } from '../../src/deploy/readiness.js';
import {
  K8S_INPUTS,
  parseK8sOptions,
  rollOutAndProve,
} from '../../src/deploy/targets/kubernetes/kubernetes.js';
import type { DeployRequest } from '../../src/deploy/target.js';
import type { K8sOptions } from '../../src/deploy/targets/kubernetes/options.js';
import { MemoryLogger } from '../../src/log.js';
import { stopTree } from '../../src/process.js';
import { startK8sServer, type K8sStandIn } from '../support/k8s-server.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

/**
 * Issue 22 item 2: a Kubernetes API server that stops answering. spinwash said "did not roll
 * out within N s" on time, but the request it raced stayed open (client-node requests have no
 * timeout of their own), so the CLI and the action never exited. Now the deadline aborts the
 * request, and the entries exit once the work has failed.
 */
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/hello-rust');
const USER = 'hang-pusher';
const PASSWORD = 'registry-Pa55-hang';

let k8s: K8sStandIn;
let registry: TestRegistry;
beforeAll(async () => {
  [registry, k8s] = await Promise.all([
    startRegistry({ htpasswd: { username: USER, password: PASSWORD } }),
    startK8sServer({ rolloutDelayMs: 300 }),
  ]);
  vi.stubEnv('KUBECONFIG', k8s.kubeconfig);
}, 120_000);
afterEach(() => {
  k8s.fault = undefined;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([registry?.stop(), k8s?.close()]);
});

const until = async (done: () => boolean, ms: number): Promise<boolean> => {
  for (const end = performance.now() + ms; performance.now() < end;)
    if (done()) return true;
    else await new Promise((resolve) => setTimeout(resolve, 25));
  return done();
};

describe('issue 22 item 2: an API server that stops answering', () => {
  it('the deadline aborts the request it raced: nothing is left open on the server', async () => {
    k8s.fault = 'hang';
    const run = {
      project: { kind: 'spin', dir: path.dirname(k8s.kubeconfig), appName: 'hang' },
      components: [],
      healthPath: '/health',
      timeoutSeconds: 1,
      options: parseK8sOptions((name) =>
        name === 'app-url' ? k8s.appUrl : (K8S_INPUTS[name]?.default ?? ''),
      ),
      secrets: {},
      logger: new MemoryLogger(),
    } as DeployRequest<K8sOptions>;
    const digest = `sha256:${'9'.repeat(64)}`;
    const image = { image: `127.0.0.1:5000/demo/app@${digest}`, digest };
    await expect(
      rollOutAndProve(await connect(), run, image, performance.now(), NOTHING_BEFORE),
    ).rejects.toThrow('did not roll out within 1 s (the API server stopped answering');
    // the request spinwash gave up on is closed by spinwash, not left for a server that never answers
    expect(await until(() => k8s.openRequests() === 0, 3000)).toBe(true);
  });

  /** Runs an entry in a process of its own; resolves with its exit, or 'still running' after `ms`. */
  async function entry(
    file: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    ms: number,
  ): Promise<{ code: number | null | 'still running'; stderr: string; stdout: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    const code = await Promise.race([
      new Promise<number | null>((resolve) => child.once('exit', resolve)),
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms)),
    ]);
    if (code === 'still running') await stopTree(child.pid!, 1000);
    return { code, stderr, stdout };
  }

  const common = (n: number) => ({
    reference: `${registry.host}/demo/hang:v${n}`,
    env: { KUBECONFIG: k8s.kubeconfig, SPINWASH_OCI_PASSWORD: PASSWORD },
  });

  it('the CLI exits 1 once it has said the rollout did not finish', async () => {
    k8s.fault = 'hang';
    const { reference, env } = common(1);
    const out = mkdtempSync(path.join(tmpdir(), 'spinwash-hang-'));
    const run = await entry(
      'src/cli.ts',
      [
        'run',
        '--project',
        example,
        '--deploy',
        'kubernetes',
        '--oci-reference',
        reference,
        '--oci-username',
        USER,
        '--app-url',
        k8s.appUrl,
        '--deploy-timeout',
        '3',
        '--json',
        path.join(out, 'r.json'),
      ],
      env,
      90_000,
    );
    expect(run.stderr).toMatch(
      /spinwash: error: Kubernetes: WorkloadDeployment .* did not roll out within 3 s/,
    );
    expect(run.code).toBe(1);
  });

  it('the action exits (the step fails) once it has said so', async () => {
    k8s.fault = 'hang';
    const { reference, env } = common(2);
    const temp = mkdtempSync(path.join(tmpdir(), 'spinwash-hang-action-'));
    const run = await entry(
      'src/index.ts',
      [],
      {
        ...env,
        INPUT_PROJECT: example,
        INPUT_DEPLOY: 'kubernetes',
        'INPUT_OCI-REFERENCE': reference,
        'INPUT_OCI-USERNAME': USER,
        'INPUT_OCI-PASSWORD': PASSWORD,
        'INPUT_APP-URL': k8s.appUrl,
        'INPUT_DEPLOY-TIMEOUT': '3',
        INPUT_COMMENT: 'false',
        'INPUT_DATA-BRANCH': '',
        RUNNER_TEMP: temp,
        GITHUB_ACTIONS: '',
        GITHUB_EVENT_NAME: '',
        GITHUB_EVENT_PATH: '',
        GITHUB_REPOSITORY: '',
        GITHUB_STEP_SUMMARY: '',
        GITHUB_OUTPUT: '',
      },
      90_000,
    );
    expect(run.stdout).toMatch(
      /::error::Kubernetes: WorkloadDeployment .* did not roll out within 3 s/,
    );
    expect(run.code).toBe(1);
  });
});

describe('issue 22 item 10: a preview of an app whose name is no Kubernetes name', () => {
  it('deploys into its name as a Kubernetes name (`Hello_Rust-pr-7` → `hello-rust-pr-7`)', async () => {
    const run = {
      project: { kind: 'spin', dir: path.dirname(k8s.kubeconfig), appName: 'Hello_Rust' },
      components: [],
      healthPath: '/health',
      timeoutSeconds: 20,
      options: parseK8sOptions((name) =>
        name === 'app-url' ? k8s.appUrl : (K8S_INPUTS[name]?.default ?? ''),
      ),
      secrets: {},
      preview: { name: 'Hello_Rust-pr-7', number: 7 },
      logger: new MemoryLogger(),
    } as DeployRequest<K8sOptions>;
    const digest = `sha256:${'7'.repeat(64)}`;
    const deployment = await rollOutAndProve(
      await connect(),
      run,
      { image: `127.0.0.1:5000/demo/app@${digest}`, digest },
      performance.now(),
      NOTHING_BEFORE,
    );
    await deployment.stop();
    expect(k8s.namespaceNames()).toContain('hello-rust-pr-7');
  });
});
