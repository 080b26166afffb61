import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { UserError } from '../../../errors.js';
import type { Logger } from '../../../log.js';
import { read } from './apply.js';
import type { Cluster } from './cluster.js';
import { beforeDeadline } from './deadline.js';
import { apiCall, apiFailure, apiError } from './api-errors.js';
import { SPINAPP_API, WORKLOAD_API, type Resource } from './manifests.js';

/**
 * Waits until the cluster runs the revision spinwash just applied — never the one before:
 * a SpinApp is followed to its Deployment (SpinApp's status has no observedGeneration, and
 * its `Available` may still describe the old pods), a WorkloadDeployment by its own `Ready`
 * condition and replica counts. Fails early with the pod's reason when the image cannot be
 * pulled, and at the deadline with the last condition the cluster reported.
 */

/**
 * Polling the API server: every 50 ms at first, growing with the time waited (2% of it, as the
 * readiness clock's probes do), at most every 2 s — the rollout time stays within ~2%.
 */
function pollInterval(waitedMs: number): number {
  return Math.min(2000, Math.max(50, waitedMs * 0.02));
}

export interface RolloutWait {
  readonly cluster: Cluster;
  /** The resource as the apply returned it. */
  readonly applied: Resource;
  /** performance.now() of the deploy's deadline. */
  readonly deadline: number;
  readonly timeoutSeconds: number;
  /** Date.now() just before the apply (conditions older than this describe the old revision). */
  readonly appliedAt: number;
  readonly logger: Logger;
}

/** Where the wait stands: done, or what it is still waiting for (one line). */
type Step = { readonly done: true } | { readonly done: false; readonly waiting: string };

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string | Date;
  observedGeneration?: number;
}

function describe(condition: Condition | undefined): string {
  if (!condition) return 'no condition reported yet';
  const reason = condition.reason ? ` (${condition.reason})` : '';
  const message = condition.message ? `: ${condition.message.replace(/\s+/g, ' ').trim()}` : '';
  return `${condition.type}=${condition.status}${reason}${message}`;
}

/** The condition a stalled rollout is best described by: the first that is not True, else the last. */
function telling(conditions: readonly Condition[]): Condition | undefined {
  return conditions.find((c) => c.status !== 'True') ?? conditions[conditions.length - 1];
}

async function until(wait: RolloutWait, label: string, step: () => Promise<Step>): Promise<void> {
  const started = performance.now();
  let last = '';
  for (;;) {
    const now = await beforeDeadline(
      wait.deadline,
      step(),
      () =>
        new UserError(
          `Kubernetes: ${label} did not roll out within ${wait.timeoutSeconds} s (the API server stopped answering; last: ${last || 'nothing yet'})`,
        ),
      wait.cluster.abort,
    );
    if (now.done) return;
    if (now.waiting !== last) wait.logger.info(`${label}: ${now.waiting}`);
    last = now.waiting;
    if (performance.now() >= wait.deadline)
      throw new UserError(
        `Kubernetes: ${label} did not roll out within ${wait.timeoutSeconds} s (last: ${last})`,
      );
    const pause = pollInterval(performance.now() - started);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(pause, Math.max(0, wait.deadline - performance.now()))),
    );
  }
}

/** Waiting reasons of a container that mean the cluster cannot get the image. */
const PULL_FAILURES = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'RegistryUnavailable',
]);

/** The first pod of the Deployment that cannot pull its image, as one line; undefined if none. */
async function pullFailure(
  cluster: Cluster,
  deployment: V1Deployment,
  namespace: string,
): Promise<string | undefined> {
  // only the new revision's pods: an old ReplicaSet's failures are not this deploy's
  const images = new Set(deployment.spec?.template?.spec?.containers?.map((c) => c.image) ?? []);
  const labels = deployment.spec?.selector?.matchLabels ?? {};
  const labelSelector = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = await apiCall({ verb: 'list', resource: 'pods', namespace }, () =>
    cluster.core.listNamespacedPod({ namespace, ...(labelSelector ? { labelSelector } : {}) }),
  );
  for (const pod of pods.items as V1Pod[]) {
    // the pod's spec has the template's image as written (its status may show it normalized)
    const specImages = new Map(
      [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => [
        c.name,
        c.image,
      ]),
    );
    if (![...specImages.values()].some((image) => images.has(image))) continue;
    for (const container of [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ]) {
      const waiting = container.state?.waiting;
      if (waiting?.reason && PULL_FAILURES.has(waiting.reason)) {
        const message = waiting.message ? `: ${waiting.message.replace(/\s+/g, ' ').trim()}` : '';
        const image = specImages.get(container.name) ?? container.image;
        return `pod ${pod.metadata?.name} cannot pull image ${image}: ${waiting.reason}${message}`;
      }
    }
  }
  return undefined;
}

/**
 * kubectl's rollout status, plus the image: the Deployment must be the one made from the
 * applied revision (its pod template runs `image`), observed by its controller, with every
 * replica updated and available and no old one left.
 */
export function deploymentProgress(deployment: V1Deployment, image: string | undefined): Step {
  const spec = deployment.spec;
  const status = deployment.status ?? {};
  const images = spec?.template?.spec?.containers?.map((c) => c.image) ?? [];
  if (image && !images.includes(image))
    return {
      done: false,
      waiting: `the Deployment still runs ${images.join(', ') || 'no image'} (the previous revision)`,
    };
  const generation = deployment.metadata?.generation ?? 0;
  if ((status.observedGeneration ?? 0) < generation)
    return {
      done: false,
      waiting: `the Deployment's controller has not seen generation ${generation} yet`,
    };
  const want = spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const total = status.replicas ?? 0;
  if (updated < want) return { done: false, waiting: `${updated} of ${want} replicas updated` };
  if (total > updated)
    return { done: false, waiting: `${total - updated} old replicas are still terminating` };
  if (available < updated)
    return { done: false, waiting: `${available} of ${updated} updated replicas available` };
  return { done: true };
}

/**
 * A Deployment whose controller gave up on the current generation (`Progressing=False`,
 * ProgressDeadlineExceeded); a condition left from an older generation does not count.
 */
function stalled(deployment: V1Deployment): Condition | undefined {
  if ((deployment.status?.observedGeneration ?? 0) < (deployment.metadata?.generation ?? 0))
    return undefined;
  return (deployment.status?.conditions ?? []).find(
    (c) => c.type === 'Progressing' && c.status === 'False',
  ) as Condition | undefined;
}

async function readDeployment(
  cluster: Cluster,
  name: string,
  namespace: string,
): Promise<V1Deployment | undefined> {
  try {
    return await cluster.apps.readNamespacedDeployment({ name, namespace });
  } catch (error) {
    if (apiFailure(error)?.code === 404) return undefined;
    throw apiError(error, { verb: 'get', resource: 'deployments.apps', name, namespace });
  }
}

/** Follows a Deployment (a SpinApp's, or one the user's manifest applied) to its new revision. */
async function waitForDeployment(
  wait: RolloutWait,
  label: string,
  name: () => string,
  image: string | undefined,
  before?: () => Promise<Step | undefined>,
): Promise<void> {
  const namespace = wait.applied.metadata.namespace ?? 'default';
  let lastCondition: Condition | undefined;
  await until(wait, label, async () => {
    const early = await before?.();
    if (early) return early;
    const deployment = await readDeployment(wait.cluster, name(), namespace);
    if (!deployment) return { done: false, waiting: `no Deployment "${name()}" yet` };
    const progress = deploymentProgress(deployment, image);
    if (progress.done) return progress;
    const conditions = (deployment.status?.conditions ?? []) as Condition[];
    lastCondition = telling(conditions) ?? lastCondition;
    const stall = stalled(deployment);
    if (stall) throw new UserError(`Kubernetes: ${label} stalled: ${describe(stall)}`);
    const pull = await pullFailure(wait.cluster, deployment, namespace);
    if (pull)
      throw new UserError(`Kubernetes: ${label}: the cluster cannot run the new revision: ${pull}`);
    return { done: false, waiting: `${progress.waiting}; ${describe(lastCondition)}` };
  });
}

function waitForSpinApp(wait: RolloutWait): Promise<void> {
  const name = wait.applied.metadata.name;
  const image = (wait.applied.spec as { image?: string } | undefined)?.image;
  let deploymentName = name;
  const label = `SpinApp "${name}"`;
  return waitForDeployment(
    wait,
    label,
    () => deploymentName,
    image,
    async () => {
      // the operator names the Deployment in the SpinApp's status (today: the SpinApp's name)
      const now = await read(wait.cluster, wait.applied);
      if (!now)
        throw new UserError(
          `Kubernetes: ${label} is gone from namespace "${wait.applied.metadata.namespace}" (deleted while rolling out?)`,
        );
      const status = now.status as { deploymentName?: string } | undefined;
      if (status?.deploymentName) deploymentName = status.deploymentName;
      return undefined;
    },
  );
}

/** Is the condition about the applied revision (its generation), not the one before? */
function current(condition: Condition, generation: number, appliedAt: number): boolean {
  if (typeof condition.observedGeneration === 'number')
    return condition.observedGeneration >= generation;
  if (!condition.lastTransitionTime) return false;
  // transition times have whole seconds
  return new Date(condition.lastTransitionTime).getTime() >= Math.floor(appliedAt / 1000) * 1000;
}

function waitForWorkload(wait: RolloutWait): Promise<void> {
  const name = wait.applied.metadata.name;
  const label = `WorkloadDeployment "${name}"`;
  const generation = Number(wait.applied.metadata.generation ?? 1);
  const expected = Number((wait.applied.spec as { replicas?: number } | undefined)?.replicas ?? 1);
  let lastCondition: Condition | undefined;
  return until(wait, label, async () => {
    const now = await read(wait.cluster, wait.applied);
    if (!now)
      throw new UserError(
        `Kubernetes: ${label} is gone from namespace "${wait.applied.metadata.namespace}" (deleted while rolling out?)`,
      );
    const status = (now.status ?? {}) as {
      conditions?: Condition[];
      replicas?: { ready?: number; expected?: number };
      observedGeneration?: number;
    };
    const conditions = status.conditions ?? [];
    lastCondition = telling(conditions) ?? lastCondition;
    const artifact = conditions.find((c) => c.type === 'Artifact');
    if (artifact?.status === 'False' && current(artifact, generation, wait.appliedAt)) {
      const image = (
        now.spec as { template?: { spec?: { components?: { image?: string }[] } } } | undefined
      )?.template?.spec?.components
        ?.map((c) => c.image)
        .join(', ');
      throw new UserError(
        `Kubernetes: ${label}: the cluster cannot pull image ${image ?? '(unknown)'}: ${describe(artifact)}`,
      );
    }
    // a status the operator wrote for an older generation says nothing of this one
    const seen = status.observedGeneration === undefined || status.observedGeneration >= generation;
    const ready = conditions.find((c) => c.type === 'Ready');
    const readyReplicas = status.replicas?.ready ?? 0;
    if (ready?.status === 'True' && !(seen && current(ready, generation, wait.appliedAt)))
      return {
        done: false,
        waiting: `Ready=True is still the previous revision's; ${describe(lastCondition)}`,
      };
    if (ready?.status === 'True' && readyReplicas >= expected) return { done: true };
    return {
      done: false,
      waiting: `${readyReplicas} of ${expected} replicas ready; ${describe(lastCondition)}`,
    };
  });
}

/** Waits for the new revision of what was applied; kinds it cannot follow are not waited for. */
export async function waitForRollout(wait: RolloutWait): Promise<boolean> {
  const { apiVersion, kind } = wait.applied;
  if (apiVersion === SPINAPP_API && kind === 'SpinApp') await waitForSpinApp(wait);
  else if (apiVersion === WORKLOAD_API && kind === 'WorkloadDeployment')
    await waitForWorkload(wait);
  else if (apiVersion === 'apps/v1' && kind === 'Deployment') {
    const name = wait.applied.metadata.name;
    await waitForDeployment(wait, `Deployment "${name}"`, () => name, undefined);
  } else return false;
  return true;
}
