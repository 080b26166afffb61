import type { BenchmarkSample, BenchmarkSection, SampleStats } from '../report/model.js';

/**
 * The statistics of a benchmark run, pure. The first sample is the cold one (first deploy of
 * this build: caches, image pulls) and stays apart; the rest, when they succeeded, are the
 * warm samples the statistics summarize. Order statistics only: with 4–20 samples, one slow
 * outlier should move the summary little, which a mean and a standard deviation do not give.
 */

/**
 * The q-quantile (0 ≤ q ≤ 1) of sorted values, interpolated linearly between the two nearest
 * ranks (position q·(n−1): numpy's default, R's type 7). q = 0.5 is the median.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}

/** Median, min, max, p10, p90 and median absolute deviation; undefined for no values. */
export function summarize(values: readonly number[]): SampleStats | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    mad: quantile(deviations, 0.5),
  };
}

type Measure = 'readySeconds' | 'firstResponseSeconds' | 'commandSeconds';
const MEASURES: readonly Measure[] = ['readySeconds', 'firstResponseSeconds', 'commandSeconds'];

/** The cold sample, the warm statistics and the failure count of a run's samples. */
export function summarizeSamples(
  samples: readonly BenchmarkSample[],
): Pick<BenchmarkSection, 'cold' | 'warm' | 'failed'> {
  const [cold, ...rest] = samples;
  if (!cold) throw new Error('a benchmark run without samples');
  const warm: BenchmarkSection['warm'] = {};
  for (const measure of MEASURES) {
    const stats = summarize(
      rest.filter((s) => s.error === undefined).flatMap((s) => s[measure] ?? []),
    );
    if (stats) warm[measure] = stats;
  }
  return { cold, warm, failed: samples.filter((s) => s.error !== undefined).length };
}
