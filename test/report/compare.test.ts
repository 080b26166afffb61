import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/report/compare.js';
import { component, report } from './reports.js';

describe('compareReports', () => {
  const base = report([component('api', 20_000), component('gone', 5_000), component('same', 4_000)], {
    source: { commit: 'abc', ref: 'refs/heads/main' },
  });
  const current = report([component('api', 22_000), component('same', 4_000), component('fresh', 1_000)], {
    deploy: { ...base.deploy!, readySeconds: 1.5 },
  });
  const comparison = compareReports(current, base, 'main');

  it('matches components by name and says what happened to each', () => {
    expect(comparison.components.map((c) => [c.name, c.status])).toEqual([
      ['api', 'changed'],
      ['same', 'unchanged'],
      ['fresh', 'added'],
      ['gone', 'removed'],
    ]);
  });

  it('computes deltas in bytes and percent from the two reports', () => {
    const api = comparison.components[0]!;
    expect(api.delta?.bytes).toBe(2_000);
    expect(api.delta?.bytesPercent).toBeCloseTo(10);
    expect(api.delta?.gzipBytes).toBe(current.components[0]!.final.gzipBytes - base.components[0]!.final.gzipBytes);
    expect(api.sections?.[0]).toEqual({ name: 'code', baseBytes: 14_000, bytes: 15_400, delta: 1_400 });
  });

  it('totals only components present in both, and compares deploy ready time', () => {
    expect(comparison.total).toEqual({ baseBytes: 24_000, bytes: 26_000, delta: 2_000, percent: (2_000 / 24_000) * 100 });
    expect(comparison.deploy?.deltaSeconds).toBeCloseTo(1.5 - base.deploy!.readySeconds);
    expect(comparison.baseline).toEqual({ label: 'main', commit: 'abc', ref: 'refs/heads/main' });
  });
});
