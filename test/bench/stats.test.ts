import { describe, expect, it } from 'vitest';
import { quantile, summarize, summarizeSamples } from '../../src/bench/stats.js';
import type { BenchmarkSample } from '../../src/report/model.js';

// Samples as a run of `deploy: local` recorded them (seconds), sample 4 a failed deploy.
const at = '2026-11-30T20:00:00.000Z';
const recorded: BenchmarkSample[] = [
  { index: 1, startedAt: at, readySeconds: 0.912, firstResponseSeconds: 0.031, status: 200 },
  { index: 2, startedAt: at, readySeconds: 0.241, firstResponseSeconds: 0.004, status: 200 },
  { index: 3, startedAt: at, readySeconds: 0.198, firstResponseSeconds: 0.003, status: 200 },
  { index: 4, startedAt: at, error: 'deploy `local`: the server exited with code 1' },
  { index: 5, startedAt: at, readySeconds: 0.305, firstResponseSeconds: 0.006, status: 200 },
  { index: 6, startedAt: at, readySeconds: 0.22, firstResponseSeconds: 0.002, status: 200 },
  { index: 7, startedAt: at, readySeconds: 0.212, firstResponseSeconds: 0.005, status: 200 },
];

describe('benchmark statistics', () => {
  it('keep the cold sample apart and the failed one counted, and summarize the rest as computed by hand', () => {
    const { cold, warm, failed } = summarizeSamples(recorded);
    expect(cold).toBe(recorded[0]);
    expect(failed).toBe(1);
    // readySeconds of the 5 warm successes, sorted: 0.198 0.212 0.220 0.241 0.305
    //   median = the 3rd = 0.220; min 0.198; max 0.305
    //   p10: position 0.1·4 = 0.4 → 0.198 + 0.4·(0.212−0.198) = 0.2036
    //   p90: position 0.9·4 = 3.6 → 0.241 + 0.6·(0.305−0.241) = 0.2794
    //   |x − 0.220| sorted: 0 0.008 0.021 0.022 0.085 → MAD = 0.021
    const ready = warm.readySeconds!;
    expect(ready.n).toBe(5);
    expect(ready.median).toBeCloseTo(0.22, 12);
    expect(ready.min).toBe(0.198);
    expect(ready.max).toBe(0.305);
    expect(ready.p10).toBeCloseTo(0.2036, 12);
    expect(ready.p90).toBeCloseTo(0.2794, 12);
    expect(ready.mad).toBeCloseTo(0.021, 12);
    // firstResponseSeconds sorted: 0.002 0.003 0.004 0.005 0.006 → median 0.004,
    //   p10 0.002 + 0.4·0.001 = 0.0024, p90 0.005 + 0.6·0.001 = 0.0056,
    //   deviations 0 0.001 0.001 0.002 0.002 → MAD 0.001
    const first = warm.firstResponseSeconds!;
    expect(first.median).toBeCloseTo(0.004, 12);
    expect(first.p10).toBeCloseTo(0.0024, 12);
    expect(first.p90).toBeCloseTo(0.0056, 12);
    expect(first.mad).toBeCloseTo(0.001, 12);
    // the embedded runtime has no deploy command: no statistics rather than zeros
    expect(warm.commandSeconds).toBeUndefined();
  });

  it('interpolate an even count between the two middle values', () => {
    // 1.5 1.1 1.3 1.2 sorted: 1.1 1.2 1.3 1.5
    //   median: position 1.5 → (1.2 + 1.3) / 2 = 1.25
    //   p10: position 0.3 → 1.1 + 0.3·0.1 = 1.13; p90: position 2.7 → 1.3 + 0.7·0.2 = 1.44
    //   deviations 0.15 0.05 0.05 0.25 sorted 0.05 0.05 0.15 0.25 → MAD (0.05 + 0.15) / 2 = 0.1
    const stats = summarize([1.5, 1.1, 1.3, 1.2])!;
    expect(stats.median).toBeCloseTo(1.25, 12);
    expect(stats.p10).toBeCloseTo(1.13, 12);
    expect(stats.p90).toBeCloseTo(1.44, 12);
    expect(stats.mad).toBeCloseTo(0.1, 12);
    expect(quantile([7], 0.9)).toBe(7);
    expect(summarize([])).toBeUndefined();
  });

  it('have no warm statistics when only the cold sample ran or every warm one failed', () => {
    expect(summarizeSamples(recorded.slice(0, 1)).warm).toEqual({});
    expect(summarizeSamples([recorded[0]!, recorded[3]!])).toMatchObject({ warm: {}, failed: 1 });
  });
});
