import {
  copyFileSync,
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/deploy/readiness.js';
import { figmentDict, parseAppStatus, washTarget } from '../../src/deploy/targets/wash/wash.js';
import { execCapture } from '../../src/exec.js';
import { MemoryLogger } from '../../src/log.js';
import { detectProject } from '../../src/projects/detect.js';
import type { WashProject } from '../../src/projects/wash.js';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../support/cli.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from './fixtures.js';

const TWEAKS = {
  CARGO_PROFILE_RELEASE_LTO: 'true',
  CARGO_PROFILE_RELEASE_OPT_LEVEL: 'z',
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '1',
  CARGO_PROFILE_RELEASE_PANIC: 'abort',
};
const saved = {
  PATH: process.env.PATH,
  WASH_STATE_DIR: process.env.WASH_STATE_DIR,
};
const copies: FixtureCopy[] = [];
let stateDir: string;
beforeAll(() => {
  process.env.PATH = pathWithFakes();
  stateDir = mkdtempSync(path.join(tmpdir(), 'spinwash-wash-state-'));
  process.env.WASH_STATE_DIR = stateDir;
});
afterAll(async () => {
  await execCapture('wash', ['down']); // in case a test failed half-way
  Object.assign(process.env, saved);
  for (const [key, value] of Object.entries(saved))
    if (value === undefined) delete process.env[key];
  copies.forEach((c) => c.remove());
  rmSync(stateDir, { recursive: true, force: true });
});

describe('wasmCloud with wash 0.x (fake CLI, real component)', () => {
  it('builds with `wash build`, deploys wadm.yaml to a host, polls the status to deployed, answers 200, cleans up', async () => {
    const copy = copyFixture('wash/v1');
    copies.push(copy);
    const port = await freePort();
    const wadm = path.join(copy.dir, 'wadm.yaml');
    writeFileSync(wadm, readFileSync(wadm, 'utf8').replace('127.0.0.1:8000', `127.0.0.1:${port}`));

    const project = (await detectProject(copy.dir)) as WashProject;
    expect(project).toMatchObject({
      kind: 'wash',
      washMajor: 0,
      application: { name: 'http-hello', httpAddress: `127.0.0.1:${port}` },
    });
    const logger = new MemoryLogger();
    await project.build({ env: TWEAKS, logger });
    expect(logger.lines.join('')).toContain(
      `Component built and signed and can be found at "${project.components[0]!.wasmPath}"`,
    );
    const signed = readFileSync(project.components[0]!.wasmPath);
    expect(signed.subarray(0, 4).toString('latin1')).toBe('\0asm');

    const deployment = await washTarget.deploy({
      components: [{ name: 'http-hello', wasmPath: project.components[0]!.wasmPath }],
      project: { kind: 'wash', dir: copy.dir, appName: 'app' },
      options: undefined,
      secrets: {},
      healthPath: '/',
      timeoutSeconds: 90,
      logger,
    });
    try {
      expect(deployment.report).toMatchObject({
        target: 'wasmcloud',
        status: 200,
        url: `http://127.0.0.1:${port}/`,
      });
      const statuses = logger.lines
        .filter((l) => l.startsWith('wash app status http-hello:'))
        .map((l) => l.split(': ')[1]);
      expect(statuses.at(-1)).toBe('deployed');
      expect(statuses.length).toBeGreaterThan(1); // it was polled, not found deployed at once
      const answer = await fetch(deployment.report.url);
      expect(await answer.text()).toBe('Hello from the wasmCloud fixture\n');
    } finally {
      await deployment.stop();
    }
    // stop() deleted the app and stopped the host.
    const list = await execCapture('wash', ['app', 'list']);
    expect(list.code).not.toBe(0);
    expect(list.stderr).toContain('No wasmCloud host is running');
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it('a component that cannot start makes the status `failed`, and the error says why', async () => {
    const copy = copyFixture('wash/v1');
    copies.push(copy);
    const project = (await detectProject(copy.dir)) as WashProject;
    const wasm = project.components[0]!.wasmPath;
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(wasm), { recursive: true });
    writeFileSync(wasm, Buffer.from('\0asm\x01\0\0\0')); // an empty core module: nothing to serve
    const error: unknown = await washTarget
      .deploy({
        components: [],
        project: { kind: 'wash', dir: copy.dir, appName: 'app' },
        options: undefined,
        secrets: {},
        healthPath: '/',
        timeoutSeconds: 60,
        logger: new MemoryLogger(),
      })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /wasmCloud could not deploy application "http-hello": .*component-type/,
    );
    expect((await execCapture('wash', ['app', 'list'])).code).not.toBe(0); // host taken down again
  });
});

describe('wash 0.x rules, held by the fake wash that follows them too', () => {
  it('[lib] name + destination: wash writes the file inspect names, and the deploy ships it', async () => {
    const copy = copyFixture('wash/destination');
    copies.push(copy);
    const port = await freePort();
    const wadm = path.join(copy.dir, 'wadm.yaml');
    writeFileSync(wadm, readFileSync(wadm, 'utf8').replace('127.0.0.1:8000', `127.0.0.1:${port}`));
    const project = (await detectProject(copy.dir)) as WashProject;
    const [component] = project.components;
    expect(component?.wasmPath).toBe(path.join(copy.dir, 'dist', 'hello.wasm'));
    const logger = new MemoryLogger();
    await project.build({ env: TWEAKS, logger });
    expect(logger.lines.join('')).toContain(
      `Component built and signed and can be found at "${component!.wasmPath}"`,
    );
    expect(existsSync(path.join(copy.dir, 'build', 'hello_lib.wasm'))).toBe(true);
    const deployment = await washTarget.deploy({
      components: [],
      project: { kind: 'wash', dir: copy.dir, appName: 'app' },
      options: undefined,
      secrets: {},
      healthPath: '/',
      timeoutSeconds: 90,
      logger,
    });
    try {
      expect(await (await fetch(deployment.report.url)).text()).toBe(
        'Hello from the destination fixture\n',
      );
    } finally {
      await deployment.stop();
    }
  });

  it('build_command + build_artifact: wash runs the command and signs the artifact beside it', async () => {
    const copy = copyFixture('wash/custom-command');
    copies.push(copy);
    const project = (await detectProject(copy.dir)) as WashProject;
    const logger = new MemoryLogger();
    await project.build({ env: TWEAKS, logger });
    const signed = project.components[0]!.wasmPath;
    expect(path.basename(signed)).toBe('spinwash_fixture_wash_custom_s.wasm');
    expect(logger.lines.join('')).toContain(`can be found at "${signed}"`);
    expect(readFileSync(signed).subarray(0, 4).toString('latin1')).toBe('\0asm');
  });
});

describe('wasmCloud with wash v2 (fake CLI)', () => {
  const GREETING = 'Hello from the wash v2 fixture\n';
  let project: WashProject;
  let built: Buffer;
  beforeAll(async () => {
    process.env.FAKE_WASH_VERSION = '2.0.1';
    const copy = copyFixture('wash/v2');
    copies.push(copy);
    project = (await detectProject(copy.dir)) as WashProject;
    expect(project.washMajor).toBe(2);
    const logger = new MemoryLogger();
    await project.build({ env: TWEAKS, logger });
    expect(logger.lines.join('')).toContain(
      `Successfully built component at: ${project.components[0]!.wasmPath}`,
    );
    built = readFileSync(project.components[0]!.wasmPath);
  }, 300_000);
  afterAll(() => {
    delete process.env.FAKE_WASH_VERSION;
  });

  function request(components: { name: string; wasmPath: string }[]) {
    return {
      components,
      project: { kind: 'wash' as const, dir: project.dir, appName: 'app' },
      options: undefined,
      secrets: {},
      healthPath: '/',
      timeoutSeconds: 90,
      logger: new MemoryLogger(),
    };
  }

  it('`wash dev` serves the file it is given (the optimized one) without rebuilding, on a free port', async () => {
    // A file only this test has: the built component with another greeting of the same length.
    const other = 'Served: the optimized file!!!!\n';
    expect(other.length).toBe(GREETING.length);
    const patched = Buffer.from(built);
    const at = patched.indexOf(GREETING);
    expect(at).toBeGreaterThan(0);
    patched.write(other, at, 'latin1');
    const work = mkdtempSync(path.join(tmpdir(), 'spinwash-optimized-'));
    const optimized = path.join(work, 'app.wasm');
    writeFileSync(optimized, patched);
    try {
      const deployment = await washTarget.deploy(request([{ name: 'app', wasmPath: optimized }]));
      try {
        expect(deployment.report).toMatchObject({ target: 'wasmcloud', status: 200 });
        expect(deployment.report.note).toBeUndefined();
        expect(deployment.report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        expect(deployment.report.url).not.toContain(':8000/'); // the real default is never needed
        expect(await (await fetch(deployment.report.url)).text()).toBe(other);
      } finally {
        await deployment.stop();
      }
      await expect(fetch(deployment.report.url)).rejects.toThrow();
      // The build's own file and the given one are as they were: nothing rebuilt or rewritten.
      expect(readFileSync(project.components[0]!.wasmPath).equals(built)).toBe(true);
      expect(readFileSync(optimized).equals(patched)).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('with no file to serve, `wash dev` builds and serves the project, and the report says it is not the optimized file', async () => {
    const deployment = await washTarget.deploy(request([]));
    try {
      expect(deployment.report).toMatchObject({ status: 200 });
      expect(deployment.report.note).toContain('not of the optimized file');
      expect(await (await fetch(deployment.report.url)).text()).toBe(GREETING);
    } finally {
      await deployment.stop();
    }
  });
});

describe('figmentDict', () => {
  it("writes a table in figment's env syntax (what wash v2 reads from WASH_DEV)", () => {
    expect(figmentDict({ address: '127.0.0.1:1234', component_path: 'C:\\a "b".wasm' })).toBe(
      '{address="127.0.0.1:1234",component_path="C:\\\\a \\"b\\".wasm"}',
    );
  });
});

describe('wash v2 dev components (fake CLI)', () => {
  it('measures and shrinks dev.components[].file and dev.service_file with the main component', async () => {
    const copy = copyFixture('wash/v2');
    copies.push(copy);
    process.env.FAKE_WASH_VERSION = '2.0.1';
    try {
      const first = (await detectProject(copy.dir)) as WashProject;
      await first.build({ env: TWEAKS, logger: new MemoryLogger() });
      // two real components wash dev would load beside the main one, as files
      mkdirSync(path.join(copy.dir, 'extra'));
      copyFileSync(first.components[0]!.wasmPath, path.join(copy.dir, 'extra', 'kv.wasm'));
      copyFileSync(first.components[0]!.wasmPath, path.join(copy.dir, 'extra', 'svc.wasm'));
      const config = path.join(copy.dir, '.wash', 'config.yaml');
      writeFileSync(
        config,
        `${readFileSync(config, 'utf8')}dev:\n  service_file: extra/svc.wasm\n  components:\n    - name: kv\n      file: extra/kv.wasm\n`,
      );
      const json = path.join(copy.dir, 'r.json');
      const run = await runCli(copy.dir, 'run', '--deploy', 'none', '--json', json);
      expect(run.stderr).not.toContain('error');
      expect(run.code).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      expect(report.components.map((c) => [c.name, c.wasm])).toEqual([
        ['v2', 'target/wasm32-wasip2/release/spinwash_fixture_wash_v2.wasm'],
        ['kv', 'extra/kv.wasm'],
        ['service', 'extra/svc.wasm'],
      ]);
      for (const component of report.components) {
        const [release, stripped] = component.stages;
        expect(stripped!.bytes).toBeLessThanOrEqual(release!.bytes);
        expect(component.final.bytes).toBe(statSync(path.join(copy.dir, component.wasm)).size);
      }
    } finally {
      delete process.env.FAKE_WASH_VERSION;
    }
  });
});

describe('parseAppStatus', () => {
  it.each([
    ['{"status":{"status":{"type":"deployed","message":""},"scalers":[]}}', 'deployed', ''],
    [
      '{"status":{"info":{"type":"Reconciling","message":"2 of 3"},"scalers":[]},"success":true}',
      'reconciling',
      '2 of 3',
    ],
    ['{"status":{"type":"failed","message":"no host"}}', 'failed', 'no host'],
    ['{"success":true}', 'unknown', ''],
  ])('%s', (stdout, type, message) => {
    expect(parseAppStatus(stdout)).toEqual({ type, message });
  });
});
