import path from 'node:path';
import { UserError } from '../../../errors.js';
import { execCapture } from '../../../exec.js';
import type { DeployRequest } from '../../target.js';
import type { Credentials } from './credentials.js';
import { isLoopback, type ImageReference } from './reference.js';

/** `Pushed with digest sha256:<hex>`; undefined for `Pushed; the registry did not return the digest`. */
export function pushedDigest(output: string): string | undefined {
  return /Pushed with digest (sha256:[a-f0-9]{64})/.exec(output)?.[1];
}

/**
 * A Spin app is pushed by Spin itself (`spin registry push`), which writes Spin's own layout
 * (a layer per component and static file, the locked app last) that SpinKube's shim runs.
 * The login of the inputs goes to `spin registry login --password-stdin`: on stdin, never in
 * argv (Spin keeps it in its registry-auth.json, as a `docker login` would).
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
  // A login from the Docker config is not copied into Spin's own store: Spin reads that file itself.
  if (credentials?.source === 'inputs') {
    const login = await execCapture(
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
    );
    if (login.code !== 0)
      throw new UserError(
        `spin registry login to registry ${reference.registry} as "${credentials.username}" failed (exit code ${login.code}): ${lastLine(login)}`,
      );
  }
  // Spin's --insecure: plain HTTP (a registry on this machine, or `oci-insecure: true`).
  const insecure = request.options.insecure || isLoopback(reference.registry);
  const timeoutMs = request.timeoutSeconds * 1000;
  const started = performance.now();
  const result = await execCapture(
    'spin',
    [
      'registry',
      'push',
      '-f',
      manifest,
      ...(insecure ? ['--insecure'] : []),
      request.options.reference,
    ],
    { cwd, onOutput, timeoutMs },
  );
  if (result.code !== 0 && performance.now() - started >= timeoutMs)
    throw new UserError(
      `spin registry push to registry ${reference.registry} did not finish within ${request.timeoutSeconds} s (deploy-timeout)`,
      manifest,
    );
  if (result.code !== 0)
    throw new UserError(
      `spin registry push to registry ${reference.registry} failed (exit code ${result.code}): ${lastLine(result)}`,
      manifest,
    );
  return pushedDigest(`${result.stdout}\n${result.stderr}`);
}

/** The CLI's last words, one line (its `Error: …`), for a one-line error. */
function lastLine(result: { stdout: string; stderr: string }): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim());
  const error = lines.filter((l) => /^Error:/i.test(l)).pop();
  return (error ?? lines.filter(Boolean).pop() ?? 'no output').replace(/^Error:\s*/i, '');
}
