import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { errorMessage, UserError } from '../../../errors.js';
import type { ProjectKind } from '../../../projects/project.js';
import type { K8sOptions } from './options.js';

/** A resource as spinwash applies it (plain JSON; the API server is the judge of the rest). */
export interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

export const SPINAPP_API = 'core.spinkube.dev/v1alpha1';
export const WORKLOAD_API = 'runtime.wasmcloud.dev/v1alpha1';

const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'spinwash' };

/** An app name as a Kubernetes resource name (RFC 1123: lower-case, digits, `-`, ≤ 63). */
export function resourceName(appName: string): string {
  const name = appName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return name || 'app';
}

export interface ManifestInput {
  readonly kind: ProjectKind;
  readonly appName: string;
  readonly projectDir: string;
  readonly namespace: string;
  /** The pushed image, pinned: `ref@sha256:…`. */
  readonly image: string;
  readonly healthPath: string;
  readonly options: K8sOptions;
}

/** SpinKube's SpinApp for the pushed image, with an HTTP readiness check on the health path. */
export function spinApp(input: ManifestInput): Resource {
  return {
    apiVersion: SPINAPP_API,
    kind: 'SpinApp',
    metadata: { name: resourceName(input.appName), namespace: input.namespace, labels: MANAGED_BY },
    spec: {
      image: input.image,
      executor: 'containerd-shim-spin',
      replicas: input.options.replicas,
      ...(input.options.variables.length > 0
        ? { variables: input.options.variables.map((v) => ({ name: v.name, value: v.value })) }
        : {}),
      checks: { readiness: { httpGet: { path: input.healthPath } } },
    },
  };
}

/** The host a WorkloadDeployment's HTTP interface answers for: the input, the app URL's, else localhost. */
function workloadHost(options: K8sOptions): string {
  if (options.host) return options.host;
  return options.appUrl ? new URL(options.appUrl).hostname : 'localhost';
}

/** wasmCloud 2's WorkloadDeployment running the pushed component behind wasi:http. */
export function workloadDeployment(input: ManifestInput): Resource {
  const name = resourceName(input.appName);
  return {
    apiVersion: WORKLOAD_API,
    kind: 'WorkloadDeployment',
    metadata: { name, namespace: input.namespace, labels: MANAGED_BY },
    spec: {
      replicas: input.options.replicas,
      template: {
        spec: {
          components: [{ name, image: input.image }],
          hostInterfaces: [
            {
              namespace: 'wasi',
              package: 'http',
              interfaces: ['incoming-handler'],
              config: { host: workloadHost(input.options) },
            },
          ],
        },
      },
    },
  };
}

/**
 * The user's own manifest (`k8s-manifest`): every YAML document in it, `${image}` replaced,
 * put into the namespace unless a document names its own.
 */
export async function userManifest(input: ManifestInput, file: string): Promise<Resource[]> {
  const full = path.resolve(input.projectDir, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    throw new UserError(
      `Input \`k8s-manifest\` has the value "${file}": cannot read ${full} (${errorMessage(error)})`,
      full,
    );
  }
  // without it the rollout would run whatever image the file names, and report the push as deployed
  if (!text.includes('${image}'))
    throw new UserError(
      `Input \`k8s-manifest\` has the value "${file}": ${full} holds no \`\${image}\`, so the image spinwash pushes would not be what rolls out; write \`image: \${image}\` where the app's image goes`,
      full,
    );
  const documents = parseAllDocuments(text.replaceAll('${image}', input.image));
  const resources: Resource[] = [];
  for (const [index, document] of (Array.isArray(documents) ? documents : [documents]).entries()) {
    if (document.errors.length > 0)
      throw new UserError(
        `${full}: not valid YAML (document ${index + 1}): ${document.errors[0]?.message.split('\n')[0]}`,
        full,
      );
    const value = document.toJS() as unknown;
    if (value === null || value === undefined) continue;
    const resource = value as Partial<Resource>;
    if (
      typeof resource !== 'object' ||
      !resource.apiVersion ||
      !resource.kind ||
      !resource.metadata?.name
    )
      throw new UserError(
        `${full}: document ${index + 1} is not a Kubernetes resource (it needs apiVersion, kind and metadata.name)`,
        full,
      );
    resources.push({
      ...resource,
      metadata: { ...resource.metadata, namespace: resource.metadata.namespace ?? input.namespace },
    } as Resource);
  }
  if (resources.length === 0) throw new UserError(`${full}: the manifest holds no resource`, full);
  return resources;
}

/** What spinwash applies: the user's manifest, else the resource the project kind runs as. */
export async function manifestsFor(input: ManifestInput): Promise<Resource[]> {
  if (input.options.manifest) return userManifest(input, input.options.manifest);
  return [input.kind === 'spin' ? spinApp(input) : workloadDeployment(input)];
}
