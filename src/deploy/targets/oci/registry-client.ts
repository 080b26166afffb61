import { createHash } from 'node:crypto';
import { UserError, errorMessage } from '../../../errors.js';
import type { Credentials } from './credentials.js';
import { apiHost, isLoopback, type ImageReference } from './reference.js';

/**
 * A small client of the OCI distribution API (v2), enough to push: `HEAD` a blob, upload one
 * monolithically (`POST` then `PUT ?digest=`), `PUT` and `GET` a manifest. Auth as registries
 * ask for it on a 401: `Basic` with the login, or `Bearer` (GET the challenge's realm with the
 * login as Basic, then send its token). Every failure is one line naming the registry; no
 * credential or token ever appears in one.
 */

export const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export interface RegistryClientOptions {
  readonly reference: ImageReference;
  readonly credentials?: Credentials;
  /** Plain HTTP to a registry that is not on this machine. */
  readonly insecure: boolean;
  /** Per request (a blob upload included). */
  readonly timeoutMs: number;
  /** performance.now() past which no request may run (the deploy's budget). */
  readonly deadline?: number;
}

interface Challenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters (quoted or not). */
export function parseChallenge(header: string): Challenge {
  const space = header.indexOf(' ');
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  const pairs = /([A-Za-z_]+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (const match of (space < 0 ? '' : header.slice(space + 1)).matchAll(pairs))
    params[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  return { scheme, params };
}

interface RegistryErrors {
  errors?: { code?: string; message?: string }[];
}

/** The first error of a registry's JSON error body (`{errors:[{code, message}]}`), one line. */
async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const first = (JSON.parse(text) as RegistryErrors).errors?.[0];
    if (first) return [first.code, first.message].filter(Boolean).join(': ');
  } catch {
    // not JSON: the text itself, shortened
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** A manifest request's answer: the digest, and the request itself (status, URL, span). */
export interface ManifestAnswer {
  readonly digest: string;
  readonly status: number;
  /** `<registry>/v2/<repository>/manifests/<digest>`. */
  readonly url: string;
  readonly seconds: number;
}

interface Send {
  readonly method: string;
  /** A path under /v2/<repository>/, or an absolute URL (an upload's Location). */
  readonly target: string;
  /** What the request does, for errors: `upload blob sha256:…`. */
  readonly what: string;
  readonly body?: Uint8Array;
  readonly headers?: Record<string, string>;
}

export class RegistryClient {
  readonly registry: string;
  readonly repository: string;
  readonly baseUrl: string;
  /** Requests sent (retries after a 401 included), for tests and logs. */
  readonly sent: { method: string; path: string; status: number }[] = [];
  private authorization: string | undefined;

  constructor(private readonly options: RegistryClientOptions) {
    this.registry = options.reference.registry;
    this.repository = options.reference.repository;
    const plain = options.insecure || isLoopback(this.registry);
    this.baseUrl = `${plain ? 'http' : 'https'}://${apiHost(this.registry)}/`;
  }

  private url(target: string): URL {
    return /^https?:\/\//.test(target)
      ? new URL(target)
      : new URL(target.startsWith('/') ? target : `/v2/${this.repository}/${target}`, this.baseUrl);
  }

  private async fetch(url: URL, init: RequestInit, what: string): Promise<Response> {
    const { deadline } = this.options;
    const left = deadline === undefined ? Infinity : Math.max(1, deadline - performance.now());
    const timeoutMs = Math.round(Math.min(this.options.timeoutMs, left));
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if ((error as Error).name === 'TimeoutError')
        throw new UserError(
          `registry ${this.registry} did not answer (${what}) within ${(timeoutMs / 1000).toFixed(1)} s${timeoutMs < this.options.timeoutMs ? ' (the rest of deploy-timeout)' : ''}`,
        );
      throw new UserError(
        `cannot reach registry ${this.registry} at ${url.origin} (${what}): ${cause?.code ?? cause?.message ?? errorMessage(error)}`,
      );
    }
  }

  /** Sends a request, answering one 401 challenge by logging in; a second 401 is refused credentials. */
  async send(request: Send): Promise<Response> {
    const url = this.url(request.target);
    const attempt = async (): Promise<Response> => {
      const headers: Record<string, string> = { ...request.headers };
      if (this.authorization) headers.authorization = this.authorization;
      const response = await this.fetch(
        url,
        { method: request.method, headers, ...(request.body ? { body: request.body } : {}) },
        request.what,
      );
      this.sent.push({ method: request.method, path: url.pathname, status: response.status });
      return response;
    };
    let response = await attempt();
    if (response.status === 401) {
      const header = response.headers.get('www-authenticate') ?? '';
      const detail = await errorDetail(response);
      this.authorization = await this.authorize(parseChallenge(header), detail);
      response = await attempt();
      if (response.status === 401) throw this.refused(await errorDetail(response));
    }
    return response;
  }

  /** Throws the one-line error for a status other than `expected`. */
  async expect(response: Response, expected: readonly number[], what: string): Promise<void> {
    if (expected.includes(response.status)) return;
    const detail = await errorDetail(response);
    const said = `HTTP ${response.status}${detail ? ` ${detail}` : ''}`;
    const login = this.options.credentials
      ? ` for user "${this.options.credentials.username}"`
      : ' (no login given)';
    // NAME_UNKNOWN; or a 404 to opening an upload: registries that make repositories by hand (Harbor's projects)
    if (response.status === 404 && (/NAME_UNKNOWN/.test(detail) || /^upload /.test(what)))
      throw new UserError(
        `registry ${this.registry} has no repository ${this.repository} (${what}: ${said})`,
      );
    if (response.status === 403)
      throw new UserError(
        `registry ${this.registry} denied ${what} in ${this.repository}${login} (${said})`,
      );
    throw new UserError(`registry ${this.registry}: ${what} failed: ${said}`);
  }

  private refused(detail: string): UserError {
    const who = this.options.credentials;
    if (!who)
      return new UserError(
        (a) =>
          `registry ${this.registry} asks for a login and none was given: set ${a.input('oci-username')} and ${a.input('oci-password')} or log in with \`docker login ${this.registry}\` (HTTP 401${detail ? ` ${detail}` : ''})`,
      );
    return new UserError(
      `registry ${this.registry} refused the login of user "${who.username}" from ${who.source === 'inputs' ? 'the inputs' : who.source}: wrong user name or password (HTTP 401${detail ? ` ${detail}` : ''})`,
    );
  }

  private basic(): string | undefined {
    const who = this.options.credentials;
    return who
      ? `Basic ${Buffer.from(`${who.username}:${who.password}`).toString('base64')}`
      : undefined;
  }

  private async authorize(challenge: Challenge, detail: string): Promise<string> {
    if (challenge.scheme === 'basic') {
      const basic = this.basic();
      if (!basic) throw this.refused(detail);
      return basic;
    }
    if (challenge.scheme !== 'bearer' || !challenge.params.realm)
      throw new UserError(
        `registry ${this.registry} answered 401 with an authentication scheme spinwash does not speak: "${challenge.scheme || 'none'}" (Basic and Bearer are)`,
      );
    return `Bearer ${await this.token(challenge.params)}`;
  }

  /** The Bearer token flow: GET realm?service=&scope= (with the login as Basic, if any) → {token}. */
  private async token(params: Readonly<Record<string, string>>): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(params.realm!);
    } catch {
      throw new UserError(
        `registry ${this.registry} named a token realm that is not a URL: "${params.realm}"`,
      );
    }
    if (realm.protocol !== 'https:' && !this.options.insecure && !isLoopback(realm.host))
      throw new UserError(
        `registry ${this.registry} sends logins to a plain-HTTP token realm ${realm.origin}; refused (set \`oci-insecure: true\` to allow it)`,
      );
    const scopes = new Set([`repository:${this.repository}:pull,push`]);
    if (params.scope) scopes.add(params.scope);
    if (params.service) realm.searchParams.set('service', params.service);
    for (const scope of scopes) realm.searchParams.append('scope', scope);
    const basic = this.basic();
    const response = await this.fetch(
      realm,
      { headers: basic ? { authorization: basic } : {} },
      `token from ${realm.origin}${realm.pathname}`,
    );
    this.sent.push({ method: 'GET', path: realm.pathname, status: response.status });
    if (response.status === 401 || response.status === 403)
      throw this.refused(await errorDetail(response));
    if (!response.ok)
      throw new UserError(
        `registry ${this.registry}: its token server ${realm.origin}${realm.pathname} answered HTTP ${response.status} ${await errorDetail(response)}`,
      );
    const body = (await response.json().catch(() => ({}))) as {
      token?: string;
      access_token?: string;
    };
    const token = body.token ?? body.access_token;
    if (!token)
      throw new UserError(
        `registry ${this.registry}: its token server ${realm.origin}${realm.pathname} answered without a token`,
      );
    return token;
  }

  /** Does the registry have this blob already? */
  async blobExists(digest: string): Promise<boolean> {
    const what = `HEAD blob ${digest}`;
    const response = await this.send({ method: 'HEAD', target: `blobs/${digest}`, what });
    await response.body?.cancel();
    if (response.status === 404) return false;
    await this.expect(response, [200], what);
    return true;
  }

  /** Monolithic upload: POST opens an upload session, PUT <Location>?digest= sends the bytes and closes it. */
  async uploadBlob(bytes: Uint8Array, digest: string): Promise<void> {
    const what = `upload blob ${digest}`;
    const opened = await this.send({ method: 'POST', target: 'blobs/uploads/', what });
    await this.expect(opened, [202], what);
    await opened.body?.cancel();
    const location = opened.headers.get('location');
    if (!location)
      throw new UserError(
        `registry ${this.registry}: ${what}: the upload was opened without a Location`,
      );
    const put = new URL(location, this.url('blobs/uploads/'));
    put.searchParams.set('digest', digest);
    const closed = await this.send({
      method: 'PUT',
      target: put.href,
      what,
      body: bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.length),
      },
    });
    await this.expect(closed, [201], what);
    await closed.body?.cancel();
    const stored = closed.headers.get('docker-content-digest');
    if (stored && stored !== digest)
      throw new UserError(
        `registry ${this.registry} stored blob ${stored} for the upload of ${digest}: the bytes changed on the way`,
      );
  }

  /** PUT the manifest under a tag (or digest); the digest the registry answered is checked against ours. */
  async putManifest(
    reference: string,
    bytes: Uint8Array,
    mediaType: string,
  ): Promise<ManifestAnswer> {
    const ours = sha256Digest(bytes);
    const started = performance.now();
    const what = `PUT manifest ${this.repository}:${reference}`;
    const response = await this.send({
      method: 'PUT',
      target: `manifests/${reference}`,
      what,
      body: bytes,
      headers: { 'content-type': mediaType },
    });
    await this.expect(response, [200, 201], what);
    await response.body?.cancel();
    const theirs = response.headers.get('docker-content-digest');
    if (theirs && theirs !== ours)
      throw new UserError(
        `registry ${this.registry} answered digest ${theirs} for the manifest spinwash sent as ${ours}`,
      );
    const digest = theirs ?? ours;
    return {
      digest,
      status: response.status,
      url: this.url(`manifests/${digest}`).href,
      seconds: (performance.now() - started) / 1000,
    };
  }

  /** GET a manifest (by tag or digest): its bytes and the digest the registry names. */
  async getManifest(
    reference: string,
    accept = `${MANIFEST_MEDIA_TYPE}, application/vnd.docker.distribution.manifest.v2+json`,
  ): Promise<ManifestAnswer & { bytes: Uint8Array; mediaType: string }> {
    const started = performance.now();
    const what = `GET manifest ${this.repository}:${reference}`;
    const response = await this.send({
      method: 'GET',
      target: `manifests/${reference}`,
      what,
      headers: { accept },
    });
    await this.expect(response, [200], what);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = response.headers.get('docker-content-digest') ?? sha256Digest(bytes);
    return {
      bytes,
      digest,
      mediaType: response.headers.get('content-type') ?? '',
      status: response.status,
      url: this.url(`manifests/${digest}`).href,
      seconds: (performance.now() - started) / 1000,
    };
  }
}
