import { invalidInput, parsePositiveInt } from '../config/parse.js';
import type { InputReader, TargetInputs } from '../deploy/target.js';

/** The Kubernetes inputs of `deploy: kubernetes`, parsed (the OCI ones are parsed beside them). */
export interface K8sOptions {
  readonly namespace: string;
  /** The user's own manifest file (relative to the project), `${image}` replaced. */
  readonly manifest?: string;
  /** The host name a WorkloadDeployment's HTTP interface answers for; undefined: the app URL's. */
  readonly host?: string;
  readonly replicas: number;
  /** SpinApp `variables`, in the order given. */
  readonly variables: readonly { readonly name: string; readonly value: string }[];
  /** Where the app answers (an ingress); undefined: spinwash opens a port-forward. */
  readonly appUrl?: string;
}

export const K8S_INPUTS: TargetInputs = {
  'k8s-namespace': {
    default: 'default',
    description:
      'Namespace `deploy: kubernetes` applies the app into (a preview goes into its own `<app>-pr-<N>`, deleted when the PR closes).',
  },
  'k8s-manifest': {
    default: '',
    description:
      'Your own Kubernetes manifest file (YAML, one or more resources) to apply instead of the generated SpinApp / WorkloadDeployment; `${image}` is replaced by the pushed `ref@sha256:…`.',
  },
  'k8s-host': {
    default: '',
    description:
      "Host name a wasmCloud 2 WorkloadDeployment's HTTP interface answers for (default: the host of `app-url`, else `localhost`).",
  },
  replicas: {
    default: '1',
    description: 'Replicas of the app `deploy: kubernetes` rolls out.',
  },
  variables: {
    default: '',
    description:
      'Application variables of the SpinApp: `name=value` pairs, one per line or comma-separated.',
  },
  'app-url': {
    default: '',
    description:
      'Where the deployed app answers (your ingress), for the readiness check; empty: `deploy: kubernetes` opens a port-forward to one of its pods.',
  },
};

/** Kubernetes names (RFC 1123 labels): lower-case letters, digits and `-`. */
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function parseVariables(value: string): K8sOptions['variables'] {
  return value
    .split(/[,\n]/)
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(pair);
      if (!match)
        throw invalidInput(
          'variables',
          pair,
          '`name=value` pairs (a name of letters, digits and `_`)',
        );
      return { name: match[1] ?? '', value: match[2] ?? '' };
    });
}

function parseAppUrl(value: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidInput(
      'app-url',
      value,
      'an http:// or https:// URL, such as https://app.example.com/',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalidInput(
      'app-url',
      value,
      'an http:// or https:// URL, such as https://app.example.com/',
    );
  if (url.username || url.password)
    throw invalidInput('app-url', '(a URL with credentials)', 'a URL without user or password');
  return url.href;
}

export function parseK8sOptions(read: InputReader): K8sOptions {
  const namespace = read('k8s-namespace');
  if (!DNS_LABEL.test(namespace))
    throw invalidInput(
      'k8s-namespace',
      namespace,
      'a Kubernetes namespace name (lower-case letters, digits and `-`, at most 63)',
    );
  const manifest = read('k8s-manifest');
  const host = read('k8s-host');
  const appUrl = parseAppUrl(read('app-url'));
  return {
    namespace,
    ...(manifest ? { manifest } : {}),
    ...(host ? { host } : {}),
    replicas: parsePositiveInt('replicas', read('replicas')),
    variables: parseVariables(read('variables')),
    ...(appUrl ? { appUrl } : {}),
  };
}
