import path from 'node:path';
import { UserError } from '../errors.js';
import { exec } from '../exec.js';
import type { DeployRequest } from '../deploy/target.js';
import type { Credentials } from './credentials.js';
import { isLoopback, type ImageReference } from './reference.js';

/** `Pushed with digest sha256:<hex>`; undefined for `Pushed; the registry did not return the digest`. */
export function pushedDigest(output: string): string | undefined {
  return /Pushed with digest (sha256:[a-f0-9]{64})/.exec(output)?.[1];
}

/**
 * A Spin app is pushed by Spin itself (`spin registry push`), which writes Spin's own layout
 * (a layer per component and static file, the locked app last) that SpinKube's shim runs.
 * The login goes to `spin registry login --password-stdin`: on stdin, never in argv.
 * Returns the digest Spin printed, if it printed one.
 */
export async function spinRegistryPush(
  request: DeployRequest<{ reference: string; insecure: boolean }>,
  reference: ImageReference,
  credentials: Credentials | undefined,
): Promise<string | undefined> {
  const { logger } = request;
  const cwd = request.project.dir;
  const manifest = request.project.manifest ?? path.join(cwd, 'spin.toml');
  const onOutput = (chunk: string): void => logger.output(chunk);
  if (credentials) {
    await exec(
      'spin',
      [
        'registry',
        'login',
        reference.registry,
        '--username',
        credentials.username,
        '--password-stdin',
      ],
      { cwd, input: credentials.password, onOutput },
    ).catch((error: unknown) => {
      throw new UserError(
        `spin registry login to ${reference.registry} as "${credentials.username}" failed: ${(error as Error).message}`,
      );
    });
  }
  // Spin's --insecure: plain HTTP (a registry on this machine, or `oci-insecure: true`).
  const insecure = request.options.insecure || isLoopback(reference.registry);
  const result = await exec(
    'spin',
    [
      'registry',
      'push',
      '-f',
      manifest,
      ...(insecure ? ['--insecure'] : []),
      request.options.reference,
    ],
    { cwd, onOutput },
  );
  return pushedDigest(`${result.stdout}\n${result.stderr}`);
}
