import { describe, expect, it } from 'vitest';
import { checkBudgets, parseBudgets } from '../../src/report/budget.js';
import { compareReports } from '../../src/report/compare.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { component, report } from './reports.js';

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
    const text = renderMarkdown(report([component('bare', 700)], { deploy: undefined, optimize: undefined }));
    expect(text).not.toContain('**Deploy**');
    expect(text).not.toContain('optimize');
    expect(text).toContain('| bare | 700 B |');
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
    const base = report(
      [component('api', 20_000), component('web', 50_000), component('old', 9_000), component('same', 4_000)],
      { source: { commit: '0123456789abcdef', ref: 'refs/heads/main' } },
    );
    const grownApi = component('api', 21_000);
    grownApi.sections[0] = { name: 'code', bytes: 14_000 + 1_000 };
    const current = report([grownApi, component('web', 45_000), component('same', 4_000), component('new', 3_000)], {
      deploy: { ...base.deploy!, readySeconds: 0.9 },
    });
    current.comparison = compareReports(current, base, 'main');
    current.budgets = checkBudgets(current, parseBudgets({ maxSize: 'web=40KiB', maxIncrease: '1%', maxDeploySeconds: '', failOnBudget: true }));
    expect(renderMarkdown(current)).toMatchSnapshot();
  });

  it('keeps 50 components with a baseline readable and under the comment limit', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      component(`service-${i}-with-a-rather-long-component-name`, 100_000 + i * 7_919, {
        functions: Array.from({ length: 30 }, (_, f) => ({ name: `crate_${i}::module::function_number_${f}::<impl Trait for Type>`, bytes: 5_000 - f })),
        ladder: component('x', 100_000).stages,
      }),
    );
    const base = report(many);
    const current = report(many.map((c, i) => (i % 10 === 0 ? component(c.name, c.final.bytes + 4_096) : c)));
    current.comparison = compareReports(current, base, 'main');
    const text = renderMarkdown(current);
    expect(text.length).toBeLessThan(60_000);
    expect(text).toContain('45 unchanged');
    expect(text).toContain('Details of 45 component(s) left out (unchanged)');
    expect(text.match(/<details><summary><b>/g)).toHaveLength(5);
    // Every changed component is still listed with its delta.
    for (let i = 0; i < 50; i += 10) expect(text).toMatch(new RegExp(`🔺 service-${i}-with.*\\+4.00 KiB \\(\\+4,096 B, `));
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
