import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import type { RawInputs } from '../../src/config/inputs.js';
import { CROSS_INPUT_RULES } from '../../src/config/rules.js';
import { UserError } from '../../src/errors.js';

const root = path.resolve(import.meta.dirname, '../..');
const project = 'examples/hello-rust';

describe('cross-input rules', () => {
  const refused: [RawInputs, RegExp][] = [
    [
      { deploy: 'none', 'max-deploy-seconds': '30' },
      /`max-deploy-seconds` is set but `deploy` is `none`/,
    ],
    [{ deploy: 'none', runtime: 'spin' }, /`runtime` is `spin` but `deploy` is `none`/],
    [{ deploy: 'local', preview: 'true' }, /`preview` is `true` but `deploy` is `local`/],
    [
      { deploy: 'local', runtime: 'wasmtime', preview: 'true' },
      /`preview` is `true` but `deploy` is `wasmtime`/,
    ],
    [{ deploy: 'none', 'health-expect': 'v2' }, /`health-expect` is set but `deploy` is `none`/],
    [{ 'paths-changed': 'origin/main' }, /`paths-changed` is set but `mode` is `run`/],
    [{ mode: 'merge' }, /`mode: merge` needs `reports`/],
    [{ mode: 'plan', app: 'a' }, /`app` is set but `mode` is `plan`/],
    [{ mode: 'comment', ladder: 'true' }, /`ladder` is `true` with `mode: comment`/],
    [{ 'cold-start': 'true' }, /`cold-start` is `true` but `mode` is `run`: .*`mode: benchmark`/],
  ];
  it.each(refused)('refuses %j in one line', (inputs, message) => {
    const build = () => buildConfig({ project, ...inputs }, root);
    expect(build).toThrow(UserError);
    expect(build).toThrow(message);
  });

  const accepted: RawInputs[] = [
    { deploy: 'local', 'max-deploy-seconds': '30' },
    { deploy: 'local', runtime: 'spin' },
    { deploy: 'local', runtime: 'wasmtime' },
    { deploy: 'wasmtime', 'wasmtime-version': 'v48.0.8' },
    { deploy: 'none' },
    { deploy: 'local', 'health-expect': 'Hello' },
    { mode: 'plan', 'paths-changed': 'origin/main' },
    { mode: 'merge', reports: 'r', matrix: '{"include":[]}' },
    { app: 'api' },
    { mode: 'benchmark', 'cold-start': 'true' },
  ];
  it.each(accepted)('accepts %j', (inputs) => {
    expect(() => buildConfig({ project, ...inputs }, root)).not.toThrow();
  });

  it('refuses `reports` off `mode: merge`', () => {
    expect(() => buildConfig({ project, reports: 'r' }, root)).toThrow(
      /`reports` is set but `mode` is `run`: it is read by `mode: merge` only/,
    );
  });

  it('has a refused case for every rule', () => {
    expect(refused).toHaveLength(CROSS_INPUT_RULES.length + 1); // preview: local, and wasmtime
  });
});
