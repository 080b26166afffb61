import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInspectCommand, type InspectResult } from '../../src/commands/inspect.js';
import { copyFixture, type FixtureCopy } from './fixtures.js';

const copies: FixtureCopy[] = [];
afterEach(() => copies.splice(0).forEach((c) => c.remove()));

async function inspect(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runInspectCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

async function inspectJson(fixture: string): Promise<InspectResult & { text: string }> {
  const copy = copyFixture(fixture, []);
  copies.push(copy);
  const json = path.join(copy.dir, 'inspect.json');
  const { code, stdout, stderr } = await inspect(['--project', copy.dir, '--json', json]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return { ...(JSON.parse(readFileSync(json, 'utf8')) as InspectResult), text: stdout };
}

describe('spinwash inspect', () => {
  it('lists every component of a multi-component Spin app, with workdirs and a remote one not built', async () => {
    const result = await inspectJson('spin/multi');
    expect(result.kind).toBe('spin');
    expect(result.components.map((c) => [c.name, c.built])).toEqual([
      ['hello', true],
      ['api', true],
      ['fileserver', false],
    ]);
    const [hello, api, remote] = result.components;
    expect(hello).toMatchObject({
      wasm: 'hello/target/wasm32-wasip1/release/spinwash_fixture_spin_hello.wasm',
      buildCommand: 'cargo build --target wasm32-wasip1 --release',
      workdir: 'hello',
      manifest: 'spin.toml',
    });
    expect(api?.buildCommand).toBe(
      'cargo fetch --offline && cargo build --target wasm32-wasip1 --release',
    );
    expect(remote?.wasm).toMatch(/^https:\/\/.*spin_static_fs\.wasm$/);
    expect(result.text).toContain('fileserver (remote source: listed, not built)');
    expect(result.text).toContain('workdir:  hello');
    expect(hello?.target).toBe('wasm32-wasip1');
  });

  it('reads the Spin v4 (wasm32-wasip2) template', async () => {
    const result = await inspectJson('spin/v4');
    expect(result.components).toEqual([
      {
        name: 'hello-v4',
        built: true,
        wasm: 'target/wasm32-wasip2/release/spinwash_fixture_spin_v4.wasm',
        manifest: 'spin.toml',
        buildCommand: 'cargo build --target wasm32-wasip2 --release',
        workdir: '.',
        target: 'wasm32-wasip2',
      },
    ]);
  });

  it('reads a wash 0.x project: the signed build/<name>_s.wasm that wadm.yaml ships', async () => {
    const result = await inspectJson('wash/v1');
    expect(result.kind).toBe('wash');
    expect(result.components).toHaveLength(1);
    expect(result.components[0]).toMatchObject({
      name: 'http-hello',
      wasm: 'build/spinwash_fixture_wash_v1_s.wasm',
      manifest: 'wasmcloud.toml',
    });
    expect(result.components[0]?.buildCommand).toContain('--target wasm32-wasip2');
  });

  it('reads a wash v2 project from .wash/config.yaml', async () => {
    const result = await inspectJson('wash/v2');
    expect(result.components[0]).toMatchObject({
      wasm: 'target/wasm32-wasip2/release/spinwash_fixture_wash_v2.wasm',
      buildCommand: 'cargo build --target wasm32-wasip2 --release',
      manifest: '.wash/config.yaml',
    });
  });

  it('finds both wasm members of a Cargo workspace', async () => {
    const result = await inspectJson('cargo-workspace');
    expect(result.kind).toBe('cargo');
    expect(result.components.map((c) => c.name).sort()).toEqual([
      'spinwash-fixture-ws-back',
      'spinwash-fixture-ws-front',
    ]);
    for (const c of result.components)
      expect(c.wasm).toMatch(/wasm32-wasip1\/release\/spinwash_fixture_ws_(front|back)\.wasm$/);
  });

  it('refuses unknown flags with exit code 2 and writes no file on a bad project', async () => {
    expect((await inspect(['--bogus'])).code).toBe(2);
    const copy = copyFixture('spin/v4', []);
    copies.push(copy);
    const json = path.join(copy.dir, 'out.json');
    const { code, stderr } = await inspect([
      '--project',
      copy.dir,
      '--kind',
      'wash',
      '--json',
      json,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/No wasmcloud\.toml or \.wash\/config\.yaml in/);
    expect(existsSync(json)).toBe(false);
  });
});
