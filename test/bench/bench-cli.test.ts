import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { parseReport } from '../../src/report/json.js';
import { component, report } from '../report/reports.js';
import { runCli } from '../support/cli.js';

const example = path.resolve(import.meta.dirname, '../../examples/hello-rust');
const cli = (...argv: string[]) =>
  runCli(mkdtempSync(path.join(tmpdir(), 'spinwash-bench-cli-')), ...argv);

describe('spinwash bench: flags and inputs', () => {
  it('`bench --help` has run’s flags plus the benchmark’s; `run --help` not the benchmark’s', async () => {
    const bench = await cli('bench', '--help');
    expect(bench.code).toBe(0);
    for (const flag of ['--project', '--deploy', '--wasm-opt', '--json', '--markdown', '--lto'])
      expect(bench.stdout).toContain(`  ${flag}`);
    for (const flag of [
      '--repeat VALUE',
      '--min-interval VALUE',
      '--history DIR',
      '--history-limit VALUE',
      '--alert-window VALUE',
      '--alert-threshold VALUE',
      '--fail-on-alert ',
    ])
      expect(bench.stdout).toContain(`  ${flag}`);
    expect(bench.stdout).toContain('(default: 5)');
    expect(bench.stdout).not.toContain('--alert-comment-on');
    expect(bench.stdout).not.toContain('--github-token');
    const run = await cli('run', '--help');
    expect(run.stdout).not.toContain('--repeat');
    expect(run.stdout).not.toContain('--history');
    expect((await cli('--help')).stdout).toMatch(/\n {2}bench {6}Build once, deploy N times/);
  });

  it.each([
    [['--repeat', '0'], '`--repeat` has the value "0"; accepted: a whole number from 1 to 1000'],
    [
      ['--alert-threshold', '20'],
      '`--alert-threshold` has the value "20"; accepted: a percentage above 0 and at most 1000%, such as `20%`',
    ],
    [
      ['--min-interval=-1'],
      '`--min-interval` has the value "-1"; accepted: a number of seconds from 0 to 3600',
    ],
    [
      ['--deploy', 'none'],
      '`--deploy` is `none`; a benchmark deploys: choose a target (`local` for the embedded runtime)',
    ],
  ])(
    'ends bad input %j in one clear line, in flags, as bad usage (exit code 2)',
    async (flags, message) => {
      const { code, stderr, stdout } = await cli('bench', '--project', example, ...flags);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`spinwash: error: ${message} (see \`spinwash bench --help\`)\n`);
    },
  );

  it('reads the benchmark inputs into the config', () => {
    const config = buildConfig({
      project: example,
      mode: 'benchmark',
      repeat: '7',
      'min-interval': '6',
      'alert-threshold': '12.5%',
      'alert-comment-on': '#42',
    });
    expect(config.mode).toBe('benchmark');
    expect(config.benchmark).toEqual({
      repeat: 7,
      minIntervalSeconds: 6,
      historyLimit: 500,
      alertWindow: 5,
      alertThreshold: 0.125,
      alertCommentOn: 42,
      failOnAlert: false,
      coldStart: false,
    });
  });

  it('the JSON check reads a benchmark section as optional, and refuses a broken one', () => {
    const plain = report([component('hello-rust', 12_000)]);
    expect(parseReport(JSON.stringify(plain), 'r.json')).toEqual(plain);
    const broken = { ...plain, benchmark: { target: 'local', samples: 'five' } };
    expect(() => parseReport(JSON.stringify(broken), 'b.json')).toThrow(
      /report\.benchmark\.app is missing, not a string/,
    );
  });
});
