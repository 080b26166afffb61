import type { RunPlan } from '../config/config.js';
import { UserError } from '../errors.js';
import { runClient, type GitHubClient } from '../github/client.js';
import { pullRequestOf, type RepoRef } from '../github/context.js';
import { commentOnIssue, openIssue, setIssueState, type Written } from '../github/issues.js';
import type { Logger } from '../log.js';
import { budgetError } from '../report/budget.js';
import type { BenchmarkAlert } from '../report/model.js';
import type { OutputName } from '../config/outputs.js';
import {
  actionDeps,
  githubContextOf,
  outputEntries,
  type PublishDeps,
} from '../publish/publish.js';
import type { AlertTransition } from './alert.js';
import { DATA_BRANCH_FOLDER, historyDir, type AlertState } from '../report/bench-index.js';
import { dataBranchBackend } from './backends.js';
import { refuseDefaultBranch } from '../github/data-branch.js';
import { everySampleFailed, runBenchmark, type BenchmarkReport } from './benchmark.js';

/**
 * `mode: benchmark` in the action: the benchmark with its history on the data branch (every
 * event but a pull request appends: a PR's numbers are not the branch's), the alert as one
 * issue per app and target (or comments on `alert-comment-on`), outputs and the job summary;
 * then the step fails when every sample failed, on `fail-on-alert`, or on a broken budget.
 */
export async function runBenchmarkAction(
  config: RunPlan,
  logger: Logger,
  overrides: Partial<PublishDeps> = {},
): Promise<void> {
  const deps = {
    ...(await actionDeps(overrides.context?.env ?? overrides.env ?? process.env)),
    ...overrides,
  };
  const context = await githubContextOf(deps);
  const octokit = deps.octokit ?? runClient(config, logger);
  const repo = context.repository;
  const branch = config.store.branch;
  const isPullRequest = pullRequestOf(context) !== undefined;
  const keep = !isPullRequest && octokit && repo && branch;
  if (!keep) {
    logger.warning(
      isPullRequest
        ? 'A benchmark on a pull request is reported, not added to the history'
        : !branch
          ? 'Input `data-branch` is empty: the benchmark is not kept in a history'
          : 'No `github-token` or GITHUB_REPOSITORY: the benchmark is not kept in a history',
    );
  }
  const server = (deps.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const store = keep ? { octokit, repo, branch, logger } : undefined;
  // said before the build: a `data-branch: main` would commit the history into the code
  if (store) await refuseDefaultBranch(store);
  let written: Written | undefined;
  const result = await runBenchmark(config, logger, {
    ...(keep && store
      ? {
          history: dataBranchBackend(store),
          chartLink: (file: string) =>
            `${server}/${repo.owner}/${repo.repo}/blob/${encodeURIComponent(branch)}/${DATA_BRANCH_FOLDER}/${file}`,
          onAlert: async (transition, alert, state, report) => {
            try {
              written = await reportAlert(octokit, repo, config, transition, alert, state, report, {
                server,
                branch,
              });
              return written?.number;
            } catch (error) {
              // the run is recorded either way; a token without `issues: write` costs the issue only
              if (!(error instanceof UserError)) throw error;
              logger.warning(error.message);
              return state.issue;
            }
          },
        }
      : {}),
    source: {
      ...(context.sha ? { commit: context.sha } : {}),
      ...(context.ref ? { ref: context.ref } : {}),
    },
  });
  const { benchmark } = result.report;
  const outputs: Partial<Record<OutputName, string>> = {
    'size-bytes': String(benchmark.sizes.bytes),
    'gzip-bytes': String(benchmark.sizes.gzipBytes),
    'bench-median-seconds':
      benchmark.warm.readySeconds === undefined ? '' : String(benchmark.warm.readySeconds.median),
    'bench-alert': benchmark.alert?.status ?? 'insufficient',
    ...(config.output.jsonPath ? { 'report-path': config.output.jsonPath } : {}),
    ...(written ? { 'alert-issue-url': written.url } : {}),
  };
  for (const [name, value] of outputEntries(outputs)) deps.setOutput(name, value);
  await deps.appendSummary(result.markdown);

  const failed = everySampleFailed(benchmark);
  if (failed) throw failed;
  if (result.historyError) throw result.historyError;
  if (config.benchmark.failOnAlert && benchmark.alert?.status === 'regression')
    throw new UserError(
      `Benchmark regression on \`${benchmark.target}\`: ${benchmark.alert.message}`,
    );
  const breach =
    result.report.budgets && budgetError(result.report.budgets, result.project.components);
  if (breach) throw breach;
}

/** The text of an alert: the target, the numbers and the runs compared. */
export function alertBody(
  report: BenchmarkReport,
  alert: BenchmarkAlert,
  transition: AlertTransition,
  links: { trend?: string },
): string {
  const b = report.benchmark;
  const commit = report.source?.commit ? ` (commit ${report.source.commit.slice(0, 7)})` : '';
  const head =
    transition === 'recovered'
      ? `🟢 **Back in range**: \`${b.app}\` on \`${b.target}\`, run \`${b.runId}\`${commit}.`
      : `🔴 **Deploy ready time regressed**: \`${b.app}\` on \`${b.target}\`, run \`${b.runId}\`${commit}.`;
  const fmt = (s: number | undefined) => (s === undefined ? 'n/a' : `${s.toFixed(3)} s`);
  return [
    `<!-- spinwash-bench:${historyDir(b.app, b.target)} -->`,
    head,
    '',
    '| | this run | the runs compared |',
    '|---|---:|---:|',
    `| median ready time | ${fmt(alert.medianSeconds)} | ${fmt(alert.baselineSeconds)} (median of medians) |`,
    `| spread | p10 ${fmt(alert.lowSeconds)} | median p90 ${fmt(alert.baselineHighSeconds)} |`,
    `| change | ${alert.changePercent === undefined ? 'n/a' : `${alert.changePercent >= 0 ? '+' : ''}${alert.changePercent}%`} | threshold ${alert.thresholdPercent}% |`,
    '',
    `Runs compared: ${alert.window.map((id) => `\`${id}\``).join(', ')}.`,
    `Verdict: ${alert.message}.`,
    ...(links.trend ? ['', `[Ready-time trend](${links.trend})`] : []),
    '',
    '<sub>A regression is a median above the median of the last `alert-window` runs by more than `alert-threshold` AND a p10 above the median of their p90s (spreads that do not overlap).</sub>',
  ].join('\n');
}

/** Opens, updates (comment) or settles the alert; returns where it wrote. */
async function reportAlert(
  octokit: GitHubClient,
  repo: RepoRef,
  config: RunPlan,
  transition: AlertTransition,
  alert: BenchmarkAlert,
  state: AlertState,
  report: BenchmarkReport,
  where: { server: string; branch: string },
): Promise<Written> {
  const b = report.benchmark;
  const trend = `${where.server}/${repo.owner}/${repo.repo}/blob/${encodeURIComponent(where.branch)}/${DATA_BRANCH_FOLDER}/${historyDir(b.app, b.target)}/trend.svg`;
  const body = alertBody(report, alert, transition, { trend });
  const target = config.benchmark.alertCommentOn;
  if (target !== undefined) return commentOnIssue(octokit, repo, target, body);
  if (state.issue === undefined) {
    return openIssue(
      octokit,
      repo,
      `spinwash benchmark: ${b.app} on ${b.target} deploys slower`,
      body,
    );
  }
  if (transition === 'raised') await setIssueState(octokit, repo, state.issue, 'open');
  const comment = await commentOnIssue(octokit, repo, state.issue, body);
  if (transition === 'recovered') await setIssueState(octokit, repo, state.issue, 'closed');
  return comment;
}
