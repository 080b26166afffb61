import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InspectResult } from '../../src/commands/inspect-command.js';
import { copyFixture } from './fixtures.js';
import { copies, inspect, inspectJson } from './inspect-support.js';

// e2e: a Cargo project is read through `cargo metadata`, so these need cargo on PATH
describe('spinwash inspect on Cargo projects', () => {
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

  it("a Cargo project builds for .cargo/config.toml's [build] target, and --target overrides it", async () => {
    const copy = copyFixture('cargo-workspace', []);
    copies.push(copy);
    mkdirSync(path.join(copy.dir, '.cargo'));
    writeFileSync(
      path.join(copy.dir, '.cargo', 'config.toml'),
      '[build]\ntarget = "wasm32-wasip2"\n',
    );
    const json = path.join(copy.dir, 'inspect.json');
    expect((await inspect(['--project', copy.dir, '--json', json])).code).toBe(0);
    const configured = JSON.parse(readFileSync(json, 'utf8')) as InspectResult;
    for (const c of configured.components) {
      expect(c.target).toBe('wasm32-wasip2');
      expect(c.wasm).toMatch(/\/wasm32-wasip2\/release\//);
      expect(c.buildCommand).toMatch(/^cargo build --release --target wasm32-wasip2 -p /);
    }
    const flagged = await inspect(['--project', copy.dir, '--target', 'wasm32-wasip1']);
    expect(flagged.stdout).toContain('target:   wasm32-wasip1');
    expect(flagged.stdout).not.toContain('wasm32-wasip2');
  });
});
