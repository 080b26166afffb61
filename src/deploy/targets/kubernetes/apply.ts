import { UserError } from '../../../errors.js';
import type { Cluster } from './cluster.js';
import { beforeDeadline } from './deadline.js';
import { apiCall, apiFailure, apiError, missingCrdError } from './api-errors.js';
import type { Resource } from './manifests.js';

/** Who owns the fields spinwash sets (server-side apply's `fieldManager`). */
export const FIELD_MANAGER = 'spinwash';

/** The RBAC name of a kind: `spinapps.core.spinkube.dev`, `namespaces`. */
export async function rbacResource(
  cluster: Cluster,
  apiVersion: string,
  kind: string,
): Promise<string> {
  let found: { name: string } | undefined;
  try {
    // discovery: GET /apis/<group>/<version>, a 404 when no CRD serves that group version
    // (`resource` is protected in the typings, public at run time: patch and read call it too)
    const discovery = cluster.objects as unknown as {
      resource(apiVersion: string, kind: string): Promise<{ name: string } | undefined>;
    };
    found = await discovery.resource(apiVersion, kind);
  } catch (error) {
    if (apiFailure(error)?.code === 404) throw missingCrdError(apiVersion, kind);
    throw apiError(error, { verb: 'get', resource: `the API ${apiVersion}` });
  }
  if (!found) throw missingCrdError(apiVersion, kind);
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${found.name}.${group}` : found.name;
}

/**
 * Server-side apply (`PATCH`, `application/apply-patch+yaml`, `fieldManager=spinwash`,
 * `force=true`): creates the resource or updates the fields spinwash owns. Returns the
 * object as the API server stored it (its `metadata.generation` is the revision to wait for).
 */
export async function apply(cluster: Cluster, resource: Resource): Promise<Resource> {
  const plural = await rbacResource(cluster, resource.apiVersion, resource.kind);
  const { name, namespace } = resource.metadata;
  return apiCall(
    { verb: 'patch', resource: plural, name, ...(namespace ? { namespace } : {}) },
    async () =>
      (await cluster.objects.patch(
        structuredClone(resource),
        undefined,
        undefined,
        FIELD_MANAGER,
        true,
        cluster.client.PatchStrategy.ServerSideApply,
      )) as unknown as Resource,
  );
}

/** Reads a resource back; undefined when it is not there (404). */
export async function read(cluster: Cluster, resource: Resource): Promise<Resource | undefined> {
  const plural = await rbacResource(cluster, resource.apiVersion, resource.kind);
  const { name, namespace } = resource.metadata;
  try {
    return (await cluster.objects.read({
      apiVersion: resource.apiVersion,
      kind: resource.kind,
      metadata: { name, ...(namespace ? { namespace } : {}) },
    })) as unknown as Resource;
  } catch (error) {
    if (apiFailure(error)?.code === 404) return undefined;
    throw apiError(error, {
      verb: 'get',
      resource: plural,
      name,
      ...(namespace ? { namespace } : {}),
    });
  }
}

function namespaceResource(name: string): Resource {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'spinwash' } },
  };
}

/** Creates the namespace (a preview's own), or keeps it as it is. */
export async function ensureNamespace(cluster: Cluster, name: string): Promise<void> {
  await apply(cluster, namespaceResource(name));
}

/**
 * Deletes a namespace and everything in it, and resolves once the API server no longer has
 * it (a namespace is `Terminating` while its contents go). A namespace already gone is fine.
 */
export async function deleteNamespace(
  cluster: Cluster,
  name: string,
  timeoutSeconds: number,
): Promise<void> {
  const spec = namespaceResource(name);
  const deadline = performance.now() + timeoutSeconds * 1000;
  const late = () =>
    new UserError(
      `Kubernetes: the API server did not answer within ${timeoutSeconds} s while deleting namespace "${name}"`,
    );
  const bounded = <T>(call: Promise<T>): Promise<T> =>
    beforeDeadline(deadline, call, late, cluster.abort);
  try {
    await bounded(
      cluster.objects.delete(spec, undefined, undefined, undefined, undefined, 'Foreground'),
    );
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (apiFailure(error)?.code !== 404)
      throw apiError(error, { verb: 'delete', resource: 'namespaces', name });
  }
  let phase = 'Terminating';
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    const left = await bounded(read(cluster, spec));
    if (!left) return;
    phase = String((left.status as { phase?: string } | undefined)?.phase ?? phase);
    if (performance.now() > deadline)
      throw new UserError(
        `Kubernetes did not delete namespace "${name}" within ${timeoutSeconds} s (it is still ${phase})`,
      );
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
