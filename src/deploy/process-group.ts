import { spawn } from 'node:child_process';
import { UserError } from '../errors.js';
import type { ExecResult } from '../exec.js';

/**
 * Runs a command in a process group of its own, and kills the whole group when it times out
 * or spinwash is interrupted. Spin runs a plugin (`spin cloud …`) as a child process and waits
 * for it: killing only `spin` would leave the plugin running and holding the output pipes.
 * (src/exec.ts kills the direct child only, which is right for everything else it runs.)
 */

export interface GroupRun extends ExecResult {
  /** Killed at `timeoutMs`. */
  readonly timedOut: boolean;
}

export function runInGroup(
  command: string,
  args: readonly string[],
  options: {
    readonly env: NodeJS.ProcessEnv;
    readonly timeoutMs: number;
    readonly onOutput?: (chunk: string) => void;
  },
): Promise<GroupRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // its own group (on Windows: no console of its own; groups do not apply there)
      detached: process.platform !== 'win32',
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let exited = false;
    const killGroup = (): void => {
      if (exited || child.pid === undefined) return;
      try {
        if (process.platform === 'win32') child.kill('SIGKILL');
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const onSignal = (signal: NodeJS.Signals): void => {
      killGroup();
      release();
      process.kill(process.pid, signal); // the signal's own effect, now that the group is gone
    };
    const release = (): void => {
      process.off('exit', killGroup);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    process.on('exit', killGroup);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onOutput?.(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onOutput?.(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      release();
      reject(
        error.code === 'ENOENT'
          ? new UserError(`${command} was not found on PATH; install it or put it on PATH`)
          : error,
      );
    });
    child.on('exit', () => {
      // the plugin may outlive spin itself: the group goes with it
      killGroup();
      exited = true;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      release();
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr, timedOut });
    });
  });
}
