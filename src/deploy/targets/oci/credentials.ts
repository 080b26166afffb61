import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError, UserError, errorMessage } from '../../../errors.js';

export interface Credentials {
  readonly username: string;
  readonly password: string;
  /** Where they came from, for messages (never the values): `inputs` or the config file's path. */
  readonly source: string;
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || homedir(), '.docker');
  return path.join(dir, 'config.json');
}

const trimSlash = (key: string): string => key.replace(/\/+$/, '');

/** The keys Docker may have stored a registry's login under. */
function authKeys(registry: string): string[] {
  if (registry === 'docker.io' || registry === 'registry-1.docker.io')
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`];
}

/**
 * A registry's login from the Docker config's `auths` (`auth`: base64 of `user:password`, or
 * `username` and `password`). Undefined when the file or the entry is absent; a file that is
 * there but unreadable is a clear error naming it. Credential helpers (`credsStore`) are not run.
 */
export async function dockerConfigCredentials(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials | undefined> {
  const file = dockerConfigPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let auths: Record<string, { auth?: string; username?: string; password?: string }>;
  try {
    auths = (JSON.parse(text) as { auths?: typeof auths }).auths ?? {};
  } catch (error) {
    throw new UserError(
      `the Docker config ${file} is not valid JSON: ${errorMessage(error)}`,
      file,
    );
  }
  const keys = authKeys(registry).map(trimSlash);
  const found = Object.entries(auths).find(([key]) => keys.includes(trimSlash(key)));
  const entry = found?.[1];
  if (!entry) return undefined;
  if (entry.username && entry.password)
    return { username: entry.username, password: entry.password, source: file };
  if (!entry.auth) return undefined;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const split = decoded.indexOf(':');
  if (split <= 0)
    throw new UserError(
      `the Docker config ${file} has an \`auth\` for ${registry} that is not base64 of user:password`,
      file,
    );
  return { username: decoded.slice(0, split), password: decoded.slice(split + 1), source: file };
}

/**
 * The login for `registry`: the inputs when a password was given (`oci-username` may be empty
 * for a token registry that ignores it), else the Docker config, else none (anonymous).
 */
export async function registryCredentials(
  registry: string,
  username: string | undefined,
  password: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials | undefined> {
  if (password) return { username: username ?? '', password, source: 'inputs' };
  if (username)
    throw new UsageError(
      (a) =>
        `${a.subject('oci-username')} is set but ${a.input('oci-password')} is empty; give the password for ${registry}`,
    );
  return dockerConfigCredentials(registry, env);
}
