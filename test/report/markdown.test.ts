import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../src/report/budget.js';
import { parseBudgets } from '../../src/config/budgets.js';
import { compareReports } from '../../src/report/compare.js';
import { COMMENT_LIMIT } from '../../src/github/comment.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { ComponentReport, FunctionSize } from '../../src/report/model.js';
import { TOP_FUNCTIONS } from '../../src/wasm/analyze.js';
import { component, report } from './reports.js';

/** The component 4 KiB bigger, every third of its functions 64 B bigger. */
function grow(c: ComponentReport): ComponentReport {
  const functions: FunctionSize[] | undefined = c.functions?.map((f, k) =>
    k % 3 === 0 ? { ...f, bytes: f.bytes + 64 } : f,
  );
  return component(c.name, c.final.bytes + 4_096, {
    ...(functions ? { functions } : {}),
    ...(c.ladder ? { ladder: c.ladder } : {}),
  });
}

describe('renderMarkdown', () => {
  it('renders one component with its stages, sections, functions, ladder, timings and deploy', () => {
    const hello = component('hello-rust', 12_601, {
      functions: [
        { name: 'core::fmt::write', bytes: 2_345 },
        { name: 'hello_rust::handle|request<T>', bytes: 812 },
      ],
      ladder: [
        { stage: 'debug', bytes: 1_900_000, gzipBytes: 600_000, brotliBytes: 450_000 },
        { stage: 'release-plain', bytes: 90_000, gzipBytes: 40_000, brotliBytes: 33_000 },
        { stage: 'release', bytes: 50_725, gzipBytes: 20_290, brotliBytes: 16_739 },
      ],
    });
    expect(renderMarkdown(report([hello]))).toMatchSnapshot();
  });

  it('leaves out what a report does not have (no deploy, no optimize)', () => {
    const text = renderMarkdown(
      report([component('bare', 700)], { deploy: undefined, optimize: undefined }),
    );
    expect(text).not.toContain('**Deploy**');
    expect(text).not.toContain('optimize');
    expect(text).toContain('| bare | 700 B |');
  });

  it("lists a routed deploy's first answer per route, and a deploy's note", () => {
    const base = report([component('hello', 700), component('api', 900)]);
    const text = renderMarkdown({
      ...base,
      deploy: {
        ...base.deploy!,
        note: 'served the build | not the shrunk file',
        routes: [
          { route: '/...', component: 'hello', status: 200, seconds: 0.0042 },
          { route: '/api', component: 'api', status: 200, seconds: 0.0031 },
          { route: '/static/...', component: 'fileserver', status: 502, seconds: 0.001 },
        ],
      },
    });
    const lines = text.split('\n');
    const head = lines.indexOf('| Route | Component | Status | First answer |');
    expect(head).toBeGreaterThan(lines.indexOf('**Deploy**'));
    expect(lines.slice(head + 2, head + 5)).toEqual([
      '| `/...` | hello | 200 | 4 ms |',
      '| `/api` | api | 200 | 3 ms |',
      '| `/static/...` | fileserver | 502 | 1 ms |',
    ]);
    expect(text).toContain('> served the build \\| not the shrunk file');
    expect(renderMarkdown(base)).not.toContain('| Route |');
  });

  it('folds each component into details when there are many, and escapes names', () => {
    const names = ['api', 'web', 'worker', 'a|b<script>'];
    const text = renderMarkdown(report(names.map((n, i) => component(n, 10_000 * (i + 1)))));
    expect(text.match(/<details><summary><b>/g)).toHaveLength(4);
    expect(text).toContain('| a\\|b&lt;script&gt; |');
    expect(text).toContain('<summary><b>a\\|b&lt;script&gt;: ');
    // Outside code spans, nothing of the name is left to be read as HTML.
    expect(text.replace(/`[^`]*`/g, '')).not.toContain('<script>');
  });

  it('shows the comparison: verdict, deltas with markers, added, removed, unchanged collapsed, deploy delta', () => {
    const apiFunctions = [
      { name: 'api::handle', bytes: 3_000 },
      { name: 'core::fmt::write', bytes: 2_345 },
      { name: 'api::legacy_route', bytes: 500 },
    ];
    const base = report(
      [
        component('api', 20_000, { functions: apiFunctions }),
        component('web', 50_000),
        component('old', 9_000),
        component('same', 4_000),
      ],
      { source: { commit: '0123456789abcdef', ref: 'refs/heads/main' } },
    );
    const grownApi = component('api', 21_000, {
      functions: [
        { name: 'api::handle', bytes: 3_800 },
        apiFunctions[1]!,
        { name: 'api::table<T>', bytes: 200 },
      ],
    });
    grownApi.sections[0] = { name: 'code', bytes: 14_000 + 1_000 };
    grownApi.sections.push({ name: 'custom:target_features', bytes: 40 });
    const current = report(
      [grownApi, component('web', 45_000), component('same', 4_000), component('new', 3_000)],
      {
        deploy: { ...base.deploy!, readySeconds: 0.9 },
      },
    );
    current.comparison = compareReports(current, base, 'main');
    current.budgets = checkBudgets(
      current,
      parseBudgets({
        maxSize: 'web=40KiB',
        maxIncrease: '1%',
        maxDeploySeconds: '',
        failOnBudget: true,
      }),
    );
    expect(renderMarkdown(current)).toMatchSnapshot();
  });

  it('without a baseline: says so on top, and a max-increase budget is not checked, never passed', () => {
    const alone = report([component('api', 20_000)]);
    alone.budgets = checkBudgets(
      alone,
      parseBudgets({ maxSize: '1MB', maxIncrease: '1%', maxDeploySeconds: '', failOnBudget: true }),
    );
    const text = renderMarkdown(alone);
    expect(text.split('\n')[2]).toBe(
      '⚪ No baseline: nothing to compare against (no report for the base commit, and no `baseline-file`), so no change is shown.',
    );
    expect(text).toContain('✅ Within budget: max-size 977 KiB (total).');
    expect(text).toContain('⚠️ max-increase 1%: not checked (no baseline).');
    expect(text).not.toMatch(/Within budget:[^\n]*max-increase/);
  });

  it('a local deploy is no link; a deploy-time change inside the noise band says so', () => {
    const base = report([component('api', 20_000)]);
    const slower = (readySeconds: number, spread?: number) => {
      const baseline = structuredClone(base);
      if (spread !== undefined) baseline.deploy!.readySpreadSeconds = spread;
      const current = report([component('api', 20_000)], {
        deploy: { ...base.deploy!, readySeconds },
      });
      current.comparison = compareReports(current, baseline, 'main');
      return renderMarkdown(current);
    };
    const within = slower(base.deploy!.readySeconds * 1.1);
    expect(within).not.toContain('http://127.0.0.1');
    expect(within).toContain('served locally (`127.0.0.1:40123`, stopped when the run ended)');
    expect(within).toMatch(/\| ⚪ \+\d+ ms \(\+10\.0%\): within noise \(± 20%, one sample\) \|/);
    // a measured spread from the benchmarks replaces the assumed band
    expect(slower(base.deploy!.readySeconds + 0.05, 0.01)).toMatch(
      /\+50 ms \(\+\d+\.\d%\), beyond noise \(± 10 ms measured spread\) \|/,
    );
  });

  it('caps each what-changed table with "N more", and marks sizes only bounded by a top list', () => {
    const names = Array.from({ length: 12 }, (_, i) => `custom:section-${i}`);
    const filler = Array.from({ length: TOP_FUNCTIONS - 1 }, (_, i) => ({
      name: `f${i}`,
      bytes: 9_000 - i,
    }));
    const before = component('app', 50_000, {
      sections: names.map((name, i) => ({ name, bytes: 1_000 + i })),
      functions: [...filler, { name: 'smallest_listed', bytes: 700 }],
    });
    const after = component('app', 52_000, {
      sections: names.map((name, i) => ({ name, bytes: 1_100 + i * 2 })),
      functions: [...filler, { name: 'grown_into_the_list', bytes: 1_500 }],
    });
    const current = report([after]);
    current.comparison = compareReports(current, report([before]), 'main');
    const text = renderMarkdown(current, { changeRows: 5 });
    expect(text).toContain(
      '<details><summary>What changed against the baseline (12 sections, 1 function)</summary>',
    );
    // Largest growth first: section-11 grew most (by 111 B).
    expect(text).toContain(
      '| `custom:section-11` | 1011 B | 1.10 KiB (1,122 B) | +111 B (+11.0%) |',
    );
    expect(text).toContain('| *7 more* | | | |');
    expect(text).toContain(
      '| `grown_into_the_list` | ≤ 700 B | 1.46 KiB (1,500 B) | +800 B or more |',
    );
    expect(text).toContain('<sub>≤: not among the largest functions');
    // Out of today's full list, but 700 B is under today's smallest (1,500 B): maybe unchanged.
    expect(text).not.toContain('smallest_listed');
  });

  it('drops the what-changed tables before any other detail when space runs short', () => {
    const base = report([
      component('api', 20_000, { functions: [{ name: 'main', bytes: 900 }] }),
      component('web', 30_000),
    ]);
    const grown = report([
      component('api', 24_000, {
        functions: [{ name: 'main', bytes: 1_900 }],
        ladder: component('x', 24_000).stages,
      }),
      component('web', 30_000),
    ]);
    grown.comparison = compareReports(grown, base, 'main');
    const full = renderMarkdown(grown);
    expect(full).toContain('What changed against the baseline (4 sections, 1 function)');
    const withoutChanges = renderMarkdown(grown, { changeRows: 0 });
    const fitted = renderMarkdown(grown, { maxLength: withoutChanges.length });
    expect(fitted).toBe(withoutChanges);
    expect(fitted).not.toContain('What changed');
    for (const kept of ['Top sections (4 of 4)', 'Largest functions', 'Size ladder'])
      expect(fitted).toContain(kept);
  });

  it('keeps 50 components with a baseline readable and under the comment limit', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      component(`service-${i}-with-a-rather-long-component-name`, 100_000 + i * 7_919, {
        functions: Array.from({ length: 30 }, (_, f) => ({
          name: `crate_${i}::module::function_number_${f}::<impl Trait for Type>`,
          bytes: 5_000 - f,
        })),
        ladder: component('x', 100_000).stages,
      }),
    );
    const base = report(many);
    const current = report(many.map((c, i) => (i % 10 === 0 ? grow(c) : c)));
    current.comparison = compareReports(current, base, 'main');
    const text = renderMarkdown(current);
    expect(text.length).toBeLessThan(60_000);
    expect(text).toContain('45 unchanged');
    expect(text).toContain('Details of 45 component(s) left out (unchanged)');
    expect(text.match(/<details><summary><b>/g)).toHaveLength(5);
    // Each changed component says what grew, at the full level of detail.
    expect(
      text.match(/What changed against the baseline \(4 sections, 10 functions\)/g),
    ).toHaveLength(5);
    expect(text).not.toMatch(/\*\d+ more\*/);
    // Every changed component is still listed with its delta.
    for (let i = 0; i < 50; i += 10)
      expect(text).toMatch(new RegExp(`🔺 service-${i}-with.*\\+4.00 KiB \\(\\+4,096 B, `));

    // All 50 grown: what changed goes first, and the comment still fits.
    const allGrown = report(many.map(grow));
    allGrown.comparison = compareReports(allGrown, base, 'main');
    const crowded = renderMarkdown(allGrown, { maxLength: COMMENT_LIMIT });
    expect(crowded.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(crowded).not.toContain('What changed');
    expect(crowded.match(/🔺 service-/g)).toHaveLength(50);
  });

  it('drops detail step by step to meet a small maxLength', () => {
    const r = report(Array.from({ length: 8 }, (_, i) => component(`c${i}`, 30_000 + i)));
    const full = renderMarkdown(r);
    const small = renderMarkdown(r, { maxLength: 2_000 });
    expect(small.length).toBeLessThan(full.length);
    expect(small.length).toBeLessThanOrEqual(2_000);
    expect(small).toContain('left out (unchanged, or to stay under the size limit)');
  });
});
