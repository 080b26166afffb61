import type { OutputName } from '../config/outputs.js';
import path from 'node:path';
import { tmpdir } from 'node:os';
import type { RunPlan } from '../config/config.js';
import { UserError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import type { ComponentSpec } from '../projects/project.js';
import { isLocalUrl } from '../report/format.js';
import { runClient, type GitHubClient } from '../github/client.js';
import {
  commentMarker,
  commentAuthor,
  findSticky,
  upsertStickyComment,
  type CommentResult,
} from '../github/comment.js';
import {
  pullRequestOf,
  pushedBranch,
  readGitHubContext,
  type GitHubContext,
  type PullRequestContext,
  type RunContext,
} from '../github/context.js';
import { postCommentFromArtifact, writeForkFiles, type PostOutcome } from '../github/fork.js';
import { saveReport } from '../github/store.js';
import { sectionPattern } from '../wasm/strip.js';
import { breachAnnotations, budgetError } from '../report/budget.js';
import { countedOnce, type Report } from '../report/model.js';

/**
 * Everything the action does with a finished report: outputs, job summary, the sticky PR
 * comment (or, when the token cannot write, files to post it from a workflow_run), saving the
 * report to the data branch on a push, and failing on a broken budget — last, so everything
 * else is published first.
 */

/** What the pipeline hands over (PipelineResult fits). */
export interface PublishInput {
  readonly report: Report;
  readonly markdown: string;
  readonly project: { readonly components: readonly ComponentSpec[] };
  /** The deploy's error, when it failed after the sizes were measured: thrown once all is published. */
  readonly failure?: UserError;
}

/** Where publishing writes: @actions/core in the action, arrays in tests. */
export interface PublishDeps {
  readonly env: NodeJS.ProcessEnv;
  /** Only the outputs action.yml declares (src/config/outputs.ts). */
  readonly setOutput: (name: OutputName, value: string) => void;
  readonly appendSummary: (markdown: string) => Promise<void>;
  /** An error annotation, on a file when given (a budget breach on its component's manifest). */
  readonly annotateError: (message: string, file?: string) => void;
  /** The GitHub client; by default one made from `github-token`. */
  readonly octokit?: GitHubClient;
  /** The run's context, read once by the entry; by default read from `env`. */
  readonly context?: RunContext;
}

/** The run's GitHub context: the one handed down, or read from the environment. */
export async function githubContextOf(
  deps: Partial<Pick<PublishDeps, 'context' | 'env'>>,
): Promise<GitHubContext> {
  return deps.context?.github ?? readGitHubContext(deps.env ?? process.env);
}

export interface PublishOutcome {
  readonly outputs: Readonly<Partial<Record<OutputName, string>>>;
  readonly comment?: CommentResult;
  /** Folder with the comment files, when the comment could not be posted. */
  readonly commentDir?: string;
  /** The commit whose report was saved to the data branch. */
  readonly saved?: string;
}

/** The action's outputs, computed from the report (sums over components). */
export function reportOutputs(
  input: PublishInput,
  reportPath?: string,
): Partial<Record<OutputName, string>> {
  const { report, project } = input;
  // a file several components share counts once
  const sum = (pick: (c: Report['components'][number]) => number) =>
    String(countedOnce(report.components).reduce((s, c) => s + pick(c), 0));
  const outputs: Partial<Record<OutputName, string>> = {
    'wasm-path': [...new Set(project.components.map((c) => c.wasmPath))].join('\n'),
    'size-bytes': sum((c) => c.final.bytes),
    'gzip-bytes': sum((c) => c.final.gzipBytes),
  };
  if (report.deploy) {
    outputs['deploy-seconds'] = String(report.deploy.readySeconds);
    // a loopback URL is gone when the step ends: not an output anyone can use
    if (!isLocalUrl(report.deploy.url)) outputs['app-url'] = report.deploy.url;
  }
  if (reportPath) outputs['report-path'] = reportPath;
  return outputs;
}

/** The outputs set, as [name, value] pairs. */
export function outputEntries(
  outputs: Partial<Record<OutputName, string>>,
): [OutputName, string][] {
  return Object.entries(outputs) as [OutputName, string][];
}

export async function publishReport(
  input: PublishInput,
  config: RunPlan,
  logger: Logger,
  overrides: Partial<PublishDeps> = {},
): Promise<PublishOutcome> {
  const deps = {
    ...(await actionDeps(overrides.context?.env ?? overrides.env ?? process.env)),
    ...overrides,
  };
  const outputs = reportOutputs(input, config.output.jsonPath);
  // Outputs and summary first: whatever fails later, the step has them.
  const output = (name: OutputName, value: string) => {
    outputs[name] = value;
    deps.setOutput(name, value);
  };
  for (const [name, value] of outputEntries(outputs)) deps.setOutput(name, value);
  await deps.appendSummary(input.markdown);

  const context = await githubContextOf(deps);
  const octokit = deps.octokit ?? runClient(config, logger);
  let comment: CommentResult | undefined;
  let commentDir: string | undefined;

  const pr = pullRequestOf(context);
  if (pr && config.comment) {
    const posted = await postOrLeaveComment(
      pr,
      input.markdown,
      `${JSON.stringify(input.report, null, 2)}\n`,
      config,
      octokit,
      deps.env,
      logger,
    );
    comment = posted.comment;
    commentDir = posted.commentDir;
    if (commentDir !== undefined) output('comment-dir', commentDir);
    else if (comment.outcome !== 'forbidden') output('comment-url', comment.url);
  }

  // a failed run's report is published, not kept as the baseline of later pull requests
  const saved = input.failure
    ? undefined
    : await saveOnPush(input.report, config, context, octokit, logger);
  if (input.failure) throw input.failure;

  const budgets = input.report.budgets;
  if (budgets?.failing) {
    for (const a of breachAnnotations(budgets, input.project.components))
      deps.annotateError(a.message, a.file);
    // Annotated above, each on its manifest: the thrown error carries no file, to avoid a duplicate.
    throw new UserError(
      budgetError(budgets, input.project.components)?.message ?? 'A budget was broken',
    );
  }
  return {
    outputs,
    ...(comment ? { comment } : {}),
    ...(commentDir ? { commentDir } : {}),
    ...(saved ? { saved } : {}),
  };
}

/**
 * Posts or updates the sticky comment on the pull request; when the token cannot (a fork's or
 * Dependabot's PR, GitHub down), writes the comment's files for `mode: comment` instead and
 * says where (`commentDir`). The run and the merge publish through it alike.
 */
export async function postOrLeaveComment(
  pr: PullRequestContext,
  markdown: string,
  reportJson: string,
  config: Pick<RunPlan, 'commentKey' | 'output'>,
  octokit: GitHubClient | undefined,
  env: NodeJS.ProcessEnv,
  logger: Logger,
): Promise<{ comment: CommentResult; commentDir?: string }> {
  const comment: CommentResult = octokit
    ? await upsertStickyComment(octokit, pr, markdown, config.commentKey).catch(
        (error: unknown): CommentResult => {
          // GitHub down or too slow: the comment's files are written as for a fork, and the step goes on
          if (!(error instanceof UserError)) throw error;
          return {
            outcome: 'forbidden',
            message: `The PR comment was not posted: ${error.message}`,
          };
        },
      )
    : { outcome: 'forbidden', message: 'No `github-token`: cannot comment on the pull request' };
  if (comment.outcome !== 'forbidden') {
    logger.info(
      `PR comment ${comment.outcome}: ${comment.url}${comment.truncated ? ' (cut to the size limit)' : ''}`,
    );
    return { comment };
  }
  const reportDir = config.output.jsonPath
    ? path.dirname(config.output.jsonPath)
    : (env.RUNNER_TEMP ?? tmpdir());
  const commentDir = path.join(reportDir, 'spinwash-comment');
  const how = await writeForkFiles(commentDir, pr, config.commentKey, markdown, reportJson);
  logger.warning(`${comment.message}. The report is in the job summary. ${how}`);
  return { comment, commentDir };
}

/** On a push to a saved branch (`save-branches`, default the repository's default branch), stores the report. */
async function saveOnPush(
  report: Report,
  config: RunPlan,
  context: GitHubContext,
  octokit: GitHubClient | undefined,
  logger: Logger,
): Promise<string | undefined> {
  const branch = pushedBranch(context);
  const dataBranch = config.store.branch;
  if (!branch || !dataBranch || !context.sha || !context.repository) return undefined;
  const defaultBranch = (context.payload.repository as { default_branch?: unknown } | undefined)
    ?.default_branch;
  const saveBranches =
    config.store.saveBranches.length > 0
      ? config.store.saveBranches
      : [typeof defaultBranch === 'string' ? defaultBranch : 'main'];
  // `*` wildcards as in the section lists (`release/*`).
  if (
    !saveBranches.some((pattern) => sectionPattern(pattern).test(branch)) ||
    branch === dataBranch
  )
    return undefined;
  if (!octokit) {
    logger.warning(
      `No \`github-token\`: the report of ${branch} is not saved to ${dataBranch}, so PRs have no baseline`,
    );
    return undefined;
  }
  try {
    await saveReport(
      { octokit, repo: context.repository, branch: dataBranch, logger },
      context.sha,
      branch,
      { ...report, source: { commit: context.sha, ref: context.ref } },
      // a monorepo's matrix job saves its app's report beside the other apps'
      config.monorepo.app,
    );
    return context.sha;
  } catch (error) {
    // The report itself is published; a store that cannot be written costs the next PR its baseline, not this run.
    if (error instanceof UserError) logger.warning(error.message);
    else throw error;
    return undefined;
  }
}

/**
 * On a closed pull request: the sticky comment's preview line says the app was deleted, so it
 * shows no dead link as live. Returns whether the comment changed; a failure only warns.
 */
export async function markPreviewDeleted(
  config: RunPlan,
  logger: Logger,
  overrides: Partial<Pick<PublishDeps, 'env' | 'octokit' | 'context'>> = {},
): Promise<boolean> {
  const pr = pullRequestOf(await githubContextOf(overrides));
  const octokit = overrides.octokit ?? runClient(config, logger);
  if (!pr || !octokit || !config.comment) return false;
  try {
    const found = await findSticky(
      octokit,
      pr,
      commentMarker(config.commentKey),
      await commentAuthor(octokit),
    );
    const body = found?.body.replace(
      /^\*\*Preview:\*\* <([^>\n]+)> \(`([^`\n]+)`\)$/m,
      '**Preview:** ~~$1~~ (`$2`): deleted when the pull request was closed.',
    );
    if (!found || body === found.body) return false;
    await octokit.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: found.id,
      body: body!,
    });
    return true;
  } catch (error) {
    logger.warning(`The PR comment still shows the deleted preview's URL: ${errorMessage(error)}`);
    return false;
  }
}

/**
 * `mode: comment`: posts the comment a fork PR run left in its artifact (see github/fork.ts).
 * Throws a UserError naming the missing permission when it cannot.
 */
export async function publishFromArtifact(
  config: RunPlan,
  logger: Logger,
  overrides: Partial<Pick<PublishDeps, 'env' | 'octokit' | 'context'>> = {},
): Promise<PostOutcome> {
  const octokit = overrides.octokit ?? runClient(config, logger);
  if (!octokit)
    throw new UserError(
      'Input `github-token` is empty; `mode: comment` needs a token with `pull-requests: write` and `actions: read`',
    );
  return postCommentFromArtifact(octokit, await githubContextOf(overrides), logger);
}

/** The real sinks: @actions/core, loaded only here (the CLI never needs it). */
export async function actionDeps(env: NodeJS.ProcessEnv): Promise<PublishDeps> {
  const core = await import('@actions/core');
  return {
    env,
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return; // not in Actions (core reads process.env): nothing to write to
      await core.summary.addRaw(markdown, true).write();
    },
    // Annotations attach to a file by its path in the repository.
    annotateError: (message, file) =>
      core.error(
        message,
        file ? { file: path.relative(env.GITHUB_WORKSPACE ?? process.cwd(), file) } : {},
      ),
  };
}
