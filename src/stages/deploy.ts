import path from 'node:path';
import type { RunPlan } from '../config/config.js';
import type { DeployProject, DeployRequest, Preview } from '../deploy/target.js';
import { defaultHealthPath } from '../deploy/routing/routes.js';
import type { Logger } from '../log.js';
import { onInterrupt } from '../process.js';
import type { Project } from '../projects/project.js';
import type { ComponentReport, DeployReport } from '../report/model.js';

/** The app's name and manifest, as far as the project kind knows them. */
export function deployProjectOf(project: Project): DeployProject {
  const known = project as Project & {
    appName?: string;
    manifest?: string;
    application?: { name?: string; manifest?: string };
    routes?: DeployProject['routes'];
  };
  const appName =
    known.appName ??
    known.application?.name ??
    project.components[0]?.name ??
    path.basename(project.dir);
  const manifest = known.manifest ?? known.application?.manifest;
  return {
    kind: project.kind,
    dir: project.dir,
    appName,
    ...(manifest ? { manifest } : {}),
    ...(known.routes ? { routes: known.routes } : {}),
  };
}

/** Everything a target's deploy (or undeploy) reads, from the plan and the optimized components. */
export function deployRequest(
  project: Project,
  components: readonly ComponentReport[],
  config: Pick<RunPlan, 'deploy' | 'projectDir'>,
  logger: Logger,
  preview?: Preview,
): DeployRequest {
  const { deploy } = config;
  const target = deployProjectOf(project);
  return {
    project: target,
    components: components.map((c) => ({
      name: c.name,
      wasmPath: path.resolve(config.projectDir, c.wasm),
    })),
    // no `health-path`: the app's first route (a Spin app without `/` has none at `/`)
    healthPath: deploy.healthPath ?? defaultHealthPath(target.routes),
    ...(deploy.healthExpect !== undefined ? { healthExpect: deploy.healthExpect } : {}),
    timeoutSeconds: deploy.timeoutSeconds,
    options: deploy.options,
    secrets: deploy.secrets,
    ...(preview ? { preview } : {}),
    logger,
  };
}

/** The deploy target's own checks (src/deploy/target.ts `check`), before anything is built. */
export async function checkDeploy(
  project: Project,
  config: Pick<RunPlan, 'deploy' | 'projectDir'>,
  logger: Logger,
  preview?: Preview,
): Promise<void> {
  await config.deploy.target?.check?.(deployRequest(project, [], config, logger, preview));
}

/** The deploy's line in the log: where it answered (a port-forward has no address to give). */
export function deployedLine(report: DeployReport): string {
  const where = report.url
    ? `deployed to ${report.url}`
    : `deployed to \`${report.target}\` (answering through spinwash's own port-forward, closed after the run)`;
  return `${where}: HTTP ${report.status} after ${report.readySeconds.toFixed(3)} s`;
}

/**
 * Deploys the optimized components and times the new version's first healthy answer. What
 * runs on this machine is stopped again: a local deploy only proves the result loads and
 * answers; a remote one stays up.
 */
export async function deployComponents(
  project: Project,
  components: readonly ComponentReport[],
  config: Pick<RunPlan, 'deploy' | 'projectDir'>,
  logger: Logger,
  preview?: Preview,
): Promise<DeployReport | undefined> {
  const { target } = config.deploy;
  if (!target) return undefined;
  const request = deployRequest(project, components, config, logger, preview);
  if (config.deploy.healthPath === undefined && request.project.routes?.length)
    logger.info(`health check: GET ${request.healthPath}, the app's first route`);
  const deployment = await target.deploy(request);
  // a signal while it runs takes it down as stop() would (a wash host, an app deployed to it)
  const forget = onInterrupt(() => deployment.stop());
  try {
    logger.info(deployedLine(deployment.report));
    return preview
      ? { ...deployment.report, preview: { name: preview.name, number: preview.number } }
      : deployment.report;
  } finally {
    await deployment.stop();
    forget();
  }
}
