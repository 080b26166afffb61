import path from 'node:path';
import * as core from '@actions/core';
import { buildConfig } from '../config/config.js';
import { allInputs, type RawInputs } from '../config/inputs.js';
import { InterruptedError, UserError, errorMessage } from '../errors.js';
import { interruptedBy } from '../process.js';
import { readRunContext, refusedEvent } from '../github/context.js';
import { execute } from '../execute.js';
import { actionLogger } from './logger.js';

/** Every input, read once here and nowhere else. */
function readInputs(): RawInputs {
  const raw: RawInputs = {};
  for (const [name, spec] of Object.entries(allInputs())) {
    const value = core.getInput(name);
    // masked before anything can print it, an error message about the value included
    if (spec.secret && value !== '') core.setSecret(value);
    if (value !== '') raw[name] = value;
  }
  raw['report-path'] ??= path.join(
    process.env.RUNNER_TEMP ?? process.cwd(),
    'spinwash-report.json',
  );
  return raw;
}

/** The action: inputs → run plan → execute → outputs, summary and PR comment. */
export async function runAction(): Promise<void> {
  try {
    const config = buildConfig(readInputs(), process.env.GITHUB_WORKSPACE ?? process.cwd());
    if (config.githubToken) core.setSecret(config.githubToken);
    for (const secret of Object.values(config.deploy.secrets)) core.setSecret(secret);
    // the runner's environment and the event, read once for every part of the run
    const context = await readRunContext(process.env);
    const refused = refusedEvent(context.github, config.allowPullRequestTarget);
    if (refused) throw new UserError(refused);
    if (config.mode === 'plan' || config.mode === 'merge') {
      // a monorepo: the matrix of its apps, or the matrix jobs' reports as one comment
      const { runPlanAction, runMergeAction } = await import('../monorepo/action.js');
      const run = config.mode === 'plan' ? runPlanAction : runMergeAction;
      await run(config, actionLogger, { context });
      return;
    }
    if (config.mode === 'comment') {
      // a workflow_run posting what a fork PR's run left in its artifact: no build here
      const { publishFromArtifact } = await import('../publish/publish.js');
      await publishFromArtifact(config, actionLogger, { context });
      return;
    }
    if (config.mode === 'benchmark') {
      // build once, deploy `repeat` times; history, charts and alerts on the data branch
      const { runBenchmarkAction } = await import('../bench/action.js');
      await runBenchmarkAction(config, actionLogger, { context });
      return;
    }
    const outcome = await execute(config, actionLogger, context);
    const { markPreviewDeleted, publishReport } = await import('../publish/publish.js');
    if (outcome.kind === 'preview-closed') {
      if (process.env.GITHUB_STEP_SUMMARY)
        await core.summary.addRaw(`${outcome.message}\n`, true).write();
      await markPreviewDeleted(config, actionLogger, { context });
      return;
    }
    await publishReport(outcome.result, config, actionLogger, { context });
  } catch (error) {
    const signal =
      interruptedBy() ?? (error instanceof InterruptedError ? error.signal : undefined);
    // Anything thrown, strings included, fails the step: never leave it green.
    if (signal) {
      // a cancelled job: what failed of it is not the build's failure
      core.setFailed(`spinwash was interrupted (${signal})`);
    } else if (error instanceof UserError && error.file) {
      core.error(error.message, {
        file: error.file,
        ...(error.line !== undefined ? { startLine: error.line } : {}),
      });
      process.exitCode = core.ExitCode.Failure;
    } else if (error instanceof UserError) {
      core.setFailed(error.message);
    } else {
      core.setFailed(error instanceof Error ? (error.stack ?? error.message) : errorMessage(error));
    }
  }
}
