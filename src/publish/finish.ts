import { deployName, type RunPlan } from '../config/config.js';
import { UserError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import type { GitHubClient } from '../github/client.js';
import { pullRequestOf, readGitHubContext, type RunContext } from '../github/context.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Report } from '../report/model.js';
import { assessReport } from '../report/regression.js';
import { loadBaseline } from './baseline.js';
import { writeJsonReport } from './report-file.js';
import { writeFileAtomic } from '../fsutil.js';

/**
 * The report stage's last step, shared by the action and the CLI: compare with the baseline,
 * check the budgets, render, and write the JSON and markdown files (atomically) — always,
 * budget broken or not, so a failing run still shows what broke.
 */
export async function finishReport(
  report: Report,
  config: Pick<
    RunPlan,
    'baselineFile' | 'store' | 'budgets' | 'output' | 'githubToken' | 'githubTimeoutSeconds'
  > & {
    readonly deploy?: Pick<RunPlan['deploy'], 'target'>;
    readonly monorepo?: Pick<RunPlan['monorepo'], 'app'>;
  },
  logger: Logger,
  github: { context?: RunContext; env?: NodeJS.ProcessEnv; octokit?: GitHubClient } = {},
): Promise<{ report: Report; markdown: string }> {
  const context = github.context?.github ?? (await readGitHubContext(github.env ?? process.env));
  // A client only where the store may be read: a PR run with a token and no baseline file.
  const needsStore =
    !config.baselineFile &&
    config.store.branch !== undefined &&
    pullRequestOf(context) !== undefined;
  // octokit is loaded only when the store is read (start-up time of the CLI and of push runs).
  const octokit =
    github.octokit ??
    (needsStore ? (await import('../github/client.js')).runClient(config, logger) : undefined);
  let baseline;
  let unavailable: string | undefined;
  try {
    baseline = await loadBaseline(
      config,
      { context, ...(octokit ? { octokit } : {}) },
      logger,
      // a benchmark history of this app on this target holds the deploy time's measured spread
      report.project.name && config.deploy
        ? { app: report.project.name, target: deployName(config.deploy) }
        : undefined,
      // a monorepo's app compares with its own baseline
      config.monorepo?.app !== undefined
        ? { name: config.monorepo.app, path: report.project.path }
        : undefined,
    );
  } catch (error) {
    // The stored baseline is optional context: what was measured is published without it.
    // A `baseline-file` the user named is theirs to fix, so that still fails.
    if (config.baselineFile || !(error instanceof UserError)) throw error;
    unavailable = error.message;
    logger.warning(`No comparison with the base branch: ${unavailable}`);
  }
  const assessed = assessReport(report, config.budgets, baseline);
  if (unavailable !== undefined) assessed.comparisonUnavailable = unavailable;
  const markdown = renderMarkdown(assessed);
  if (config.output.jsonPath)
    await writeReportFile('JSON', config.output.jsonPath, () =>
      writeJsonReport(config.output.jsonPath!, assessed),
    );
  if (config.output.markdownPath)
    await writeReportFile('markdown', config.output.markdownPath, () =>
      writeFileAtomic(config.output.markdownPath!, markdown),
    );
  return { report: assessed, markdown };
}

/** A report that cannot be written (a folder removed since, no permission) is one line, not a bug. */
async function writeReportFile(
  what: string,
  file: string,
  write: () => Promise<void>,
): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : errorMessage(error);
    throw new UserError(`Cannot write the ${what} report to ${file}: ${why}`, file);
  }
}
