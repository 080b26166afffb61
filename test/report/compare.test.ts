import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/report/compare.js';
import type { FunctionSize } from '../../src/report/model.js';
import { TOP_FUNCTIONS } from '../../src/wasm/analyze.js';
import { component, report } from './reports.js';

describe('compareReports', () => {
  const base = report(
    [component('api', 20_000), component('gone', 5_000), component('same', 4_000)],
    {
      source: { commit: 'abc', ref: 'refs/heads/main' },
    },
  );
  const current = report(
    [component('api', 22_000), component('same', 4_000), component('fresh', 1_000)],
    {
      deploy: { ...base.deploy!, readySeconds: 1.5 },
    },
  );
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
    expect(api.delta?.gzipBytes).toBe(
      current.components[0]!.final.gzipBytes - base.components[0]!.final.gzipBytes,
    );
    expect(api.sections?.[0]).toEqual({
      name: 'code',
      baseBytes: 14_000,
      bytes: 15_400,
      delta: 1_400,
      percent: 10,
    });
  });

  it('totals only components present in both, and compares deploy ready time', () => {
    expect(comparison.total).toEqual({
      baseBytes: 24_000,
      bytes: 26_000,
      delta: 2_000,
      percent: (2_000 / 24_000) * 100,
    });
    expect(comparison.deploy?.deltaSeconds).toBeCloseTo(1.5 - base.deploy!.readySeconds);
    expect(comparison.baseline).toEqual({ label: 'main', commit: 'abc', ref: 'refs/heads/main' });
  });
});

describe('compareReports: what grew, by section and by function', () => {
  /** One component `app` in each report, with the given sections and functions. */
  function compareApp(
    before: { sections: Record<string, number>; functions?: FunctionSize[] },
    after: { sections: Record<string, number>; functions?: FunctionSize[] },
  ) {
    const app = (side: typeof before) => {
      const sections = Object.entries(side.sections).map(([name, bytes]) => ({ name, bytes }));
      const total = sections.reduce((sum, s) => sum + s.bytes, 8);
      return component('app', total, {
        sections,
        ...(side.functions ? { functions: side.functions } : {}),
      });
    };
    return compareReports(report([app(after)]), report([app(before)]), 'base').components[0]!;
  }

  it('lists every changed section, growth first then shrinkage, new and vanished ones marked', () => {
    const c = compareApp(
      {
        sections: {
          code: 9_000,
          data: 2_000,
          type: 300,
          'custom:name': 4_000,
          'custom:producers': 90,
        },
      },
      {
        sections: {
          code: 9_500,
          data: 18_000,
          type: 300,
          'custom:producers': 60,
          'custom:target_features': 40,
        },
      },
    );
    expect(c.sections).toEqual([
      { name: 'data', baseBytes: 2_000, bytes: 18_000, delta: 16_000, percent: 800 },
      { name: 'code', baseBytes: 9_000, bytes: 9_500, delta: 500, percent: (500 / 9_000) * 100 },
      { name: 'custom:target_features', baseBytes: 0, bytes: 40, delta: 40, change: 'added' },
      {
        name: 'custom:name',
        baseBytes: 4_000,
        bytes: 0,
        delta: -4_000,
        percent: -100,
        change: 'removed',
      },
      { name: 'custom:producers', baseBytes: 90, bytes: 60, delta: -30, percent: (-30 / 90) * 100 },
    ]);
    // No function list on either side: nothing is said about functions.
    expect(c.functions).toBeUndefined();
  });

  it('says nothing about functions when only the baseline lacks them', () => {
    const c = compareApp(
      { sections: { code: 100 } },
      { sections: { code: 200 }, functions: [{ name: 'main', bytes: 90 }] },
    );
    expect(c.functions).toBeUndefined();
    expect(c.sections?.map((s) => s.name)).toEqual(['code']);
  });

  it('compares complete function lists exactly: grown, shrunk, new, gone; same-named ones paired by size', () => {
    const c = compareApp(
      {
        sections: { code: 1_000 },
        functions: [
          { name: 'app::handle', bytes: 400 },
          { name: 'app::{{closure}}', bytes: 300 },
          { name: 'app::{{closure}}', bytes: 120 },
          { name: 'app::old', bytes: 90 },
          { name: 'core::fmt::write', bytes: 80 },
        ],
      },
      {
        sections: { code: 1_200 },
        functions: [
          { name: 'app::handle', bytes: 520 },
          { name: 'app::{{closure}}', bytes: 300 },
          { name: 'app::{{closure}}', bytes: 100 },
          { name: 'app::table', bytes: 60 },
          { name: 'core::fmt::write', bytes: 80 },
        ],
      },
    );
    expect(c.functions).toEqual([
      { name: 'app::handle', baseBytes: 400, bytes: 520, delta: 120, percent: 30 },
      { name: 'app::table', baseBytes: 0, bytes: 60, delta: 60, change: 'added' },
      { name: 'app::old', baseBytes: 90, bytes: 0, delta: -90, percent: -100, change: 'removed' },
      {
        name: 'app::{{closure}}',
        baseBytes: 120,
        bytes: 100,
        delta: -20,
        percent: (-20 / 120) * 100,
      },
    ]);
  });

  it('bounds a function missing from a full top list, and leaves it out when the bound proves no change', () => {
    // Full lists: TOP_FUNCTIONS entries, each the largest of a bigger module.
    const filler = (from: number) =>
      Array.from({ length: TOP_FUNCTIONS - 2 }, (_, i) => ({
        name: `f${i}`,
        bytes: from - i * 10,
      }));
    const base = [...filler(5_000), { name: 'leaves', bytes: 900 }, { name: 'slips', bytes: 500 }];
    const smallestNow = 600;
    const now = [
      ...filler(5_000),
      { name: 'enters', bytes: 700 },
      { name: 'squeezes-in', bytes: smallestNow },
    ];
    const c = compareApp(
      { sections: { code: 1_000 }, functions: base },
      { sections: { code: 1_100 }, functions: now },
    );
    expect(c.functions).toEqual([
      // Was at most 500 B (the baseline's smallest listed): grew by 200 B or more.
      { name: 'enters', baseBytes: 500, bytes: 700, delta: 200, outsideTop: 'base' },
      { name: 'squeezes-in', baseBytes: 500, bytes: 600, delta: 100, outsideTop: 'base' },
      // Is at most 600 B now (the smallest listed now): shrank by 300 B or more.
      { name: 'leaves', baseBytes: 900, bytes: 600, delta: -300, outsideTop: 'current' },
    ]);
    // `slips` (500 B, under today's smallest 600 B) may be unchanged: not listed.
    expect(c.functions?.map((f) => f.name)).not.toContain('slips');
  });

  it('keeps empty lists for an unchanged component', () => {
    const side = { sections: { code: 700 }, functions: [{ name: 'main', bytes: 300 }] };
    const c = compareApp(side, side);
    expect(c).toMatchObject({ status: 'unchanged', sections: [], functions: [] });
  });
});
