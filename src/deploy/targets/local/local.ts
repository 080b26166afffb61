import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, UserError } from '../../../errors.js';
import { throwIfInterrupted } from '../../../process.js';
import { toComponent } from '../../../wasm/componentize.js';
import {
  noOptions,
  type DeployableComponent,
  type Deployment,
  type DeployProject,
  type DeployRequest,
  type DeployTarget,
} from '../../target.js';
import { freshServer, waitUntilReady, readyReport } from '../../readiness.js';
import type { RoutedApp } from './embedded/protocol.js';
import { firstAnswers, servePlan } from '../../routing/serve-plan.js';
import { ServeProcess } from './embedded/serve.js';
import { transpileComponent, type TranspiledApp } from './embedded/transpile.js';
import { unsupportedImports } from './embedded/wasi-interfaces.js';
import { makeScratchDir, type ScratchDir } from '../../../fsutil.js';

/** A local deployment, with what a test or benchmark needs to check that stop() cleans up. */
export interface LocalDeployment extends Deployment {
  /** The serving child process. */
  readonly pid: number;
  /** The temp folder holding the transpiled component (removed by stop()). */
  readonly appDir: string;
}

/**
 * The embedded runtime: the component is transpiled to JavaScript with jco and served by
 * preview2-shim's HTTP server in a child process on 127.0.0.1, on a port the OS picks. A Spin
 * app's routed components are all served, behind one port, by spin.toml's routes.
 */
export const localTarget: DeployTarget<undefined> = {
  name: 'local',
  summary:
    '`local` serves the app on 127.0.0.1 in the runtime the `runtime` input names (default: embedded, nothing to install)',
  inputs: {},
  local: true,
  aliases: [
    {
      deploy: 'local',
      runtime: 'embedded',
      summary: '`embedded` (jco + preview2-shim, nothing to install)',
    },
  ],
  previews: false,
  reportName: 'local',
  parseOptions: noOptions,
  deploy: deployLocal,
};

/** What the embedded runtime reads of a deploy request (tests and the benchmark call it directly). */
export type LocalRequest = Pick<
  DeployRequest,
  'components' | 'healthPath' | 'healthExpect' | 'timeoutSeconds' | 'logger'
> & {
  /** A Spin app's routes: with them every routed component is served (else only the first). */
  readonly project?: Pick<DeployProject, 'routes'>;
};

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

/** Componentizes a core module, transpiles it into `dir` and checks the shim can run it. */
async function prepare(component: DeployableComponent, dir: string): Promise<TranspiledApp> {
  const wasm = await toComponent(await readWasm(component.wasmPath), component.wasmPath);
  // after a signal its folder is removed: nothing is written into it again
  throwIfInterrupted();
  await mkdir(dir, { recursive: true });
  const app = await transpileComponent(wasm, dir);
  checkServable(app, component.wasmPath);
  return app;
}

/**
 * Componentizes the component (each routed component of a Spin app) if it is a core module,
 * transpiles it, serves it in a child process and waits for a 200 on the health path; a Spin
 * app's routes are then asked once each. On any failure everything started is stopped and
 * removed before the error is thrown.
 */
export async function deployLocal(request: LocalRequest): Promise<LocalDeployment> {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1000;
  const plan = servePlan({ ...request, target: 'local' });
  // Started first: the runtime loads while the component is made and transpiled.
  const child = new ServeProcess(request.logger);
  let scratch: ScratchDir | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      try {
        await child.stop();
      } finally {
        await scratch?.remove();
      }
    })());

  try {
    throwIfInterrupted();
    // an interrupted deploy removes it too
    scratch = await makeScratchDir('spinwash-local-');
    const { dir } = scratch;
    const apps: TranspiledApp[] = [];
    for (const [index, component] of plan.components.entries())
      apps.push(await prepare(component, plan.routes ? path.join(dir, String(index)) : dir));
    const routed: RoutedApp | undefined = plan.routes && {
      components: plan.components.map((component, index) => ({
        name: component.name,
        dir: apps[index]!.dir,
        entry: apps[index]!.entry,
      })),
      routes: plan.routes.map(({ route, component }) => ({ route, component })),
    };
    const port = await child.serve(apps[0]!, Math.max(0, deadline - performance.now()), routed);
    const url = `http://127.0.0.1:${port}/`;
    request.logger.info(`deploy \`local\`: serving on ${url}, asking GET ${request.healthPath}`);
    const ready = await waitUntilReady(
      // the router's table (and a lone component) answers a path the same way while it runs
      freshServer(
        'deploy `local`',
        request,
        started,
        () => url,
        () => child.exitReason(),
        {
          ...(plan.routes ? { routes: plan.routes } : {}),
          fixedRoutes: true,
        },
      ),
    ).catch(async (error: unknown) => {
      if (!(error instanceof UserError)) throw error;
      await child.stop(); // its last words (the trap message) are in by then
      const trap = child.trap();
      throw trap === undefined
        ? error.rewrite((message) => `${message}${child.stderrNote()}`)
        : new UserError(
            `deploy \`local\`: the component trapped while answering GET ${request.healthPath} (${trap})${child.stderrNote()}`,
          );
    });
    const routes =
      plan.routes && (await firstAnswers(url, plan.routes, { ...request, target: 'local' }));
    return {
      report: {
        ...readyReport(localTarget.reportName, url, ready),
        ...(routes ? { routes } : {}),
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
