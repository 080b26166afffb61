import type { DeployRequest, InputReader, TargetInputs } from '../deploy/target.js';
import { parseBoolean } from '../config/parse.js';

/** The OCI inputs, parsed (the password is a secret: it arrives in `request.secrets`). */
export interface OciOptions {
  /** `registry/repository:tag` (or `@sha256:…`), e.g. `ghcr.io/o/app:v1`. */
  reference: string;
  username?: string;
  /** Plain HTTP to a registry other than localhost / 127.0.0.1. */
  insecure: boolean;
}

/** What a push measured. */
export interface PushResult {
  /** The reference pinned to what the registry stored: `registry/repo@sha256:…`. */
  image: string;
  digest: string;
  /** Bytes uploaded (blobs the registry already had are not counted). */
  pushedBytes: number;
  /** Monotonic span of the whole push, login included. */
  pushSeconds: number;
  /** Blobs the registry already had (HEAD said so): not uploaded again. */
  skippedBlobs: number;
}

/** The env variable the CLI reads the password from; `request.secrets` carries it under this name. */
export const OCI_PASSWORD_ENV = 'SPINWASH_OCI_PASSWORD';

/** The OCI inputs, for any target that pushes (oci, kubernetes). */
export const OCI_INPUTS: TargetInputs = {
  'oci-reference': {
    default: '',
    description:
      'Where `deploy: oci` / `kubernetes` push the app: `registry/repository:tag`, e.g. `ghcr.io/o/app:${{ github.sha }}`.',
  },
  'oci-username': {
    default: '',
    description:
      'Registry user name (env SPINWASH_OCI_USERNAME); empty: the `auths` of the Docker config (`~/.docker/config.json`, `DOCKER_CONFIG`).',
    env: 'SPINWASH_OCI_USERNAME',
  },
  'oci-password': {
    default: '',
    description: 'Registry password or token (masked; CLI: env SPINWASH_OCI_PASSWORD).',
    secret: true,
    env: OCI_PASSWORD_ENV,
  },
  'oci-insecure': {
    default: 'false',
    description:
      'Push over plain HTTP to a registry other than `localhost` / `127.0.0.1` (those always use HTTP).',
  },
};

export function parseOciOptions(read: InputReader): OciOptions {
  const reference = read('oci-reference');
  const username = read('oci-username');
  read('oci-password'); // collected into the secrets by the reader
  return {
    reference,
    ...(username ? { username } : {}),
    insecure: parseBoolean('oci-insecure', read('oci-insecure')),
  };
}

/** Pushes the optimized app the way its kind is pushed (spin registry push for Spin apps; the CNCF Wasm OCI artifact natively otherwise). */
export async function pushApp(request: DeployRequest<OciOptions>): Promise<PushResult> {
  void request;
  throw new Error('pushApp: not implemented yet');
}
