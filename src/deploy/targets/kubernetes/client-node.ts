/**
 * The parts of @kubernetes/client-node spinwash uses, imported by name: loaded lazily by
 * cluster.ts, and in the bundle only these (and what they reach) are kept, not every API
 * group's client.
 */
export {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  PortForward,
} from '@kubernetes/client-node';
