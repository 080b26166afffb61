import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { assetPath, runningFromSource } from '../../assets.js';
import { UserError } from '../../errors.js';
import { tail } from '../../exec.js';
import type { Logger } from '../../log.js';
import type { ServeChildMessage } from './protocol.js';
import type { TranspiledApp } from './transpile.js';

/** Grace period between SIGTERM and SIGKILL when stopping the child. */
const KILL_AFTER_MS = 2000;
/** How much of the child's stderr is kept for error messages. */
const KEEP_STDERR = 16_000;

/** The serving process, once it listens. */
export interface ServeChild {
  readonly pid: number;
  readonly port: number;
  /** Why it exited, once it has (`exit code 1`, `signal SIGKILL`); undefined while it runs. */
  exitReason(): string | undefined;
  /** The end of what it wrote to stderr, for error messages. */
  stderrTail(): string;
  /** Kills it and waits until it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Node arguments that run serve-child: dist/serve-child.js from the bundle; from the sources
 * the .ts through tsx's loader, named by absolute URL so it resolves whatever the cwd.
 */
function serveChildArgs(): string[] {
  const script = assetPath('serve-child');
  if (!runningFromSource()) return [script];
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(tsx).href, script];
}

/**
 * Starts serve-child on `app` and resolves once it listens on 127.0.0.1. If it fails, exits or
 * does not listen within `timeoutMs`, it is killed and the error carries its stderr.
 */
export function startServeChild(app: TranspiledApp, logger: Logger, timeoutMs: number): Promise<ServeChild> {
  const child = spawn(process.execPath, [...serveChildArgs(), app.dir, app.entry], {
    cwd: app.dir,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  let exitReason: string | undefined;
  // Created before anything can happen, so a stop() after the exit still resolves.
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitReason = signal ? `signal ${signal}` : `exit code ${code ?? '?'}`;
      resolve();
    });
    child.once('error', (error) => {
      exitReason ??= error.message;
      resolve();
    });
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => logger.output(chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-KEEP_STDERR);
    logger.output(chunk);
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (exitReason === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
        await exited;
        clearTimeout(timer);
      }
    })());
  const failure = (why: string): UserError => {
    const detail = tail(stderr);
    return new UserError(`the local runtime ${why}${detail ? `; its stderr ends with:\n${detail}` : ''}`);
  };

  return new Promise<ServeChild>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      // Kill first, then report, with whatever stderr the child managed to write.
      void stop().then(() => reject(failure(why)));
    };
    const timer = setTimeout(() => fail(`did not start listening within ${(timeoutMs / 1000).toFixed(1)} s`), timeoutMs);
    child.on('message', (message: ServeChildMessage) => {
      if (message.type === 'failed') {
        fail(`could not start the component: ${message.message}`);
        return;
      }
      clearTimeout(timer);
      resolve({
        pid: child.pid ?? 0,
        port: message.port,
        exitReason: () => exitReason,
        stderrTail: () => tail(stderr),
        stop,
      });
    });
    void exited.then(() => fail(`stopped before it was ready (${exitReason ?? 'unknown'})`));
  });
}
