import { stat, readFile } from 'node:fs/promises';
import { invalidInput, parseBoolean } from '../../../input-parsers.js';
import type { DeployRequest, InputReader, TargetInputs } from '../../target.js';
import { UsageError, UserError } from '../../../errors.js';
import { RegistryClient, MANIFEST_MEDIA_TYPE } from './registry-client.js';
import { registryCredentials, type Credentials } from './credentials.js';
import { parseReference, pinned, type ImageReference } from './reference.js';
import { spinRegistryPush } from './spin-push.js';
import { wasmArtifact } from './wasm-artifact.js';

/** The OCI inputs, parsed (the password is a secret: it arrives in `request.secrets`). */
export interface OciOptions {
  /** `registry/repository:tag` (or `@sha256:…`), e.g. `ghcr.io/o/app:v1`; checked by parseReference. */
  reference: string;
  username?: string;
  /** Plain HTTP to a registry other than localhost / 127.0.0.1. */
  insecure: boolean;
}

/** What a push measured. */
export interface PushResult {
  /** The reference pinned to what the registry stored: `registry/repo:tag@sha256:…`. */
  image: string;
  /** The manifest's digest, as the registry answered it (and checked against our own sha256). */
  digest: string;
  /**
   * Size of the pushed image: manifest + config + layers, as the registry holds them (what a
   * pull downloads). Blobs the registry already had count too; `skippedBlobs` says how many.
   */
  pushedBytes: number;
  /** Monotonic span of the whole push, login included (not the read-back of a Spin push). */
  pushSeconds: number;
  /** Blobs the registry already had (HEAD said so) and were not sent again; 0 for `spin registry push`, which does not say. */
  skippedBlobs: number;
  /**
   * The manifest request that completed the push: `PUT` (the native push), or the `GET` that
   * read a Spin push back (Spin's own PUT is not visible): its URL, HTTP status and span.
   */
  manifest: { url: string; status: number; seconds: number };
}

/** The env variable the CLI reads the password from; `request.secrets` carries it under this name. */
export const OCI_PASSWORD_ENV = 'SPINWASH_OCI_PASSWORD';
export const OCI_USERNAME_ENV = 'SPINWASH_OCI_USERNAME';

/** The OCI inputs, for any target that pushes (oci, kubernetes). */
export const OCI_INPUTS: TargetInputs = {
  'oci-reference': {
    default: '',
    description:
      'Where `deploy: oci` / `kubernetes` push the app: `registry/repository:tag`, e.g. `ghcr.io/o/app:v1` (a tag per commit: the `github.sha` expression). Spin apps are pushed with `spin registry push`, other components as the CNCF Wasm OCI artifact.',
  },
  'oci-username': {
    default: '',
    description: `Registry user name (env ${OCI_USERNAME_ENV}); with \`oci-password\` empty too, the login comes from the Docker config's \`auths\` (\`~/.docker/config.json\`, \`DOCKER_CONFIG\`).`,
    env: OCI_USERNAME_ENV,
  },
  'oci-password': {
    default: '',
    description: `Registry password or token (masked; CLI: env ${OCI_PASSWORD_ENV}).`,
    secret: true,
    env: OCI_PASSWORD_ENV,
  },
  'oci-insecure': {
    default: 'false',
    description:
      'Push over plain HTTP to a registry other than `localhost` / `127.0.0.1` (those always use plain HTTP).',
  },
};

export function parseOciOptions(read: InputReader): OciOptions {
  const reference = read('oci-reference');
  if (reference === '')
    throw new UsageError(
      (a) =>
        `${a.subject('oci-reference')} is empty; give where to push, e.g. \`ghcr.io/o/app:v1\``,
    );
  if (parseReference(reference).digest)
    throw invalidInput(
      'oci-reference',
      reference,
      'a reference with a tag to push to (`registry/repository:tag`); the registry names the digest',
    );
  const username = read('oci-username');
  read('oci-password'); // the reader collects it into the secrets
  return {
    reference,
    ...(username ? { username } : {}),
    insecure: parseBoolean('oci-insecure', read('oci-insecure')),
  };
}

/** Each request may take this long at most; all of them together no longer than deploy-timeout. */
const REQUEST_TIMEOUT_MS = 120_000;

function clientFor(
  request: DeployRequest<OciOptions>,
  reference: ImageReference,
  credentials: Credentials | undefined,
  started: number,
): RegistryClient {
  return new RegistryClient({
    reference,
    ...(credentials ? { credentials } : {}),
    insecure: request.options.insecure,
    timeoutMs: REQUEST_TIMEOUT_MS,
    deadline: started + request.timeoutSeconds * 1000,
  });
}

/** Pushes the optimized app the way its kind is pushed (spin registry push for Spin apps; the CNCF Wasm OCI artifact natively otherwise). */
export async function pushApp(request: DeployRequest<OciOptions>): Promise<PushResult> {
  const started = performance.now();
  const reference = parseReference(request.options.reference);
  const credentials = await registryCredentials(
    reference.registry,
    request.options.username,
    request.secrets[OCI_PASSWORD_ENV],
  );
  if (credentials?.source && credentials.source !== 'inputs')
    request.logger.info(
      `registry ${reference.registry}: login of "${credentials.username}" from ${credentials.source}`,
    );
  const client = clientFor(request, reference, credentials, started);
  if (request.project.kind === 'spin') {
    const printed = await spinRegistryPush(request, reference, credentials);
    const pushSeconds = (performance.now() - started) / 1000;
    // Read back what the registry holds under the reference: its size, the digest when Spin
    // printed none, and a check of the one it printed.
    const stored = await client.getManifest(tagOrDigest(reference));
    if (printed && stored.digest !== printed)
      throw new UserError(
        `spin registry push printed digest ${printed} but registry ${reference.registry} holds ${stored.digest} for ${request.options.reference}`,
      );
    return {
      image: pinned(reference, printed ?? stored.digest),
      digest: printed ?? stored.digest,
      pushedBytes: stored.bytes.length + blobSizes(stored.bytes),
      pushSeconds,
      skippedBlobs: 0,
      manifest: { url: stored.url, status: stored.status, seconds: stored.seconds },
    };
  }
  return pushWasmArtifact(request, reference, client, started);
}

/** What the manifest is put under (parseOciOptions accepts only tagged references). */
function tagOrDigest(reference: ImageReference): string {
  return reference.tag ?? reference.digest ?? 'latest';
}

/** config + layers of an image manifest. */
function blobSizes(manifest: Uint8Array): number {
  const parsed = JSON.parse(new TextDecoder().decode(manifest)) as {
    config?: { size?: number };
    layers?: { size?: number }[];
  };
  return (
    (parsed.config?.size ?? 0) + (parsed.layers ?? []).reduce((sum, l) => sum + (l.size ?? 0), 0)
  );
}

/**
 * The time in the artifact's config: SOURCE_DATE_EPOCH when set, else when the optimized file
 * was written. The same bytes pushed twice make the same config, manifest and digest, so a
 * second push uploads nothing.
 */
async function createdTime(wasmPath: string): Promise<Date> {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return (await stat(wasmPath)).mtime;
}

async function pushWasmArtifact(
  request: DeployRequest<OciOptions>,
  reference: ImageReference,
  client: RegistryClient,
  started: number,
): Promise<PushResult> {
  const { components, logger } = request;
  if (components.length !== 1)
    throw new UserError(
      `deploy: oci pushes one component as a Wasm OCI artifact; this ${request.project.kind} project has ${components.length}${components.length ? ` (${components.map((c) => c.name).join(', ')})` : ''}`,
    );
  const component = components[0]!;
  const wasm = new Uint8Array(await readFile(component.wasmPath));
  const artifact = wasmArtifact(wasm, await createdTime(component.wasmPath));
  let skippedBlobs = 0;
  for (const blob of [artifact.layer, artifact.config]) {
    if (await client.blobExists(blob.digest)) {
      skippedBlobs++;
      logger.info(
        `registry ${reference.registry}: ${blob.mediaType} ${blob.digest} is there already`,
      );
      continue;
    }
    await client.uploadBlob(blob.bytes, blob.digest);
    logger.info(
      `registry ${reference.registry}: uploaded ${blob.mediaType} ${blob.digest} (${blob.bytes.length} B)`,
    );
  }
  const put = await client.putManifest(
    tagOrDigest(reference),
    artifact.manifest,
    MANIFEST_MEDIA_TYPE,
  );
  const pushSeconds = (performance.now() - started) / 1000;
  return {
    image: pinned(reference, put.digest),
    digest: put.digest,
    pushedBytes:
      artifact.manifest.length + artifact.config.bytes.length + artifact.layer.bytes.length,
    pushSeconds,
    skippedBlobs,
    manifest: { url: put.url, status: put.status, seconds: put.seconds },
  };
}
