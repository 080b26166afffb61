import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/k8s/errors.ts
function apiFailure(error) {
  if (typeof error !== "object" || error === null) return void 0;
  const { code, body } = error;
  if (typeof code !== "number") return void 0;
  let status = {};
  const parsed = typeof body === "string" ? parseJson(body) : body;
  if (typeof parsed === "object" && parsed !== null) status = parsed;
  return { code, status };
}
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text.trim() === "" ? void 0 : { message: text };
  }
}
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}\u2026` : flat;
}
function where(call) {
  const name = call.name ? ` "${call.name}"` : "";
  return `${call.resource}${name}${call.namespace ? ` in namespace "${call.namespace}"` : ""}`;
}
function apiError(error, call) {
  const failure = apiFailure(error);
  if (!failure) {
    return new UserError(
      `Kubernetes: could not ${call.verb} ${where(call)}: ${oneLine(errorMessage(error).split("\n")[0] ?? "")}`
    );
  }
  const { code, status } = failure;
  const message = status.message ? `: ${oneLine(status.message)}` : "";
  if (code === 403) {
    return new UserError(
      `Kubernetes RBAC forbids spinwash to ${call.verb} ${call.resource}${call.namespace ? ` in namespace "${call.namespace}"` : ""} (grant the kubeconfig's user the \`${call.verb}\` verb on \`${call.resource}\`)${message}`
    );
  }
  if (code === 401) {
    return new UserError(
      `Kubernetes did not accept the kubeconfig's credentials (HTTP 401 Unauthorized) to ${call.verb} ${where(call)}`
    );
  }
  return new UserError(
    `Kubernetes could not ${call.verb} ${where(call)}: HTTP ${code} ${status.reason ?? ""}${message}`.replace(
      / +:/,
      ":"
    )
  );
}
async function apiCall(call, run) {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw apiError(error, call);
  }
}
var OPERATORS = {
  "core.spinkube.dev": "SpinKube's spin-operator (with its CRDs, the containerd-shim-spin runtime class and cert-manager; see spinkube.dev)",
  "runtime.wasmcloud.dev": "wasmCloud's runtime-operator (wasmCloud 2's Helm chart; see wasmcloud.com)"
};
function missingCrdError(apiVersion, kind) {
  const group = apiVersion.split("/")[0] ?? apiVersion;
  const operator = OPERATORS[group];
  return new UserError(
    `Kubernetes does not know ${kind} (${apiVersion}): the cluster has no such custom resource definition` + (operator ? `; install ${operator}` : "; install the operator that defines it")
  );
}

// src/k8s/apply.ts
var FIELD_MANAGER = "spinwash";
async function rbacResource(cluster, apiVersion, kind) {
  let found;
  try {
    const discovery = cluster.objects;
    found = await discovery.resource(apiVersion, kind);
  } catch (error) {
    if (apiFailure(error)?.code === 404) throw missingCrdError(apiVersion, kind);
    throw apiError(error, { verb: "get", resource: `the API ${apiVersion}` });
  }
  if (!found) throw missingCrdError(apiVersion, kind);
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  return group ? `${found.name}.${group}` : found.name;
}
async function apply(cluster, resource) {
  const plural = await rbacResource(cluster, resource.apiVersion, resource.kind);
  const { name, namespace } = resource.metadata;
  return apiCall(
    { verb: "patch", resource: plural, name, ...namespace ? { namespace } : {} },
    async () => await cluster.objects.patch(
      structuredClone(resource),
      void 0,
      void 0,
      FIELD_MANAGER,
      true,
      cluster.client.PatchStrategy.ServerSideApply
    )
  );
}
async function read(cluster, resource) {
  const plural = await rbacResource(cluster, resource.apiVersion, resource.kind);
  const { name, namespace } = resource.metadata;
  try {
    return await cluster.objects.read({
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      metadata: { name, ...namespace ? { namespace } : {} }
    });
  } catch (error) {
    if (apiFailure(error)?.code === 404) return void 0;
    throw apiError(error, {
      verb: "get",
      resource: plural,
      name,
      ...namespace ? { namespace } : {}
    });
  }
}
function namespaceResource(name) {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "app.kubernetes.io/managed-by": "spinwash" } }
  };
}
async function ensureNamespace(cluster, name) {
  await apply(cluster, namespaceResource(name));
}
async function deleteNamespace(cluster, name, timeoutSeconds) {
  const spec = namespaceResource(name);
  try {
    await cluster.objects.delete(spec, void 0, void 0, void 0, void 0, "Foreground");
  } catch (error) {
    if (apiFailure(error)?.code !== 404)
      throw apiError(error, { verb: "delete", resource: "namespaces", name });
  }
  const deadline = performance.now() + timeoutSeconds * 1e3;
  let phase = "Terminating";
  for (let wait = 50; ; wait = Math.min(wait * 2, 1e3)) {
    const left = await read(cluster, spec);
    if (!left) return;
    phase = String(left.status?.phase ?? phase);
    if (performance.now() > deadline)
      throw new UserError(
        `Kubernetes did not delete namespace "${name}" within ${timeoutSeconds} s (it is still ${phase})`
      );
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

export {
  apiFailure,
  apiError,
  apiCall,
  FIELD_MANAGER,
  rbacResource,
  apply,
  read,
  ensureNamespace,
  deleteNamespace
};
//# sourceMappingURL=chunk-KZCUOSGR.js.map
