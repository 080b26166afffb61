import { UserError } from '../errors.js';
import { waitUntilReady, type BeforeDeploy } from '../deploy/readiness.js';
import type { DeployRequest } from '../deploy/target.js';
import type { DeployReport } from '../report/model.js';
import { apply, ensureNamespace } from './apply.js';
import type { Cluster } from './cluster.js';
import { manifestsFor, type Resource } from './manifests.js';
import type { K8sOptions } from './options.js';
import { openPortForward, type PortForwardHandle } from './port-forward.js';
import { waitForRollout } from './rollout.js';

/** What was pushed, as the rollout needs it. */
export interface PushedImage {
  /** `ref@sha256:…` */
  readonly image: string;
  readonly digest: string;
}

export interface RolloutRequest {
  readonly cluster: Cluster;
  readonly request: DeployRequest<K8sOptions>;
  readonly pushed: PushedImage;
  /** performance.now() when the deploy (the push) started: the readiness clock's start. */
  readonly startedAt: number;
  /** What answered at `app-url` before the deploy. */
  readonly before: BeforeDeploy;
}

export interface Rollout {
  readonly report: DeployReport;
  /** Releases the port-forward, if one was opened (the app stays deployed). */
  stop(): Promise<void>;
}

/** The namespace of this deploy: a preview's own, else `k8s-namespace`. */
export function namespaceOf(request: DeployRequest<K8sOptions>): string {
  return request.preview?.name ?? request.options.namespace;
}

/**
 * Applies the app's resources, waits for the new revision, and proves over HTTP that it
 * answers: at `app-url`, else through a port-forward to one of its pods.
 */
export async function rollOut(run: RolloutRequest): Promise<Rollout> {
  const { cluster, request, pushed } = run;
  const namespace = namespaceOf(request);
  const deadline = run.startedAt + request.timeoutSeconds * 1000;
  const resources = await manifestsFor({
    kind: request.project.kind,
    appName: request.project.appName,
    projectDir: request.project.dir,
    namespace,
    image: pushed.image,
    healthPath: request.healthPath,
    options: request.options,
  });
  if (request.preview) await ensureNamespace(cluster, namespace);
  const appliedAt = Date.now();
  const applyStarted = performance.now();
  const applied: Resource[] = [];
  for (const resource of resources) {
    const stored = await apply(cluster, resource);
    request.logger.info(
      `applied ${resource.kind} "${resource.metadata.name}" in namespace "${resource.metadata.namespace ?? namespace}" (generation ${String(stored.metadata?.generation ?? '?')})`,
    );
    applied.push({
      ...resource,
      ...stored,
      metadata: { ...resource.metadata, ...stored.metadata },
    });
  }
  let followed = 0;
  for (const resource of applied) {
    const waited = await waitForRollout({
      cluster,
      applied: resource,
      deadline,
      timeoutSeconds: request.timeoutSeconds,
      appliedAt,
      logger: request.logger,
    });
    if (waited) followed++;
  }
  if (followed === 0)
    request.logger.warning(
      'deploy `kubernetes`: the manifest holds no SpinApp, WorkloadDeployment or Deployment to follow; only the HTTP check tells when the new version runs',
    );
  const rolloutSeconds = (performance.now() - applyStarted) / 1000;
  request.logger.info(`rolled out in ${rolloutSeconds.toFixed(3)} s`);

  let forward: PortForwardHandle | undefined;
  let url = request.options.appUrl;
  if (!url) {
    forward = await openPortForward(cluster, applied, namespace, request.logger);
    url = forward.url;
  }
  const stop = async (): Promise<void> => {
    await forward?.close();
  };
  try {
    const base = url;
    const ready = await waitUntilReady({
      label: 'deploy `kubernetes`',
      baseUrl: () => base,
      healthPath: request.healthPath,
      ...(request.healthExpect !== undefined ? { healthExpect: request.healthExpect } : {}),
      digest: pushed.digest,
      before: forward ? { state: 'absent' } : run.before,
      startedAt: run.startedAt,
      timeoutSeconds: request.timeoutSeconds,
    });
    return {
      report: {
        target: 'kubernetes',
        // a port-forward's address is this machine's, gone after the run
        url: forward ? '' : base,
        status: ready.status,
        readySeconds: ready.readySeconds,
        firstResponseSeconds: ready.firstResponseSeconds,
        ...(ready.versionProof ? { versionProof: ready.versionProof } : {}),
        digest: pushed.digest,
        rolloutSeconds,
        ...(request.preview
          ? { preview: { name: request.preview.name, number: request.preview.number } }
          : {}),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error instanceof UserError && forward
      ? new UserError(`${error.message} (through a port-forward to pod ${forward.pod})`)
      : error;
  }
}
