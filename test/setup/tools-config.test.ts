import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parseToolsConfig, type ToolsInputName } from '../../src/config/tools-config.js';

const DEFAULTS: Record<ToolsInputName, string> = {
  'project-kind': 'auto',
  target: '',
  runtime: 'embedded',
  'spin-version': '',
  'wash-version': '',
  'wasmtime-version': '',
  'spin-plugins': '',
  'install-rust-target': 'false',
  'tools-base-url': '',
  'setup-timeout': '600',
};

const parse = (inputs: Partial<Record<ToolsInputName, string>>) =>
  parseToolsConfig((name) => inputs[name] ?? DEFAULTS[name]);

describe('platform inputs', () => {
  it('target: a wasm target triple, refused with one line naming the input otherwise', () => {
    expect(parse({ target: 'wasm32-wasip2' }).rustTarget).toBe('wasm32-wasip2');
    expect(parse({}).rustTarget).toBeUndefined();
    expect(() => parse({ target: 'x86_64-unknown-linux-gnu' })).toThrow(
      /target.*x86_64-unknown-linux-gnu.*wasm32-wasip1/,
    );
  });

  it('defaults: auto kind, embedded runtime, nothing installed', () => {
    expect(parse({})).toEqual({
      projectKind: 'auto',
      runtime: 'embedded',
      spinPlugins: [],
      setupTimeoutSeconds: 600,
      installRustTarget: false,
    });
    expect(parse({ 'install-rust-target': 'true' }).installRustTarget).toBe(true);
  });

  it.each([
    ['spin-version', '3.4.1', 'spinVersion', 'v3.4.1'],
    ['spin-version', 'v4.0.0', 'spinVersion', 'v4.0.0'],
    ['spin-version', 'canary', 'spinVersion', 'canary'],
    ['wash-version', 'latest', 'washVersion', 'latest'],
    ['wash-version', '0.39.0', 'washVersion', 'v0.39.0'],
    ['wasmtime-version', '48.0.8', 'wasmtimeVersion', 'v48.0.8'],
    ['wasmtime-version', 'latest', 'wasmtimeVersion', 'latest'],
    ['tools-base-url', 'http://127.0.0.1:9/mirror/', 'baseUrl', 'http://127.0.0.1:9/mirror'],
  ] as const)('%s = %s', (input, value, field, expected) => {
    expect(parse({ [input]: value })[field]).toBe(expected);
  });

  it('reads the plugin list', () => {
    expect(parse({ 'spin-plugins': 'cloud, kube\njs2wasm' }).spinPlugins).toEqual([
      'cloud',
      'kube',
      'js2wasm',
    ]);
  });

  it.each([
    [
      'project-kind',
      'docker',
      /Input `project-kind` has the value "docker"; accepted: `auto`, `cargo`, `spin`, `wash`/,
    ],
    [
      'runtime',
      'wasmer',
      /Input `runtime` has the value "wasmer"; accepted: `embedded`, `spin`, `wash`, `wasmtime`/,
    ],
    [
      'spin-version',
      'three',
      /Input `spin-version` has the value "three"; accepted: `latest`, `canary`, a version like `v3.4.1`/,
    ],
    [
      'wash-version',
      'canary',
      /Input `wash-version` has the value "canary"; accepted: `latest`, a version/,
    ],
    [
      'wasmtime-version',
      'canary',
      /Input `wasmtime-version` has the value "canary"; accepted: `latest`, a version/,
    ],
    ['spin-plugins', 'cloud, ../evil', /Input `spin-plugins` has the value "..\/evil"/],
    [
      'tools-base-url',
      'ftp://x',
      /Input `tools-base-url` has the value "ftp:\/\/x"; accepted: an http\(s\) URL/,
    ],
  ] as const)('refuses %s = %s', (input, value, message) => {
    expect(() => parse({ [input]: value })).toThrow(UserError);
    expect(() => parse({ [input]: value })).toThrow(message);
  });
});
