import type { ColdStartStage, SampleStats } from '../report/model.js';
import { summarize } from './stats.js';

/**
 * The pure part of the cold-start benchmark: a stage's samples summarized as the deploy
 * benchmark does (the first, cold sample apart; median, p10, p90 over the rest), and the
 * one-sentence verdict, which says only what was measured.
 */

export interface ColdSample {
  readonly compileSeconds: number;
  readonly firstAnswerSeconds: number;
  /** Peak resident memory of the runtime process; undefined where it could not be read. */
  readonly rssBytes?: number;
}

export type ColdSummary = Pick<
  ColdStartStage,
  'samples' | 'compileSeconds' | 'firstAnswerSeconds' | 'cold' | 'rssBytes'
>;

/**
 * Sample 1 is the cold one (first process after the build: page cache, the runtime's own
 * start-up) and is kept apart; with a single sample it is all there is, and the statistics
 * are of it alone.
 */
export function summarizeColdSamples(samples: readonly ColdSample[]): ColdSummary {
  const [cold, ...rest] = samples;
  if (!cold) throw new Error('a cold-start stage without samples');
  const warm = rest.length > 0 ? rest : [cold];
  const of = (pick: (s: ColdSample) => number): SampleStats => summarize(warm.map(pick))!;
  const rss = summarize(warm.flatMap((s) => (s.rssBytes === undefined ? [] : [s.rssBytes])));
  return {
    samples: samples.length,
    compileSeconds: of((s) => s.compileSeconds),
    firstAnswerSeconds: of((s) => s.firstAnswerSeconds),
    cold: { compileSeconds: cold.compileSeconds, firstAnswerSeconds: cold.firstAnswerSeconds },
    ...(rss ? { rssBytes: Math.round(rss.median) } : {}),
  };
}

/** Two spreads overlap when neither's p10–p90 lies wholly above the other's. */
export function spreadsOverlap(a: SampleStats, b: SampleStats): boolean {
  return a.p10 <= b.p90 && b.p10 <= a.p90;
}

/** A time difference as people read it: `0.42 ms`, `3.1 ms`, `1.25 s`. */
export function formatSpan(seconds: number): string {
  const ms = Math.abs(seconds) * 1000;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms >= 10 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(2)} ms`;
}

type VerdictStage = Pick<ColdStartStage, 'stage' | 'bytes' | 'firstAnswerSeconds'>;

/**
 * The smallest stage against the release build: how much smaller, how much faster or slower
 * its median first answer (start → first healthy answer), and "within noise" when the two
 * p10–p90 ranges overlap. A run
 * that measured one stage says so and compares nothing.
 */
export function coldStartVerdict(stages: readonly VerdictStage[]): string {
  const release = stages.find((s) => s.stage === 'release');
  const others = stages.filter((s) => s !== release && s.stage !== 'debug');
  const smallest = others.reduce<VerdictStage | undefined>(
    (best, s) => (best === undefined || s.bytes < best.bytes ? s : best),
    undefined,
  );
  if (!release || !smallest)
    return `Only ${stages.map((s) => s.stage).join(', ') || 'no stage'} was measured: nothing to compare.`;
  const change = 1 - smallest.bytes / release.bytes;
  const size =
    Math.round(change * 100) === 0
      ? 'is about the size of release'
      : `is ${Math.abs(Math.round(change * 100))}% ${change > 0 ? 'smaller' : 'larger'} than release`;
  const delta = release.firstAnswerSeconds.median - smallest.firstAnswerSeconds.median;
  const noise = spreadsOverlap(release.firstAnswerSeconds, smallest.firstAnswerSeconds)
    ? ' (within noise)'
    : ' (beyond noise: the p10–p90 ranges are apart)';
  const speed =
    delta === 0
      ? 'starts in the same median time'
      : `starts ${formatSpan(delta)} ${delta > 0 ? 'faster' : 'slower'}`;
  return `${smallest.stage} ${size} and ${speed}${noise}.`;
}
