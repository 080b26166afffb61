import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report/model.js';
import { runCli, type CliRun } from './support/cli.js';
import { snapshotTree } from './support/tree.js';

const root = path.resolve(import.meta.dirname, '..');
const example = path.join(root, 'examples/hello-rust');
const cli = (...argv: string[]) => runCli(root, ...argv);

describe('spinwash run on examples/hello-rust (the README demo)', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'spinwash-pipeline-'));
  let run: CliRun;
  let report: Report;
  let before: Record<string, string>;

  beforeAll(async () => {
    before = snapshotTree(example);
    run = await cli(
      'run',
      '--project',
      example,
      '--deploy',
      'local',
      '--wasm-opt',
      '--json',
      path.join(out, 'r.json'),
      '--markdown',
      path.join(out, 'r.md'),
    );
    report = JSON.parse(readFileSync(path.join(out, 'r.json'), 'utf8')) as Report;
  });

  it('exits 0 with a progress line per stage, and prints the markdown report', () => {
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    for (const stage of ['setup', 'build', 'optimize', 'deploy', 'report']) {
      expect(run.stderr).toMatch(new RegExp(`\\[\\d/5\\] ${stage} done in \\d+\\.\\d\\d s`));
    }
    expect(run.stdout).toBe(`${readFileSync(path.join(out, 'r.md'), 'utf8')}\n`);
  });

  it('writes the JSON report of the contract: each stage smaller than the one before', () => {
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'spinwash' },
      project: { kind: 'cargo' },
    });
    const [component] = report.components;
    expect(component?.name).toBe('hello-rust');
    const bytes = Object.fromEntries(component!.stages.map((s) => [s.stage, s.bytes]));
    expect(Object.keys(bytes)).toEqual(['release', 'stripped', 'optimized']);
    expect(bytes.stripped).toBeLessThan(bytes.release!);
    expect(bytes.optimized).toBeLessThan(bytes.stripped!);
    expect(component!.final.bytes).toBe(bytes.optimized);
    expect(component!.final.gzipBytes).toBeLessThan(component!.final.bytes);
    expect(component!.sections.some((s) => s.name.startsWith('custom:component-type'))).toBe(true);
    expect(report.build.seconds).toBeGreaterThan(0);
  });

  it('deployed the optimized build and measured its first healthy answer', () => {
    expect(report.deploy).toMatchObject({ target: 'local', status: 200 });
    expect(report.deploy!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.deploy!.readySeconds).toBeGreaterThan(0);
    expect(report.deploy!.firstResponseSeconds).toBeGreaterThan(0);
    expect(report.deploy!.firstResponseSeconds).toBeLessThanOrEqual(report.deploy!.readySeconds);
  });

  it('replaced the build output with the optimized file, kept the original beside it, and left the sources alone', () => {
    const wasm = path.resolve(example, report.components[0]!.wasm);
    expect(readFileSync(wasm).byteLength).toBe(report.components[0]!.final.bytes);
    expect(readFileSync(`${wasm}.orig`).byteLength).toBe(report.components[0]!.stages[0]!.bytes);
    expect(snapshotTree(example)).toEqual(before);
  });

  it('measures the build again, not its own output, when run twice', async () => {
    const again = await cli(
      'run',
      '--project',
      example,
      '--deploy',
      'none',
      '--json',
      path.join(out, 'r2.json'),
    );
    expect(again.code).toBe(0);
    const second = JSON.parse(readFileSync(path.join(out, 'r2.json'), 'utf8')) as Report;
    expect(second.components[0]!.stages[0]).toEqual(report.components[0]!.stages[0]);
    expect(second.deploy).toBeUndefined();
    expect(existsSync(path.resolve(example, `${second.components[0]!.wasm}.orig`))).toBe(true);
  });
});
