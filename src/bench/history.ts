import { UserError } from '../errors.js';
import {
  historyDir,
  indexFile,
  parseIndex,
  RUN_ID,
  type AlertState,
  type HistoryEntry,
  type HistoryIndex,
} from '../report/bench-index.js';
import type { BenchmarkSection, Report } from '../report/model.js';

/**
 * The benchmark history of one app on one target: one JSON file per run (the run's whole
 * report, so two runs of one commit both stay) and an index holding each run's summary, which
 * the charts and the alert read without opening every run. Both are capped: past `limit`
 * runs the oldest leave the index and their files are deleted. The layout is the same on the
 * data branch (under `bench/`) and in the CLI's `--history` folder:
 *
 *   <app>/<target>/index.json
 *   <app>/<target>/runs/<run id>.json
 *   <app>/<target>/trend.svg, scatter.svg
 */

/** Where the history lives: the data branch (contents API) or a local folder. */
export interface HistoryBackend {
  /** For messages: `the spinwash-data branch`, `folder h`. */
  readonly where: string;
  read(path: string): Promise<string | undefined>;
  /** Writes a file from its previous text (undefined when new); retries on a concurrent write. */
  update(
    path: string,
    message: string,
    content: (old: string | undefined) => string,
  ): Promise<void>;
  remove(path: string, message: string): Promise<void>;
}

/** A run's file; an id that is not a run id is refused (it would name a path of its own). */
export function runFile(dir: string, id: string): string {
  if (!RUN_ID.test(id))
    throw new UserError(
      `"${id}" is not a benchmark run id (such as 20261130T203000123Z-abc1234); no file is named after it`,
    );
  return `${dir}/runs/${id}.json`;
}

/** A run's id: its start time to the millisecond and its commit (`20261130T203000123Z-abc1234`). */
export function runIdOf(startedAt: string, commit?: string): string {
  return `${startedAt.replace(/[-:.]/g, '')}-${commit ? commit.slice(0, 7) : 'local'}`;
}

/** The index entry of a benchmark report. */
export function entryOf(report: Report & { benchmark: BenchmarkSection }): HistoryEntry {
  const { benchmark } = report;
  return {
    id: benchmark.runId,
    startedAt: benchmark.startedAt,
    ...(report.source?.commit ? { commit: report.source.commit } : {}),
    ...(report.source?.ref ? { ref: report.source.ref } : {}),
    samples: benchmark.samples.length,
    failed: benchmark.failed,
    ...(benchmark.warm.readySeconds ? { ready: benchmark.warm.readySeconds } : {}),
    ...(benchmark.warm.firstResponseSeconds
      ? { firstResponse: benchmark.warm.firstResponseSeconds }
      : {}),
    ...(benchmark.warm.commandSeconds ? { command: benchmark.warm.commandSeconds } : {}),
    bytes: benchmark.sizes.bytes,
    gzipBytes: benchmark.sizes.gzipBytes,
    ...(benchmark.alert ? { alert: benchmark.alert.status } : {}),
    ...(report.coldStart
      ? {
          coldStart: report.coldStart.map((s) => ({
            stage: s.stage,
            bytes: s.bytes,
            firstAnswer: s.firstAnswerSeconds,
          })),
        }
      : {}),
  };
}

/** The history's index; runs that are not of the index's shape are skipped with `warn`. */
export async function readHistory(
  backend: HistoryBackend,
  app: string,
  target: string,
  warn: (message: string) => void,
): Promise<HistoryIndex> {
  const file = indexFile(historyDir(app, target));
  const text = await backend.read(file);
  return text === undefined
    ? { app, target, runs: [] }
    : parseIndex(text, `${file} in ${backend.where}`, warn);
}

/**
 * Adds a run: its report file, then the index (entry appended, capped to `limit`, alert
 * state set), then deletes the files of the runs that fell off. Returns the new index.
 */
export async function appendRun(
  backend: HistoryBackend,
  report: Report & { benchmark: BenchmarkSection },
  limit: number,
  alert: AlertState | undefined,
  warn: (message: string) => void,
): Promise<{ index: HistoryIndex; dropped: string[] }> {
  const { app, target, runId } = report.benchmark;
  const dir = historyDir(app, target);
  // the data branch calls `content` again after a concurrent write: each warning is said once
  const warned = new Set<string>();
  const warnOnce = (message: string): void => {
    if (!warned.has(message)) warn(message);
    warned.add(message);
  };
  await backend.update(
    runFile(dir, runId),
    `spinwash: benchmark ${app} on ${target}, run ${runId}`,
    () => `${JSON.stringify(report, null, 2)}\n`,
  );
  let result: { index: HistoryIndex; dropped: string[] } | undefined;
  await backend.update(indexFile(dir), `spinwash: benchmark index ${dir} += ${runId}`, (old) => {
    const index: HistoryIndex =
      old === undefined
        ? { app, target, runs: [] }
        : parseIndex(old, `${indexFile(dir)} in ${backend.where}`, warnOnce);
    const runs = [...index.runs.filter((r) => r.id !== runId), entryOf(report)];
    const keep = runs.slice(-limit);
    const next: HistoryIndex = { app, target, runs: keep, ...(alert ? { alert } : {}) };
    result = { index: next, dropped: runs.slice(0, runs.length - keep.length).map((r) => r.id) };
    return `${JSON.stringify(next, null, 2)}\n`;
  });
  for (const id of result!.dropped) {
    await backend.remove(runFile(dir, id), `spinwash: benchmark ${dir}: run ${id} fell off`);
  }
  return result!;
}
