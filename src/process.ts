import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { childEnvironment } from './child-env.js';
import { InterruptedError } from './errors.js';

/**
 * Every process spinwash starts, and what a signal must undo. One stop rule for all of them:
 * SIGTERM, then SIGKILL after a grace period. One-shot commands (src/exec.ts) are stopped with
 * their whole tree (cargo's rustc, a CLI's helpers); servers (the embedded runtime, `spin up`,
 * `wash dev`) run in a process group of their own, stopped as a group.
 *
 * On SIGINT or SIGTERM (installSignalHandlers, called by the two entry points) every live
 * process is stopped, then every registered cleanup runs (temp folders, the project lock),
 * and spinwash exits with 130 or 143.
 */

/** Grace period between SIGTERM and SIGKILL. */
export const STOP_GRACE_MS = 3000;
const POLL_MS = 20;

type Stop = () => Promise<void> | void;
const processes = new Set<Stop>();
const cleanups = new Set<Stop>();
/** Set once spinwash is on its way out (a signal, or the work done): what registers after it is undone at once. */
let stopping = false;
/** What was undone at once after that, awaited before exiting. */
const late: Promise<unknown>[] = [];

function runLate(stop: Stop): () => void {
  late.push(
    Promise.resolve()
      .then(stop)
      .catch(() => {}),
  );
  return () => {};
}

/** Awaits what was undone late, including what that started (a release that was under way). */
async function drainLate(): Promise<void> {
  while (late.length > 0) await Promise.all(late.splice(0));
}

/** The signal spinwash is handling, if any. */
interface Interruption {
  readonly signal: 'SIGINT' | 'SIGTERM';
  readonly code: number;
  /** Resolves once the handler has cleaned up and called exit. */
  readonly done: Promise<void>;
}
let interruption: Interruption | undefined;
/** Resolved when the run's own work has settled (exitWhenDone), so its `finally`s have run. */
let settle: () => void = () => {};
const settled = new Promise<void>((resolve) => (settle = resolve));
/** How long, after a signal, the run may take to settle (release its lock, remove its folders). */
const SETTLE_MS = 5000;

/** The signal being handled (SIGINT, SIGTERM), or undefined. */
export function interruptedBy(): 'SIGINT' | 'SIGTERM' | undefined {
  return interruption?.signal;
}

/** Throws an InterruptedError once a signal came: nothing new starts after it. */
export function throwIfInterrupted(): void {
  if (interruption) throw new InterruptedError(interruption.signal);
}

/** Registers how to stop a live process; call the returned function once it has exited. */
export function trackProcess(stop: Stop): () => void {
  // the pipeline runs on while the signal is handled: a process started now is stopped now
  if (stopping) return runLate(stop);
  processes.add(stop);
  return () => processes.delete(stop);
}

/**
 * Registers something to undo on a signal (a temp folder, a lock); call the returned function
 * when done. A cleanup may run twice (at the signal, and again once the run has wound down, in
 * case it wrote into a folder that was already removed): it must be idempotent, and one that
 * may be under way when the signal comes (a release) returns the same promise when called again.
 */
export function onInterrupt(cleanup: Stop): () => void {
  // registered after the signal: undone now, and again on the way out
  if (stopping) runLate(cleanup);
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** How many processes are registered (tests check nothing is left). */
export function liveProcessCount(): number {
  return processes.size;
}

/**
 * Stops every registered process, then anything still running below this one (a grandchild
 * whose parent died first), then runs the cleanups. Errors are swallowed: this runs on the way out.
 */
export async function stopEverything(graceMs = STOP_GRACE_MS): Promise<void> {
  stopping = true;
  await Promise.all([...processes].map(async (stop) => Promise.resolve(stop()).catch(() => {})));
  processes.clear();
  await stopTree(process.pid, graceMs, { includeRoot: false });
  // kept after running: a second pass (after the run has wound down) undoes them again
  for (const cleanup of [...cleanups].reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch(() => {});
  }
  await drainLate();
}

let installed = false;

/**
 * SIGINT → exit 130, SIGTERM → exit 143: says "interrupted", starts nothing new
 * (throwIfInterrupted), stops everything started, undoes what is registered, lets the run
 * settle briefly (its own `finally`s release what they hold), undoes what registered since,
 * and exits. A second signal while that runs kills what is left at once.
 */
export function installSignalHandlers(
  exit: (code: number) => void = (code) => process.exit(code),
  log: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): void {
  if (installed) return;
  installed = true;
  const handle = (signal: 'SIGINT' | 'SIGTERM'): void => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (interruption) {
      for (const pid of descendants(process.pid)) signalPid(pid, 'SIGKILL');
      exit(interruption.code);
      return;
    }
    log(`spinwash: interrupted (${signal}): stopping what it started and cleaning up`);
    const done = (async () => {
      await stopEverything();
      // the run winds down (its catch and finally blocks), then what it left is undone again
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, SETTLE_MS))]);
      await stopEverything();
    })()
      .catch(() => {})
      .finally(() => exit(code));
    interruption = { signal, code, done };
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}

/**
 * Ends spinwash once its work is done or has failed, with `code`: whatever is still open (a
 * request a dead server never answers, a socket, a timer) must not keep the process, the job,
 * alive after the result is said. What it started is stopped first, as on a signal. After a
 * signal, the handler ends it (130 / 143) once it has cleaned up.
 */
export async function exitWhenDone(
  code: number,
  exit: (code: number) => void = (c) => process.exit(c),
): Promise<void> {
  settle();
  if (interruption) {
    await interruption.done;
    return;
  }
  await stopEverything();
  // what was written to stdout and stderr is flushed before the exit
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  exit(code);
}

/** pid → parent pid of every process this user can see. */
function processTable(): Map<number, number> {
  const table = new Map<number, number>();
  if (process.platform === 'linux') {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last `)`
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (state !== 'Z') table.set(Number(entry), Number(ppid));
      } catch {
        // it exited while we read
      }
    }
    return table;
  }
  if (process.platform === 'win32') return table;
  try {
    const text = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat='], { encoding: 'utf8' });
    for (const line of text.split('\n')) {
      const [pid, ppid, stat] = line.trim().split(/\s+/);
      if (pid && ppid && !stat?.startsWith('Z')) table.set(Number(pid), Number(ppid));
    }
  } catch {
    // no ps: nothing below us can be found
  }
  return table;
}

/** Every process below `root` (children, their children …), parents before children. */
export function descendants(root: number): number[] {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}

/** True while the process (or, for a negative id, any process of the group) exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (pid > 0 && process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      return false;
    }
  }
  return true;
}

async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}

/**
 * Stops a process and everything below it: SIGTERM to all, SIGKILL to what is left after
 * `graceMs` (including what was started in between).
 */
export async function stopTree(
  root: number,
  graceMs = STOP_GRACE_MS,
  { includeRoot = true }: { includeRoot?: boolean } = {},
): Promise<void> {
  const tree = (): number[] => [...(includeRoot ? [root] : []), ...descendants(root)];
  const first = tree();
  if (first.length === 0) return;
  for (const pid of first) signalPid(pid, 'SIGTERM');
  if (await waitUntil(() => first.every((pid) => !isAlive(pid)), graceMs)) return;
  for (const pid of [...new Set([...first, ...tree()])]) signalPid(pid, 'SIGKILL');
  await waitUntil(() => first.every((pid) => !isAlive(pid)), graceMs);
}

/** A long-running child (a server) in a process group of its own. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves once the child has exited (or failed to start). */
  readonly exited: Promise<void>;
  /** Why it exited (`exit code 1`, `signal SIGKILL`, `spin was not found on PATH`); undefined while it runs. */
  exitReason(): string | undefined;
  /** SIGTERM to its group, SIGKILL after the grace period; resolves once the group is gone. Safe to call twice. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  readonly cwd?: string;
  /** Added to what the child inherits (spinwash's environment without its secrets, src/child-env.ts). */
  readonly env?: NodeJS.ProcessEnv;
  /** Adds an IPC channel (the embedded runtime's child talks over it). */
  readonly ipc?: boolean;
  readonly graceMs?: number;
}

/**
 * Starts a server process in its own process group (so a stop reaches what it starts, and a
 * terminal's Ctrl-C reaches it only through spinwash's handler), registered until it exits.
 */
export function startProcess(
  command: string,
  args: readonly string[],
  options: ServerOptions = {},
): ServerProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: childEnvironment(options.env),
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  let reason: string | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      reason ??= signal ? `signal ${signal}` : `exit code ${code ?? '?'}`;
      resolve();
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      reason ??= error.code === 'ENOENT' ? `${command} was not found on PATH` : error.message;
      resolve();
    });
  });
  const pid = child.pid ?? 0;
  const group = process.platform === 'win32' ? pid : -pid;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (pid === 0) return;
      signalPid(group, 'SIGTERM');
      const gone = await waitUntil(() => reason !== undefined && !isAlive(group), graceMs);
      // what is left of the group (the leader, or a child it left behind) is killed
      if (!gone) signalPid(group, 'SIGKILL');
      await exited;
      await waitUntil(() => !isAlive(group), graceMs);
    })());
  const untrack = trackProcess(stop);
  void exited.then(async () => {
    // the leader is gone: whatever it left in its group goes too, then nothing is tracked
    if (pid !== 0 && isAlive(group)) await stop();
    untrack();
  });
  return { child, pid, exited, exitReason: () => reason, stop };
}
