import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/config.js';
import { UserError } from '../src/errors.js';
import { MemoryLogger } from '../src/log.js';
import { runPipeline, type PipelineResult } from '../src/pipeline.js';
import { loadCargoProject } from '../src/projects/cargo.js';
import type { ComponentSpec } from '../src/projects/project.js';
import { formatByteDelta, formatBytesExact } from '../src/report/format.js';
import type { Report } from '../src/report/model.js';
import { profileEnv } from '../src/stages/build.js';
import { buildLadder, planLadder, PLAIN_PROFILE } from '../src/stages/ladder.js';
import { snapshotTree } from './support/tree.js';

const root = path.resolve(import.meta.dirname, '..');
const example = path.join(root, 'examples/hello-rust');

/** The example's build outputs in the shared target dir (CARGO_TARGET_DIR from global-setup). */
const outputOf = (profileDir: string): string =>
  path.join(process.env.CARGO_TARGET_DIR!, 'wasm32-wasip1', profileDir, 'hello_rust.wasm');

function pipeline(
  out: string,
  ladder: boolean,
): Promise<PipelineResult & { logger: MemoryLogger }> {
  const config = buildConfig({
    project: example,
    deploy: 'none',
    comment: 'false',
    'data-branch': '',
    'report-path': path.join(out, 'report.json'),
    ...(ladder ? { ladder: 'true' } : {}),
  });
  const logger = new MemoryLogger();
  return runPipeline(config, logger).then((result) => ({ ...result, logger }));
}

describe('ladder: true on examples/hello-rust', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'spinwash-ladder-'));
  let run: Awaited<ReturnType<typeof pipeline>>;
  let before: Record<string, string>;

  beforeAll(async () => {
    before = snapshotTree(example);
    run = await pipeline(out, true);
  });

  it('reports five rows in order, each build or step smaller than the one before', () => {
    const ladder = run.report.components[0]!.ladder!;
    expect(ladder.map((row) => row.stage)).toEqual([
      'debug',
      'release-plain',
      'release',
      'stripped',
      'optimized',
    ]);
    const [debug, plain, release, stripped, optimized] = ladder.map((row) => row.bytes) as [
      number,
      number,
      number,
      number,
      number,
    ];
    expect(debug).toBeGreaterThan(plain);
    expect(plain).toBeGreaterThan(release);
    expect(release).toBeGreaterThanOrEqual(stripped);
    expect(stripped).toBeGreaterThanOrEqual(optimized);
    for (const row of ladder) {
      expect(row.gzipBytes).toBeLessThan(row.bytes);
      expect(row.brotliBytes).toBeLessThan(row.bytes);
    }
  });

  it('measured the extra builds from their own files, and the main rows are the run’s own stages', () => {
    const component = run.report.components[0]!;
    const [debug, plain, ...main] = component.ladder!;
    expect(debug!.bytes).toBe(statSync(outputOf('debug')).size);
    expect(plain!.bytes).toBe(statSync(outputOf(PLAIN_PROFILE)).size);
    expect(main.slice(0, 2)).toEqual(component.stages);
  });

  it('computed the wasm-opt row in memory: without `wasm-opt` the file is the stripped build, and the tweaked build is kept beside it', () => {
    const component = run.report.components[0]!;
    const wasm = path.resolve(example, component.wasm);
    expect(component.stages.map((s) => s.stage)).toEqual(['release', 'stripped']);
    expect(readFileSync(wasm).byteLength).toBe(component.ladder![3]!.bytes);
    // the plain release went to its own folder: the release build kept is the tweaked one
    expect(readFileSync(`${wasm}.orig`).byteLength).toBe(component.ladder![2]!.bytes);
    expect(snapshotTree(example)).toEqual(before);
  });

  it('writes the ladder to the JSON report and the markdown', () => {
    const json = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    expect(json.components[0]!.ladder).toEqual(run.report.components[0]!.ladder);
    expect(run.markdown).toContain('<summary>Size ladder</summary>');
    // one row per step, in order, with its size and the step's saving against the row before
    const ladder = run.report.components[0]!.ladder!;
    const block = run.markdown.slice(run.markdown.indexOf('<summary>Size ladder</summary>'));
    const rows = block
      .split('\n')
      .filter((line) => /^\| [a-z-]+ \|/.test(line))
      .slice(0, ladder.length);
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(ladder.map((s) => `| ${s.stage}`));
    ladder.forEach((step, i) => {
      expect(rows[i]).toContain(`| ${formatBytesExact(step.bytes)} |`);
      if (i > 0) expect(rows[i]).toContain(formatByteDelta(step.bytes - ladder[i - 1]!.bytes));
    });
  });

  it('without `ladder: true`: no ladder and no extra build', async () => {
    const plainBuild = statSync(outputOf(PLAIN_PROFILE)).mtimeMs;
    const second = await pipeline(out, false);
    expect(second.report.components[0]!.ladder).toBeUndefined();
    expect(second.markdown).not.toContain('Size ladder');
    expect(
      second.logger.lines.filter((line) => /debug build|release-plain build|--profile/.test(line)),
    ).toEqual([]);
    expect(statSync(outputOf(PLAIN_PROFILE)).mtimeMs).toBe(plainBuild);
    // the main build is measured as before: the ladder's builds did not touch its file
    expect(second.report.components[0]!.stages).toEqual(run.report.components[0]!.stages);
  });
});

describe('planLadder: which builds the ladder repeats', () => {
  const spec = (
    buildCommand: string,
    wasmPath = '/app/target/wasm32-wasip2/release/api.wasm',
  ): ComponentSpec => ({
    name: 'api',
    wasmPath,
    manifest: '/app/spin.toml',
    built: true,
    buildCommand,
    workdir: '/app',
  });

  it.each([
    ['cargo build --target wasm32-wasip2 --release', ['--target', 'wasm32-wasip2']],
    [
      'cargo build -r --target=wasm32-wasip2 -p api --features small',
      ['--target=wasm32-wasip2', '-p', 'api', '--features', 'small'],
    ],
    [
      '/usr/bin/cargo build --profile=release --target wasm32-wasip2 --message-format json',
      ['--target', 'wasm32-wasip2'],
    ],
  ])('%s → the same flags without the profile', (command, args) => {
    expect(planLadder(spec(command))).toEqual({
      args,
      profileRoot: '/app/target/wasm32-wasip2',
      file: 'api.wasm',
    });
  });

  it.each([
    [
      'cargo build --target wasm32-wasip1 --release && wasm-tools component new x.wasm -o api.wasm',
      /not a single `cargo build`/,
    ],
    [
      'wash build (cargo build --release --target wasm32-wasip2, then sign)',
      /not a single `cargo build`/,
    ],
    ['npm run build', /not a single `cargo build`/],
    ['cargo build --target wasm32-wasip2', /the `dev` profile/],
    ['cargo build --target wasm32-wasip2 --profile small', /the `small` profile/],
    [
      "cargo build --release --target wasm32-wasip2 --config 'profile.release.lto=true'",
      /shell syntax/,
    ],
  ])('%s → skipped', (command, reason) => {
    const plan = planLadder(spec(command));
    expect('skip' in plan && plan.skip).toMatch(reason);
  });

  it('skips a wasm that is not where cargo writes a release build, and a remote component', () => {
    const moved = planLadder(
      spec('cargo build --release --target wasm32-wasip2', '/app/dist/api.wasm'),
    );
    expect('skip' in moved && moved.skip).toMatch(/not in cargo's release folder/);
    expect(planLadder({ ...spec(''), built: false, buildCommand: undefined })).toEqual({
      skip: 'it has no build command spinwash runs',
    });
    // a tool that runs its own build and writes its own files: not ours to re-run
    expect(
      planLadder({
        ...spec('cargo build --target wasm32-wasip2 --release'),
        builtBy: 'wash build (then signs a.wasm into a_s.wasm)',
      }),
    ).toEqual({ skip: 'it is built by wash build, which writes its own files' });
    // wash 0.x's own Rust build is a plain cargo build whose file it moves: the other profiles
    // are built with cargo and found beside where cargo wrote the release one
    expect(
      planLadder({
        ...spec('cargo build --release --target wasm32-wasip2', '/app/build/api_s.wasm'),
        builtBy: 'wash build (then signs build/api.wasm into build/api_s.wasm)',
        cargoOutput: '/app/target/wasm32-wasip2/release/api.wasm',
      }),
    ).toEqual({
      args: ['--target', 'wasm32-wasip2'],
      profileRoot: '/app/target/wasm32-wasip2',
      file: 'api.wasm',
    });
  });

  it('buildLadder says why it skips a component, and builds nothing for it', async () => {
    const logger = new MemoryLogger();
    const builds = await buildLadder({ components: [spec('spin build-helper')] }, logger);
    expect(builds.size).toBe(0);
    expect(logger.lines).toEqual([
      'api: no size ladder, its build is `spin build-helper`, not a single `cargo build`',
    ]);
  });
});

describe('a failed ladder build', () => {
  it('is one UserError with the compiler error, naming the build and the manifest', async () => {
    // a crate that builds in release but not in debug: the ladder's debug build fails
    const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-ladder-fails-'));
    cpSync(example, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}target`) });
    const manifest = path.join(dir, 'Cargo.toml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('name = "hello-rust"', 'name = "ladder-debug-fails"'),
    );
    const lib = path.join(dir, 'src/lib.rs');
    writeFileSync(
      lib,
      `${readFileSync(lib, 'utf8')}\n#[cfg(debug_assertions)]\ncompile_error!("no debug builds here");\n`,
    );
    const project = await loadCargoProject(dir);
    const logger = new MemoryLogger();
    await project.build({ env: profileEnv(buildConfig({ project: dir }).profile), logger });

    const error = await buildLadder(project, logger).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^ladder-debug-fails: the size ladder's debug build \(cargo build --target wasm32-wasip1 -p ladder-debug-fails\) failed \(exit code 101\):\nerror: no debug builds here/,
    );
    expect((error as UserError).file).toBe(manifest);
  });
});
