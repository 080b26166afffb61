import type { RunPlan } from '../config/config.js';
import { runClient } from '../github/client.js';
import { COMMENT_LIMIT, commentMarker } from '../github/comment.js';
import { pullRequestOf } from '../github/context.js';
import type { Logger } from '../log.js';
import {
  actionDeps,
  githubContextOf,
  postOrLeaveComment,
  type PublishDeps,
} from '../publish/publish.js';
import { failingApps } from './merge.js';
import {
  mergeFailure,
  mergedMarkdown,
  mergeJobResults,
  planApps,
  planMarkdown,
  writeMergedJson,
} from './steps.js';

/**
 * The action's `mode: plan` and `mode: merge`: the first job of a monorepo's workflow sets
 * the matrix, the last one turns the matrix jobs' artifacts into one sticky comment.
 */

/** GitHub takes a job summary of up to 1 MiB; the merged one stays well under. */
const SUMMARY_LIMIT = 900_000;

async function depsOf(overrides: Partial<PublishDeps>): Promise<PublishDeps> {
  return {
    ...(await actionDeps(overrides.context?.env ?? overrides.env ?? process.env)),
    ...overrides,
  };
}

/** `mode: plan`: the `matrix` and `app-count` outputs, and the plan in the job summary. */
export async function runPlanAction(
  config: RunPlan,
  logger: Logger,
  overrides: Partial<PublishDeps> = {},
): Promise<void> {
  const deps = await depsOf(overrides);
  const base = config.monorepo.pathsChanged;
  const planned = await planApps(
    config.projectDir,
    base,
    deps.env.GITHUB_WORKSPACE ?? process.cwd(),
    logger,
  );
  deps.setOutput('matrix', JSON.stringify(planned.matrix));
  deps.setOutput('app-count', String(planned.matrix.include.length));
  await deps.appendSummary(planMarkdown(planned, base));
}

/**
 * `mode: merge`: the merged JSON (at `report-path`), the job summary, and one sticky comment
 * on the pull request (or, when the token cannot write, its files for `mode: comment`). Then
 * the step fails when an app's job failed or broke a budget that fails, so the merge job can
 * be the one required check.
 */
export async function runMergeAction(
  config: RunPlan,
  logger: Logger,
  overrides: Partial<PublishDeps> = {},
): Promise<void> {
  const deps = await depsOf(overrides);
  const { apps, report } = await mergeJobResults(
    config.monorepo.reportsDir!,
    config.monorepo.matrix,
    logger,
  );
  if (config.output.jsonPath) {
    await writeMergedJson(config.output.jsonPath, report);
    deps.setOutput('report-path', config.output.jsonPath);
  }
  await deps.appendSummary(mergedMarkdown(apps, { maxLength: SUMMARY_LIMIT }, logger));

  const pr = pullRequestOf(await githubContextOf(deps));
  if (pr && config.comment) {
    const marker = commentMarker(config.commentKey);
    const markdown = mergedMarkdown(apps, { maxLength: COMMENT_LIMIT - marker.length - 1 }, logger);
    const posted = await postOrLeaveComment(
      pr,
      markdown,
      `${JSON.stringify(report, null, 2)}\n`,
      config,
      deps.octokit ?? runClient(config, logger),
      deps.env,
      logger,
    );
    if (posted.commentDir !== undefined) deps.setOutput('comment-dir', posted.commentDir);
    else if (posted.comment.outcome !== 'forbidden')
      deps.setOutput('comment-url', posted.comment.url);
  }
  const failure = mergeFailure(failingApps(apps), apps.length);
  if (failure) throw failure;
}
