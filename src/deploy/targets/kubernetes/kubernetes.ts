import { invalidInput, parsePositiveInt } from '../../../input-parsers.js';
import { UserError } from '../../../errors.js';
import type { Cluster } from './cluster.js';
import type { K8sOptions } from './options.js';
import { OCI_INPUTS, parseOciOptions, pushApp, type OciOptions } from '../oci/push.js';
import {
  NOTHING_BEFORE,
  snapshotBeforeDeploy,
  waitUntilReady,
  type BeforeDeploy,
  readyReport,
} from '../../readiness.js';
import type {
  DeployRequest,
  Deployment,
  DeployTarget,
  InputReader,
  TargetInputs,
} from '../../target.js';

export type KubernetesOptions = OciOptions & K8sOptions;

/** The Kubernetes inputs (the OCI ones come from src/deploy/targets/oci/push.ts). */
export const K8S_INPUTS: TargetInputs = {
  'k8s-namespace': {
    default: 'default',
    description:
      'Namespace `deploy: kubernetes` applies the app into (a preview goes into its own `<app>-pr-<N>`, deleted when the PR closes).',
  },
  'k8s-manifest': {
    default: '',
    description:
      'Your own Kubernetes manifest file (YAML, one or more resources) to apply instead of the generated SpinApp / WorkloadDeployment; `${image}` is replaced by the pushed `ref@sha256:…`.',
  },
  'k8s-host': {
    default: '',
    description:
      "Host name a wasmCloud 2 WorkloadDeployment's HTTP interface answers for (default: the host of `app-url`, else `localhost`).",
  },
  replicas: {
    default: '1',
    description: 'Replicas of the app `deploy: kubernetes` rolls out (1 to 1000).',
  },
  variables: {
    default: '',
    description:
      'Application variables of the SpinApp: `name=value` pairs, one per line or comma-separated.',
  },
  'app-url': {
    default: '',
    description:
      'Where the deployed app answers (your ingress), for the readiness check; empty: `deploy: kubernetes` opens a port-forward to one of its pods.',
  },
};

/** More replicas than this for a deploy spinwash waits on is a typo. */
const MAX_REPLICAS = 1000;

/** Kubernetes names (RFC 1123 labels): lower-case letters, digits and `-`. */
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function parseVariables(value: string): K8sOptions['variables'] {
  return value
    .split(/[,\n]/)
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(pair);
      if (!match)
        throw invalidInput(
          'variables',
          pair,
          '`name=value` pairs (a name of letters, digits and `_`)',
        );
      return { name: match[1] ?? '', value: match[2] ?? '' };
    });
}

function parseAppUrl(value: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidInput(
      'app-url',
      value,
      'an http:// or https:// URL, such as https://app.example.com/',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidInput(
      'app-url',
      value,
      'an http:// or https:// URL, such as https://app.example.com/',
    );
  if (url.username || url.password)
    throw invalidInput('app-url', '(a URL with credentials)', 'a URL without user or password');
  return url.href;
}

export function parseK8sOptions(read: InputReader): K8sOptions {
  const namespace = read('k8s-namespace');
  if (!DNS_LABEL.test(namespace))
    throw invalidInput(
      'k8s-namespace',
      namespace,
      'a Kubernetes namespace name (lower-case letters, digits and `-`, at most 63)',
    );
  const manifest = read('k8s-manifest');
  const host = read('k8s-host');
  const appUrl = parseAppUrl(read('app-url'));
  return {
    namespace,
    ...(manifest ? { manifest } : {}),
    ...(host ? { host } : {}),
    replicas: parsePositiveInt('replicas', read('replicas'), MAX_REPLICAS),
    variables: parseVariables(read('variables')),
    ...(appUrl ? { appUrl } : {}),
  };
}

/**
 * Kubernetes: push the app to an OCI registry (as `deploy: oci`), then roll it out with
 * @kubernetes/client-node — a SpinApp (SpinKube) for Spin apps, a WorkloadDeployment
 * (wasmCloud 2) for components, or the user's manifest — by server-side apply, wait for the
 * new revision and prove over HTTP that it answers. The cluster side lives beside it and
 * is loaded on first use (client-node is heavy).
 */
export const kubernetesTarget: DeployTarget<KubernetesOptions> = {
  name: 'kubernetes',
  summary:
    '`kubernetes` pushes to `oci-reference` and rolls out a SpinApp (SpinKube) or WorkloadDeployment (wasmCloud 2) with the kubeconfig',
  inputs: { ...OCI_INPUTS, ...K8S_INPUTS },
  local: false,
  previews: true,
  reportName: 'kubernetes',
  parseOptions: (read) => ({ ...parseOciOptions(read), ...parseK8sOptions(read) }),
  check: checkKubernetes,
  deploy: deployKubernetes,
  undeploy: undeployKubernetes,
};

/** A stand-in for the pushed image while nothing is pushed yet. */
const NOT_YET_PUSHED = `registry.invalid/not-yet-pushed@sha256:${'0'.repeat(64)}`;

/** Before the build: the user's manifest is read and checked (readable, YAML, resources, `${image}`). */
async function checkKubernetes(request: DeployRequest<KubernetesOptions>): Promise<void> {
  if (!request.options.manifest) return;
  const { manifestsFor } = await import('./manifests.js');
  await manifestsFor(manifestInput(request, await previewNamespace(request), NOT_YET_PUSHED));
}

/**
 * The namespace a deploy goes into: a preview's own (its name as a Kubernetes name: an app
 * named `Hello_Rust` previews in `hello-rust-pr-7`), else `k8s-namespace`.
 */
async function previewNamespace(request: DeployRequest<K8sOptions>): Promise<string> {
  if (!request.preview) return request.options.namespace;
  const { resourceName } = await import('./manifests.js');
  return resourceName(request.preview.name);
}

function manifestInput(request: DeployRequest<K8sOptions>, namespace: string, image: string) {
  return {
    kind: request.project.kind,
    appName: request.project.appName,
    projectDir: request.project.dir,
    namespace,
    image,
    healthPath: request.healthPath,
    options: request.options,
  };
}

/** What was pushed, as the rollout needs it. */
export interface PushedImage {
  /** `ref@sha256:…` */
  readonly image: string;
  readonly digest: string;
}

async function deployKubernetes(request: DeployRequest<KubernetesOptions>): Promise<Deployment> {
  const { connect } = await import('./cluster.js');
  const before = await snapshotBeforeDeploy(request.options.appUrl);
  // the cluster is read before the push: a missing kubeconfig fails before anything is uploaded
  const cluster = await connect();
  const startedAt = performance.now();
  const pushed = await pushApp(request);
  request.logger.info(
    `pushed ${pushed.image} (${pushed.pushedBytes} B) in ${pushed.pushSeconds.toFixed(2)} s`,
  );
  const deployment = await rollOutAndProve(cluster, request, pushed, startedAt, before);
  return {
    report: {
      ...deployment.report,
      image: pushed.image,
      pushedBytes: pushed.pushedBytes,
      pushSeconds: pushed.pushSeconds,
    },
    stop: deployment.stop,
  };
}

/**
 * The rollout of a pushed image and the readiness clock's proof that the new version answers
 * (at `app-url`, else through spinwash's own port-forward). `readySeconds` runs from
 * `startedAt` (the push's start): push, rollout and the first healthy answer.
 */
export async function rollOutAndProve(
  cluster: Cluster,
  request: DeployRequest<K8sOptions>,
  pushed: PushedImage,
  startedAt: number,
  before: BeforeDeploy,
): Promise<Deployment> {
  const { rollOut } = await import('./roll-out.js');
  const rollout = await rollOut({
    cluster,
    ...manifestInput(request, await previewNamespace(request), pushed.image),
    createNamespace: request.preview !== undefined,
    deadline: startedAt + request.timeoutSeconds * 1000,
    timeoutSeconds: request.timeoutSeconds,
    logger: request.logger,
  });
  const forward = rollout.forward;
  const stop = async (): Promise<void> => {
    await forward?.close();
  };
  try {
    const ready = await waitUntilReady({
      label: 'deploy `kubernetes`',
      baseUrl: () => rollout.url,
      healthPath: request.healthPath,
      ...(request.healthExpect !== undefined ? { healthExpect: request.healthExpect } : {}),
      digest: pushed.digest,
      // a port-forward reaches a pod of the new revision only: nothing older answers there
      before: forward ? NOTHING_BEFORE : before,
      startedAt,
      timeoutSeconds: request.timeoutSeconds,
    });
    return {
      report: {
        // a port-forward's address is this machine's, gone after the run
        ...readyReport(kubernetesTarget.reportName, forward ? '' : rollout.url, ready),
        ...(ready.versionProof ? { versionProof: ready.versionProof } : {}),
        digest: pushed.digest,
        rolloutSeconds: rollout.rolloutSeconds,
        ...(request.preview
          ? { preview: { name: request.preview.name, number: request.preview.number } }
          : {}),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error instanceof UserError && forward
      ? error.rewrite((message) => `${message} (through a port-forward to pod ${forward.pod})`)
      : error;
  }
}

/** Deletes a preview's namespace (and with it the app), once the API server confirms it is gone. */
async function undeployKubernetes(request: DeployRequest<KubernetesOptions>): Promise<void> {
  if (!request.preview) {
    request.logger.warning(
      'deploy `kubernetes`: undeploy deletes only a preview (`<app>-pr-<N>`); the app in `k8s-namespace` stays',
    );
    return;
  }
  const { connect } = await import('./cluster.js');
  const { deleteNamespace } = await import('./apply.js');
  const cluster = await connect();
  const namespace = await previewNamespace(request);
  await deleteNamespace(cluster, namespace, request.timeoutSeconds);
  request.logger.info(`deleted namespace "${namespace}"`);
}
