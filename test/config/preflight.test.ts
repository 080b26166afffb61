import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { DEPLOY_TARGETS } from '../../src/deploy/registry.js';
import { UserError } from '../../src/errors.js';
import type { RunContext } from '../../src/github/context.js';
import { checkBeforeBuild, checkBeforeSetup } from '../../src/stages/preflight.js';
import { previewWithoutSecrets } from '../../src/stages/preview.js';
import { runCli } from '../support/cli.js';

/**
 * Mistakes that need no build fail before anything runs: PATH starts with a `cargo`, a
 * `rustc` and a `spin` that write down every call they get (and would fail the build), so a
 * test sees that none ran; the wasm file the build would rewrite keeps its bytes and mtime.
 */
const root = mkdtempSync(path.join(tmpdir(), 'spinwash-preflight-'));
const bin = path.join(root, 'bin');
const calls = path.join(root, 'calls');
const savedPath = process.env.PATH;
const savedToken = process.env.SPIN_AUTH_TOKEN;

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const WASM = 'target/wasm32-wasip1/release/app.wasm';
const CARGO_TOML = '[package]\nname = "app"\nversion = "0.1.0"\n[lib]\ncrate-type = ["cdylib"]\n';
let cargoApp: string;
let spinApp: string;

beforeAll(() => {
  mkdirSync(bin);
  for (const tool of ['cargo', 'rustc', 'spin']) {
    const file = path.join(bin, tool);
    writeFileSync(file, `#!/bin/sh\necho "${tool} $*" >> '${calls}'\nexit 3\n`);
    chmodSync(file, 0o755);
  }
  process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
  const wasm = '\0asm\x01\0\0\0';
  cargoApp = project('cargo-app', {
    'Cargo.toml': CARGO_TOML,
    'src/lib.rs': '',
    [WASM]: wasm,
  });
  spinApp = project('spin-app', {
    'spin.toml': [
      'spin_manifest_version = 2',
      '[application]',
      'name = "app"',
      '[[trigger.http]]',
      'route = "/..."',
      'component = "app"',
      '[component.app]',
      `source = "${WASM}"`,
      '[component.app.build]',
      'command = "cargo build --target wasm32-wasip1 --release"',
    ].join('\n'),
    'Cargo.toml': CARGO_TOML,
    'src/lib.rs': '',
    [WASM]: wasm,
  });
});
afterEach(() => rmSync(calls, { force: true }));
afterAll(() => {
  process.env.PATH = savedPath;
  if (savedToken === undefined) delete process.env.SPIN_AUTH_TOKEN;
  else process.env.SPIN_AUTH_TOKEN = savedToken;
  rmSync(root, { recursive: true, force: true });
});

const called = (): string[] =>
  existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
const wasmOf = (dir: string) => {
  const file = path.join(dir, WASM);
  return { bytes: readFileSync(file).toString('hex'), mtime: statSync(file).mtimeMs };
};

describe('checked before the build', () => {
  it('`--deploy fermyon-cloud` on a Cargo project: exit 2, one line, no cargo started, the wasm untouched', async () => {
    process.env.SPIN_AUTH_TOKEN = 'token-for-the-test';
    const before = wasmOf(cargoApp);
    const { code, stdout, stderr } = await runCli(
      root,
      'run',
      '--project',
      cargoApp,
      '--deploy',
      'fermyon-cloud',
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `[1/5] setup…\nspinwash: error: \`--deploy fermyon-cloud\` deploys Spin apps only, and ${cargoApp} is a Cargo project (Cargo.toml, no spin.toml); deploy it with \`--deploy local\`, \`--deploy wasmtime\`, \`--deploy oci\`, \`--deploy kubernetes\` (see \`spinwash run --help\`)\n`,
    );
    expect(called()).toEqual([]);
    expect(wasmOf(cargoApp)).toEqual(before);
  });

  it('a Spin app to `--deploy fermyon-cloud` without a token: names the env variable; no spin, no cargo', async () => {
    delete process.env.SPIN_AUTH_TOKEN;
    const before = wasmOf(spinApp);
    const { code, stderr } = await runCli(
      root,
      'run',
      '--project',
      spinApp,
      '--deploy',
      'fermyon-cloud',
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      '[1/5] setup…\nspinwash: error: `--deploy fermyon-cloud` needs the environment variable `SPIN_AUTH_TOKEN`, which is empty; export it before the run (see `spinwash run --help`)\n',
    );
    expect(called()).toEqual([]);
    expect(wasmOf(spinApp)).toEqual(before);
  });

  it('the action says the same of its inputs; a fork’s preview, which skips its deploy, needs no token', async () => {
    const plan = buildConfig({ project: spinApp, deploy: 'akamai', preview: 'true' }, root, {});
    const refusal: unknown = await checkBeforeSetup(plan, undefined, DEPLOY_TARGETS).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).message).toBe(
      '`deploy: akamai` needs `akamai-token`, which is empty; set it from a repository secret (`${{ secrets.… }}`)',
    );
    expect((refusal as UserError).inputs).toEqual(['deploy', 'akamai-token']);
    const fork: RunContext = {
      env: {},
      github: {
        eventName: 'pull_request',
        repository: { owner: 'o', repo: 'r' },
        payload: {
          pull_request: { number: 7, head: { repo: { full_name: 'fork/r' } } },
        },
      },
    };
    await expect(checkBeforeSetup(plan, fork, DEPLOY_TARGETS)).resolves.toBe('spin');
    expect(called()).toEqual([]);
  });

  it('an optional secret left empty (`oci-password`: the Docker config may log in) keeps a same-repo preview', () => {
    const plan = buildConfig(
      {
        project: cargoApp,
        deploy: 'kubernetes',
        preview: 'true',
        'oci-reference': '127.0.0.1:5000/app:1',
      },
      root,
      {},
    );
    const sameRepo: RunContext = {
      env: {},
      github: {
        eventName: 'pull_request',
        repository: { owner: 'o', repo: 'r' },
        payload: { pull_request: { number: 7, head: { repo: { full_name: 'o/r' } } } },
      },
    };
    expect(previewWithoutSecrets(plan, sameRepo)).toBeUndefined();
    const fork = {
      ...sameRepo,
      github: {
        ...sameRepo.github,
        payload: { pull_request: { number: 7, head: { repo: { full_name: 'fork/r' } } } },
      },
    };
    expect(previewWithoutSecrets(plan, fork)).toMatch(/^No preview for #7: it comes from a fork/);
  });

  it('a `project-kind` given is taken as said; a folder with no project is one line', async () => {
    const asSpin = buildConfig(
      { project: cargoApp, 'project-kind': 'spin', deploy: 'wash' },
      root,
      {},
    );
    await expect(checkBeforeSetup(asSpin, undefined, DEPLOY_TARGETS)).rejects.toThrow(
      /^`deploy: wash` deploys wasmCloud projects only, and .* is a Spin app \(spin\.toml\); deploy it with `deploy: local`, `deploy: spin-up`, `deploy: wasmtime`, `deploy: fermyon-cloud`, `deploy: akamai`, `deploy: oci`, `deploy: kubernetes`, or point `project` at the app$/,
    );
    const empty = project('empty', { 'README.md': '' });
    const { code, stderr } = await runCli(root, 'run', '--project', empty, '--deploy', 'none');
    expect(code).toBe(2);
    expect(stderr).toMatch(/\nspinwash: error: No project found in .*empty: expected spin\.toml/);
    expect(stderr).toContain('point `--project` at the folder that holds one');
    expect(called()).toEqual([]);
  });

  it('a baseline file that is no report fails before the build; so does a `max-size` for a component the project lacks', async () => {
    const bad = path.join(root, 'not-a-report.json');
    writeFileSync(bad, '{"hello": 1}');
    const plan = buildConfig({ project: cargoApp, 'baseline-file': bad }, root, {});
    await expect(checkBeforeSetup(plan, undefined, DEPLOY_TARGETS)).rejects.toThrow(
      /^Report file .*not-a-report\.json is not a spinwash report/,
    );
    const budget = buildConfig({ project: cargoApp, 'max-size': 'ap=1KiB' }, root, {});
    expect(() =>
      checkBeforeBuild(budget, {
        dir: cargoApp,
        components: [
          { name: 'app', wasmPath: path.join(cargoApp, WASM), manifest: '', built: true },
        ],
      }),
    ).toThrow(
      'Input `max-size` names the component "ap", which cargo-app does not have; components: app',
    );
  });
});
