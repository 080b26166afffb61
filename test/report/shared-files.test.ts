import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../src/report/budget.js';
import { parseBudgets } from '../../src/config/budgets.js';
import { compareReports } from '../../src/report/compare.js';
import { parseReport } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { reportOutputs } from '../../src/publish/publish.js';
import { component, report } from './reports.js';

/**
 * A wasm file several components share (Spin's docs site: 24 components, one 207 KiB file)
 * counts once in totals, budgets and outputs, and every component still lists its size.
 */
const shared = (name: string, owner: string) => ({
  ...component(owner, 200_000),
  name,
  sameFileAs: owner,
});
const app = report([component('web', 200_000), shared('docs', 'web'), shared('blog', 'web')]);

describe('a wasm file shared by several components', () => {
  it('passes a total budget the one file meets, though the components sum to three times it', () => {
    const budgets = parseBudgets({
      maxSize: '300KiB',
      maxIncrease: '',
      maxDeploySeconds: '',
      failOnBudget: true,
    });
    expect(checkBudgets(app, budgets)).toEqual({
      checked: ['max-size 300 KiB (total)'],
      breaches: [],
      failing: false,
    });
  });

  it('counts the file once in the size-bytes and gzip-bytes outputs', () => {
    const outputs = reportOutputs({ report: app, markdown: '', project: { components: [] } });
    expect(outputs['size-bytes']).toBe('200000');
    expect(outputs['gzip-bytes']).toBe(String(app.components[0]!.final.gzipBytes));
  });

  it('counts it once in the comparison total', () => {
    const base = report([
      component('web', 190_000),
      { ...component('web', 190_000), name: 'docs', sameFileAs: 'web' },
      { ...component('web', 190_000), name: 'blog', sameFileAs: 'web' },
    ]);
    expect(compareReports(app, base, 'base').total).toEqual({
      baseBytes: 190_000,
      bytes: 200_000,
      delta: 10_000,
      percent: (10_000 / 190_000) * 100,
    });
  });

  it('says in the markdown which component owns the file, and the JSON keeps it', () => {
    const markdown = renderMarkdown(app);
    expect(markdown).toContain('| docs (same file as web) | 195 KiB (200,000 B) |');
    expect(markdown).toContain('| blog (same file as web) | 195 KiB (200,000 B) |');
    expect(markdown).toContain(
      '| **Total** (3 components, 1 file: each counted once) | 195 KiB (200,000 B) |',
    );
    expect(markdown).toContain('the same file as web, counted once');
    expect(parseReport(JSON.stringify(app), 'r.json').components[1]!.sameFileAs).toBe('web');
  });
});

describe('the optimize line', () => {
  const optimizedRow = { stage: 'optimized' as const, bytes: 90, gzipBytes: 50, brotliBytes: 40 };
  it('says "strip + wasm-opt" only when wasm-opt changed a file', () => {
    const ran = report(
      [{ ...component('web', 100), stages: [...component('web', 100).stages, optimizedRow] }],
      {
        optimize: { seconds: 1, wasmOpt: true },
      },
    );
    expect(renderMarkdown(ran)).toContain('(strip + wasm-opt)');
  });

  it('says wasm-opt changed nothing, with no optimized row, when it gained nothing', () => {
    const markdown = renderMarkdown(
      report([component('web', 100)], { optimize: { seconds: 1, wasmOpt: true } }),
    );
    expect(markdown).toContain('(strip; wasm-opt changed nothing)');
    expect(markdown).not.toContain('strip + wasm-opt');
    expect(markdown).not.toMatch(/\| optimized \|/);
  });

  it('says which compression levels the sizes are measured at', () => {
    expect(renderMarkdown(app)).toMatch(/gzip -9, brotli q9<\/sub>\n$/);
  });
});
