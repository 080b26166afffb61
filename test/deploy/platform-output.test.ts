import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { previewManifest, renameSpinApp } from '../../src/deploy/preview.js';
import {
  parsePairs,
  parseVersion,
  redact,
  versionAtLeast,
} from '../../src/deploy/remote-spin/spin-plugin.js';
import { akaRoutesUrl } from '../../src/deploy/targets/akamai/akamai.js';
import { cloudDeployUrl } from '../../src/deploy/targets/fermyon-cloud/fermyon-cloud.js';
import { UserError } from '../../src/errors.js';

/** What the remote targets read from the plugins' output and the manifest, as tables. */

describe('a plugin’s version, as the plugin list or `--version` prints it', () => {
  it.each([
    ['0.6.1', '0.6.1'],
    ['spin-aka 0.7.0 (abc123 2026-05-01)', '0.7.0'],
    ['0.6.0-rc.1', '0.6.0-rc.1'],
    ['1.2', '1.2.0'],
    ['[installed]', undefined],
  ])('%s → %s', (text, version) => {
    expect(parseVersion(text)).toBe(version);
  });

  it('compares in semver’s order: a pre-release comes before its release', () => {
    expect(versionAtLeast('0.6.0', '0.6.0')).toBe(true);
    expect(versionAtLeast('0.10.0', '0.6.0')).toBe(true);
    expect(versionAtLeast('0.6.0-rc.1', '0.6.0')).toBe(false);
    expect(versionAtLeast('0.5.2', '0.6.0')).toBe(false);
  });
});

describe('the app URL in a deploy command’s output', () => {
  it.each([
    [
      'Uploading hello version 0.1.0 to Fermyon Cloud...\nDeploying...\n\nView application:   https://hello-abc.fermyon.app/\n  Routes:\n  - hello: https://hello-abc.fermyon.app (wildcard)\nManage application: https://cloud.fermyon.com/app/hello\n',
      'https://hello-abc.fermyon.app/',
    ],
    [
      'Deploying...\nApplication is running at hello-abc.fermyon.app\n',
      'https://hello-abc.fermyon.app',
    ],
    ['Application deployed, but Spin could not establish readiness\n', undefined],
  ])('spin cloud deploy: %#', (output, url) => {
    expect(cloudDeployUrl(output)).toBe(url);
  });

  it.each([
    [
      'Workspace linked to app hello\nWaiting for app to be ready... ready\n\nApp Routes:\n- hello: https://6f1c2d.aka.fermyon.tech (wildcard)\n',
      'https://6f1c2d.aka.fermyon.tech',
    ],
    [
      'Deploying updated version of app hello in account acme (version 1 → 2)\n\nApp Routes:\n- api: https://0b9e.fwf.app/api\n- web: https://0b9e.fwf.app (wildcard)\n',
      'https://0b9e.fwf.app',
    ],
    ['Workspace linked to app hello\n', undefined],
  ])('spin aka deploy (any domain): %#', (output, url) => {
    expect(akaRoutesUrl(output)).toBe(url);
  });
});

describe('inputs and secrets', () => {
  it('parses `name=value` pairs, and names the input and the bad entry', () => {
    expect(parsePairs('variables', 'greeting=hi there, mode=prod\nempty=')).toEqual([
      ['greeting', 'hi there'],
      ['mode', 'prod'],
      ['empty', ''],
    ]);
    expect(() => parsePairs('key-values', 'a=1, nope')).toThrow(
      new UserError(
        'Input `key-values` has the entry "nope"; accepted: `name=value` pairs, comma- or newline-separated',
      ),
    );
  });

  it('blanks every secret value out of text', () => {
    expect(redact('token tok-123456 again tok-123456', { SPIN_AUTH_TOKEN: 'tok-123456' })).toBe(
      'token *** again ***',
    );
  });
});

describe('the preview manifest', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const manifest = `spin_manifest_version = 2

[application]
# the app
version = "0.1.0"
name = "hello"   # trailing comment

[component.hello]
name = "not-this-one"
source = "target/hello.wasm"
`;

  it('renames only `[application] name`', () => {
    const renamed = renameSpinApp(manifest, 'hello-pr-7', 'spin.toml');
    expect(renamed).toBe(
      manifest.replace('name = "hello"   # trailing comment', 'name = "hello-pr-7"'),
    );
    expect(() => renameSpinApp('[component.x]\nname = "x"\n', 'x-pr-1', 'spin.toml')).toThrow(
      'spin.toml has no `[application] name`',
    );
  });

  it('writes the copy beside spin.toml and removes it, leaving the original as it was', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'spinwash-preview-'));
    const file = path.join(dir, 'spin.toml');
    writeFileSync(file, manifest);
    const copy = await previewManifest(file, 'hello-pr-7');
    expect(path.dirname(copy.file)).toBe(dir);
    expect(readFileSync(copy.file, 'utf8')).toContain('name = "hello-pr-7"');
    // no signal listener of its own (spinwash's handler removes it, issue 22 item 7); the exit one goes
    const signals = process.listenerCount('SIGTERM');
    const exits = process.listenerCount('exit');
    await copy.remove();
    await copy.remove();
    expect(process.listenerCount('SIGTERM')).toBe(signals);
    expect(process.listenerCount('exit')).toBe(exits - 1);
    expect(readdirSync(dir)).toEqual(['spin.toml']);
    expect(readFileSync(file, 'utf8')).toBe(manifest);
  });

  it('removes the copy when the run is interrupted (SIGTERM), and exits 143', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'spinwash-preview-'));
    const file = path.join(dir, 'spin.toml');
    writeFileSync(file, manifest);
    const module = pathToFileURL(path.resolve(import.meta.dirname, '../../src/deploy/preview.ts'));
    const processModule = pathToFileURL(path.resolve(import.meta.dirname, '../../src/process.ts'));
    // as both entries do: spinwash's own handler undoes what is registered
    const script = `const { installSignalHandlers } = await import(${JSON.stringify(processModule.href)});
      installSignalHandlers();
      const { previewManifest } = await import(${JSON.stringify(module.href)});
      await previewManifest(${JSON.stringify(file)}, 'hello-pr-7');
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve()),
    );
    expect(readdirSync(dir).length).toBe(2);
    child.kill('SIGTERM');
    const [code] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.once('exit', (exitCode, sig) => resolve([exitCode, sig])),
    );
    expect(code).toBe(143);
    expect(readdirSync(dir)).toEqual(['spin.toml']);
    expect(readFileSync(file, 'utf8')).toBe(manifest);
  });
});
