import { randomBytes } from 'node:crypto';

/**
 * The operators the Kubernetes API stand-in (./k8s-server.ts) plays: SpinKube's spin-operator
 * and wasmCloud's runtime-operator, moving a resource's status through its real conditions
 * `rolloutDelayMs` after the apply, or never, for the fault a test switches on.
 */

export type K8sFault =
  /** No CRD: discovery of the SpinKube and wasmCloud groups is a 404. */
  | 'no-crd'
  /** RBAC: applying a SpinApp or WorkloadDeployment is a 403 Forbidden Status. */
  | 'forbidden'
  /** The new pods cannot pull the image (ImagePullBackOff; wasmCloud: Artifact=False). */
  | 'image-pull'
  /** The new pods never become ready: the rollout stays in progress. */
  | 'stall'
  /** The API server accepts the apply, then never answers a GET of one object. */
  | 'hang';

export type Json = Record<string, unknown>;
export interface Obj extends Json {
  apiVersion: string;
  kind: string;
  metadata: Json & { name: string; namespace?: string; generation?: number };
  spec?: Json;
  status?: Json;
}

/** What the operators see of the stand-in's state. */
export interface ClusterState {
  readonly objects: Map<string, Obj>;
  keyOf(gv: string, plural: string, namespace: string | undefined, name: string): string;
  /** A new resourceVersion for a changed object. */
  stamp(obj: Obj): void;
  /** Runs `run` after `ms` (cleared when the stand-in closes). */
  later(ms: number, run: () => void): void;
  readonly fault: K8sFault | undefined;
  readonly rolloutDelayMs: number;
  /** The ingress serves this revision from now on. */
  rolledOut(serving: { image: string; kind: string; name: string }): void;
}

const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** The SpinApp's readiness check path (`checks.readiness.httpGet.path`), as the operator copies it. */
function readinessPath(app: Obj): string {
  const checks = app.spec?.checks as { readiness?: { httpGet?: { path?: string } } } | undefined;
  return checks?.readiness?.httpGet?.path ?? '/';
}

const podsOf = (cluster: ClusterState, namespace: string, app: string): Obj[] =>
  [...cluster.objects.values()].filter(
    (o) =>
      o.kind === 'Pod' &&
      o.metadata.namespace === namespace &&
      (o.metadata.labels as Json | undefined)?.['core.spinkube.dev/app-name'] === app,
  );

function makePod(
  cluster: ClusterState,
  namespace: string,
  app: string,
  hash: string,
  index: number,
  image: string,
): Obj {
  const fault = cluster.fault;
  const waiting =
    fault === 'image-pull'
      ? { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` }
      : { reason: 'ContainerCreating' };
  const pod: Obj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${app}-${hash}-${index}`,
      namespace,
      labels: { 'core.spinkube.dev/app-name': app, 'pod-template-hash': hash },
    },
    spec: {
      containers: [{ name: app, image, ports: [{ containerPort: 80, name: 'http-app' }] }],
    },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
      containerStatuses: [{ name: app, image, ready: false, restartCount: 0, state: { waiting } }],
    },
  };
  cluster.objects.set(cluster.keyOf('v1', 'pods', namespace, pod.metadata.name), pod);
  return pod;
}

/** SpinKube's spin-operator: a SpinApp makes a Deployment, whose pods roll over after the delay. */
export function spinOperator(cluster: ClusterState, app: Obj): void {
  const namespace = app.metadata.namespace ?? 'default';
  const name = app.metadata.name;
  const image = String(app.spec?.image ?? '');
  const replicas = Number(app.spec?.replicas ?? 1);
  const key = cluster.keyOf('apps/v1', 'deployments', namespace, name);
  const old = cluster.objects.get(key);
  const hash = randomBytes(4).toString('hex').slice(0, 8);
  const deployment: Obj = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace,
      generation: (old?.metadata.generation ?? 0) + 1,
      labels: { 'core.spinkube.dev/app-name': name },
      ownerReferences: [{ apiVersion: app.apiVersion, kind: app.kind, name, controller: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { 'core.spinkube.dev/app-name': name } },
      template: {
        metadata: { labels: { 'core.spinkube.dev/app-name': name } },
        spec: {
          runtimeClassName: 'wasmtime-spin-v2',
          containers: [
            {
              name,
              image,
              command: ['/'],
              ports: [{ containerPort: 80, name: 'http-app' }],
              readinessProbe: { httpGet: { path: readinessPath(app), port: 80 } },
            },
          ],
        },
      },
    },
  };
  // the old ReplicaSet's pods that never became ready are scaled away at once
  const isReady = (p: Obj): boolean =>
    ((p.status?.conditions as Json[] | undefined) ?? []).some(
      (c) => c.type === 'Ready' && c.status === 'True',
    );
  for (const pod of podsOf(cluster, namespace, name))
    if (!isReady(pod))
      cluster.objects.delete(cluster.keyOf('v1', 'pods', namespace, pod.metadata.name));
  const oldPods = podsOf(cluster, namespace, name);
  const oldAvailable = oldPods.length;
  const newPods = Array.from({ length: replicas }, (_, i) =>
    makePod(cluster, namespace, name, hash, i, image),
  );
  const progressing = {
    type: 'Progressing',
    status: 'True',
    reason: 'ReplicaSetUpdated',
    message: `ReplicaSet "${name}-${hash}" is progressing.`,
    lastUpdateTime: now(),
    lastTransitionTime: now(),
  };
  const available =
    oldAvailable > 0
      ? {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastTransitionTime: now(),
        }
      : {
          type: 'Available',
          status: 'False',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
          lastTransitionTime: now(),
        };
  // the controller saw the new template at once; its pods are not up yet
  deployment.status = {
    observedGeneration: deployment.metadata.generation,
    replicas: oldPods.length + newPods.length,
    updatedReplicas: newPods.length,
    readyReplicas: oldAvailable,
    availableReplicas: oldAvailable,
    unavailableReplicas: newPods.length,
    conditions: [available, progressing],
  };
  cluster.stamp(deployment);
  cluster.objects.set(key, deployment);
  app.status = {
    deploymentName: name,
    serviceName: name,
    readyReplicas: oldAvailable,
    conditions: [available, progressing],
  };
  if (cluster.fault === 'image-pull' || cluster.fault === 'stall') {
    if (cluster.fault === 'stall')
      for (const pod of newPods) {
        // running, never ready: its readiness check keeps failing
        (pod.status as Json).phase = 'Running';
        (pod.status as Json).containerStatuses = [
          {
            name,
            image,
            ready: false,
            restartCount: 0,
            state: { running: { startedAt: now() } },
          },
        ];
      }
    return;
  }
  const generation = deployment.metadata.generation;
  cluster.later(cluster.rolloutDelayMs, () => {
    const current = cluster.objects.get(key);
    if (!current || current.metadata.generation !== generation) return; // superseded or deleted
    for (const pod of oldPods)
      cluster.objects.delete(cluster.keyOf('v1', 'pods', namespace, pod.metadata.name));
    for (const pod of newPods) {
      pod.status = {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [
          { name, image, ready: true, restartCount: 0, state: { running: { startedAt: now() } } },
        ],
      };
    }
    const done = [
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
        lastTransitionTime: now(),
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${name}-${hash}" has successfully progressed.`,
        lastTransitionTime: now(),
      },
    ];
    current.status = {
      observedGeneration: generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      conditions: done,
    };
    cluster.stamp(current);
    app.status = {
      deploymentName: name,
      serviceName: name,
      readyReplicas: replicas,
      conditions: done,
    };
    cluster.rolledOut({ image, kind: 'SpinApp', name });
  });
}

/** wasmCloud's runtime-operator: a WorkloadDeployment's conditions, Ready after the delay. */
export function wasmcloudOperator(cluster: ClusterState, workload: Obj): void {
  const generation = workload.metadata.generation ?? 1;
  const spec = workload.spec ?? {};
  const expected = Number(spec.replicas ?? 1);
  const components = ((spec.template as Json | undefined)?.spec as Json | undefined)?.components as
    Json[] | undefined;
  const image = String(components?.[0]?.image ?? '');
  const condition = (type: string, state: string, reason: string, message = ''): Json => ({
    type,
    status: state,
    reason,
    message,
    lastTransitionTime: now(),
    observedGeneration: generation,
  });
  const previous = workload.status;
  if (cluster.fault === 'image-pull') {
    workload.status = {
      conditions: [
        condition(
          'Artifact',
          'False',
          'FetchFailed',
          `failed to fetch ${image}: failed to pull: 401 Unauthorized`,
        ),
        condition('Ready', 'False', 'Reconciling'),
      ],
      replicas: { expected, current: 0, ready: 0, unavailable: expected },
    };
    return;
  }
  if (!previous) {
    workload.status = {
      conditions: ['Artifact', 'Sync', 'Deploy', 'Scale', 'Ready'].map((t) =>
        condition(t, 'Unknown', 'Reconciling'),
      ),
      replicas: { expected, current: 0, ready: 0, unavailable: expected },
    };
  } // an update keeps the previous revision's conditions until it is through
  if (cluster.fault === 'stall') {
    workload.status = {
      conditions: [
        condition('Artifact', 'True', 'Fetched'),
        condition('Sync', 'True', 'Synced'),
        condition('Deploy', 'True', 'Deployed'),
        condition(
          'Scale',
          'False',
          'InsufficientHosts',
          `0 of ${expected} replicas placed: no host matches the hostSelector`,
        ),
        condition('Ready', 'False', 'NotReady'),
      ],
      replicas: { expected, current: 0, ready: 0, unavailable: expected },
    };
    return;
  }
  cluster.later(cluster.rolloutDelayMs, () => {
    if (workload.metadata.generation !== generation) return;
    workload.status = {
      conditions: ['Artifact', 'Sync', 'Deploy', 'Scale', 'Ready'].map((t) =>
        condition(t, 'True', 'Ready'),
      ),
      replicas: { expected, current: expected, ready: expected, unavailable: 0 },
    };
    cluster.stamp(workload);
    cluster.rolledOut({ image, kind: 'WorkloadDeployment', name: workload.metadata.name });
  });
}
