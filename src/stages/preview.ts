import { deployName, type RunPlan } from '../config/config.js';
import { forkNotice, previewEvent, previewOf, type PreviewEvent } from '../deploy/preview.js';
import { DEPLOY_TARGETS } from '../deploy/registry.js';
import { missingRequired, type Preview } from '../deploy/target.js';
import type { RunContext } from '../github/context.js';
import type { Logger } from '../log.js';
import { detectProject } from '../projects/detect.js';
import type { Project } from '../projects/project.js';
import { setupPlatformTools } from '../setup/index.js';
import { deployProjectOf, deployRequest } from './deploy.js';

/**
 * `preview: true` in a run: which preview this pull request deploys, or why it deploys none
 * (a fork's PR: a notice for the summary, never a failure); and, on the `closed` event,
 * deleting the preview instead of the whole pipeline (nothing is built).
 */

export interface PreviewPlan {
  /** Deploy under this name instead of the app's own. */
  readonly preview?: Preview;
  /** Deploy nothing, and say why in the report. */
  readonly skipNotice?: string;
}

/** The plan's deploy part a preview decision reads. */
type PreviewDeploy = { readonly deploy: Pick<RunPlan['deploy'], 'target' | 'preview' | 'secrets'> };

/** The PR event when a preview applies: `preview: true`, a PR event, a target that previews. */
function applicableEvent(config: PreviewDeploy, context: RunContext, logger?: Logger) {
  if (!config.deploy.preview) return undefined;
  const event = previewEvent(context.github);
  if (!event) return undefined;
  const { target } = config.deploy;
  if (!target?.previews || !target.undeploy) {
    const previewing = DEPLOY_TARGETS.filter((t) => t.previews).map((t) => t.name);
    logger?.warning(
      `\`preview: true\` needs a deploy target that can delete its app (${previewing.join(', ')}); \`deploy: ${deployName(config.deploy)}\` deploys as usual`,
    );
    return undefined;
  }
  return event;
}

/**
 * Why this pull request's run has no secrets to deploy (or delete) a preview with: a fork's
 * PR, or an empty token input (Dependabot's PRs get no secrets either); undefined when it has.
 */
function withoutSecrets(config: PreviewDeploy, event: PreviewEvent): string | undefined {
  if (event.fromFork) return forkNotice(event.number);
  // an optional secret (`oci-password`: the Docker config may log in) is no reason to skip
  const { target } = config.deploy;
  const missing = target
    ? missingRequired(target, config.deploy.secrets).map((name) => `\`${name}\``)
    : [];
  return missing.length > 0
    ? `No preview for #${event.number}: ${missing.join(', ')} is empty in this run (GitHub gives no secrets to a fork's or Dependabot's pull request).`
    : undefined;
}

/**
 * Why this run's preview is skipped for want of secrets (a fork's or Dependabot's pull
 * request), or undefined: such a run needs no token, and passes without deploying.
 */
export function previewWithoutSecrets(
  config: PreviewDeploy,
  context: RunContext,
): string | undefined {
  const event = applicableEvent(config, context);
  return event ? withoutSecrets(config, event) : undefined;
}

/** The preview plan of a run that deploys (not the `closed` event). */
export async function planPreview(
  config: Pick<RunPlan, 'deploy'>,
  project: Project,
  logger: Logger,
  context: RunContext,
): Promise<PreviewPlan> {
  const event = applicableEvent(config, context, logger);
  if (!event || event.closed) return {};
  const notice = withoutSecrets(config, event);
  if (notice) {
    logger.warning(notice);
    return { skipNotice: notice };
  }
  const preview = previewOf(deployProjectOf(project).appName, event.number);
  logger.info(`preview: deploying this pull request as ${preview.name}`);
  return { preview };
}

/**
 * On a pull request's `closed` event with `preview: true`: deletes the preview and confirms
 * it is gone (a failed delete throws). Returns what it did, or undefined for any other run
 * (which then runs the pipeline).
 */
export async function closePreview(
  config: RunPlan,
  logger: Logger,
  context: RunContext,
): Promise<string | undefined> {
  const event = applicableEvent(config, context); // planPreview warns, once
  if (!event?.closed) return undefined;
  const notice = withoutSecrets(config, event);
  if (notice) {
    const nothing = `${notice} Nothing to delete.`;
    logger.info(nothing);
    return nothing;
  }
  await setupPlatformTools(config.tools, {
    logger,
    ...(config.githubToken ? { token: config.githubToken } : {}),
  });
  const project = await detectProject(config.projectDir, config.tools.projectKind);
  const preview = previewOf(deployProjectOf(project).appName, event.number);
  await config.deploy.target!.undeploy!(deployRequest(project, [], config, logger, preview));
  const done = `Preview ${preview.name} deleted: pull request #${event.number} was closed.`;
  logger.info(done);
  return done;
}
