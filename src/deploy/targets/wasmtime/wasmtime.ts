import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, UserError } from '../../../errors.js';
import { tail } from '../../../exec.js';
import { componentWorld } from '../../../wasm/component-world.js';
import { toComponent } from '../../../wasm/componentize.js';
import { startRouter, type Router } from '../../routing/router.js';
import { freshServer, readyReport, waitUntilReady } from '../../readiness.js';
import {
  noOptions,
  type DeployableComponent,
  type Deployment,
  type DeployRequest,
  type DeployTarget,
} from '../../target.js';
import {
  exportsHttpHandler,
  serveWithWasmtime,
  WASMTIME_PROVIDES,
  wasmtimeMissing,
  type WasmtimeServer,
} from '../../wasmtime-serve.js';
import { firstAnswers, servePlan } from '../../routing/serve-plan.js';
import { makeScratchDir, type ScratchDir } from '../../../fsutil.js';

/**
 * `wasmtime serve` on 127.0.0.1: the component on the wasi:http host Spin embeds, with
 * nothing of Spin around it. A Spin app's wasip1 module is made a component first as Spin
 * makes it one (the preview1 adapter, src/wasm/componentize.ts); a Spin app's routed
 * components each get their own `wasmtime serve`, behind one port routed by spin.toml's
 * routes (the embedded runtime's router). Timed by the same clock as the other local runtimes.
 */
export const wasmtimeTarget: DeployTarget<undefined> = {
  name: 'wasmtime',
  cli: 'wasmtime',
  summary:
    '`wasmtime` serves it with `wasmtime serve` on 127.0.0.1 (same as `local` with `runtime: wasmtime`)',
  inputs: {},
  local: true,
  aliases: [
    {
      deploy: 'local',
      runtime: 'wasmtime',
      summary: '`wasmtime` (`wasmtime serve`, the wasi:http host Spin embeds)',
    },
  ],
  previews: false,
  reportName: 'wasmtime',
  parseOptions: noOptions,
  deploy: deployWasmtime,
};

/** The component wasmtime will serve, written to `file`; refused in one line if it cannot. */
async function prepare(component: DeployableComponent, file: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(component.wasmPath);
  } catch (error) {
    throw new UserError(
      `deploy \`wasmtime\`: cannot read ${component.wasmPath}: ${errorMessage(error)}`,
      component.wasmPath,
    );
  }
  const wasm = await toComponent(bytes, component.wasmPath);
  const world = componentWorld(wasm);
  const missing = wasmtimeMissing(world);
  if (missing.length > 0) {
    throw new UserError(
      `deploy \`wasmtime\`: ${component.wasmPath} imports ${missing.join(', ')}, which \`wasmtime serve\` cannot provide ` +
        `(it provides ${WASMTIME_PROVIDES}; Spin's own APIs such as fermyon:spin/key-value only Spin has): use \`runtime: spin\``,
      component.wasmPath,
    );
  }
  if (!exportsHttpHandler(world)) {
    throw new UserError(
      `deploy \`wasmtime\`: ${component.wasmPath} does not export wasi:http/incoming-handler, so there is nothing to serve over HTTP ` +
        `(it exports: ${world.exports.join(', ') || 'nothing'})`,
      component.wasmPath,
    );
  }
  await writeFile(file, wasm);
}

async function deployWasmtime(request: DeployRequest<undefined>): Promise<Deployment> {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1000;
  const remaining = (): number => Math.max(0, deadline - performance.now());
  const plan = servePlan({ ...request, target: 'wasmtime' });
  const servers: WasmtimeServer[] = [];
  let router: Router | undefined;
  let scratch: ScratchDir | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      try {
        await Promise.all(servers.map((server) => server.process.stop()));
        await router?.close();
      } finally {
        await scratch?.remove();
      }
    })());
  const output = (): string => servers.map((server) => server.process.output()).join('');
  try {
    // an interrupted deploy removes it too
    scratch = await makeScratchDir('spinwash-wasmtime-');
    const { dir } = scratch;
    for (const [index, component] of plan.components.entries()) {
      const file = path.join(dir, `${index}.wasm`);
      await prepare(component, file);
      servers.push(
        await serveWithWasmtime(file, {
          timeoutMs: remaining(),
          cwd: request.project.dir,
          logger: request.logger,
        }),
      );
    }
    if (plan.routes) {
      const upstreams = new Map(
        plan.components.map((component, index) => [component.name, servers[index]!.port]),
      );
      router = await startRouter(plan.routes, upstreams);
    }
    const url = router ? `http://127.0.0.1:${router.port}/` : servers[0]!.url;
    const dead = (): string | undefined =>
      servers.map((server) => server.process.exitReason()).find((reason) => reason !== undefined);
    const ready = await waitUntilReady(
      // as in the embedded runtime: the router's table and a served component's answer to a
      // path do not change while they run, so a 404 names the routes at once
      freshServer('wasmtime serve', request, started, () => url, dead, {
        ...(plan.routes ? { routes: plan.routes } : {}),
        fixedRoutes: true,
      }),
    ).catch((error: unknown) => {
      throw error instanceof UserError
        ? error.rewrite(
            (message) => `${message}${output() ? `; wasmtime said:\n${tail(output())}` : ''}`,
          )
        : error;
    });
    request.logger.info(
      `wasmtime serve: ${url} answered ${ready.status} after ${ready.readySeconds.toFixed(2)} s`,
    );
    const routes =
      plan.routes && (await firstAnswers(url, plan.routes, { ...request, target: 'wasmtime' }));
    return {
      report: {
        ...readyReport(wasmtimeTarget.reportName, url, ready),
        ...(routes ? { routes } : {}),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
