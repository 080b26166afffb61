import { UserError } from '../errors.js';
import type { BenchmarkSection, Report, SampleStats } from '../report/model.js';

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

/** One run, as the index keeps it. */
export interface HistoryEntry {
  id: string;
  startedAt: string;
  commit?: string;
  ref?: string;
  samples: number;
  failed: number;
  /** Warm statistics, as in the run's report. */
  ready?: SampleStats;
  firstResponse?: SampleStats;
  command?: SampleStats;
  /** Final bytes summed over the components, and gzipped. */
  bytes: number;
  gzipBytes: number;
  /** The alert check's verdict for this run. */
  alert?: 'regression' | 'ok' | 'insufficient';
}

/** The alert issue this history is reported on, while a regression stands or since one did. */
export interface AlertState {
  /** Open while the latest runs are regressions; false once one came back in range. */
  open: boolean;
  /** The issue spinwash opened or commented on (absent in a local history). */
  issue?: number;
  /** The run that raised it. */
  since: string;
}

export interface HistoryIndex {
  app: string;
  target: string;
  /** Oldest first. */
  runs: HistoryEntry[];
  alert?: AlertState;
}

/** `hello-rust`, `local` → `hello-rust/local` (anything unsafe in a path becomes `_`). */
export function historyDir(app: string, target: string): string {
  const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return `${safe(app)}/${safe(target)}`;
}

export const indexFile = (dir: string): string => `${dir}/index.json`;
export const runFile = (dir: string, id: string): string => `${dir}/runs/${id}.json`;

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
  };
}

export function parseIndex(text: string, where: string): HistoryIndex {
  try {
    const value = JSON.parse(text) as HistoryIndex;
    if (
      typeof value.app === 'string' &&
      Array.isArray(value.runs) &&
      value.runs.every((r) => typeof r.id === 'string' && typeof r.bytes === 'number')
    )
      return value;
  } catch {
    // the error below says what to do
  }
  throw new UserError(`${where} is not a spinwash benchmark index; delete it to start afresh`);
}

export async function readHistory(
  backend: HistoryBackend,
  app: string,
  target: string,
): Promise<HistoryIndex> {
  const file = indexFile(historyDir(app, target));
  const text = await backend.read(file);
  return text === undefined
    ? { app, target, runs: [] }
    : parseIndex(text, `${file} in ${backend.where}`);
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
): Promise<{ index: HistoryIndex; dropped: string[] }> {
  const { app, target, runId } = report.benchmark;
  const dir = historyDir(app, target);
  await backend.update(
    runFile(dir, runId),
    `spinwash: benchmark ${app} on ${target}, run ${runId}`,
    () => `${JSON.stringify(report, null, 2)}\n`,
  );
  let result: { index: HistoryIndex; dropped: string[] } | undefined;
  await backend.update(indexFile(dir), `spinwash: benchmark index ${dir} += ${runId}`, (old) => {
    const index: HistoryIndex =
      old === undefined ? { app, target, runs: [] } : parseIndex(old, indexFile(dir));
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
