import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { copyFixture, pathWithFakes } from '../projects/fixtures.js';
import { startCacheServer, type CacheServer } from '../setup/cache-server.js';
import { inputEnv, readOutputs, root, runDist } from '../support/dist.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';
import { startK8sServer, type K8sStandIn } from '../support/k8s-server.js';
import { startReleaseServer, type ReleaseServer } from '../support/release-server.js';
import { wasmtimeDir, WASMTIME_VERSION } from '../support/wasmtime.js';

/**
 * Each `await import()` of a dependency, taken for real by dist/ (in the bundle a CommonJS
 * package imported lazily can come out as a chunk with only `default`: the yaml crash).
 * One test per import, each checking what the package did, not only that nothing threw.
 */
let work: string;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'spinwash-lazy-'));
  env = { ...process.env, PATH: pathWithFakes() };
  for (const name of Object.keys(env))
    if (name.startsWith('GITHUB_') || name.startsWith('INPUT_') || name.startsWith('ACTIONS_'))
      delete env[name];
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (...args: string[]) => runDist('cli.js', args, { cwd: work, env });

/** A one-line `spinwash: error:` and exit code 1: a user's mistake, not a crash. */
function expectUserError(run: { code: number | null; stderr: string }, pattern: RegExp): void {
  expect(run.stderr).not.toMatch(/internal error|TypeError|at .*\.js:\d+/);
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(/^spinwash: error: /);
  expect(lines.at(-1)).toMatch(pattern);
}

async function wasmFromWat(name: string, text: string): Promise<string> {
  const { parse } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const file = path.join(work, name);
  writeFileSync(file, await parse(text));
  return file;
}

function exampleCopy(): string {
  const dir = mkdtempSync(path.join(work, 'example-'));
  cpSync(path.join(root, 'examples', 'hello-rust'), path.join(dir, 'hello-rust'), {
    recursive: true,
  });
  symlinkSync(process.env.CARGO_TARGET_DIR!, path.join(dir, 'hello-rust', 'target'), 'dir');
  return path.join(dir, 'hello-rust');
}

describe('lazily imported dependencies, loaded from dist/', () => {
  it('smol-toml: reads spin.toml, and its TomlError becomes one line naming the file', async () => {
    const good = copyFixture('spin/v4', []);
    try {
      const ok = await cli('inspect', '--project', good.dir);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^kind: spin\n[\s\S]*  hello-v4\n/);
      writeFileSync(path.join(good.dir, 'spin.toml'), 'spin_manifest_version = \n');
      expectUserError(await cli('inspect', '--project', good.dir), /spin\.toml/);
    } finally {
      good.remove();
    }
  });

  it('yaml (through src/projects/yaml.ts): reads wadm.yaml, and a broken one is one line', async () => {
    const copy = copyFixture('wash/v1', []);
    try {
      const ok = await cli('inspect', '--project', copy.dir);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('wadm: wadm.yaml (application http-hello)');
      writeFileSync(path.join(copy.dir, 'wadm.yaml'), 'spec:\n  components: [\n');
      expectUserError(await cli('inspect', '--project', copy.dir), /wadm\.yaml/);
    } finally {
      copy.remove();
    }
  });

  it('@bytecodealliance/jco-transpile/wasm-tools: validates a component, and refuses a broken one', async () => {
    const good = await wasmFromWat('good.wasm', '(component (core module))');
    const ok = await cli('optimize', good, '-o', path.join(work, 'good.out.wasm'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/valid component/);
    // a component whose only core module is fine, but which exports a function it never defined
    const bytes = readFileSync(good);
    const broken = path.join(work, 'broken.wasm');
    // append an export section (id 11): export "f" (func 0), with no func 0 defined
    writeFileSync(
      broken,
      Buffer.concat([bytes, Buffer.from([11, 7, 1, 0x00, 1, 0x66, 0x01, 0x00, 0x00])]),
    );
    const refused = await cli('optimize', broken, '-o', path.join(work, 'broken.out.wasm'));
    expect(refused.stderr).toMatch(/wasm-tools/);
    expect(existsSync(path.join(work, 'broken.out.wasm'))).toBe(false);
  });

  it('binaryen: wasm-opt -Oz in-process makes a module smaller', async () => {
    const module = await wasmFromWat(
      'fat.wasm',
      `(module
        (func $unused (result i32) i32.const 1 i32.const 2 i32.add)
        (func (export "run") (result i32) i32.const 40 i32.const 2 i32.add))`,
    );
    const out = path.join(work, 'fat.out.wasm');
    const run = await cli('optimize', module, '-o', out, '--wasm-opt');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/optimized: /);
    expect(statSync(out).size).toBeLessThan(statSync(module).size);
  });

  it('@bytecodealliance/jco-transpile, preview2-shim, dist/serve-child.js and dist/adapters: a wasip1 module made a component and served', async () => {
    const project = exampleCopy();
    const json = path.join(work, 'embedded.json');
    const run = await cli(
      'run',
      '--project',
      project,
      '--deploy',
      'local',
      '--deploy-timeout',
      '120',
      '--json',
      json,
    );
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    expect(report.components[0]!.binaryKind).toBe('module');
    expect(report.deploy).toMatchObject({ target: 'local', status: 200 });
  });
});

describe('the action entry, loading what only a runner needs', () => {
  let github: FakeGitHub;
  let releases: ReleaseServer;
  let cache: CacheServer;
  let k8s: K8sStandIn;
  beforeAll(async () => {
    [github, releases, cache, k8s] = await Promise.all([
      startGitHubServer(),
      startReleaseServer({ spin: [], wash: [], wasmtime: [{ tag: `v${WASMTIME_VERSION}` }] }),
      startCacheServer(),
      startK8sServer({}),
    ]);
    github.addCommits('main', 1);
  });
  afterAll(async () => {
    await Promise.all([github.close(), releases.close(), cache.close(), k8s.close()]);
  });

  async function action(
    inputs: Record<string, string>,
    event: { name: string; payload: object },
    extra: NodeJS.ProcessEnv = {},
  ) {
    const step = mkdtempSync(path.join(work, 'step-'));
    const files = {
      output: path.join(step, 'output'),
      summary: path.join(step, 'summary'),
      path: path.join(step, 'path'),
      event: path.join(step, 'event.json'),
    };
    for (const file of [files.output, files.summary, files.path]) writeFileSync(file, '');
    writeFileSync(files.event, JSON.stringify(event.payload));
    const run = await runDist('index.js', [], {
      cwd: work,
      env: {
        ...env,
        GITHUB_WORKSPACE: work,
        RUNNER_TEMP: step,
        RUNNER_TOOL_CACHE: path.join(step, 'tool-cache'),
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_PATH: files.path,
        GITHUB_EVENT_NAME: event.name,
        GITHUB_EVENT_PATH: files.event,
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_SHA: 'c0ffee'.padEnd(40, '0'),
        GITHUB_API_URL: github.url,
        ...extra,
        ...inputEnv(inputs),
      },
    });
    return {
      ...run,
      outputs: readOutputs(files.output),
      path: readFileSync(files.path, 'utf8'),
    };
  }

  it('@actions/tool-cache, @actions/core and @actions/cache: wasmtime-version installs wasmtime (digest-checked), puts it on the job PATH, caches it, and it serves the app', async () => {
    const project = exampleCopy();
    const step = await action(
      {
        project,
        runtime: 'wasmtime',
        'wasmtime-version': `v${WASMTIME_VERSION}`,
        'tools-base-url': releases.url,
        comment: 'false',
        'data-branch': '',
        'deploy-timeout': '120',
      },
      { name: 'push', payload: {} },
      {
        // the fake release's wasmtime hands everything but --version to the real one
        WASMTIME_FOR_FAKE: path.join(wasmtimeDir(), 'wasmtime'),
        ACTIONS_CACHE_URL: cache.url,
        ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      },
    );
    expect(step.stdout).not.toMatch(/internal error|::error::/);
    expect(step.code).toBe(0);
    expect(releases.requests).toContain(
      `/bytecodealliance/wasmtime/releases/download/v${WASMTIME_VERSION}/wasmtime-v${WASMTIME_VERSION}-x86_64-linux.tar.xz`,
    );
    expect(step.path.trim()).toMatch(new RegExp(`tool-cache/wasmtime/${WASMTIME_VERSION}/x64$`));
    expect([...cache.entries.keys()]).toContain(
      `spinwash-wasmtime-v${WASMTIME_VERSION}-${process.platform}-${process.arch}`,
    );
    expect(step.stdout).toContain(`checked on wasmtime ${WASMTIME_VERSION}`);
    const report = JSON.parse(readFileSync(step.outputs['report-path']!, 'utf8')) as Report;
    expect(report.deploy).toMatchObject({ target: 'wasmtime', status: 200 });
  });

  it('@kubernetes/client-node: a closed pull request deletes its preview namespace on the cluster', async () => {
    const step = await action(
      {
        project: exampleCopy(),
        deploy: 'kubernetes',
        preview: 'true',
        'oci-reference': '127.0.0.1:5000/acme/hello-rust:v1',
        'oci-password': 'registry-password',
        'github-token': 'test-token',
      },
      {
        name: 'pull_request',
        payload: {
          action: 'closed',
          pull_request: {
            number: 7,
            base: { sha: github.refs.get('main'), ref: 'main', repo: { full_name: 'acme/app' } },
            head: { sha: 'c0ffee'.padEnd(40, '0'), ref: 'f', repo: { full_name: 'acme/app' } },
          },
        },
      },
      { KUBECONFIG: k8s.kubeconfig },
    );
    expect(step.stdout).not.toMatch(/internal error|::error::/);
    expect(step.code).toBe(0);
    expect(
      k8s.requests.some(
        (r) => r.method === 'DELETE' && r.url.startsWith('/api/v1/namespaces/hello-rust-pr-7'),
      ),
    ).toBe(true);
    expect(step.stdout).not.toContain(k8s.token);
  });
});
