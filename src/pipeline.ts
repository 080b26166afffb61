import path from 'node:path';
import type { RunPlan } from './config/config.js';
import { readRunContext, type RunContext } from './github/context.js';
import type { Logger } from './log.js';
import type { Project } from './projects/project.js';
import { finishReport } from './publish/finish.js';
import {
  SCHEMA_VERSION,
  type ComponentReport,
  type DeployReport,
  type Report,
} from './report/model.js';
import { InterruptedError, UserError } from './errors.js';
import { buildProject } from './stages/build.js';
import { checkDeploy, deployComponents, deployProjectOf } from './stages/deploy.js';
import { buildLadder, completeLadder } from './stages/ladder.js';
import { optimizeComponents } from './stages/optimize-components.js';
import { lockProject } from './stages/project-lock.js';
import { planPreview, type PreviewPlan } from './stages/preview.js';
import { setupProject } from './stages/setup.js';
import { interruptedBy, throwIfInterrupted } from './process.js';
import { VERSION } from './version.js';

export interface PipelineResult {
  report: Report;
  markdown: string;
  project: Project;
  /**
   * The deploy's error when it failed after the build was measured: the report (written,
   * with its `failure`) is published first, then the entry fails the run with it.
   */
  failure?: UserError;
}

const STAGES = ['setup', 'build', 'optimize', 'deploy', 'report'] as const;

/**
 * Runs one stage with a progress line before and after it; where the logger folds its log
 * (Actions), the stage's log is one collapsible group and the closing line stays outside it.
 */
export async function stage<T>(
  logger: Logger,
  name: (typeof STAGES)[number],
  fn: () => Promise<T>,
): Promise<T> {
  // after a signal nothing new starts: the run winds down and exits 130 / 143
  throwIfInterrupted();
  const n = STAGES.indexOf(name) + 1;
  const title = `[${n}/${STAGES.length}] ${name}…`;
  const started = performance.now();
  let result: T;
  if (logger.stage) {
    result = await logger.stage(title, fn);
  } else {
    logger.info(title);
    result = await fn();
  }
  logger.info(
    `[${n}/${STAGES.length}] ${name} done in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  return result;
}

/** What the first three stages leave: the project and its optimized, measured components. */
export interface OptimizedBuild {
  project: Project;
  build: { seconds: number };
  optimized: { seconds: number; components: ComponentReport[] };
}

/**
 * setup, then build and optimize, then `then` with the result (a run's deploy and report, or a
 * benchmark's samples). From the build, which puts back the build's own files, to the end of
 * `then`, the project's files are rewritten and served: one run at a time holds its lock.
 */
export async function withOptimizedBuild<T>(
  config: RunPlan,
  logger: Logger,
  then: (built: OptimizedBuild) => Promise<T>,
  /** Before the build: what can be refused then is (the deploy target's checks by default). */
  beforeBuild: (project: Project) => Promise<void> = (project) =>
    checkDeploy(project, config, logger),
  /** The run's event, when it has one (a fork's preview needs no token). */
  context?: RunContext,
): Promise<T> {
  const project = await stage(logger, 'setup', async () => {
    const found = await setupProject(config, logger, context);
    await beforeBuild(found);
    return found;
  });
  const unlock = await lockProject(project.dir);
  try {
    return await then(await buildAndOptimize(project, config, logger));
  } finally {
    await unlock();
  }
}

async function buildAndOptimize(
  project: Project,
  config: RunPlan,
  logger: Logger,
): Promise<OptimizedBuild> {
  const { build, ladder } = await stage(logger, 'build', async () => ({
    build: await buildProject(project, config.profile, logger),
    // the size ladder's extra builds, after the main one (whose timing they stay out of)
    ladder: config.ladder ? await buildLadder(project, logger) : undefined,
  }));
  const optimized = await stage(logger, 'optimize', async () => {
    const result = await optimizeComponents(
      project.components,
      // a Cargo project's target folder may be anywhere; a manifest's `source` stays inside
      {
        ...config,
        confineToProject: project.kind !== 'cargo',
        probePath: config.deploy.healthPath,
      },
      logger,
    );
    return ladder
      ? { ...result, components: await completeLadder(result.components, ladder, config, logger) }
      : result;
  });
  return { project, build: { seconds: build.seconds }, optimized };
}

/** The report of a build, before the deploy part, the comparison and the budgets are added. */
export function buildReport(built: OptimizedBuild, config: RunPlan): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'spinwash', version: VERSION },
    project: {
      kind: built.project.kind,
      path: path.relative(process.cwd(), built.project.dir) || '.',
      // a monorepo's matrix job is named by its app's key (the data branch's and the merge's)
      name: config.monorepo.app ?? deployProjectOf(built.project).appName,
    },
    components: built.optimized.components,
    build: built.build,
    optimize: { seconds: built.optimized.seconds, wasmOpt: config.wasmOpt },
  };
}

/**
 * The whole spinwash run, shared by the action and the CLI:
 * setup → build → optimize (strip, wasm-opt, validate, measure) → deploy → report.
 */
export async function runPipeline(
  config: RunPlan,
  logger: Logger,
  /** The run's environment and event, read once (a pull request decides on a preview). */
  context?: RunContext,
): Promise<PipelineResult> {
  const run = context ?? (await readRunContext());
  let preview: PreviewPlan;
  return withOptimizedBuild(
    config,
    logger,
    (built) => deployAndReport(built, config, logger, run, preview),
    // which preview, and the target's checks under its name, before anything is built
    async (project) => {
      preview = await planPreview(config, project, logger, run);
      if (!preview.skipNotice) await checkDeploy(project, config, logger, preview.preview);
    },
    run,
  );
}

async function deployAndReport(
  built: OptimizedBuild,
  config: RunPlan,
  logger: Logger,
  run: RunContext,
  preview: PreviewPlan,
): Promise<PipelineResult> {
  const { deploy, failure } = await stage(logger, 'deploy', () =>
    preview.skipNotice
      ? Promise.resolve<Deployed>({})
      : deployOrFailure(() =>
          deployComponents(
            built.project,
            built.optimized.components,
            config,
            logger,
            preview.preview,
          ),
        ),
  );
  if (failure) logger.warning(`deploy failed: ${failure.message}`);
  return stage(logger, 'report', async () => {
    const report: Report = {
      ...buildReport(built, config),
      ...(deploy ? { deploy } : {}),
      ...(preview.skipNotice ? { notices: [preview.skipNotice] } : {}),
      ...(failure ? { failure: { stage: 'deploy', message: failure.message } } : {}),
    };
    // compares, checks budgets, and writes the files even when one breaks or the deploy failed
    const finished = await finishReport(report, config, logger, { context: run });
    return { ...finished, project: built.project, ...(failure ? { failure } : {}) };
  });
}

/** What the deploy stage leaves: its report, or its error (or neither: nothing deployed). */
interface Deployed {
  readonly deploy?: DeployReport;
  readonly failure?: UserError;
}

/**
 * The deploy, or why it failed: a deploy that never answers is the user's to fix (a wrong
 * health path), and what was measured before it is reported all the same. A bug still throws.
 */
async function deployOrFailure(deploy: () => Promise<DeployReport | undefined>): Promise<Deployed> {
  try {
    const report = await deploy();
    return report ? { deploy: report } : {};
  } catch (error) {
    // a signal's stop is no failed deploy: the run winds down without a report
    if (!(error instanceof UserError) || error instanceof InterruptedError || interruptedBy())
      throw error;
    return { failure: error };
  }
}
