import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { tail } from '../../exec.js';
import { startProcess } from '../../process.js';
import { freePort, freshServer, waitUntilReady } from '../readiness.js';
import { noOptions, type DeployRequest, type Deployment, type DeployTarget } from '../target.js';

/**
 * A platform CLI that keeps running while it serves (`spin up`, `wash dev`). src/exec.ts runs
 * commands to completion; this one is watched while it runs and stopped on request.
 */
export interface ServingProcess {
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Why it exited, once it has; undefined while it runs. */
  exitReason(): string | undefined;
  /** Resolves with the first match of `pattern` in its output; rejects if it exits or `timeoutMs` passes. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

export function startServing(
  command: string,
  args: readonly string[],
  cwd: string,
  onOutput: (chunk: string) => void,
  /** The child's whole environment (default: this process's). */
  env: NodeJS.ProcessEnv = process.env,
): ServingProcess {
  const server = startProcess(command, args, { cwd, env });
  const { child } = server;
  let output = '';
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  void server.exited.then(changed);
  const exitReason = server.exitReason;
  const collect = (chunk: string): void => {
    output += chunk;
    onOutput(chunk);
    changed();
  };
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', collect);
  return {
    output: () => output,
    exitReason,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(output);
          if (match) done(() => resolve(match));
          else if (exitReason() !== undefined) {
            done(() =>
              reject(
                new UserError(
                  `\`${command} ${args.join(' ')}\` stopped (${exitReason() ?? ''}):\n${tail(output)}`,
                ),
              ),
            );
          }
        };
        const timer = setTimeout(
          () =>
            done(() =>
              reject(
                new UserError(
                  `\`${command} ${args.join(' ')}\` printed no ${pattern} within ${timeoutMs / 1000} s:\n${tail(output)}`,
                ),
              ),
            ),
          timeoutMs,
        );
        const done = (settle: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      }),
    stop: server.stop,
  };
}

/**
 * `spin up --listen 127.0.0.1:<free port> -f spin.toml`, timed until the health path answers
 * 200. Spin serves the files its manifest names, i.e. the ones the optimize stage rewrote.
 */
export const spinUpTarget: DeployTarget<undefined> = {
  name: 'spin-up',
  cli: 'spin',
  summary: '`spin-up` serves it with `spin up` on 127.0.0.1 (same as `local` with `runtime: spin`)',
  inputs: {},
  parseOptions: noOptions,
  deploy: deploySpinUp,
};

async function deploySpinUp(request: DeployRequest<undefined>): Promise<Deployment> {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1000;
  const projectDir = request.project.dir;
  const manifest = request.project.manifest ?? path.join(projectDir, 'spin.toml');
  if (!existsSync(manifest)) {
    throw new UserError(
      `runtime \`spin\` needs a spin.toml in ${projectDir}; use runtime \`embedded\` for other projects`,
    );
  }
  const port = await freePort();
  const { logger } = request;
  const spin = startServing(
    'spin',
    ['up', '--listen', `127.0.0.1:${port}`, '-f', manifest],
    projectDir,
    (chunk) => logger.output(chunk),
  );
  try {
    const serving = await spin.waitFor(
      /Serving (http:\/\/\S+)/,
      Math.max(0, deadline - performance.now()),
    );
    const base = serving[1] ?? `http://127.0.0.1:${port}`;
    const url = `${base.replace(/\/$/, '')}/`;
    const ready = await waitUntilReady(
      freshServer('spin up', request, started, () => url, spin.exitReason),
    );
    logger.info(
      `spin up: ${url} answered ${ready.status} after ${ready.readySeconds.toFixed(2)} s`,
    );
    return {
      report: {
        target: 'spin',
        url,
        status: ready.status,
        readySeconds: ready.readySeconds,
        firstResponseSeconds: ready.firstResponseSeconds,
      },
      stop: () => spin.stop(),
    };
  } catch (error) {
    await spin.stop();
    throw error instanceof UserError
      ? new UserError(
          error.message.startsWith('spin up') ? error.message : `spin up: ${error.message}`,
          manifest,
        )
      : error;
  }
}
