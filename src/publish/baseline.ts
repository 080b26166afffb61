import path from 'node:path';
import type { RunPlan } from '../config/config.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import type { GitHubClient } from '../github/client.js';
import { pullRequestOf, type GitHubContext } from '../github/context.js';
import type { Store, StoredApp } from '../github/store.js';
import {
  DATA_BRANCH_FOLDER,
  historyDir,
  indexFile,
  measuredReadySpread,
  parseIndex,
} from '../report/bench-index.js';
import type { Baseline } from '../report/regression.js';
import { readJsonReport } from './report-file.js';

/**
 * The baseline to compare against: `baseline-file` when given; else, on a pull request with a
 * token and the store on, the data branch's report of the base commit or its nearest ancestor.
 */
export async function loadBaseline(
  config: Pick<RunPlan, 'baselineFile' | 'store'>,
  github: { context: GitHubContext; octokit?: GitHubClient },
  logger: Logger,
  /** This app on this deploy target: where a benchmark history may hold the measured spread. */
  history?: { readonly app: string; readonly target: string },
  /** A monorepo's app: its own report of the base commit (src/github/store.ts). */
  app?: StoredApp,
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
  const found = await findBaseReport(store, pr.baseSha, pr.baseRef, app);
  if (!found) {
    logger.info(
      `No report${app ? ` of app ${app.name}` : ''} of ${pr.baseRef} at ${pr.baseSha.slice(0, 7)} or its ancestors on ${config.store.branch}: no comparison`,
    );
    return undefined;
  }
  const label = found.exact
    ? `${pr.baseRef} (base commit)`
    : `${pr.baseRef} (nearest earlier commit with a report)`;
  logger.info(`Comparing against the report of ${found.commit.slice(0, 7)}: ${label}`);
  const report = { ...found.report, source: { ...found.report.source, commit: found.commit } };
  const spread =
    report.deploy && report.deploy.readySpreadSeconds === undefined && history
      ? await benchmarkSpread(store, history, logger)
      : undefined;
  return {
    report:
      spread === undefined
        ? report
        : { ...report, deploy: { ...report.deploy!, readySpreadSeconds: spread } },
    label,
  };
}

/**
 * The ready time's spread that scheduled benchmarks of this app on this target measured (their
 * history on the data branch), so that one deploy's change against the base is called noise
 * by a measurement, not an assumption. Missing or unreadable: none (the report says ±20%).
 */
async function benchmarkSpread(
  store: Store,
  history: { readonly app: string; readonly target: string },
  logger: Logger,
): Promise<number | undefined> {
  const file = `${DATA_BRANCH_FOLDER}/${indexFile(historyDir(history.app, history.target))}`;
  try {
    const { readFile } = await import('../github/store.js');
    const found = await readFile(store, file);
    const spread =
      found &&
      measuredReadySpread(
        parseIndex(found.text, `${store.branch}:${file}`, (m) => logger.warning(m)),
      );
    if (spread !== undefined)
      logger.info(
        `Deploy-time noise: the benchmarks' measured spread, ${spread.toFixed(3)} s (${file})`,
      );
    return spread;
  } catch (error) {
    logger.info(
      `No measured deploy-time spread (${errorMessage(error)}): one sample, ±20% assumed`,
    );
    return undefined;
  }
}
