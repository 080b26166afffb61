import type { BenchmarkAlert, SampleStats } from '../report/model.js';
import type { AlertState, HistoryEntry } from '../report/bench-index.js';
import { quantile } from './stats.js';

/**
 * Alerts that do not cry wolf: a run is a regression only when BOTH
 *   1. its median ready time is above the median of the window's medians by more than the
 *      threshold (`alert-threshold`, 20% by default), and
 *   2. its spread lies above theirs: its p10 is above the median of the window's p90s (its
 *      p10–p90 interval does not overlap a typical earlier run's). The median, not the
 *      highest: one earlier run with a slow outlier sample must not mask every regression
 *      for `alert-window` runs.
 * The window is the last `alert-window` runs before it that have warm statistics. A noisy run
 * (a slow median but samples as fast as before) passes 1 and fails 2; a small real shift
 * passes 2 and fails 1. Pure: the history in, a verdict out.
 */
export function checkRegression(
  previous: readonly HistoryEntry[],
  ready: SampleStats | undefined,
  options: { window: number; threshold: number },
): BenchmarkAlert {
  const thresholdPercent = round(options.threshold * 100);
  const compared = previous.filter((r) => r.ready !== undefined).slice(-options.window);
  const window = compared.map((r) => r.ready!);
  const ids = compared.map((r) => r.id);
  if (!ready)
    return {
      status: 'insufficient',
      window: ids,
      thresholdPercent,
      message: 'no warm sample succeeded: nothing to compare',
    };
  if (window.length === 0)
    return {
      status: 'insufficient',
      window: ids,
      medianSeconds: ready.median,
      lowSeconds: ready.p10,
      thresholdPercent,
      message: 'no earlier run to compare with',
    };
  const baselineSeconds = quantile(
    window.map((s) => s.median).sort((a, b) => a - b),
    0.5,
  );
  const baselineHighSeconds = quantile(
    window.map((s) => s.p90).sort((a, b) => a - b),
    0.5,
  );
  const changePercent = round(((ready.median - baselineSeconds) / baselineSeconds) * 100);
  const slower = ready.median > baselineSeconds * (1 + options.threshold);
  const apart = ready.p10 > baselineHighSeconds;
  const numbers = `median ${seconds(ready.median)} against ${seconds(baselineSeconds)} (${changePercent >= 0 ? '+' : ''}${changePercent}%, threshold ${thresholdPercent}%); p10 ${seconds(ready.p10)} against the window's median p90 ${seconds(baselineHighSeconds)}`;
  const verdict =
    slower && apart
      ? 'slower beyond the threshold and outside the spread'
      : slower
        ? 'slower, but within the spread of the earlier runs (noise)'
        : 'in range';
  return {
    status: slower && apart ? 'regression' : 'ok',
    window: ids,
    baselineSeconds,
    baselineHighSeconds,
    medianSeconds: ready.median,
    lowSeconds: ready.p10,
    changePercent,
    thresholdPercent,
    message: `${verdict}: ${numbers}, over ${ids.length} run${ids.length === 1 ? '' : 's'}`,
  };
}

const round = (n: number): number => Math.round(n * 10) / 10;
const seconds = (s: number): string => `${s.toFixed(3)} s`;

/** What this run does to the alert: raises it, keeps it up, brings it back in range, or nothing. */
export type AlertTransition = 'raised' | 'continued' | 'recovered';

/** The alert state after a run, from the state before it and the run's verdict. */
export function nextAlertState(
  before: AlertState | undefined,
  alert: BenchmarkAlert,
  runId: string,
): { state?: AlertState; transition?: AlertTransition } {
  const open = before?.open === true;
  if (alert.status === 'regression')
    return open
      ? { state: before, transition: 'continued' }
      : {
          // one issue per app and target: a new regression goes on the issue of the last one
          state: { open: true, since: runId, ...(before?.issue ? { issue: before.issue } : {}) },
          transition: 'raised',
        };
  if (alert.status === 'ok' && open)
    return { state: { ...before, open: false }, transition: 'recovered' };
  return before ? { state: before } : {};
}
