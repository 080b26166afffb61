import { spawn } from 'node:child_process';
import { UserError } from './errors.js';

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin, then closed (secrets go here, never in argv). */
  input?: string;
  /** Receives stdout and stderr as they arrive (a log group), besides capturing them. */
  onOutput?: (chunk: string) => void;
  /** Kill the child after this many milliseconds. */
  timeoutMs?: number;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** How many characters of stderr an error message carries. */
const TAIL = 2000;

export function tail(text: string, max = TAIL): string {
  const trimmed = text.trimEnd();
  return trimmed.length <= max ? trimmed : `…${trimmed.slice(trimmed.length - max)}`;
}

/**
 * The one way spinwash runs a program: an argument array (never a shell string), output
 * captured, and the exit code returned rather than thrown.
 */
export function execCapture(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    }
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
      if (error.code === 'ENOENT') {
        reject(new UserError(`${command} was not found on PATH; install it or put it on PATH`));
      } else {
        reject(error);
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a program and throws a UserError carrying the command, its exit code and stderr's tail. */
export async function exec(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const result = await execCapture(command, args, options);
  if (result.code !== 0) {
    const detail = tail(result.stderr || result.stdout);
    throw new UserError(
      `\`${[command, ...args].join(' ')}\` failed with exit code ${result.code}${detail ? `:\n${detail}` : ''}`,
    );
  }
  return result;
}
