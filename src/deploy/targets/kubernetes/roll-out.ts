import { UserError } from '../../../errors.js';
import type { Logger } from '../../../log.js';
import type { ProjectKind } from '../../../projects/project.js';
import { apply, ensureNamespace } from './apply.js';
import type { Cluster } from './cluster.js';
import { beforeDeadline } from './deadline.js';
import { manifestsFor, type Resource } from './manifests.js';
import type { K8sOptions } from './options.js';
import { openPortForward, type PortForwardHandle } from './port-forward.js';
import { waitForRollout } from './rollout-wait.js';

/** What a rollout needs to know of the deploy. */
export interface RolloutRequest {
  readonly cluster: Cluster;
  readonly kind: ProjectKind;
  readonly appName: string;
  readonly projectDir: string;
  /** A preview's own namespace (created first), else `k8s-namespace`. */
  readonly namespace: string;
  readonly createNamespace: boolean;
  /** The pushed image, pinned: `ref@sha256:…`. */
  readonly image: string;
  readonly healthPath: string;
  readonly options: K8sOptions;
  /** performance.now() of the deploy's deadline. */
  readonly deadline: number;
  readonly timeoutSeconds: number;
  readonly logger: Logger;
}

export interface Rollout {
  /** Seconds from the apply to the cluster running the new revision. */
  readonly rolloutSeconds: number;
  /** Where the app answers: `app-url`, else the port-forward's local address. */
  readonly url: string;
  /** The port-forward spinwash opened (no `app-url`); closed by the caller. */
  readonly forward?: PortForwardHandle;
}

/**
 * Applies the app's resources (server-side), waits for the new revision, and gives the
 * address to prove it over HTTP at: `app-url`, else a port-forward to one of its pods.
 */
export async function rollOut(run: RolloutRequest): Promise<Rollout> {
  const { cluster, namespace, deadline, logger } = run;
  const resources = await manifestsFor({
    kind: run.kind,
    appName: run.appName,
    projectDir: run.projectDir,
    namespace,
    image: run.image,
    healthPath: run.healthPath,
    options: run.options,
  });
  const late = (what: string) => () =>
    new UserError(
      `Kubernetes: the API server did not answer within ${run.timeoutSeconds} s to ${what}`,
    );
  if (run.createNamespace)
    await beforeDeadline(
      deadline,
      ensureNamespace(cluster, namespace),
      late(`create namespace "${namespace}"`),
      cluster.abort,
    );
  const appliedAt = Date.now();
  const applyStarted = performance.now();
  const applied: Resource[] = [];
  for (const resource of resources) {
    const stored = await beforeDeadline(
      deadline,
      apply(cluster, resource),
      late(`apply ${resource.kind} "${resource.metadata.name}"`),
      cluster.abort,
    );
    logger.info(
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
      timeoutSeconds: run.timeoutSeconds,
      appliedAt,
      logger,
    });
    if (waited) followed++;
  }
  if (followed === 0)
    logger.warning(
      'deploy `kubernetes`: the manifest holds no SpinApp, WorkloadDeployment or Deployment to follow; only the HTTP check tells when the new version runs',
    );
  const rolloutSeconds = (performance.now() - applyStarted) / 1000;
  logger.info(`rolled out in ${rolloutSeconds.toFixed(3)} s`);
  if (run.options.appUrl) return { rolloutSeconds, url: run.options.appUrl };
  const forward = await beforeDeadline(
    deadline,
    openPortForward(cluster, applied, namespace, logger),
    late('find a pod to port-forward to'),
    cluster.abort,
  );
  return { rolloutSeconds, url: forward.url, forward };
}
