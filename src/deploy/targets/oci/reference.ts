import { UserError } from '../../../errors.js';
import { invalidInput } from '../../../input-parsers.js';

/** An image reference, split the way the distribution API addresses it. */
export interface ImageReference {
  /** `ghcr.io`, `127.0.0.1:5000`: the host (and port) as written. */
  readonly registry: string;
  /** `o/app`: the repository inside the registry. */
  readonly repository: string;
  /** `v1`; absent when pinned by digest only. */
  readonly tag?: string;
  /** `sha256:…` when the reference pins one. */
  readonly digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const ACCEPTED =
  '`registry/repository:tag` (e.g. `ghcr.io/o/app:v1`, `127.0.0.1:5000/demo/app:v1`), lowercase repository, tag of letters, digits, `._-`';

/**
 * Parses `registry/repository[:tag][@sha256:…]` the way Docker does: the first part is the
 * registry when it has a `.` or `:` or is `localhost`; otherwise Docker Hub (`docker.io`, with
 * `library/` for a one-part name). A reference with neither tag nor digest gets `latest`.
 */
export function parseReference(text: string, input = 'oci-reference'): ImageReference {
  const bad = (): Error => invalidInput(input, text, ACCEPTED);
  if (text === '' || /\s/.test(text)) throw bad();
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw bad();
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad();
  }
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  // `127.0.0.1:41331`, `ghcr.io`, `localhost`: a registry with no repository, which Docker would
  // read as a Docker Hub image of that name, sending the push (and its credentials) elsewhere
  if (parts.length === 1 && (first.includes('.') || first === 'localhost'))
    throw new UserError(
      (a) =>
        `${a.subject(input)} has the value "${text}": it names a registry but no repository; accepted: \`registry/repository:tag\` (e.g. \`${text}/app:v1\`)`,
    );
  let registry = 'docker.io';
  if (parts.length > 1 && (/[.:]/.test(first) || first === 'localhost')) {
    registry = first;
    parts.shift();
  }
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) throw bad();
  if (tag === undefined && digest === undefined) tag = 'latest';
  return {
    registry,
    repository: parts.join('/'),
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** `registry/repository[:tag]@sha256:…`: the reference pinned to what the registry stored (the digest wins on a pull). */
export function pinned(reference: ImageReference, digest: string): string {
  const tag = reference.tag !== undefined ? `:${reference.tag}` : '';
  return `${reference.registry}/${reference.repository}${tag}@${digest}`;
}

/** Docker Hub's API lives on another host than its name. */
export function apiHost(registry: string): string {
  return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}

/** Registries on this machine speak plain HTTP unless told otherwise (as Docker does). */
export function isLoopback(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
