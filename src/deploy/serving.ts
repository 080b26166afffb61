import { UserError } from '../errors.js';
import { tail } from '../exec.js';
import { startProcess } from '../process.js';

/**
 * A platform CLI that keeps running while it serves (`spin up`, `wash dev`). src/exec.ts runs
 * commands to completion; this one is watched while it runs and stopped on request.
 */
export interface ServingProcess {
  /** Its process id (the cold-start benchmark reads its peak memory in /proc). */
  readonly pid: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Why it exited, once it has; undefined while it runs. */
  exitReason(): string | undefined;
  /** Resolves with the first match of `pattern` in its output; rejects if it exits or `timeoutMs` passes. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  /**
   * SIGTERM, then SIGKILL after a grace period; resolves once it has exited and what it printed
   * is all read (a trap's line may come after the answer it broke). Safe to call twice.
   */
  stop(): Promise<void>;
}

export function startServing(
  command: string,
  args: readonly string[],
  cwd: string,
  onOutput: (chunk: string) => void,
  /** Added to what the child inherits (src/child-env.ts). */
  env: NodeJS.ProcessEnv = {},
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
  // 'close' comes once its output pipes are drained, after 'exit'; a grandchild holding them
  // open gets a second, then is not waited for
  const drained = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async (): Promise<void> => {
    await server.stop();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
    clearTimeout(timer);
  };
  return {
    pid: server.pid,
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
    stop,
  };
}
