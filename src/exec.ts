import type { ChildProcess } from 'node:child_process';
import { channel, type Channel } from 'node:diagnostics_channel';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';
import { childEnvironment } from './child-env.js';
import { InterruptedError, UserError, errorMessage } from './errors.js';
import { stopTree, trackProcess } from './process.js';

export interface ExecOptions {
  cwd?: string;
  /**
   * Added to (and overriding) what the child inherits: spinwash's environment without its
   * secrets (src/child-env.ts); a secret the child needs is handed here. `undefined` leaves a variable out.
   */
  env?: NodeJS.ProcessEnv;
  /** Inherited variables to leave out (e.g. the release-profile tweaks for the ladder's plain build). */
  dropEnv?: (name: string) => boolean;
  /** Written to the child's stdin, then closed (secrets go here, never in argv). */
  input?: string;
  /** Receives stdout and stderr as they arrive (a log group), besides capturing them. */
  onOutput?: (chunk: string) => void;
  /** Stop the command (and what it started) after this many milliseconds: a UserError with its output's tail. */
  timeoutMs?: number;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command stopped at its `timeoutMs`: a UserError that keeps what it printed. */
export class CommandTimeoutError extends UserError {
  constructor(
    message: string,
    /** The tail of its stdout and stderr, interleaved as they came. */
    readonly output: string,
  ) {
    super(message);
  }
}

/** How many characters of stderr an error message carries. */
const TAIL = 2000;
/**
 * How long to wait for the output pipes to close once the command has exited: a grandchild
 * that inherited them (a daemon `wash up -d` starts) must not keep spinwash waiting.
 */
const PIPES_GRACE_MS = 1000;

export function tail(text: string, max = TAIL): string {
  const trimmed = text.trimEnd();
  return trimmed.length <= max ? trimmed : `…${trimmed.slice(trimmed.length - max)}`;
}

/**
 * @actions/exec does not hand out the child it spawns; Node announces every new child on the
 * `child_process` diagnostics channel, so a running command claims its own there (matched by
 * program and arguments), to stop it on a timeout or a signal and to catch stdin errors.
 */
type Claim = { file: string; args: readonly string[]; take: (child: ChildProcess) => void };
const claims: Claim[] = [];
/** Held here: a channel nobody references may be garbage-collected with its subscribers. */
let spawned: Channel | undefined;

function claimChild(
  file: string,
  args: readonly string[],
  take: (child: ChildProcess) => void,
): Claim {
  if (!spawned) {
    spawned = channel('child_process');
    spawned.subscribe((message) => {
      const child = (message as { process: ChildProcess }).process;
      // spawnfile and spawnargs are set once spawn() returns
      process.nextTick(() => {
        const index = claims.findIndex(
          (c) =>
            path.basename(child.spawnfile ?? '') === path.basename(c.file) &&
            child.spawnargs.length === c.args.length + 1 &&
            c.args.every((arg, i) => child.spawnargs[i + 1] === arg),
        );
        if (index !== -1) claims.splice(index, 1)[0]!.take(child);
      });
    });
  }
  const claim = { file, args, take };
  claims.push(claim);
  return claim;
}

/**
 * The one way spinwash runs a program to completion (@actions/exec underneath): an argument
 * array (never a shell string), output captured and never echoed to stdout, and the exit code
 * returned rather than thrown. A missing program is a UserError; so is a timeout.
 */
export async function execCapture(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  let output = '';
  const listener = (stream: 'stdout' | 'stderr') => (data: Buffer) => {
    const chunk = decoders[stream].decode(data, { stream: true });
    output = (output + chunk).slice(-4 * TAIL);
    options.onOutput?.(chunk);
  };
  let child: ChildProcess | undefined;
  let timedOut = false;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    child?.pid ? (stopping ??= stopTree(child.pid)) : Promise.resolve();
  let untrack = (): void => {};
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          void stop();
        }, options.timeoutMs);
  // Synchronously in the tick after spawn: before a stdin error (EPIPE) can be emitted.
  const claim = claimChild(command, args, (c) => {
    child = c;
    // A child that exits or closes stdin before reading it all: its exit code tells what happened.
    c.stdin?.on('error', () => {});
    untrack = trackProcess(stop);
    if (timedOut) void stop();
  });
  try {
    const result = await getExecOutput(command, [...args], {
      cwd: options.cwd,
      env: childEnvironment(options.env, options.dropEnv),
      silent: true,
      ignoreReturnCode: true,
      delay: PIPES_GRACE_MS,
      input: Buffer.from(options.input ?? ''),
      listeners: { stdout: listener('stdout'), stderr: listener('stderr') },
    });
    if (timedOut) {
      const text = tail(output);
      throw new CommandTimeoutError(
        `\`${[command, ...args].join(' ')}\` did not finish within ${formatMs(options.timeoutMs!)} and was stopped${text ? `; its output ends with:\n${text}` : ''}`,
        output,
      );
    }
    // a command that died of an interrupt (a terminal's Ctrl-C reaches it too, or the handler
    // stopped it) did not fail: the run was interrupted
    const signal = killedBy(child);
    if (signal) throw new InterruptedError(signal);
    // a command killed by a signal has no exit code
    return { code: result.exitCode ?? 128, stdout: result.stdout, stderr: result.stderr };
  } catch (error) {
    if (error instanceof UserError) throw error;
    const message = errorMessage(error);
    // @actions/io's `which` when the program is not on PATH; Node's spawn error otherwise
    if (/Unable to locate executable file|ENOENT/.test(message)) {
      throw new UserError(`${command} was not found on PATH; install it or put it on PATH`);
    }
    if (/The cwd: .* does not exist/.test(message)) {
      throw new UserError(`Cannot run ${command}: its folder ${options.cwd ?? ''} does not exist`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    untrack();
    // a claim never met (the program was not found, so nothing was spawned) is dropped
    const index = claims.indexOf(claim);
    if (index !== -1) claims.splice(index, 1);
  }
}

/** SIGINT or SIGTERM when that is what ended the child (not a timeout of ours). */
function killedBy(child: ChildProcess | undefined): 'SIGINT' | 'SIGTERM' | undefined {
  const signal = child?.signalCode;
  return signal === 'SIGINT' || signal === 'SIGTERM' ? signal : undefined;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
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
