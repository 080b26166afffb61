import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errorMessage, UserError } from '../../errors.js';
import { onInterrupt } from '../../process.js';
import { toComponent } from '../../wasm/componentize.js';
import type { DeployableComponent, Deployment, DeployRequest, DeployTarget } from '../target.js';
import { waitForHealthy } from '../health.js';
import { ServeProcess } from './serve.js';
import { transpileComponent, type TranspiledApp } from './transpile.js';
import { unsupportedImports } from './wasi-interfaces.js';

/** A local deployment, with what a test or benchmark needs to check that stop() cleans up. */
export interface LocalDeployment extends Deployment {
  /** The serving child process. */
  readonly pid: number;
  /** The temp folder holding the transpiled component (removed by stop()). */
  readonly appDir: string;
}

/**
 * The embedded runtime: the component is transpiled to JavaScript with jco and served by
 * preview2-shim's HTTP server in a child process on 127.0.0.1, on a port the OS picks.
 */
export const localTarget: DeployTarget = {
  name: 'local',
  deploy: deployLocal,
};

function pickComponent(request: DeployRequest): DeployableComponent {
  const [first, ...rest] = request.components;
  if (!first) throw new UserError('deploy `local`: the project built no component to serve');
  if (rest.length > 0) {
    request.logger.warning(
      `deploy \`local\` serves one component; serving ${first.name} (not ${rest.map((c) => c.name).join(', ')})`,
    );
  }
  return first;
}

async function readWasm(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new UserError(`deploy \`local\`: cannot read ${file}: ${errorMessage(error)}`, file);
  }
}

/** Refuses, before anything starts, a component the embedded runtime cannot run. */
function checkServable(app: TranspiledApp, file: string): void {
  const missing = unsupportedImports(app.imports);
  if (missing.length > 0) {
    throw new UserError(
      `deploy \`local\`: ${file} imports ${missing.join(', ')}, which the embedded runtime (preview2-shim) cannot ` +
        'provide; it provides the wasi 0.2 interfaces (wasi:cli, clocks, filesystem, http, io, random, sockets). ' +
        'Deploy it to a runtime that has them (e.g. `spin`), or skip the deploy (`deploy: none`, `--deploy none`)',
      file,
    );
  }
  if (!app.exports.some((name) => name.startsWith('wasi:http/incoming-handler'))) {
    throw new UserError(
      `deploy \`local\`: ${file} does not export wasi:http/incoming-handler, so there is nothing to serve over HTTP ` +
        `(it exports: ${app.exports.join(', ') || 'nothing'})`,
      file,
    );
  }
}

/**
 * Componentizes the (first) component if it is a core module, transpiles it, serves it in a
 * child process and waits for a 200 on the health path. On any failure everything started is
 * stopped and removed before the error is thrown.
 */
export async function deployLocal(request: DeployRequest): Promise<LocalDeployment> {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1000;
  const component = pickComponent(request);
  // Started first: the runtime loads while the component is made and transpiled.
  const child = new ServeProcess(request.logger);
  let dir: string | undefined;
  let forgetDir = (): void => {};
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      try {
        await child.stop();
      } finally {
        if (dir !== undefined) await rm(dir, { recursive: true, force: true });
        forgetDir();
      }
    })());

  try {
    const wasm = await toComponent(await readWasm(component.wasmPath), component.wasmPath);
    dir = await mkdtemp(path.join(tmpdir(), 'spinwash-local-'));
    const made = dir;
    // an interrupted deploy removes it too
    forgetDir = onInterrupt(() => rm(made, { recursive: true, force: true }));
    const app = await transpileComponent(wasm, dir);
    checkServable(app, component.wasmPath);
    const port = await child.serve(app, Math.max(0, deadline - performance.now()));
    const url = `http://127.0.0.1:${port}/`;
    const first = await waitForHealthy(
      new URL(request.healthPath, url).href,
      deadline,
      request.timeoutSeconds,
      () => child.exitReason(),
    ).catch(async (error: unknown) => {
      if (!(error instanceof UserError)) throw error;
      await child.stop(); // its last words (the trap message) are in by then
      const trap = child.trap();
      throw new UserError(
        trap === undefined
          ? `deploy \`local\`: ${error.message}${child.stderrNote()}`
          : `deploy \`local\`: the component trapped while answering GET ${request.healthPath} (${trap})${child.stderrNote()}`,
      );
    });
    const readySeconds = (performance.now() - started) / 1000;
    return {
      report: {
        target: 'local',
        url,
        status: first.status,
        readySeconds,
        firstResponseSeconds: first.seconds,
      },
      pid: child.pid,
      appDir: dir,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
