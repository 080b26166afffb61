import { deployName, type RunPlan } from '../config/config.js';
import { InterruptedError, UsageError, UserError } from '../errors.js';
import { interruptedBy } from '../process.js';
import { writeFileAtomic } from '../fsutil.js';
import type { Logger } from '../log.js';
import { buildReport, stage, withOptimizedBuild, type OptimizedBuild } from '../pipeline.js';
import type { Project } from '../projects/project.js';
import { finishReport } from '../publish/finish.js';
import {
  countedOnce,
  type BenchmarkAlert,
  type BenchmarkSection,
  type Report,
} from '../report/model.js';
import { deployProjectOf } from '../stages/deploy.js';
import { coldStartBenchmark } from './cold-start.js';
import { checkRegression, nextAlertState, type AlertTransition } from './alert.js';
import { coldStartSvg, coldStartTrendSvg, scatterSvg, trendMermaid, trendSvg } from './charts.js';
import { renderColdStartMarkdown, type ColdStartSubject } from './cold-markdown.js';
import { historyDir, type AlertState, type HistoryIndex } from '../report/bench-index.js';
import { appendRun, readHistory, runIdOf, type HistoryBackend } from './history.js';
import { renderBenchmarkMarkdown, type ChartLinks } from './markdown.js';
import { deploySamples } from './sample.js';
import { summarizeSamples } from './stats.js';

/** A benchmark report: a report that has its benchmark section. */
export type BenchmarkReport = Report & { benchmark: BenchmarkSection };

export interface BenchmarkOptions {
  /** Where the history is kept; none: the run is measured and reported only. */
  readonly history?: HistoryBackend;
  /** The commit and ref measured (CI), for the history and the run's id. */
  readonly source?: { readonly commit?: string; readonly ref?: string };
  /**
   * Called when the alert is raised, stays up or comes back in range (the action's issue);
   * returns the issue it wrote to, kept in the history's alert state.
   */
  readonly onAlert?: (
    transition: AlertTransition,
    alert: BenchmarkAlert,
    state: AlertState,
    report: BenchmarkReport,
  ) => Promise<number | undefined>;
  /** How a chart file is linked from the summary (default: its path in the history). */
  readonly chartLink?: (file: string) => string;
}

export interface BenchmarkResult {
  report: BenchmarkReport;
  markdown: string;
  project: Project;
  /** The history after this run, when one is kept. */
  history?: HistoryIndex;
  /** Why the run could not be added to the history (thrown by the caller once the rest is published). */
  historyError?: UserError;
  transition?: AlertTransition;
}

/** The run's failure when every sample failed (thrown by the caller once everything is published). */
export function everySampleFailed(bench: BenchmarkSection): UserError | undefined {
  if (bench.failed < bench.samples.length) return undefined;
  return new UserError(
    `Every one of the ${bench.samples.length} deploys to \`${bench.target}\` failed; the first: ${bench.samples[0]?.error ?? 'no sample ran'}`,
  );
}

/**
 * `mode: benchmark` and `spinwash bench`: build and optimize once, deploy `repeat` times,
 * summarize, check against the history for a regression, append the run to the history and
 * redraw its charts. A run whose every sample failed is recorded too (see everySampleFailed).
 */
export async function runBenchmark(
  config: RunPlan,
  logger: Logger,
  options: BenchmarkOptions = {},
): Promise<BenchmarkResult> {
  if (!config.deploy.target)
    throw new UsageError(
      (a) =>
        `${a.subject('deploy')} is \`none\`; a benchmark deploys: choose a target (\`local\` for the embedded runtime)`,
    );
  return withOptimizedBuild(config, logger, (built) =>
    benchmarkBuild(built, config, logger, options),
  );
}

/** The deploys and the report of a benchmark, on a build already optimized. */
async function benchmarkBuild(
  built: OptimizedBuild,
  config: RunPlan,
  logger: Logger,
  options: BenchmarkOptions,
): Promise<BenchmarkResult> {
  const startedAt = new Date().toISOString();
  const target = deployName(config.deploy);
  // a cold start that fails loses nothing measured: the report and history get the deploys,
  // a notice says why the cold start is missing, and the run fails once they are written
  let coldStartError: UserError | undefined;
  const { samples, coldStart } = await stage(logger, 'deploy', async () => ({
    samples: await deploySamples(built.project, built.optimized.components, config, logger),
    // each size stage on fresh runtime processes, after the deploys (whose timing it stays out of)
    coldStart: config.benchmark.coldStart
      ? await coldStartBenchmark(built, config, logger).catch((error: unknown) => {
          if (!(error instanceof UserError) || error instanceof InterruptedError || interruptedBy())
            throw error;
          coldStartError = error;
          logger.warning(`the cold start was not measured: ${error.message}`);
          return undefined;
        })
      : undefined,
  }));
  return stage(logger, 'report', async () => {
    const sum = (pick: (c: Report['components'][number]) => number) =>
      built.optimized.components.reduce((s, c) => s + pick(c), 0);
    const summary = summarizeSamples(samples);
    // a monorepo's matrix job keeps its history under its app's key
    const app = config.monorepo.app ?? deployProjectOf(built.project).appName;
    let historyError: UserError | undefined;
    // a bug in the history's part is thrown once the run's own report is written
    let bug: unknown;
    const historyFailed = (error: unknown): void => {
      if (!(error instanceof UserError)) {
        bug ??= error;
        return;
      }
      historyError = error;
      logger.warning(`The run is not in the history: ${error.message}`);
    };
    const warn = (message: string): void => logger.warning(message);
    const runId = runIdOf(startedAt, options.source?.commit);
    let before: HistoryIndex | undefined;
    let alert: BenchmarkAlert | undefined;
    if (options.history)
      try {
        before = await readHistory(options.history, app, target, warn);
        alert = checkRegression(before.runs, summary.warm.readySeconds, {
          window: config.benchmark.alertWindow,
          threshold: config.benchmark.alertThreshold,
        });
      } catch (error) {
        before = undefined;
        historyFailed(error);
      }
    const benchmark: BenchmarkSection = {
      target,
      app,
      runId,
      startedAt,
      repeat: config.benchmark.repeat,
      minIntervalSeconds: config.benchmark.minIntervalSeconds,
      samples,
      ...summary,
      sizes: {
        bytes: sum((c) => c.final.bytes),
        gzipBytes: sum((c) => c.final.gzipBytes),
        brotliBytes: sum((c) => c.final.brotliBytes),
      },
      ...(alert ? { alert } : {}),
    };
    const source = options.source?.commit || options.source?.ref ? options.source : undefined;
    // the comparison and budgets of a run apply to the sizes; the markdown file is written below
    const finished = await finishReport(
      {
        ...buildReport(built, config),
        ...(source ? { source } : {}),
        benchmark,
        ...(coldStart
          ? {
              coldStart: coldStart.stages,
              coldStartRuntime: coldStart.runtime,
              coldStartComponent: coldStart.component,
            }
          : {}),
        ...(coldStartError
          ? { notices: [`The cold start was not measured: ${coldStartError.message}`] }
          : {}),
      },
      { ...config, output: { jsonPath: config.output.jsonPath } },
      logger,
    );
    const report = finished.report as BenchmarkReport;

    let history: HistoryIndex | undefined;
    let transition: AlertTransition | undefined;
    let charts: ChartLinks | undefined;
    let mermaid: string | undefined;
    let coldCharts: { chart: string; trend: string } | undefined;
    if (options.history && before && alert)
      try {
        const next = nextAlertState(before.alert, alert, runId);
        transition = next.transition;
        let state = next.state;
        if (transition && state && options.onAlert) {
          const issue = await options.onAlert(transition, alert, state, report);
          if (issue !== undefined) state = { ...state, issue };
        }
        ({ index: history } = await appendRun(
          options.history,
          report,
          config.benchmark.historyLimit,
          state,
          warn,
        ));
        const dir = historyDir(app, target);
        const files = { trend: `${dir}/trend.svg`, scatter: `${dir}/scatter.svg` };
        const drawn = history;
        await options.history.update(files.trend, `spinwash: benchmark ${dir} trend`, () =>
          trendSvg(drawn),
        );
        await options.history.update(files.scatter, `spinwash: benchmark ${dir} scatter`, () =>
          scatterSvg(drawn),
        );
        const link = options.chartLink ?? ((file: string) => file);
        charts = { trend: link(files.trend), scatter: link(files.scatter) };
        if (report.coldStart) {
          const cold = { chart: `${dir}/cold-start.svg`, trend: `${dir}/cold-start-trend.svg` };
          const svg = coldStartChart(report);
          await options.history.update(
            cold.chart,
            `spinwash: benchmark ${dir} cold start`,
            () => svg,
          );
          await options.history.update(
            cold.trend,
            `spinwash: benchmark ${dir} cold-start trend`,
            () => coldStartTrendSvg(drawn),
          );
          coldCharts = { chart: link(cold.chart), trend: link(cold.trend) };
        }
        mermaid = trendMermaid(history);
        logger.info(
          `history: ${history.runs.length} run${history.runs.length === 1 ? '' : 's'} of ${dir} in ${options.history.where}`,
        );
      } catch (error) {
        historyFailed(error);
      }
    const markdown = `${finished.markdown}\n${renderBenchmarkMarkdown(report.benchmark, {
      ...(mermaid ? { mermaid } : {}),
      ...(charts ? { charts } : {}),
    })}${
      report.coldStart
        ? `\n${renderColdStartMarkdown(report.coldStart, coldStartSubject(report), coldCharts)}`
        : ''
    }`;
    if (config.output.markdownPath) await writeFileAtomic(config.output.markdownPath, markdown);
    if (bug !== undefined) throw bug;
    if (coldStartError) throw coldStartError;
    return {
      report,
      markdown,
      project: built.project,
      ...(history ? { history } : {}),
      ...(transition ? { transition } : {}),
      ...(historyError ? { historyError } : {}),
    };
  });
}

/** What a cold start ran: the runtime, the component, and how many the app has. */
function coldStartSubject(report: BenchmarkReport): ColdStartSubject {
  return {
    runtime: report.coldStartRuntime ?? 'a runtime',
    ...(report.coldStartComponent ? { component: report.coldStartComponent } : {}),
    components: countedOnce(report.components).length,
  };
}

/** The cold-start chart of a benchmark report that has a cold-start section. */
export function coldStartChart(report: BenchmarkReport): string {
  return coldStartSvg(report.coldStart ?? [], {
    app: report.benchmark.app,
    runtime: report.coldStartRuntime ?? 'a runtime',
    repeat: report.benchmark.repeat,
  });
}
