import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { copyFixture, fixturesDir, pathWithFakes } from '../projects/fixtures.js';
import { runDist } from '../support/dist.js';

/**
 * `inspect` and `run` through dist/ on every project under test/fixtures. A fixture that is a
 * wasi:http app is served (`--deploy local`); one that is not (a command, a core module, a
 * composed app's part) runs to its report without a deploy; those that cannot run as they are
 * (a compile error, a TinyGo project on a machine without tinygo, wash dev components whose
 * files the fixture leaves out, a core module the fake wash cannot adapt) fail in one clear line.
 */
interface FixtureRun {
  /** The folder copied (a composed app is copied whole) and the project in it. */
  readonly copy?: string;
  readonly project?: string;
  /** Crate folders whose `target` links to the shared target folder. */
  readonly crates: readonly string[];
  readonly deploy: 'local' | 'none';
  /** The one line a run that is meant to fail ends with. */
  readonly fails?: RegExp;
  /** `run` through dist/ is already done on it by commands.test.ts (inspect is done here). */
  readonly ranByCommands?: boolean;
}

const FIXTURES: Record<string, FixtureRun> = {
  'cargo-workspace': { crates: ['.'], deploy: 'local' },
  'rust/broken': { crates: ['.'], deploy: 'none', fails: /mismatched types/ },
  'rust/sized': { crates: ['.'], deploy: 'none' },
  'spin/multi': { crates: ['hello', 'api'], deploy: 'local', ranByCommands: true },
  'spin/v4': { crates: ['.'], deploy: 'local' },
  // wash 0.x's default target, wasm32-unknown-unknown, is not in the test toolchain: one line
  // before the build names it and its fix (with it, the fake wash would refuse to adapt the module)
  'wash/bin-crate': {
    crates: ['.'],
    deploy: 'none',
    fails:
      /^spinwash: error: The Rust target wasm32-unknown-unknown is not installed \(rustc's sysroot: .*\): run `rustup target add wasm32-unknown-unknown`, or pass `--install-rust-target` to have spinwash run it$/m,
  },
  'wash/composed/ping': {
    copy: 'wash/composed',
    project: 'ping',
    crates: ['ping', 'pong'],
    deploy: 'none',
  },
  'wash/composed/pong': {
    copy: 'wash/composed',
    project: 'pong',
    crates: ['ping', 'pong'],
    deploy: 'none',
  },
  'wash/custom-command': { crates: ['.'], deploy: 'local' },
  'wash/destination': { crates: ['.'], deploy: 'local' },
  'wash/tinygo': { crates: [], deploy: 'none', fails: /"tinygo" command is not found/ },
  'wash/v1': { crates: ['.'], deploy: 'local', ranByCommands: true },
  'wash/v2': { crates: ['.'], deploy: 'local', ranByCommands: true },
  // its dev components' files are not in the fixture (inspect reads them as names only)
  'wash/v2-dev': {
    crates: ['.'],
    deploy: 'local',
    fails:
      /components\/kv\.wasm for "keyvalue" \(a file `wash dev` loads as it is, not built\), but it does not exist/,
  },
  'real/spin-http-rust': { crates: ['.'], deploy: 'local' },
  'real/spin-two-routes': { crates: ['hello', 'goodbye'], deploy: 'local' },
  'real/wash-hello-world-rust': { crates: ['.'], deploy: 'local' },
  'real/wash-wstd': { crates: ['.'], deploy: 'local' },
};

const MANIFESTS = ['spin.toml', 'wasmcloud.toml', path.join('.wash', 'config.yaml'), 'Cargo.toml'];

/** Every project folder under test/fixtures: one with a manifest, not inside another project. */
function fixtureProjects(dir = fixturesDir, prefix = ''): string[] {
  if (prefix !== '' && MANIFESTS.some((file) => existsSync(path.join(dir, file)))) return [prefix];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'target' && entry.name !== 'shared')
    .flatMap((entry) =>
      fixtureProjects(path.join(dir, entry.name), prefix ? `${prefix}/${entry.name}` : entry.name),
    );
}

let work: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'spinwash-fixtures-dist-'));
  env = { ...process.env, PATH: pathWithFakes() };
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('the table names every project under test/fixtures', () => {
  expect(Object.keys(FIXTURES).sort()).toEqual(fixtureProjects().sort());
});

describe.each(Object.entries(FIXTURES))('%s through dist/', (name, fixture) => {
  const copy = copyFixture(fixture.copy ?? name, fixture.crates);
  const project = path.join(copy.dir, fixture.project ?? '.');
  afterAll(() => copy.remove());
  const cli = (...args: string[]) => runDist('cli.js', args, { cwd: work, env });

  it('inspect', async () => {
    const run = await cli('inspect', '--project', project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^kind: (cargo|spin|wash)\n/);
  });

  it.skipIf(fixture.ranByCommands)(
    fixture.fails ? 'run fails in one clear line' : `run --deploy ${fixture.deploy}`,
    async () => {
      const json = path.join(work, `${name.replace(/\//g, '-')}.json`);
      const run = await cli(
        'run',
        '--project',
        project,
        '--deploy',
        fixture.deploy,
        '--deploy-timeout',
        '120',
        '--json',
        json,
      );
      expect(run.stderr).not.toMatch(/internal error|TypeError/);
      if (fixture.fails) {
        expect(run.code).toBe(1);
        const last = run.stderr.trim().split('\n').at(-1)!;
        expect(run.stderr).toMatch(/spinwash: error: /);
        expect(run.stderr).toMatch(fixture.fails);
        expect(last).not.toMatch(/^\s+at /);
        return;
      }
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      expect(report.components.length).toBeGreaterThan(0);
      if (fixture.deploy === 'local') expect(report.deploy).toMatchObject({ status: 200 });
      else expect(report.deploy).toBeUndefined();
    },
    900_000, // a cold machine builds std for each wasm target once
  );
});
