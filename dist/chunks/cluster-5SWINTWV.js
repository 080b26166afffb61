import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/k8s/cluster.ts
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
function kubeconfigSource(env) {
  if (env.KUBECONFIG) return `KUBECONFIG (${env.KUBECONFIG})`;
  const home = path.join(homedir(), ".kube", "config");
  if (existsSync(home)) return home;
  if (env.KUBERNETES_SERVICE_HOST && env.KUBERNETES_SERVICE_PORT)
    return "the in-cluster service account";
  return void 0;
}
async function connect() {
  const source = kubeconfigSource(process.env);
  if (!source) {
    throw new UserError(
      'deploy `kubernetes` found no cluster: set KUBECONFIG to a kubeconfig file, write ~/.kube/config, or run inside a cluster (e.g. a step before this one: `echo "$KUBECONFIG_DATA" > $RUNNER_TEMP/kubeconfig`)'
    );
  }
  const client = await import("./dist-WFFHNS4P.js");
  const config = new client.KubeConfig();
  try {
    config.loadFromDefault();
  } catch (error) {
    throw new UserError(
      `deploy \`kubernetes\`: cannot read the kubeconfig from ${source}: ${errorMessage(error).split("\n")[0]}`
    );
  }
  const cluster = config.getCurrentCluster();
  if (!cluster) {
    throw new UserError(
      `deploy \`kubernetes\`: the kubeconfig from ${source} names no cluster for its current context "${config.getCurrentContext()}"`
    );
  }
  return {
    config,
    server: cluster.server,
    objects: client.KubernetesObjectApi.makeApiClient(config),
    apps: config.makeApiClient(client.AppsV1Api),
    core: config.makeApiClient(client.CoreV1Api),
    client
  };
}
export {
  connect
};
//# sourceMappingURL=cluster-5SWINTWV.js.map
