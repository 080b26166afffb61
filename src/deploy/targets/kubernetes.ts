import type { K8sOptions } from '../../k8s/options.js';
import { K8S_INPUTS, parseK8sOptions } from '../../k8s/options.js';
import { OCI_INPUTS, parseOciOptions, pushApp, type OciOptions } from '../../oci/push.js';
import { snapshotBeforeDeploy } from '../readiness.js';
import type { DeployRequest, Deployment, DeployTarget } from '../target.js';

export type KubernetesOptions = OciOptions & K8sOptions;

/**
 * Kubernetes: push the app to an OCI registry (as `deploy: oci`), then roll it out with
 * @kubernetes/client-node — a SpinApp (SpinKube) for Spin apps, a WorkloadDeployment
 * (wasmCloud 2) for components, or the user's manifest — by server-side apply, wait for the
 * new revision and prove it answers. The heavy parts live in src/k8s/ and load on first use.
 */
export const kubernetesTarget: DeployTarget<KubernetesOptions> = {
  name: 'kubernetes',
  summary:
    '`kubernetes` pushes to `oci-reference` and rolls out a SpinApp (SpinKube) or WorkloadDeployment (wasmCloud 2) with the kubeconfig',
  inputs: { ...OCI_INPUTS, ...K8S_INPUTS },
  parseOptions: (read) => ({ ...parseOciOptions(read), ...parseK8sOptions(read) }),
  deploy: deployKubernetes,
  undeploy: undeployKubernetes,
};

async function deployKubernetes(request: DeployRequest<KubernetesOptions>): Promise<Deployment> {
  const { connect } = await import('../../k8s/cluster.js');
  const { rollOut } = await import('../../k8s/deploy.js');
  const before = await snapshotBeforeDeploy(request.options.appUrl);
  // the cluster is read before the push: a missing kubeconfig fails before anything is uploaded
  const cluster = await connect();
  const startedAt = performance.now();
  const pushed = await pushApp(request);
  request.logger.info(
    `pushed ${pushed.image} (${pushed.pushedBytes} B) in ${pushed.pushSeconds.toFixed(2)} s`,
  );
  const rollout = await rollOut({ cluster, request, pushed, startedAt, before });
  return {
    // readySeconds runs from the push's start: push, rollout and the first healthy answer
    report: {
      ...rollout.report,
      image: pushed.image,
      pushedBytes: pushed.pushedBytes,
      pushSeconds: pushed.pushSeconds,
    },
    stop: () => rollout.stop(),
  };
}

/** Deletes a preview's namespace (and with it the app), once the API server confirms it is gone. */
async function undeployKubernetes(request: DeployRequest<KubernetesOptions>): Promise<void> {
  if (!request.preview) {
    request.logger.warning(
      'deploy `kubernetes`: undeploy deletes only a preview (`<app>-pr-<N>`); the app in `k8s-namespace` stays',
    );
    return;
  }
  const { connect } = await import('../../k8s/cluster.js');
  const { deleteNamespace } = await import('../../k8s/apply.js');
  const cluster = await connect();
  await deleteNamespace(cluster, request.preview.name, request.timeoutSeconds);
  request.logger.info(`deleted namespace "${request.preview.name}"`);
}
