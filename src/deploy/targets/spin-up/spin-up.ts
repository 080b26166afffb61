import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../errors.js';
import { freePort, freshServer, waitUntilReady, readyReport } from '../../readiness.js';
import { startServing } from '../../serving.js';
import { noOptions, type DeployRequest, type Deployment, type DeployTarget } from '../../target.js';

/**
 * `spin up --listen 127.0.0.1:<free port> -f spin.toml`, timed until the health path answers
 * 200. Spin serves the files its manifest names, i.e. the ones the optimize stage rewrote.
 */
export const spinUpTarget: DeployTarget<undefined> = {
  name: 'spin-up',
  cli: 'spin',
  summary: '`spin-up` serves it with `spin up` on 127.0.0.1 (same as `local` with `runtime: spin`)',
  inputs: {},
  local: true,
  projectKinds: ['spin'],
  aliases: [{ deploy: 'local', runtime: 'spin', summary: '`spin` (`spin up`)' }],
  previews: false,
  reportName: 'spin',
  parseOptions: noOptions,
  deploy: deploySpinUp,
};

async function deploySpinUp(request: DeployRequest<undefined>): Promise<Deployment> {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1000;
  const projectDir = request.project.dir;
  const manifest = request.project.manifest ?? path.join(projectDir, 'spin.toml');
  if (!existsSync(manifest)) {
    throw new UserError(
      `runtime \`spin\` needs a spin.toml in ${projectDir}; use runtime \`embedded\` for other projects`,
    );
  }
  const port = await freePort();
  const { logger } = request;
  const spin = startServing(
    'spin',
    ['up', '--listen', `127.0.0.1:${port}`, '-f', manifest],
    projectDir,
    (chunk) => logger.output(chunk),
  );
  try {
    const serving = await spin.waitFor(
      /Serving (http:\/\/\S+)/,
      Math.max(0, deadline - performance.now()),
    );
    const base = serving[1] ?? `http://127.0.0.1:${port}`;
    const url = `${base.replace(/\/$/, '')}/`;
    const ready = await waitUntilReady(
      // Spin's router answers a path no route takes with 404, for as long as it runs
      freshServer('spin up', request, started, () => url, spin.exitReason, {
        ...(request.project.routes ? { routes: request.project.routes } : {}),
        fixedRoutes: true,
      }),
    );
    logger.info(
      `spin up: ${url} answered ${ready.status} after ${ready.readySeconds.toFixed(2)} s`,
    );
    return {
      report: readyReport(spinUpTarget.reportName, url, ready),
      stop: () => spin.stop(),
    };
  } catch (error) {
    await spin.stop();
    throw error instanceof UserError
      ? error.rewrite(
          (message) => (message.startsWith('spin up') ? message : `spin up: ${message}`),
          manifest,
        )
      : error;
  }
}
