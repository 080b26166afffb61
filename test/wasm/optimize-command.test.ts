import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  OPTIMIZE_USAGE,
  runOptimizeCommand,
  type OptimizeCommandReport,
} from '../../src/commands/optimize-command.js';
import { analyzeWasm } from '../../src/wasm/analyze.js';
import { validateWasm } from '../../src/wasm/validate.js';
import { bytes, module, section } from './support/binaries.js';
import { buildSized, type SizedBuild } from './support/sized.js';

let releaseModule: SizedBuild;
let releaseComponent: SizedBuild;
let dir: string;

beforeAll(async () => {
  releaseModule = await buildSized('wasm32-wasip1', 'release');
  releaseComponent = await buildSized('wasm32-wasip2', 'release');
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-optimize-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runOptimizeCommand(args, {
    stdout: (s) => stdout.push(s),
    stderr: (s) => stderr.push(s),
    cwd: dir,
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('spinwash optimize', () => {
  it('strips and wasm-opts a real component, writes it valid and smaller, with a JSON record', async () => {
    await copyFile(releaseComponent.path, path.join(dir, 'app.wasm'));
    const result = await run('app.wasm', '-o', 'app.opt.wasm', '--wasm-opt', '--json', 'r.json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const out = new Uint8Array(await readFile(path.join(dir, 'app.opt.wasm')));
    expect(out.length).toBeLessThan(releaseComponent.bytes.length);
    await expect(validateWasm(out)).resolves.toEqual({ kind: 'component' });
    // the input is left as it was
    expect(Buffer.compare(await readFile(path.join(dir, 'app.wasm')), releaseComponent.bytes)).toBe(
      0,
    );

    const report = JSON.parse(
      await readFile(path.join(dir, 'r.json'), 'utf8'),
    ) as OptimizeCommandReport;
    expect(report.input).toEqual({
      path: path.join(dir, 'app.wasm'),
      kind: 'component',
      bytes: releaseComponent.bytes.length,
    });
    expect(report.output.bytes).toBe(out.length);
    expect(report.output.gzipBytes).toBeLessThan(out.length);
    expect(report.stages.map((s) => s.stage)).toEqual(['input', 'stripped', 'optimized']);
    expect(report.stages.at(-1)!.bytes).toBe(out.length);
    expect(report.stages[1]!.bytes).toBeLessThan(report.stages[0]!.bytes);
    expect(report.removed.map((r) => r.name)).toContain('module[0]/custom:name');
    expect(report.modules!.filter((m) => m.status === 'optimized').length).toBeGreaterThanOrEqual(
      1,
    );

    // before and after, in bytes, on stdout
    const sizes = (n: number): string => n.toLocaleString('en-US');
    expect(result.stdout).toContain(`(component): ${sizes(releaseComponent.bytes.length)} B`);
    expect(result.stdout).toContain(`app.opt.wasm: ${sizes(out.length)} B`);
  });

  it('strips only without --wasm-opt, honours --keep, and may overwrite its input in place', async () => {
    await copyFile(releaseModule.path, path.join(dir, 'm.wasm'));
    const result = await run(
      'm.wasm',
      '-o',
      'm.wasm',
      '--keep',
      'name',
      '--remove',
      'component-type:*',
    );
    expect(result.code).toBe(0);
    const out = new Uint8Array(await readFile(path.join(dir, 'm.wasm')));
    const sections = analyzeWasm(out).sections.map((s) => s.name);
    expect(sections).toContain('custom:name');
    expect(sections).toContain('custom:component-type:sized');
    expect(sections).not.toContain('custom:producers');
    expect(result.stderr).toMatch(/^note: custom section "component-type:sized" was not removed/);
    expect(out.length).toBeLessThan(releaseModule.bytes.length);
    expect(await readdir(dir)).toEqual(['m.wasm']);
  });

  it('writes nothing when the input does not validate, and says the input is at fault', async () => {
    // it parses, but its function returns nothing where its type says i32
    const invalid = bytes(
      module(
        section(1, [0x01, 0x60, 0x00, 0x01, 0x7f]),
        section(3, [0x01, 0x00]),
        section(10, [0x01, 0x02, 0x00, 0x0b]),
      ),
    );
    await writeFile(path.join(dir, 'bad.wasm'), invalid);
    const result = await run('bad.wasm', '-o', 'out.wasm', '--json', 'r.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^spinwash: error: Input .*bad\.wasm is not valid WebAssembly, so .*out\.wasm was not written: /,
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['bad.wasm']);
  });

  it.each([
    [['missing.wasm', '-o', 'out.wasm'], 1, /Input .*missing\.wasm: no such file/],
    [['.', '-o', 'out.wasm'], 1, /Input .*: a folder, not a \.wasm file/],
    [
      // one rule with `run --json`: missing folders are made, but not below a file
      ['in.wasm', '-o', 'in.wasm/folder/out.wasm'],
      1,
      /Cannot write .*in\.wasm\/folder\/out\.wasm: .*in\.wasm is a file, not a folder/,
    ],
    [['in.wasm', '-o', 'out.wasm', '--json', '.'], 1, /Cannot write .*: .* is a folder\n/],
    [['in.wasm'], 2, /optimize needs an output file: -o OUT\.wasm/],
    [[], 2, /optimize needs one input \.wasm file/],
    [['a.wasm', 'b.wasm', '-o', 'x.wasm'], 2, /takes one input \.wasm file, got 2/],
    [['in.wasm', '-o', 'x.wasm', '--level', 'O9'], 2, /Unknown option '--level'/],
  ])('%j: exit %i, one line', async (args, code, message) => {
    await copyFile(releaseModule.path, path.join(dir, 'in.wasm'));
    const result = await run(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['in.wasm']);
  });

  it('--help lists every flag', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${OPTIMIZE_USAGE}\n`);
    for (const flag of ['--output', '--wasm-opt', '--keep', '--remove', '--json', '--help']) {
      expect(OPTIMIZE_USAGE).toContain(flag);
    }
  });
});
