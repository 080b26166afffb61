import { UserError } from '../errors.js';
import { describe, fields, list, number, stats, string, type Check } from './json.js';
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
  /** `cold-start: true`: each size stage's file size and start → first answer (warm statistics). */
  coldStart?: ColdStartEntry[];
}

export interface ColdStartEntry {
  stage: string;
  bytes: number;
  firstAnswer: SampleStats;
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

/**
 * A run's id, as runIdOf makes it (`20261130T203000123Z-abc1234`, `…Z-local`): it names the
 * run's file, so nothing else (no `/`, no `..`) is ever taken from an index.
 */
export const RUN_ID = /^[0-9]{8}T[0-9]{9}Z-[0-9A-Za-z]{1,40}$/;

/** `hello-rust`, `local` → `hello-rust/local` (anything unsafe in a path becomes `_`). */
export function historyDir(app: string, target: string): string {
  const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return `${safe(app)}/${safe(target)}`;
}

export const indexFile = (dir: string): string => `${dir}/index.json`;

const runId: Check = (v, where) =>
  typeof v === 'string' && RUN_ID.test(v)
    ? undefined
    : `${where} is ${describe(v)}, not a run id (such as 20261130T203000123Z-abc1234)`;
const oneOf =
  (...values: readonly string[]): Check =>
  (v, where) =>
    values.includes(v as string)
      ? undefined
      : `${where} is ${describe(v)}, not one of ${values.join(', ')}`;
const count: Check = (v, where) =>
  number(v, where) ?? ((v as number) >= 0 ? undefined : `${where} is ${describe(v)}, below 0`);
const boolean: Check = (v, where) =>
  typeof v === 'boolean' ? undefined : `${where} is ${describe(v)}, not true or false`;

const entry = fields(
  {
    id: runId,
    startedAt: string,
    commit: string,
    ref: string,
    samples: count,
    failed: count,
    ready: stats,
    firstResponse: stats,
    command: stats,
    bytes: count,
    gzipBytes: count,
    alert: oneOf('regression', 'ok', 'insufficient'),
    coldStart: list(fields({ stage: string, bytes: count, firstAnswer: stats })),
  },
  ['commit', 'ref', 'ready', 'firstResponse', 'command', 'alert', 'coldStart'],
);
const alertState = fields({ open: boolean, issue: count, since: string }, ['issue']);

/**
 * Reads an index, checking every field: a run with a field of the wrong type (a hand edit, an
 * older or hostile writer) is skipped with a warning, so the charts and the alert read only
 * runs of the contract's shape, and no id that is not a run id names a file. What is not an
 * index at all is refused.
 */
export function parseIndex(
  text: string,
  where: string,
  warn: (message: string) => void,
): HistoryIndex {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const top = fields({ app: string, target: string })(value, 'index');
  if (top || !Array.isArray((value as { runs?: unknown }).runs))
    throw new UserError(`${where} is not a spinwash benchmark index; delete it to start afresh`);
  const raw = value as { app: string; target: string; runs: unknown[]; alert?: unknown };
  const runs = raw.runs.filter((run, i) => {
    const problem = entry(run, `runs[${i}]`);
    if (problem) warn(`${where}: run ${i + 1} is skipped: ${problem}`);
    return problem === undefined;
  }) as HistoryEntry[];
  const alertProblem = raw.alert === undefined ? undefined : alertState(raw.alert, 'alert');
  if (alertProblem) warn(`${where}: its alert state is dropped: ${alertProblem}`);
  return {
    app: raw.app,
    target: raw.target,
    runs,
    ...(raw.alert !== undefined && !alertProblem ? { alert: raw.alert as AlertState } : {}),
  };
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
