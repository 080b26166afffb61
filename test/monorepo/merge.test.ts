import { describe, expect, it } from 'vitest';
import type { JobResult } from '../../src/monorepo/job-results.js';
import {
  allocate,
  failingApps,
  mergeApps,
  NO_RESULT,
  renderMerged,
} from '../../src/monorepo/merge.js';
import type { FailureRecord } from '../../src/monorepo/model.js';
import { compareReports } from '../../src/report/compare.js';
import type { Report } from '../../src/report/model.js';
import { component, report } from '../report/reports.js';

const appReport = (name: string, dir: string, bytes: number, extra: Partial<Report> = {}) =>
  report([component(`${name}-crate`, bytes)], {
    project: { kind: 'cargo', path: dir, name },
    ...extra,
  });

const failure = (app: string, dir: string, message: string): FailureRecord => ({
  schemaVersion: 1,
  tool: { name: 'spinwash', version: '0.1.0' },
  app,
  project: { path: dir },
  failure: { message },
});

function results(): JobResult[] {
  const base = appReport('b', 'apps/b', 10_000);
  const b = appReport('b', 'apps/b', 12_000, {
    budgets: {
      checked: ['max-size 11 KiB'],
      breaches: [
        {
          budget: 'max-size',
          limit: '11 KiB (11,264 B)',
          actual: '11.7 KiB (12,000 B)',
          excess: 'by 736 B',
        },
      ],
      failing: true,
    },
  });
  b.comparison = compareReports(b, base, 'main (base commit)');
  return [
    { file: 'a/r.json', app: 'a', report: appReport('a', 'apps/a', 20_000) },
    { file: 'b/r.json', app: 'b', report: b },
    {
      file: 'c/r.json',
      app: 'c',
      failure: failure('c', 'apps/c', 'cargo build failed (exit code 101):\nerror[E0425]: `x`'),
    },
  ];
}

describe('mergeApps', () => {
  it('puts failed jobs, then broken budgets on top, the rest in path order; a planned app without a result failed', () => {
    const apps = mergeApps(results(), {
      include: [
        { project: 'apps/a', name: 'a', kind: 'cargo' },
        { project: 'apps/d', name: 'd', kind: 'wash' },
      ],
    });
    expect(apps.map((a) => [a.app, a.status])).toEqual([
      ['c', 'failed'],
      ['d', 'failed'],
      ['b', 'over-budget'],
      ['a', 'passed'],
    ]);
    expect(apps[1]!.failure!.message).toBe(NO_RESULT);
    expect(failingApps(apps).map((a) => a.app)).toEqual(['c', 'd', 'b']);
  });
});

describe('renderMerged', () => {
  it('one summary row per app with size, change against its own baseline, deploy and budget; each app folded', () => {
    const { markdown, shortened } = renderMerged(mergeApps(results()), { maxLength: 65_000 });
    expect(shortened).toBe(0);
    expect(markdown).toMatch(
      /^## spinwash report: 3 apps\n\n❌ \*\*1 broke a budget, 1 failed\*\* \(of 3 apps\)/,
    );
    expect(markdown).toContain(
      '- **b**: max-size broken: 11.7 KiB (12,000 B) against a limit of 11 KiB',
    );
    expect(markdown).toContain(
      '- **c**: failed: cargo build failed (exit code 101): error[E0425]: `x`',
    );
    const rows = markdown.split('\n').filter((l) => /^\| (❌ |⚠️ )?\*\*/.test(l));
    expect(rows).toEqual([
      '| ❌ **c** `apps/c` | — | — | — | ❌ job failed |',
      expect.stringMatching(
        /^\| ❌ \*\*b\*\* `apps\/b` \| 11\.7 KiB \(12,000 B\) \| 🔺 \+1\.95 KiB \(\+2,000 B, \+20\.0%\) \| 734 ms \(±0 ms, within noise\) \| ❌ max-size broken \|$/,
      ),
      '| **a** `apps/a` | 19.5 KiB (20,000 B) | no baseline | 734 ms | — |',
    ]);
    expect(markdown.match(/<details><summary><b>/g)).toHaveLength(3);
    // a failed job's error, whole, in a code block
    expect(markdown).toContain(
      '```text\ncargo build failed (exit code 101):\nerror[E0425]: `x`\n```',
    );
  });

  it('under the size limit the details give way, never the summary', () => {
    // many sections per component: long details
    const big = (name: string) =>
      appReport(name, `apps/${name}`, 50_000, {
        components: Array.from({ length: 12 }, (_, i) =>
          component(`${name}-${i}`, 40_000 + i, {
            sections: Array.from({ length: 40 }, (_, j) => ({ name: `custom:s${j}`, bytes: j })),
          }),
        ),
      });
    const apps = mergeApps(
      ['a', 'b', 'c', 'd'].map((n) => ({ file: `${n}.json`, app: n, report: big(n) })),
    );
    const full = renderMerged(apps, { maxLength: 10_000_000 });
    const summary = full.markdown.slice(0, full.markdown.indexOf('<details>'));
    for (const limit of [30_000, 8_000, 3_000]) {
      const { markdown, shortened } = renderMerged(apps, { maxLength: limit });
      expect(markdown.length).toBeLessThanOrEqual(limit);
      expect(shortened).toBeGreaterThan(0);
      expect(markdown.startsWith(summary)).toBe(true);
    }
    // smaller than the summary with its folded headings: the summary alone, whole
    const tiny = renderMerged(apps, { maxLength: 600 });
    expect(tiny.markdown).toContain(summary.trimEnd());
    expect(tiny.markdown).not.toContain('<details>');
  });
});

describe('allocate', () => {
  it('gives the small ones what they need and splits the rest evenly', () => {
    expect(allocate([100, 5_000, 5_000], 3_100)).toEqual([100, 1_500, 1_500]);
    expect(allocate([10, 20], 1_000)).toEqual([10, 20]);
    expect(allocate([10, 20], -5)).toEqual([0, 0]);
  });
});
