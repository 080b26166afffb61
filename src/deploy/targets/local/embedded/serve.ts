import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { assetPath, runningFromSource } from '../../../../assets.js';
import { UserError } from '../../../../errors.js';
import { tail } from '../../../../exec.js';
import type { Logger } from '../../../../log.js';
import { startProcess, type ServerProcess } from '../../../../process.js';
import type { ChildMessage, RoutedApp, ServeRequest } from './protocol.js';
import type { TranspiledApp } from './transpile.js';

/** How much of the child's stderr is kept for error messages. */
const KEEP_STDERR = 16_000;

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
 * The serving child process (serve-child.ts). It is started first and handed the app later,
 * so loading Node, the runtime and (from source) tsx overlaps componentize and transpile.
 */
export class ServeProcess {
  readonly #process: ServerProcess;
  /** Resolves when the child reports that it is ready for an app. */
  readonly #waiting: Promise<void>;
  #stderr = '';
  #trap: string | undefined;

  /** Starts serve-child; its output goes to `logger.output`. */
  constructor(logger: Logger) {
    this.#process = startProcess(process.execPath, serveChildArgs(), { ipc: true });
    this.#process.child.on('message', (message: ChildMessage) => {
      if (message.type === 'trapped') this.#trap = message.message;
    });
    this.#waiting = new Promise((resolve) => {
      this.#process.child.on('message', (message: ChildMessage) => {
        if (message.type === 'waiting') resolve();
      });
    });
    this.#process.child.stdout
      ?.setEncoding('utf8')
      .on('data', (chunk: string) => logger.output(chunk));
    this.#process.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-KEEP_STDERR);
      logger.output(chunk);
    });
  }

  get pid(): number {
    return this.#process.pid;
  }

  /** Why it exited, once it has (`exit code 1`, `signal SIGKILL`); undefined while it runs. */
  exitReason(): string | undefined {
    return this.#process.exitReason();
  }

  /** What the guest trapped on while answering a request (`RuntimeError: …`), if it did. */
  trap(): string | undefined {
    return this.#trap;
  }

  /** `; its stderr ends with: …` for an error message, or nothing when it wrote none. */
  stderrNote(): string {
    const text = tail(this.#stderr);
    return text ? `; its stderr ends with:\n${text}` : '';
  }

  /**
   * Serves `app` and resolves with the port once it listens on 127.0.0.1. If the child fails,
   * exits or is not listening within `timeoutMs`, it is killed and the error carries its stderr.
   * `routed` (a Spin app) serves all its components behind one port instead.
   */
  serve(app: TranspiledApp, timeoutMs: number, routed?: RoutedApp): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const fail = (why: string): void => {
        clearTimeout(timer);
        // Kill first, then report, with whatever stderr the child managed to write.
        void this.stop().then(() =>
          reject(new UserError(`the local runtime ${why}${this.stderrNote()}`)),
        );
      };
      const timer = setTimeout(
        () => fail(`was not serving the component within ${(timeoutMs / 1000).toFixed(1)} s`),
        timeoutMs,
      );
      this.#process.child.on('message', (message: ChildMessage) => {
        if (message.type === 'failed') {
          fail(`could not start the component: ${message.message}`);
        } else if (message.type === 'listening') {
          clearTimeout(timer);
          resolve(message.port);
        }
      });
      void this.#process.exited.then(() =>
        fail(`stopped before it was serving (${this.#process.exitReason() ?? 'unknown'})`),
      );
      void this.#waiting.then(() => {
        const request: ServeRequest = {
          type: 'serve',
          dir: app.dir,
          entry: app.entry,
          ...(routed ? { routed } : {}),
        };
        this.#process.child.send(request, (error) => {
          if (error) fail(`could not be handed the component: ${error.message}`);
        });
      });
    });
  }

  /** Stops the child (SIGTERM, then SIGKILL after a grace) and waits until it has exited. Safe to call twice. */
  stop(): Promise<void> {
    return this.#process.stop();
  }
}
