import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/deploy/readiness.js';
import { exec } from '../../src/exec.js';

/**
 * A real OCI registry for tests: Debian's `docker-registry` (the CNCF Distribution server 2.8,
 * installed by .ci/run) on a free port of 127.0.0.1, with its storage in a temp folder and a
 * login: `htpasswd` (a user made with `htpasswd -Bbn`) or `token` (a Bearer token realm, the
 * tests' own token server). Stop it with stop() in afterAll.
 */
export type RegistryAuth =
  | { htpasswd: { username: string; password: string } }
  | {
      token: {
        /** The token server's URL (the 401's `realm`). */
        realm: string;
        service: string;
        issuer: string;
        /** PEM certificate(s) whose keys sign the tokens. */
        rootCertBundle: string;
      };
    };

export interface TestRegistry {
  /** `127.0.0.1:<port>`: the registry part of a reference. */
  readonly host: string;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Everything the server logged so far, its access log (`"PUT /v2/… HTTP/1.1" 201`) included. */
  output(): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

export async function startRegistry(auth: RegistryAuth): Promise<TestRegistry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-registry-'));
  let authYaml: string;
  if ('htpasswd' in auth) {
    const { username, password } = auth.htpasswd;
    const { stdout } = await exec('htpasswd', ['-Bbn', username, password]);
    writeFileSync(path.join(dir, 'htpasswd'), stdout.trim() + '\n');
    authYaml = `  htpasswd:\n    realm: spinwash-test\n    path: ${path.join(dir, 'htpasswd')}\n`;
  } else {
    const { realm, service, issuer, rootCertBundle } = auth.token;
    writeFileSync(path.join(dir, 'root.pem'), rootCertBundle);
    authYaml =
      `  token:\n    realm: ${realm}\n    service: ${service}\n    issuer: ${issuer}\n` +
      `    rootcertbundle: ${path.join(dir, 'root.pem')}\n`;
  }
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = path.join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: info', // the access log (one line a request) goes to stdout: output() has it
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'storage')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${host}`,
      'auth:',
      authYaml,
    ].join('\n'),
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`docker-registry did not listen within ${START_TIMEOUT_MS} ms:\n${output}`),
        ),
      START_TIMEOUT_MS,
    );
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes(`listening on ${host}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(
          `docker-registry could not start (apt-get install docker-registry): ${error.message}`,
        ),
      );
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`docker-registry exited before listening:\n${output}`));
    });
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    })());
  try {
    await listening;
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, url: `http://${host}`, output: () => output, stop };
}
