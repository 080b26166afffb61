import net from 'node:net';
import type { V1Pod } from '@kubernetes/client-node';
import { errorMessage, UserError } from '../../../errors.js';
import type { Logger } from '../../../log.js';
import type { Cluster } from './cluster.js';
import { apiCall } from './api-errors.js';
import { SPINAPP_API, WORKLOAD_API, type Resource } from './manifests.js';

/**
 * A port-forward spinwash opens itself when no `app-url` is given, as `kubectl port-forward`
 * does: a listener on 127.0.0.1 whose every connection is tunnelled to a pod's port over the
 * API server's websocket `portforward` subresource (client-node's PortForward).
 */
export interface PortForwardHandle {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly pod: string;
  /** Closes the listener and every tunnel. Safe to call twice. */
  close(): Promise<void>;
}

/** Where SpinKube's pods serve the app (the spin container's `http-app` port). */
const SPIN_PORT = 80;

interface Target {
  readonly deployment: string;
  readonly port?: number;
}

function targetOf(applied: readonly Resource[]): Target {
  for (const resource of applied) {
    if (resource.apiVersion === SPINAPP_API && resource.kind === 'SpinApp') {
      const status = resource.status as { deploymentName?: string } | undefined;
      return { deployment: status?.deploymentName ?? resource.metadata.name, port: SPIN_PORT };
    }
    if (resource.apiVersion === 'apps/v1' && resource.kind === 'Deployment')
      return { deployment: resource.metadata.name };
  }
  const workload = applied.some(
    (r) => r.apiVersion === WORKLOAD_API && r.kind === 'WorkloadDeployment',
  );
  throw new UserError(
    workload
      ? 'deploy `kubernetes`: a WorkloadDeployment answers through the wasmCloud hosts by host name, not on a pod of its own: set `app-url` to where its HTTP interface is reachable (an ingress to the hosts) and `k8s-host` if the host name differs'
      : 'deploy `kubernetes`: the manifest holds no SpinApp or Deployment to port-forward to: set `app-url` to where the app answers',
  );
}

/** A Ready pod of the Deployment (its selector), and the port to reach it on. */
async function pickPod(
  cluster: Cluster,
  target: Target,
  namespace: string,
): Promise<{ pod: string; port: number }> {
  const deployment = await apiCall(
    { verb: 'get', resource: 'deployments.apps', name: target.deployment, namespace },
    () => cluster.apps.readNamespacedDeployment({ name: target.deployment, namespace }),
  );
  const labels = deployment.spec?.selector?.matchLabels ?? {};
  const labelSelector = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = await apiCall({ verb: 'list', resource: 'pods', namespace }, () =>
    cluster.core.listNamespacedPod({ namespace, ...(labelSelector ? { labelSelector } : {}) }),
  );
  const ready = (pods.items as V1Pod[]).find(
    (pod) =>
      !pod.metadata?.deletionTimestamp &&
      (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
  );
  if (!ready?.metadata?.name)
    throw new UserError(
      `deploy \`kubernetes\`: Deployment "${target.deployment}" has no Ready pod to port-forward to`,
    );
  const declared = deployment.spec?.template?.spec?.containers?.[0]?.ports?.[0]?.containerPort;
  return { pod: ready.metadata.name, port: target.port ?? declared ?? SPIN_PORT };
}

export async function openPortForward(
  cluster: Cluster,
  applied: readonly Resource[],
  namespace: string,
  logger: Logger,
): Promise<PortForwardHandle> {
  const { pod, port } = await pickPod(cluster, targetOf(applied), namespace);
  const forward = new cluster.client.PortForward(cluster.config, true);
  const sockets = new Set<net.Socket>();
  const tunnels = new Set<{ close(): void }>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    forward
      .portForward(namespace, pod, [port], socket, null, socket)
      .then((opened) => {
        const ws = typeof opened === 'function' ? opened() : opened;
        if (!ws) return socket.destroy();
        tunnels.add(ws);
        // the pod (or the API server) hung up: so does the local connection
        ws.on('close', () => {
          tunnels.delete(ws);
          socket.end();
        });
        if (socket.destroyed) ws.close();
      })
      .catch((error: unknown) => {
        logger.warning(`port-forward to pod ${pod}: ${errorMessage(error).split('\n')[0]}`);
        socket.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  logger.info(
    `port-forward 127.0.0.1:${address.port} → pod ${pod}:${port} (namespace "${namespace}")`,
  );
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    pod,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const tunnel of tunnels) tunnel.close();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      })),
  };
}
