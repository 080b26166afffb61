import path from 'node:path';
import type { Config } from './config/config.js';
import type { Logger } from './log.js';
import type { Project } from './projects/project.js';
import { finishReport } from './report/finish.js';
import { SCHEMA_VERSION, type Report } from './report/model.js';
import { buildProject } from './stages/build.js';
import { deployComponents } from './stages/deploy.js';
import { buildLadder, completeLadder } from './stages/ladder.js';
import { optimizeComponents } from './stages/optimize.js';
import { planPreview } from './stages/preview.js';
import { setupProject } from './stages/setup.js';
import { VERSION } from './version.js';

export interface PipelineResult {
  report: Report;
  markdown: string;
  project: Project;
}

const STAGES = ['setup', 'build', 'optimize', 'deploy', 'report'] as const;

/** Runs one stage with a progress line before and after it. */
async function stage<T>(
  logger: Logger,
  name: (typeof STAGES)[number],
  fn: () => Promise<T>,
): Promise<T> {
  const n = STAGES.indexOf(name) + 1;
  logger.info(`[${n}/${STAGES.length}] ${name}…`);
  const started = performance.now();
  const result = await fn();
  logger.info(
    `[${n}/${STAGES.length}] ${name} done in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  return result;
}

/**
 * The whole spinwash run, shared by the action and the CLI:
 * setup → build → optimize (strip, wasm-opt, validate, measure) → deploy → report.
 */
export async function runPipeline(
  config: Config,
  logger: Logger,
  /** The runner's environment: a pull request's event decides on a preview (`preview: true`). */
  env: NodeJS.ProcessEnv = process.env,
): Promise<PipelineResult> {
  const project = await stage(logger, 'setup', () => setupProject(config, logger));
  const preview = await planPreview(config, project, logger, env);
  const { build, ladder } = await stage(logger, 'build', async () => ({
    build: await buildProject(project, config.profile, logger),
    // the size ladder's extra builds, after the main one (whose timing they stay out of)
    ladder: config.ladder ? await buildLadder(project, logger) : undefined,
  }));
  const optimized = await stage(logger, 'optimize', async () => {
    const result = await optimizeComponents(project.components, config, logger);
    return ladder
      ? { ...result, components: await completeLadder(result.components, ladder, config, logger) }
      : result;
  });
  const deploy = await stage(logger, 'deploy', async () =>
    preview.skipNotice
      ? undefined
      : deployComponents(project, optimized.components, config, logger, preview.preview),
  );
  return stage(logger, 'report', async () => {
    const report: Report = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: 'spinwash', version: VERSION },
      project: { kind: project.kind, path: path.relative(process.cwd(), project.dir) || '.' },
      components: optimized.components,
      build: { seconds: build.seconds },
      optimize: { seconds: optimized.seconds, wasmOpt: config.wasmOpt },
      ...(deploy ? { deploy } : {}),
      ...(preview.skipNotice ? { notices: [preview.skipNotice] } : {}),
    };
    // compares with the baseline, checks budgets, and writes the files even when one breaks
    const finished = await finishReport(report, config, logger);
    return { ...finished, project };
  });
}
