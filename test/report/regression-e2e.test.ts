import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline.js';
import { budgetError } from '../../src/report/budget.js';
import { parseBudgets } from '../../src/config/budgets.js';
import { finishReport } from '../../src/publish/finish.js';
import { readJsonReport } from '../../src/publish/report-file.js';
import type { Report } from '../../src/report/model.js';
import { assessReport } from '../../src/report/regression.js';
import { runCli } from '../support/cli.js';

/**
 * Issue 5's acceptance, through the real pipeline: build the example, keep its report, grow a
 * copy with a large table, and compare against the first report with a 1% budget.
 */
const example = path.resolve(import.meta.dirname, '../../examples/hello-rust');
let dir: string;
let app: string;
let first: Report;
let grown: PipelineResult;
let assessed: { report: Report; markdown: string };
const noGitHub = { env: {} };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-regression-'));
  app = path.join(dir, 'app');
  await cp(example, app, { recursive: true, filter: (src) => !src.includes(`${path.sep}target`) });
  // A crate name of its own: the shared CARGO_TARGET_DIR must not see two writers of hello_rust.wasm.
  for (const file of ['Cargo.toml', 'Cargo.lock']) {
    const text = await readFile(path.join(app, file), 'utf8');
    await writeFile(
      path.join(app, file),
      text.replace('name = "hello-rust"', 'name = "regression-app"'),
    );
  }
  const logger = new MemoryLogger();
  const base = buildConfig({ project: app, deploy: 'none' });
  const r1 = path.join(dir, 'r1.json');
  first = (
    await finishReport(
      (await runPipeline(base, logger)).report,
      { ...base, output: { jsonPath: r1 } },
      logger,
      noGitHub,
    )
  ).report;

  // Grow the copy: a 16 KiB table the handler really serves (so neither LTO nor strip drops it).
  const lib = path.join(app, 'src', 'lib.rs');
  const table = Array.from(
    { length: 512 },
    (_, i) => `row ${i}: ${(i * 2_654_435_761) % 1_000_003}\\n`,
  ).join('');
  const source = await readFile(lib, 'utf8');
  const line = 'pub const GREETING: &str = "Hello from spinwash!\\n";';
  expect(source).toContain(line);
  await writeFile(
    lib,
    source.replace(line, `pub const GREETING: &str = "Hello from spinwash!\\n${table}";`),
  );

  const config = buildConfig({
    project: app,
    deploy: 'none',
    'baseline-file': r1,
    'max-increase': '1%',
    'report-path': path.join(dir, 'r2.json'),
  });
  grown = await runPipeline(config, logger);
  assessed = await finishReport(
    grown.report,
    { ...config, output: { ...config.output, markdownPath: path.join(dir, 'r2.md') } },
    logger,
    noGitHub,
  );
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('size regression against a baseline report (real builds of the example)', () => {
  it('measures the growth against r1.json in the JSON report', async () => {
    const written = await readJsonReport(path.join(dir, 'r2.json'));
    const [before] = first.components;
    const [after] = written.components;
    const delta = after!.final.bytes - before!.final.bytes;
    expect(delta).toBeGreaterThan(8_000);
    expect(written.comparison?.baseline.label).toBe('`r1.json`');
    expect(written.comparison?.components[0]).toMatchObject({
      name: 'regression-app',
      status: 'changed',
      delta: { bytes: delta },
    });
    expect(written.comparison?.components[0]?.sections?.[0]?.name).toBe('data');
  });

  it('names the section that grew, with its real growth, in the JSON and the markdown', async () => {
    const written = await readJsonReport(path.join(dir, 'r2.json'));
    const before = new Map(first.components[0]!.sections.map((s) => [s.name, s.bytes]));
    const after = written.components[0]!.sections;
    // Measured from the two reports' section tables, independently of the comparison.
    const growth = after
      .map((s) => ({ name: s.name, delta: s.bytes - (before.get(s.name) ?? 0) }))
      .sort((a, b) => b.delta - a.delta);
    const grew = growth[0]!;
    expect(grew.delta).toBeGreaterThan(8_000);
    expect(grew.name).toMatch(/(^|\/)(data|code|custom:.+)$/);

    const comparison = written.comparison!.components[0]!;
    const existed = before.has(grew.name);
    expect(comparison.sections?.[0]).toMatchObject({
      name: grew.name,
      baseBytes: before.get(grew.name) ?? 0,
      delta: grew.delta,
    });
    if (existed) expect(comparison.sections?.[0]?.percent).toBeGreaterThan(0);
    else expect(comparison.sections?.[0]?.change).toBe('added');
    const markdown = await readFile(path.join(dir, 'r2.md'), 'utf8');
    expect(markdown).toContain('What changed against the baseline (');
    const name = grew.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const change = existed ? '\\([\\d,+]+ B, \\+\\d+\\.\\d%\\)' : '\\([\\d,+]+ B\\) \\(new\\)';
    // The first row of the table: the largest growth.
    expect(markdown).toMatch(
      new RegExp(
        `\\|---\\|--:\\|--:\\|--:\\|\\n\\| \`${name}\`[^|]* \\| [^|]+ \\| [^|]+ \\| \\+[\\d.]+ KiB ${change} \\|`,
      ),
    );

    // Both builds named their functions: every exact function row matches the two lists.
    const baseFunctions = first.components[0]!.functions;
    const functions = written.components[0]!.functions;
    if (baseFunctions && functions) {
      expect(comparison.functions).toBeDefined();
      for (const f of comparison.functions!.filter((d) => !d.outsideTop && !d.change)) {
        expect(baseFunctions.filter((b) => b.name === f.name).map((b) => b.bytes)).toContain(
          f.baseBytes,
        );
        expect(functions.filter((b) => b.name === f.name).map((b) => b.bytes)).toContain(f.bytes);
      }
    } else {
      expect(comparison.functions).toBeUndefined();
    }
  });

  it('fails the run with the broken budget named, after writing both reports', async () => {
    const error = budgetError(assessed.report.budgets!, grown.project.components);
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toMatch(
      /^A budget was broken: max-increase broken by regression-app: \+\d+\.\d% \(\+[\d.]+ KiB \([\d,]+ B\)\) against a limit of 1%/,
    );
    expect(error?.file).toBe(path.join(app, 'Cargo.toml'));
    const markdown = await readFile(path.join(dir, 'r2.md'), 'utf8');
    expect(markdown).toBe(assessed.markdown);
    expect(markdown).toMatch(
      /🔺 regression-app \| .* \| \+[\d.]+ KiB \([\d,+]+ B, \+\d+\.\d%\) \|/,
    );
    expect(markdown).toContain('❌ **Budget broken**');
  });

  it('passes with a generous budget', () => {
    const generous = parseBudgets({
      maxSize: '',
      maxIncrease: '1000%',
      maxDeploySeconds: '',
      failOnBudget: true,
    });
    const again = assessReport(grown.report, generous, { report: first, label: 'r1' });
    expect(again.budgets).toMatchObject({ breaches: [], failing: false });
    expect(budgetError(again.budgets!, grown.project.components)).toBeUndefined();
  });
});

describe('the CLI on the grown copy (issue 5 acceptance: exit code, reports, budget named)', () => {
  const run = (budget: string, name: string) =>
    runCli(
      dir,
      'run',
      '--project',
      app,
      '--deploy',
      'none',
      '--baseline',
      'r1.json',
      '--max-increase',
      budget,
      '--json',
      `${name}.json`,
      '--markdown',
      `${name}.md`,
    );

  it('exits non-zero naming the broken budget, with both reports written and the growth shown', async () => {
    const strict = await run('1%', 'cli-strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /spinwash: error: A budget was broken: max-increase broken by regression-app: \+\d+\.\d% \(\+[\d.]+ KiB/,
    );
    const markdown = await readFile(path.join(dir, 'cli-strict.md'), 'utf8');
    expect(strict.stdout).toBe(`${markdown}\n`);
    expect(markdown).toMatch(
      /🔺 regression-app \| .* \| \+[\d.]+ KiB \([\d,+]+ B, \+\d+\.\d%\) \|/,
    );
    expect(markdown).toContain('❌ **Budget broken**');
    const json = await readJsonReport(path.join(dir, 'cli-strict.json'));
    expect(json.budgets).toMatchObject({ failing: true });
  });

  it('exits 0 with a generous budget', async () => {
    const generous = await run('1000%', 'cli-generous');
    expect(generous.stderr).not.toContain('error');
    expect(generous.code).toBe(0);
    expect((await readJsonReport(path.join(dir, 'cli-generous.json'))).budgets).toMatchObject({
      breaches: [],
      failing: false,
    });
  });
});
