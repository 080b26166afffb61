import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-2IWVOOA6.js";
import {
  apiCall,
  apiError,
  apiFailure,
  apply,
  ensureNamespace,
  read
} from "./chunk-KZCUOSGR.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";
import {
  __toESM
} from "./chunk-IUDJKI5M.js";

// src/k8s/deadline.ts
var DEADLINE_GRACE_MS = 1e3;
async function beforeDeadline(deadline, call, late) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(late()),
      Math.max(0, deadline - performance.now()) + DEADLINE_GRACE_MS
    );
  });
  try {
    return await Promise.race([call, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// src/k8s/manifests.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import path from "node:path";
var SPINAPP_API = "core.spinkube.dev/v1alpha1";
var WORKLOAD_API = "runtime.wasmcloud.dev/v1alpha1";
var MANAGED_BY = { "app.kubernetes.io/managed-by": "spinwash" };
function resourceName(appName) {
  const name = appName.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63).replace(/-+$/, "");
  return name || "app";
}
function spinApp(input) {
  return {
    apiVersion: SPINAPP_API,
    kind: "SpinApp",
    metadata: { name: resourceName(input.appName), namespace: input.namespace, labels: MANAGED_BY },
    spec: {
      image: input.image,
      executor: "containerd-shim-spin",
      replicas: input.options.replicas,
      ...input.options.variables.length > 0 ? { variables: input.options.variables.map((v) => ({ name: v.name, value: v.value })) } : {},
      checks: { readiness: { httpGet: { path: input.healthPath } } }
    }
  };
}
function workloadHost(options) {
  if (options.host) return options.host;
  return options.appUrl ? new URL(options.appUrl).hostname : "localhost";
}
function workloadDeployment(input) {
  const name = resourceName(input.appName);
  return {
    apiVersion: WORKLOAD_API,
    kind: "WorkloadDeployment",
    metadata: { name, namespace: input.namespace, labels: MANAGED_BY },
    spec: {
      replicas: input.options.replicas,
      template: {
        spec: {
          components: [{ name, image: input.image }],
          hostInterfaces: [
            {
              namespace: "wasi",
              package: "http",
              interfaces: ["incoming-handler"],
              config: { host: workloadHost(input.options) }
            }
          ]
        }
      }
    }
  };
}
async function userManifest(input, file) {
  const full = path.resolve(input.projectDir, file);
  let text;
  try {
    text = await readFile(full, "utf8");
  } catch (error) {
    throw new UserError(
      `Input \`k8s-manifest\` has the value "${file}": cannot read ${full} (${errorMessage(error)})`,
      full
    );
  }
  const documents = (0, import_yaml.parseAllDocuments)(text.replaceAll("${image}", input.image));
  const resources = [];
  for (const [index, document] of (Array.isArray(documents) ? documents : [documents]).entries()) {
    if (document.errors.length > 0)
      throw new UserError(
        `${full}: not valid YAML (document ${index + 1}): ${document.errors[0]?.message.split("\n")[0]}`,
        full
      );
    const value = document.toJS();
    if (value === null || value === void 0) continue;
    const resource = value;
    if (typeof resource !== "object" || !resource.apiVersion || !resource.kind || !resource.metadata?.name)
      throw new UserError(
        `${full}: document ${index + 1} is not a Kubernetes resource (it needs apiVersion, kind and metadata.name)`,
        full
      );
    resources.push({
      ...resource,
      metadata: { ...resource.metadata, namespace: resource.metadata.namespace ?? input.namespace }
    });
  }
  if (resources.length === 0) throw new UserError(`${full}: the manifest holds no resource`, full);
  return resources;
}
async function manifestsFor(input) {
  if (input.options.manifest) return userManifest(input, input.options.manifest);
  return [input.kind === "spin" ? spinApp(input) : workloadDeployment(input)];
}

// src/k8s/port-forward.ts
import net from "node:net";
var SPIN_PORT = 80;
function targetOf(applied) {
  for (const resource of applied) {
    if (resource.apiVersion === SPINAPP_API && resource.kind === "SpinApp") {
      const status = resource.status;
      return { deployment: status?.deploymentName ?? resource.metadata.name, port: SPIN_PORT };
    }
    if (resource.apiVersion === "apps/v1" && resource.kind === "Deployment")
      return { deployment: resource.metadata.name };
  }
  const workload = applied.some(
    (r) => r.apiVersion === WORKLOAD_API && r.kind === "WorkloadDeployment"
  );
  throw new UserError(
    workload ? "deploy `kubernetes`: a WorkloadDeployment answers through the wasmCloud hosts by host name, not on a pod of its own: set `app-url` to where its HTTP interface is reachable (an ingress to the hosts) and `k8s-host` if the host name differs" : "deploy `kubernetes`: the manifest holds no SpinApp or Deployment to port-forward to: set `app-url` to where the app answers"
  );
}
async function pickPod(cluster, target, namespace) {
  const deployment = await apiCall(
    { verb: "get", resource: "deployments.apps", name: target.deployment, namespace },
    () => cluster.apps.readNamespacedDeployment({ name: target.deployment, namespace })
  );
  const labels = deployment.spec?.selector?.matchLabels ?? {};
  const labelSelector = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
  const pods = await apiCall(
    { verb: "list", resource: "pods", namespace },
    () => cluster.core.listNamespacedPod({ namespace, ...labelSelector ? { labelSelector } : {} })
  );
  const ready = pods.items.find(
    (pod) => !pod.metadata?.deletionTimestamp && (pod.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")
  );
  if (!ready?.metadata?.name)
    throw new UserError(
      `deploy \`kubernetes\`: Deployment "${target.deployment}" has no Ready pod to port-forward to`
    );
  const declared = deployment.spec?.template?.spec?.containers?.[0]?.ports?.[0]?.containerPort;
  return { pod: ready.metadata.name, port: target.port ?? declared ?? SPIN_PORT };
}
async function openPortForward(cluster, applied, namespace, logger) {
  const { pod, port } = await pickPod(cluster, targetOf(applied), namespace);
  const forward = new cluster.client.PortForward(cluster.config, true);
  const sockets = /* @__PURE__ */ new Set();
  const tunnels = /* @__PURE__ */ new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    forward.portForward(namespace, pod, [port], socket, null, socket).then((opened) => {
      const ws = typeof opened === "function" ? opened() : opened;
      if (!ws) return socket.destroy();
      tunnels.add(ws);
      ws.on("close", () => {
        tunnels.delete(ws);
        socket.end();
      });
      if (socket.destroyed) ws.close();
    }).catch((error) => {
      logger.warning(`port-forward to pod ${pod}: ${errorMessage(error).split("\n")[0]}`);
      socket.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  logger.info(
    `port-forward 127.0.0.1:${address.port} \u2192 pod ${pod}:${port} (namespace "${namespace}")`
  );
  let closing;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    pod,
    close: () => closing ??= new Promise((resolve) => {
      for (const tunnel of tunnels) tunnel.close();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    })
  };
}

// src/k8s/rollout.ts
function pollInterval(waitedMs) {
  return Math.min(2e3, Math.max(50, waitedMs * 0.02));
}
function describe(condition) {
  if (!condition) return "no condition reported yet";
  const reason = condition.reason ? ` (${condition.reason})` : "";
  const message = condition.message ? `: ${condition.message.replace(/\s+/g, " ").trim()}` : "";
  return `${condition.type}=${condition.status}${reason}${message}`;
}
function telling(conditions) {
  return conditions.find((c) => c.status !== "True") ?? conditions[conditions.length - 1];
}
async function until(wait, label, step) {
  const started = performance.now();
  let last = "";
  for (; ; ) {
    const now = await beforeDeadline(
      wait.deadline,
      step(),
      () => new UserError(
        `Kubernetes: ${label} did not roll out within ${wait.timeoutSeconds} s (the API server stopped answering; last: ${last || "nothing yet"})`
      )
    );
    if (now.done) return;
    if (now.waiting !== last) wait.logger.info(`${label}: ${now.waiting}`);
    last = now.waiting;
    if (performance.now() >= wait.deadline)
      throw new UserError(
        `Kubernetes: ${label} did not roll out within ${wait.timeoutSeconds} s (last: ${last})`
      );
    const pause = pollInterval(performance.now() - started);
    await new Promise(
      (resolve) => setTimeout(resolve, Math.min(pause, Math.max(0, wait.deadline - performance.now())))
    );
  }
}
var PULL_FAILURES = /* @__PURE__ */ new Set([
  "ErrImagePull",
  "ImagePullBackOff",
  "InvalidImageName",
  "ErrImageNeverPull",
  "RegistryUnavailable"
]);
async function pullFailure(cluster, deployment, namespace) {
  const images = new Set(deployment.spec?.template?.spec?.containers?.map((c) => c.image) ?? []);
  const labels = deployment.spec?.selector?.matchLabels ?? {};
  const labelSelector = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
  const pods = await apiCall(
    { verb: "list", resource: "pods", namespace },
    () => cluster.core.listNamespacedPod({ namespace, ...labelSelector ? { labelSelector } : {} })
  );
  for (const pod of pods.items) {
    const specImages = new Map(
      [...pod.spec?.initContainers ?? [], ...pod.spec?.containers ?? []].map((c) => [
        c.name,
        c.image
      ])
    );
    if (![...specImages.values()].some((image) => images.has(image))) continue;
    for (const container of [
      ...pod.status?.initContainerStatuses ?? [],
      ...pod.status?.containerStatuses ?? []
    ]) {
      const waiting = container.state?.waiting;
      if (waiting?.reason && PULL_FAILURES.has(waiting.reason)) {
        const message = waiting.message ? `: ${waiting.message.replace(/\s+/g, " ").trim()}` : "";
        const image = specImages.get(container.name) ?? container.image;
        return `pod ${pod.metadata?.name} cannot pull image ${image}: ${waiting.reason}${message}`;
      }
    }
  }
  return void 0;
}
function deploymentProgress(deployment, image) {
  const spec = deployment.spec;
  const status = deployment.status ?? {};
  const images = spec?.template?.spec?.containers?.map((c) => c.image) ?? [];
  if (image && !images.includes(image))
    return {
      done: false,
      waiting: `the Deployment still runs ${images.join(", ") || "no image"} (the previous revision)`
    };
  const generation = deployment.metadata?.generation ?? 0;
  if ((status.observedGeneration ?? 0) < generation)
    return {
      done: false,
      waiting: `the Deployment's controller has not seen generation ${generation} yet`
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
function stalled(deployment) {
  if ((deployment.status?.observedGeneration ?? 0) < (deployment.metadata?.generation ?? 0))
    return void 0;
  return (deployment.status?.conditions ?? []).find(
    (c) => c.type === "Progressing" && c.status === "False"
  );
}
async function readDeployment(cluster, name, namespace) {
  try {
    return await cluster.apps.readNamespacedDeployment({ name, namespace });
  } catch (error) {
    if (apiFailure(error)?.code === 404) return void 0;
    throw apiError(error, { verb: "get", resource: "deployments.apps", name, namespace });
  }
}
async function waitForDeployment(wait, label, name, image, before) {
  const namespace = wait.applied.metadata.namespace ?? "default";
  let lastCondition;
  await until(wait, label, async () => {
    const early = await before?.();
    if (early) return early;
    const deployment = await readDeployment(wait.cluster, name(), namespace);
    if (!deployment) return { done: false, waiting: `no Deployment "${name()}" yet` };
    const progress = deploymentProgress(deployment, image);
    if (progress.done) return progress;
    const conditions = deployment.status?.conditions ?? [];
    lastCondition = telling(conditions) ?? lastCondition;
    const stall = stalled(deployment);
    if (stall) throw new UserError(`Kubernetes: ${label} stalled: ${describe(stall)}`);
    const pull = await pullFailure(wait.cluster, deployment, namespace);
    if (pull)
      throw new UserError(`Kubernetes: ${label}: the cluster cannot run the new revision: ${pull}`);
    return { done: false, waiting: `${progress.waiting}; ${describe(lastCondition)}` };
  });
}
function waitForSpinApp(wait) {
  const name = wait.applied.metadata.name;
  const image = wait.applied.spec?.image;
  let deploymentName = name;
  const label = `SpinApp "${name}"`;
  return waitForDeployment(
    wait,
    label,
    () => deploymentName,
    image,
    async () => {
      const now = await read(wait.cluster, wait.applied);
      if (!now)
        throw new UserError(
          `Kubernetes: ${label} is gone from namespace "${wait.applied.metadata.namespace}" (deleted while rolling out?)`
        );
      const status = now.status;
      if (status?.deploymentName) deploymentName = status.deploymentName;
      return void 0;
    }
  );
}
function current(condition, generation, appliedAt) {
  if (typeof condition.observedGeneration === "number")
    return condition.observedGeneration >= generation;
  if (!condition.lastTransitionTime) return false;
  return new Date(condition.lastTransitionTime).getTime() >= Math.floor(appliedAt / 1e3) * 1e3;
}
function waitForWorkload(wait) {
  const name = wait.applied.metadata.name;
  const label = `WorkloadDeployment "${name}"`;
  const generation = Number(wait.applied.metadata.generation ?? 1);
  const expected = Number(wait.applied.spec?.replicas ?? 1);
  let lastCondition;
  return until(wait, label, async () => {
    const now = await read(wait.cluster, wait.applied);
    if (!now)
      throw new UserError(
        `Kubernetes: ${label} is gone from namespace "${wait.applied.metadata.namespace}" (deleted while rolling out?)`
      );
    const status = now.status ?? {};
    const conditions = status.conditions ?? [];
    lastCondition = telling(conditions) ?? lastCondition;
    const artifact = conditions.find((c) => c.type === "Artifact");
    if (artifact?.status === "False" && current(artifact, generation, wait.appliedAt)) {
      const image = now.spec?.template?.spec?.components?.map((c) => c.image).join(", ");
      throw new UserError(
        `Kubernetes: ${label}: the cluster cannot pull image ${image ?? "(unknown)"}: ${describe(artifact)}`
      );
    }
    const seen = status.observedGeneration === void 0 || status.observedGeneration >= generation;
    const ready = conditions.find((c) => c.type === "Ready");
    const readyReplicas = status.replicas?.ready ?? 0;
    if (ready?.status === "True" && !(seen && current(ready, generation, wait.appliedAt)))
      return {
        done: false,
        waiting: `Ready=True is still the previous revision's; ${describe(lastCondition)}`
      };
    if (ready?.status === "True" && readyReplicas >= expected) return { done: true };
    return {
      done: false,
      waiting: `${readyReplicas} of ${expected} replicas ready; ${describe(lastCondition)}`
    };
  });
}
async function waitForRollout(wait) {
  const { apiVersion, kind } = wait.applied;
  if (apiVersion === SPINAPP_API && kind === "SpinApp") await waitForSpinApp(wait);
  else if (apiVersion === WORKLOAD_API && kind === "WorkloadDeployment")
    await waitForWorkload(wait);
  else if (apiVersion === "apps/v1" && kind === "Deployment") {
    const name = wait.applied.metadata.name;
    await waitForDeployment(wait, `Deployment "${name}"`, () => name, void 0);
  } else return false;
  return true;
}

// src/k8s/deploy.ts
async function rollOut(run) {
  const { cluster, namespace, deadline, logger } = run;
  const resources = await manifestsFor({
    kind: run.kind,
    appName: run.appName,
    projectDir: run.projectDir,
    namespace,
    image: run.image,
    healthPath: run.healthPath,
    options: run.options
  });
  const late = (what) => () => new UserError(
    `Kubernetes: the API server did not answer within ${run.timeoutSeconds} s to ${what}`
  );
  if (run.createNamespace)
    await beforeDeadline(
      deadline,
      ensureNamespace(cluster, namespace),
      late(`create namespace "${namespace}"`)
    );
  const appliedAt = Date.now();
  const applyStarted = performance.now();
  const applied = [];
  for (const resource of resources) {
    const stored = await beforeDeadline(
      deadline,
      apply(cluster, resource),
      late(`apply ${resource.kind} "${resource.metadata.name}"`)
    );
    logger.info(
      `applied ${resource.kind} "${resource.metadata.name}" in namespace "${resource.metadata.namespace ?? namespace}" (generation ${String(stored.metadata?.generation ?? "?")})`
    );
    applied.push({
      ...resource,
      ...stored,
      metadata: { ...resource.metadata, ...stored.metadata }
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
      logger
    });
    if (waited) followed++;
  }
  if (followed === 0)
    logger.warning(
      "deploy `kubernetes`: the manifest holds no SpinApp, WorkloadDeployment or Deployment to follow; only the HTTP check tells when the new version runs"
    );
  const rolloutSeconds = (performance.now() - applyStarted) / 1e3;
  logger.info(`rolled out in ${rolloutSeconds.toFixed(3)} s`);
  if (run.options.appUrl) return { rolloutSeconds, url: run.options.appUrl };
  const forward = await openPortForward(cluster, applied, namespace, logger);
  return { rolloutSeconds, url: forward.url, forward };
}
export {
  rollOut
};
//# sourceMappingURL=deploy-IH5WISTY.js.map
