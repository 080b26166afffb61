import { errorMessage, UserError } from '../../../errors.js';

/**
 * client-node throws `ApiException`s whose message is a multi-line dump (`HTTP-Code: 404
 * Message: … Body: {…} Headers: {…}`). These turn one into a single line a user can act on,
 * from the `Status` object the API server sent (`reason`, `code`, `message`).
 */

/** What spinwash was doing when the API server answered: named in the error. */
export interface ApiCall {
  /** The RBAC verb: `patch`, `get`, `list`, `delete`. */
  readonly verb: string;
  /** The resource as RBAC names it: `spinapps.core.spinkube.dev`, `deployments.apps`, `pods`. */
  readonly resource: string;
  readonly namespace?: string;
  readonly name?: string;
}

/** A Kubernetes `Status` object, as the API server sends with an error. */
export interface ApiStatus {
  readonly code?: number;
  readonly reason?: string;
  readonly message?: string;
}

/** The HTTP code and Status of an error thrown by client-node; undefined for anything else. */
export function apiFailure(error: unknown): { code: number; status: ApiStatus } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, body } = error as { code?: unknown; body?: unknown };
  if (typeof code !== 'number') return undefined;
  let status: ApiStatus = {};
  const parsed = typeof body === 'string' ? parseJson(body) : body;
  if (typeof parsed === 'object' && parsed !== null) status = parsed as ApiStatus;
  return { code, status };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.trim() === '' ? undefined : { message: text };
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

function where(call: ApiCall): string {
  const name = call.name ? ` "${call.name}"` : '';
  return `${call.resource}${name}${call.namespace ? ` in namespace "${call.namespace}"` : ''}`;
}

/** One line for a failed API call: RBAC, a missing namespace, the server's own message. */
export function apiError(error: unknown, call: ApiCall): UserError {
  const failure = apiFailure(error);
  if (!failure) {
    // a connection error: the kubeconfig's server is not reachable or its certificate is wrong
    // (undici's fetch, under client-node 2, says only "fetch failed": the reason is its cause)
    const cause =
      error instanceof Error && error.cause !== undefined ? ` (${errorMessage(error.cause)})` : '';
    return new UserError(
      `Kubernetes: could not ${call.verb} ${where(call)}: ${oneLine(`${errorMessage(error).split('\n')[0] ?? ''}${cause}`)}`,
    );
  }
  const { code, status } = failure;
  const message = status.message ? `: ${oneLine(status.message)}` : '';
  if (code === 403) {
    return new UserError(
      `Kubernetes RBAC forbids spinwash to ${call.verb} ${call.resource}${call.namespace ? ` in namespace "${call.namespace}"` : ''} ` +
        `(grant the kubeconfig's user the \`${call.verb}\` verb on \`${call.resource}\`)${message}`,
    );
  }
  if (code === 401) {
    return new UserError(
      `Kubernetes did not accept the kubeconfig's credentials (HTTP 401 Unauthorized) to ${call.verb} ${where(call)}`,
    );
  }
  return new UserError(
    `Kubernetes could not ${call.verb} ${where(call)}: HTTP ${code} ${status.reason ?? ''}${message}`.replace(
      / +:/,
      ':',
    ),
  );
}

/** Runs one API call and turns its failure into one line naming what was asked. */
export async function apiCall<T>(call: ApiCall, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw apiError(error, call);
  }
}

/** The operator that installs a custom resource's CRD, named when the CRD is missing. */
const OPERATORS: Readonly<Record<string, string>> = {
  'core.spinkube.dev':
    "SpinKube's spin-operator (with its CRDs, the containerd-shim-spin runtime class and cert-manager; see spinkube.dev)",
  'runtime.wasmcloud.dev':
    "wasmCloud's runtime-operator (wasmCloud 2's Helm chart; see wasmcloud.com)",
};

/** The CRD of `kind` in `apiVersion` is not installed in the cluster. */
export function missingCrdError(apiVersion: string, kind: string): UserError {
  const group = apiVersion.split('/')[0] ?? apiVersion;
  const operator = OPERATORS[group];
  return new UserError(
    `Kubernetes does not know ${kind} (${apiVersion}): the cluster has no such custom resource definition` +
      (operator ? `; install ${operator}` : '; install the operator that defines it'),
  );
}
