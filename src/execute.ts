import type { RunPlan } from './config/config.js';
import type { RunContext } from './github/context.js';
import type { Logger } from './log.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { recordingFailure } from './monorepo/job-results.js';
import { closePreview } from './stages/preview.js';

/** What a run did, for its entry (the action, the CLI's `run`) to present. */
export type RunOutcome =
  /** A closed pull request's preview was deleted (nothing was built): what was done. */
  | { readonly kind: 'preview-closed'; readonly message: string }
  /** The pipeline ran: the report, its markdown and the project. */
  | { readonly kind: 'report'; readonly result: PipelineResult };

/**
 * A run of the plan, the same for the action and the CLI: on a pull request's `closed` event
 * with `preview: true` the preview is deleted and nothing is built; else setup → build →
 * optimize → deploy → report. The entries only read their inputs into the plan and present
 * the outcome (outputs, summary and comment; or the terminal).
 */
export async function execute(
  plan: RunPlan,
  logger: Logger,
  /** The run's environment and event, read once by the entry. */
  context: RunContext,
): Promise<RunOutcome> {
  const closed = await closePreview(plan, logger, context);
  if (closed !== undefined) return { kind: 'preview-closed', message: closed };
  // a matrix job (`app`) that fails before its report leaves a failure record for `merge`
  const result = await recordingFailure(
    { app: plan.monorepo.app, file: plan.output.jsonPath, projectDir: plan.projectDir },
    () => runPipeline(plan, logger, context),
  );
  return { kind: 'report', result };
}
