import { runIdOf } from '../../src/bench/history.js';
import type { BenchmarkReport } from '../../src/bench/benchmark.js';
import { summarizeSamples } from '../../src/bench/stats.js';
import type { BenchmarkSample } from '../../src/report/model.js';
import { component, report } from '../report/reports.js';

/** A benchmark report of a run started at `minute` past 20:00 on `commit` (figures chosen, not measured). */
export function benchReport(minute: number, commit: string, ready: number[]): BenchmarkReport {
  const startedAt = `2026-11-30T20:${String(minute).padStart(2, '0')}:00.000Z`;
  const samples: BenchmarkSample[] = ready.map((readySeconds, i) => ({
    index: i + 1,
    startedAt,
    readySeconds,
    firstResponseSeconds: 0.004,
    status: 200,
  }));
  // a benchmark report has samples instead of one deploy
  const base = report([component('hello-rust', 47_335)]);
  delete base.deploy;
  return {
    ...base,
    source: { commit, ref: 'refs/heads/main' },
    benchmark: {
      target: 'local',
      app: 'hello-rust',
      runId: runIdOf(startedAt, commit),
      startedAt,
      repeat: samples.length,
      minIntervalSeconds: 0,
      samples,
      ...summarizeSamples(samples),
      sizes: { bytes: 47_335, gzipBytes: 16_590, brotliBytes: 14_020 },
    },
  };
}
