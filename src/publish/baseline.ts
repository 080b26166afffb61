import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Logger } from '../log.js';
import type { GitHubClient } from '../github/client.js';
import { pullRequestOf, type GitHubContext } from '../github/context.js';
import type { Baseline } from '../report/regression.js';
import { readJsonReport } from './report-file.js';

/**
 * The baseline to compare against: `baseline-file` when given; else, on a pull request with a
 * token and the store on, the data branch's report of the base commit or its nearest ancestor.
 */
export async function loadBaseline(
  config: Pick<Config, 'baselineFile' | 'store'>,
  github: { context: GitHubContext; octokit?: GitHubClient },
  logger: Logger,
): Promise<Baseline | undefined> {
  if (config.baselineFile) {
    return {
      report: await readJsonReport(config.baselineFile),
      label: `\`${path.basename(config.baselineFile)}\``,
    };
  }
  const pr = pullRequestOf(github.context);
  if (!pr || !config.store.branch || !github.octokit || !pr.baseSha) return undefined;
  // Loaded only here: a run without a store lookup (the CLI, a push) never loads octokit.
  const { findBaseReport } = await import('../github/store.js');
  const store = { octokit: github.octokit, repo: pr, branch: config.store.branch, logger };
  const found = await findBaseReport(store, pr.baseSha, pr.baseRef);
  if (!found) {
    logger.info(
      `No report of ${pr.baseRef} at ${pr.baseSha.slice(0, 7)} or its ancestors on ${config.store.branch}: no comparison`,
    );
    return undefined;
  }
  const label = found.exact
    ? `${pr.baseRef} (base commit)`
    : `${pr.baseRef} (nearest earlier commit with a report)`;
  logger.info(`Comparing against the report of ${found.commit.slice(0, 7)}: ${label}`);
  return {
    report: { ...found.report, source: { ...found.report.source, commit: found.commit } },
    label,
  };
}
