import { UserError } from '../errors.js';
import type { SampleStats } from './model.js';

/**
 * The benchmark history's index (one per app and target, under `bench/` on the data branch or
 * in a `--history` folder): a data contract like the report's, written by src/bench and read
 * there for charts and alerts, and by a pull request's comparison for the measured spread.
 */

/** The data branch's folder that holds benchmark histories. */
export const DATA_BRANCH_FOLDER = 'bench';

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

/**
 * The spread of the ready time that the benchmarks measured: p90 − p10 of the warm samples
 * of the newest run that has at least three. One deploy against another is noise within it.
 */
export function measuredReadySpread(index: HistoryIndex): number | undefined {
  for (const run of [...index.runs].reverse())
    if (run.ready && run.ready.n >= 3) return run.ready.p90 - run.ready.p10;
  return undefined;
}
