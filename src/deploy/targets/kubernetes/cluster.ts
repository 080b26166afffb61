import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import { errorMessage, UserError } from '../../../errors.js';

/**
 * The cluster spinwash talks to, as `kubectl` would find it: the files in `KUBECONFIG`, else
 * `~/.kube/config`, else the pod's service account (in-cluster). @kubernetes/client-node is
 * loaded here, on first use only (it is heavy, and most runs never deploy to Kubernetes).
 */
export interface Cluster {
  readonly config: KubeConfig;
  /** The API server's URL (no credentials: a kubeconfig's server is a plain URL). */
  readonly server: string;
  readonly objects: KubernetesObjectApi;
  readonly apps: AppsV1Api;
  readonly core: CoreV1Api;
  /** The client-node classes spinwash uses (PortForward, PatchStrategy …). */
  readonly client: typeof import('./client-node.js');
  /**
   * Aborts every request of this cluster under way, and every later one: called at the
   * deploy's deadline, so a request the API server never answers is closed, not left open
   * holding the process (client-node's requests have no timeout of their own).
   */
  abort(): void;
}

/** Where a kubeconfig can come from; undefined when none is there. */
function kubeconfigSource(env: NodeJS.ProcessEnv): string | undefined {
  if (env.KUBECONFIG) return `KUBECONFIG (${env.KUBECONFIG})`;
  const home = path.join(homedir(), '.kube', 'config');
  if (existsSync(home)) return home;
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT)
    return 'the in-cluster service account';
  return undefined;
}

export async function connect(): Promise<Cluster> {
  const source = kubeconfigSource(process.env);
  if (!source) {
    throw new UserError(
      'deploy `kubernetes` found no cluster: set KUBECONFIG to a kubeconfig file, write ~/.kube/config, or run inside a cluster (e.g. a step before this one: `echo "$KUBECONFIG_DATA" > $RUNNER_TEMP/kubeconfig`)',
    );
  }
  const client = await import('./client-node.js');
  const config = new client.KubeConfig();
  try {
    config.loadFromDefault();
  } catch (error) {
    throw new UserError(
      `deploy \`kubernetes\`: cannot read the kubeconfig from ${source}: ${errorMessage(error).split('\n')[0]}`,
    );
  }
  const cluster = config.getCurrentCluster();
  if (!cluster) {
    throw new UserError(
      `deploy \`kubernetes\`: the kubeconfig from ${source} names no cluster for its current context "${config.getCurrentContext()}"`,
    );
  }
  // Every request carries the cluster's signal. The kubeconfig is the API clients' auth method:
  // client-node (1.x with node-fetch, 2.x with undici, the typed APIs and KubernetesObjectApi
  // alike) calls its applySecurityAuthentication with each request's RequestContext, whose
  // signal the fetch honours. Set there, it reaches every client made from this kubeconfig.
  const controller = new AbortController();
  const authenticate = config.applySecurityAuthentication.bind(config);
  config.applySecurityAuthentication = async (context) => {
    await authenticate(context);
    context.setSignal(controller.signal);
  };
  return {
    config,
    server: cluster.server,
    abort: () => controller.abort(),
    objects: client.KubernetesObjectApi.makeApiClient(config),
    apps: config.makeApiClient(client.AppsV1Api),
    core: config.makeApiClient(client.CoreV1Api),
    client,
  };
}
