import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  spinOperator,
  wasmcloudOperator,
  type ClusterState,
  type Json,
  type K8sFault,
  type Obj,
} from './k8s-operators.js';
import { afterAtLeast } from './timers.js';
import { acceptWebSocket } from './websocket.js';

/**
 * A stand-in for a Kubernetes API server on 127.0.0.1, for tests with the real
 * @kubernetes/client-node: HTTPS with a throwaway CA (written into a kubeconfig as
 * `certificate-authority-data`, as real clusters do) and a bearer token; discovery
 * (`/api/v1`, `/apis/<group>/<version>`); server-side apply `PATCH` (creates or updates, bumps
 * `metadata.generation` when the spec changes); `GET` of the objects, the Deployment and its
 * pods; namespaces applied and deleted (`Terminating`, then gone); `Status` error objects; and
 * the websocket `portforward` subresource of a pod. Two controllers play the operators:
 * SpinKube's (a SpinApp makes a Deployment that rolls its pods over) and wasmCloud's runtime
 * operator (a WorkloadDeployment's conditions), each finishing the rollout `rolloutDelayMs`
 * after the apply, or never, for the fault a test switches on. An "ingress" (plain HTTP)
 * answers with whatever revision last finished rolling out — the old one until then.
 */

export type { K8sFault } from './k8s-operators.js';

export interface K8sRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly contentType?: string;
  readonly authorization?: string;
}

interface ResourceType {
  readonly name: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

const RESOURCES: Readonly<Record<string, readonly ResourceType[]>> = {
  v1: [
    { name: 'namespaces', kind: 'Namespace', namespaced: false },
    { name: 'pods', kind: 'Pod', namespaced: true },
  ],
  'apps/v1': [{ name: 'deployments', kind: 'Deployment', namespaced: true }],
  'core.spinkube.dev/v1alpha1': [{ name: 'spinapps', kind: 'SpinApp', namespaced: true }],
  'runtime.wasmcloud.dev/v1alpha1': [
    { name: 'workloaddeployments', kind: 'WorkloadDeployment', namespaced: true },
  ],
};
const CUSTOM_GROUPS = new Set(['core.spinkube.dev/v1alpha1', 'runtime.wasmcloud.dev/v1alpha1']);

/** The service account a CI job deploys with (named in the Forbidden message, as RBAC does). */
export const CI_USER = 'system:serviceaccount:ci:deployer';

export interface K8sStandIn {
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /** A kubeconfig naming the server, its CA and the bearer token. */
  readonly kubeconfig: string;
  /** The bearer token in the kubeconfig (a credential: it must never show up in output). */
  readonly token: string;
  /** The ingress, http://127.0.0.1:<port>/: answers as the last revision that finished rolling out. */
  readonly appUrl: string;
  readonly requests: K8sRequest[];
  fault: K8sFault | undefined;
  rolloutDelayMs: number;
  /** performance.now() when the last rollout finished (the ingress switched). */
  readonly rolledOutAt: number | undefined;
  /** The stored object at an API path (`/apis/apps/v1/namespaces/default/deployments/x`). */
  object(apiPath: string): Obj | undefined;
  namespaceNames(): string[];
  /** How many websocket port-forwards were opened, and to which pod. */
  readonly portForwards: string[];
  /** API requests a client still holds open (a `hang` fault's are never answered: only the client's abort ends them). */
  openRequests(): number;
  close(): Promise<void>;
}

/** A throwaway CA and a server certificate for 127.0.0.1 signed by it (openssl). */
function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const file = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'pipe' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
    '-days',
    '1',
    '-subj',
    '/CN=k8s-stand-in-ca',
  );
  openssl(
    'req',
    ...ec,
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.crt'),
    '-days',
    '1',
    '-extfile',
    file('san.ext'),
  );
  return {
    ca: readFileSync(file('ca.crt'), 'utf8'),
    cert: readFileSync(file('server.crt'), 'utf8'),
    key: readFileSync(file('server.key'), 'utf8'),
  };
}

function status(code: number, reason: string, message: string, details?: Json): Json {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function send(response: ServerResponse, code: number, body: unknown): void {
  response.writeHead(code, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function digestOf(image: string): string {
  return /@(sha256:[0-9a-f]+)/.exec(image)?.[1] ?? '';
}

export async function startK8sServer(
  options: { rolloutDelayMs?: number; fault?: K8sFault } = {},
): Promise<K8sStandIn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-k8s-'));
  const certs = makeCertificates(dir);
  const token = `k8s-token-${randomBytes(12).toString('hex')}`;
  const objects = new Map<string, Obj>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: K8sRequest[] = [];
  const portForwards: string[] = [];
  const upgraded = new Set<net.Socket>();
  let resourceVersion = 1;
  let serving: { image: string; kind: string; name: string } | undefined;
  let rolledOutAt: number | undefined;

  const later = (ms: number, run: () => void): void => afterAtLeast(ms, run, timers);
  const keyOf = (gv: string, plural: string, namespace: string | undefined, name: string): string =>
    `${gv}/${plural}/${namespace ?? ''}/${name}`;
  const stamp = (obj: Obj): void => {
    obj.metadata.resourceVersion = String(++resourceVersion);
  };
  const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  // the cluster starts with the namespace every kubeconfig defaults to
  objects.set(keyOf('v1', 'namespaces', undefined, 'default'), {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'default', uid: 'ns-default' },
    status: { phase: 'Active' },
  });

  const stand: K8sStandIn = {
    server: '',
    kubeconfig: path.join(dir, 'kubeconfig'),
    token,
    appUrl: '',
    requests,
    fault: options.fault,
    rolloutDelayMs: options.rolloutDelayMs ?? 300,
    get rolledOutAt() {
      return rolledOutAt;
    },
    openRequests: () => open,
    object: (apiPath) => {
      const parsed = parsePath(new URL(apiPath, 'https://x').pathname);
      if (!parsed?.plural || !parsed.name) return undefined;
      return objects.get(keyOf(parsed.gv, parsed.plural, parsed.namespace, parsed.name));
    },
    namespaceNames: () =>
      [...objects.values()].filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name),
    portForwards,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of upgraded) socket.destroy();
      await Promise.all([closeServer(api), closeServer(ingress)]);
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const cluster: ClusterState = {
    objects,
    keyOf,
    stamp,
    later,
    get fault() {
      return stand.fault;
    },
    get rolloutDelayMs() {
      return stand.rolloutDelayMs;
    },
    rolledOut: (revision) => {
      serving = revision;
      rolledOutAt = performance.now();
    },
  };

  // ---- the API --------------------------------------------------------------------------

  interface ParsedPath {
    gv: string;
    namespace?: string;
    plural?: string;
    name?: string;
    subresource?: string;
  }

  function parsePath(pathname: string): ParsedPath | undefined {
    const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    let gv: string;
    let rest: string[];
    if (parts[0] === 'api' && parts[1]) {
      gv = parts[1];
      rest = parts.slice(2);
    } else if (parts[0] === 'apis' && parts[1] && parts[2]) {
      gv = `${parts[1]}/${parts[2]}`;
      rest = parts.slice(3);
    } else return undefined;
    if (rest.length === 0) return { gv };
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      return {
        gv,
        namespace: rest[1],
        plural: rest[2],
        ...(rest[3] ? { name: rest[3] } : {}),
        ...(rest[4] ? { subresource: rest[4] } : {}),
      };
    }
    return { gv, plural: rest[0], ...(rest[1] ? { name: rest[1] } : {}) };
  }

  const typeOf = (gv: string, plural: string): ResourceType | undefined =>
    RESOURCES[gv]?.find((r) => r.name === plural);
  const groupOf = (gv: string): string => (gv.includes('/') ? gv.split('/')[0]! : '');
  const qualified = (gv: string, plural: string): string =>
    groupOf(gv) ? `${plural}.${groupOf(gv)}` : plural;
  const crdMissing = (gv: string): boolean => stand.fault === 'no-crd' && CUSTOM_GROUPS.has(gv);

  async function body(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  function notFound(gv: string, plural: string, name: string): Json {
    return status(404, 'NotFound', `${qualified(gv, plural)} "${name}" not found`, {
      name,
      group: groupOf(gv),
      kind: plural,
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    requests.push({
      method: request.method ?? 'GET',
      url: url.pathname + url.search,
      ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}),
      ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
    });
    if (request.headers.authorization !== `Bearer ${token}`)
      return send(response, 401, status(401, 'Unauthorized', 'Unauthorized'));
    const parsed = parsePath(url.pathname);
    if (!parsed || crdMissing(parsed.gv) || !RESOURCES[parsed.gv])
      return send(
        response,
        404,
        status(404, 'NotFound', 'the server could not find the requested resource'),
      );
    const { gv, namespace, plural, name } = parsed;
    if (!plural) {
      return send(response, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: gv,
        resources: RESOURCES[gv]!.map((r) => ({
          name: r.name,
          singularName: r.kind.toLowerCase(),
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
        })),
      });
    }
    const type = typeOf(gv, plural);
    if (!type)
      return send(
        response,
        404,
        status(404, 'NotFound', 'the server could not find the requested resource'),
      );
    const method = request.method ?? 'GET';
    if (
      type.namespaced &&
      namespace &&
      !objects.has(keyOf('v1', 'namespaces', undefined, namespace)) &&
      method !== 'GET'
    )
      return send(
        response,
        404,
        status(404, 'NotFound', `namespaces "${namespace}" not found`, {
          name: namespace,
          kind: 'namespaces',
        }),
      );

    if (method === 'GET' && !name) {
      const selector = url.searchParams.get('labelSelector') ?? '';
      const wanted = selector
        .split(',')
        .filter(Boolean)
        .map((pair) => pair.split('='));
      const items = [...objects.values()].filter(
        (o) =>
          o.kind === type.kind &&
          (!type.namespaced || o.metadata.namespace === namespace) &&
          wanted.every(([k, v]) => (o.metadata.labels as Json | undefined)?.[k!] === v),
      );
      return send(response, 200, {
        kind: `${type.kind}List`,
        apiVersion: gv,
        metadata: { resourceVersion: String(resourceVersion) },
        items,
      });
    }
    if (!name)
      return send(
        response,
        405,
        status(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        ),
      );
    const key = keyOf(gv, plural, type.namespaced ? namespace : undefined, name);

    if (method === 'GET') {
      if (stand.fault === 'hang') return; // the response never comes
      const found = objects.get(key);
      return found ? send(response, 200, found) : send(response, 404, notFound(gv, plural, name));
    }
    if (method === 'DELETE') {
      const found = objects.get(key);
      if (!found) return send(response, 404, notFound(gv, plural, name));
      if (type.kind !== 'Namespace') {
        objects.delete(key);
        return send(response, 200, {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Success',
          details: { name, kind: plural },
        });
      }
      // a namespace goes Terminating; its contents are removed, then it is gone
      found.metadata.deletionTimestamp = now();
      found.status = { phase: 'Terminating' };
      later(100, () => {
        for (const [k, o] of objects) if (o.metadata.namespace === name) objects.delete(k);
        objects.delete(key);
      });
      return send(response, 200, found);
    }
    if (method !== 'PATCH')
      return send(
        response,
        405,
        status(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        ),
      );

    // server-side apply
    if (request.headers['content-type'] !== 'application/apply-patch+yaml')
      return send(
        response,
        415,
        status(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
        ),
      );
    const manager = url.searchParams.get('fieldManager');
    if (!manager)
      return send(
        response,
        422,
        status(
          422,
          'Invalid',
          'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
        ),
      );
    // as the API server validates names: a namespace is an RFC 1123 label
    if (type.kind === 'Namespace' && !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name))
      return send(
        response,
        422,
        status(
          422,
          'Invalid',
          `Namespace "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
        ),
      );
    if (stand.fault === 'forbidden' && CUSTOM_GROUPS.has(gv)) {
      return send(
        response,
        403,
        status(
          403,
          'Forbidden',
          `${qualified(gv, plural)} "${name}" is forbidden: User "${CI_USER}" cannot patch resource "${plural}" in API group "${groupOf(gv)}" in the namespace "${namespace}"`,
          { name, group: groupOf(gv), kind: plural },
        ),
      );
    }
    let patch: Obj;
    try {
      patch = parseYaml(await body(request)) as Obj;
    } catch (error) {
      return send(
        response,
        400,
        status(400, 'BadRequest', `error decoding YAML: ${String(error)}`),
      );
    }
    if (patch.kind !== type.kind || patch.metadata?.name !== name)
      return send(
        response,
        400,
        status(
          400,
          'BadRequest',
          `the name of the object (${String(patch.metadata?.name)}) does not match the name on the URL (${name})`,
        ),
      );
    const existing = objects.get(key);
    const changed = !existing || JSON.stringify(existing.spec) !== JSON.stringify(patch.spec);
    const stored: Obj = {
      ...(existing ?? {}),
      ...patch,
      metadata: {
        ...(existing?.metadata ?? {
          uid: randomBytes(8).toString('hex'),
          creationTimestamp: now(),
        }),
        ...patch.metadata,
        ...(type.namespaced ? { namespace } : {}),
        generation: (existing?.metadata.generation ?? 0) + (changed ? 1 : 0),
        managedFields: [{ manager, operation: 'Apply', apiVersion: gv, time: now() }],
      },
      ...(existing?.status
        ? { status: existing.status }
        : type.kind === 'Namespace'
          ? { status: { phase: 'Active' } }
          : {}),
    };
    if (type.kind === 'Namespace') delete stored.metadata.generation;
    stamp(stored);
    objects.set(key, stored);
    if (changed && type.kind === 'SpinApp') spinOperator(cluster, stored);
    if (changed && type.kind === 'WorkloadDeployment') wasmcloudOperator(cluster, stored);
    return send(response, existing ? 200 : 201, stored);
  }

  let open = 0;
  const api = https.createServer({ cert: certs.cert, key: certs.key }, (request, response) => {
    open++;
    let ended = false;
    const end = (): void => {
      if (!ended) open--;
      ended = true;
    };
    response.once('finish', end);
    response.once('close', end);
    handle(request, response).catch((error: unknown) =>
      send(response, 500, status(500, 'InternalError', String(error))),
    );
  });
  // the pods/portforward subresource over websockets: channel 0 data, 1 errors, each
  // opened with the port number (2 bytes, little-endian), as the kubelet's stream does
  api.on('upgrade', (request: IncomingMessage, socket: net.Socket) => {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    requests.push({ method: 'UPGRADE', url: url.pathname + url.search });
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const parsed = parsePath(url.pathname);
    const pod =
      parsed?.plural === 'pods' && parsed.name
        ? objects.get(keyOf('v1', 'pods', parsed.namespace, parsed.name))
        : undefined;
    if (
      request.headers.authorization !== `Bearer ${token}` ||
      parsed?.subresource !== 'portforward' ||
      !pod
    ) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const port = Number(url.searchParams.get('ports'));
    const ws = acceptWebSocket(request, socket, 'v4.channel.k8s.io');
    if (!ws) return;
    portForwards.push(pod.metadata.name);
    const header = (channel: number): Buffer => Buffer.from([channel, port & 0xff, port >> 8]);
    ws.send(header(0));
    ws.send(header(1));
    // the pod's port: the ingress serves what the rolled-out pods serve
    const backend = net.connect(ingressPort, '127.0.0.1');
    backend.on('data', (chunk: Buffer) => ws.send(Buffer.concat([Buffer.from([0]), chunk])));
    backend.on('end', () => ws.close());
    backend.on('error', () => ws.close());
    ws.onMessage((data) => {
      if (data[0] === 0 && data.length > 1) backend.write(data.subarray(1));
    });
    ws.onClose(() => backend.destroy());
  });

  const ingress = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!serving) {
      response.writeHead(503, { 'content-type': 'text/plain' });
      return response.end('no endpoints available for service');
    }
    if (url.pathname === '/.well-known/spin/info' && serving.kind === 'SpinApp') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(
        JSON.stringify({
          name: serving.name,
          version: '0.1.0',
          oci_image_digest: digestOf(serving.image),
        }),
      );
    }
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(`OK ${serving.image}\n`);
  });

  await Promise.all([listen(api), listen(ingress)]);
  const apiPort = (api.address() as AddressInfo).port;
  const ingressPort = (ingress.address() as AddressInfo).port;
  Object.assign(stand, {
    server: `https://127.0.0.1:${apiPort}`,
    appUrl: `http://127.0.0.1:${ingressPort}/`,
  });
  writeFileSync(
    stand.kubeconfig,
    stringifyYaml({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'stand-in',
          cluster: {
            server: stand.server,
            'certificate-authority-data': Buffer.from(certs.ca).toString('base64'),
          },
        },
      ],
      users: [{ name: 'ci-deployer', user: { token } }],
      contexts: [
        {
          name: 'stand-in',
          context: { cluster: 'stand-in', user: 'ci-deployer', namespace: 'default' },
        },
      ],
      'current-context': 'stand-in',
    }),
    { mode: 0o600 },
  );
  return stand;
}

function listen(server: net.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

function closeServer(server: http.Server | https.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
