import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { detectProject } from '../../src/projects/detect.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project folder holding `files` (path → text). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-bad-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function failure(
  dir: string,
  kind: 'auto' | 'spin' | 'wash' | 'cargo' = 'auto',
): Promise<UserError> {
  const error: unknown = await detectProject(dir, kind).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const CRATE =
  '[package]\nname = "my-app"\nversion = "0.1.0"\nedition = "2021"\n[lib]\ncrate-type = ["cdylib"]\n';

describe('bad project input is one clear UserError naming the file, the line and the fix', () => {
  it('spin.toml that is not TOML: file, line and column', async () => {
    const dir = project({ 'spin.toml': 'spin_manifest_version = 2\n[application]\nname = "x\n' });
    const error = await failure(dir);
    expect(error.message).toMatch(/spin\.toml line 3, column \d+: not valid TOML/);
    expect(error.file).toBe(path.join(dir, 'spin.toml'));
  });

  it('a version 1 manifest names the line and how to migrate', async () => {
    const dir = project({
      'spin.toml': '# old\nspin_manifest_version = "1"\nname = "x"\ntrigger = { type = "http" }\n',
    });
    const error = await failure(dir);
    expect(error.message).toMatch(
      /spin\.toml line 2: spin_manifest_version = "1"; .*set spin_manifest_version = 2/,
    );
  });

  it('a component whose source its cargo build never writes: the line and the right source', async () => {
    const dir = project({
      'spin.toml': [
        'spin_manifest_version = 2',
        '[application]',
        'name = "x"',
        '[component.web]',
        'source = "target/wasm32-wasip1/release/wrong_name.wasm"',
        '[component.web.build]',
        'command = "cargo build --target wasm32-wasip1 --release"',
        '',
      ].join('\n'),
      'Cargo.toml': CRATE,
    });
    const error = await failure(dir);
    expect(error.message).toContain(
      'spin.toml line 5: component "web" has source = "target/wasm32-wasip1/release/wrong_name.wasm"',
    );
    expect(error.message).toContain('set source = "target/wasm32-wasip1/release/my_app.wasm"');
  });

  it('a source built for the wrong target (wasip1 source, wasip2 build) is caught too', async () => {
    const dir = project({
      'spin.toml':
        'spin_manifest_version = 2\n[application]\nname = "x"\n[component.web]\nsource = "target/wasm32-wasip1/release/my_app.wasm"\n' +
        '[component.web.build]\ncommand = "cargo build --target wasm32-wasip2 --release"\n',
      'Cargo.toml': CRATE,
    });
    expect((await failure(dir)).message).toContain(
      'writes target/wasm32-wasip2/release/my_app.wasm',
    );
  });

  it('in a Cargo workspace the source is under the workspace target/, and a wrong one is told so', async () => {
    const manifest = (source: string): string =>
      'spin_manifest_version = 2\n[application]\nname = "x"\n[component.api]\n' +
      `source = "${source}"\n[component.api.build]\ncommand = "cargo build --target wasm32-wasip1 --release"\nworkdir = "api"\n`;
    const files = { 'Cargo.toml': '[workspace]\nmembers = ["api"]\n', 'api/Cargo.toml': CRATE };
    const good = project({
      ...files,
      'spin.toml': manifest('target/wasm32-wasip1/release/my_app.wasm'),
    });
    expect((await detectProject(good)).components[0]?.wasmPath).toBe(
      path.join(good, 'target/wasm32-wasip1/release/my_app.wasm'),
    );
    const bad = project({
      ...files,
      'spin.toml': manifest('target/wasm32-wasip1/release/api.wasm'),
    });
    expect((await failure(bad)).message).toContain(
      'set source = "target/wasm32-wasip1/release/my_app.wasm"',
    );
  });

  it('a route that is neither a pattern nor { private = true } names its [[trigger.http]]; private ones are not routed', async () => {
    const manifest = (route: string) =>
      [
        'spin_manifest_version = 2',
        '[application]',
        'name = "x"',
        '[[trigger.http]]',
        'route = "/..."',
        'component = "web"',
        '[[trigger.http]]',
        `route = ${route}`,
        'component = "inner"',
        '[component.web]',
        'source = "web.wasm"',
        '[component.inner]',
        'source = "inner.wasm"',
        '',
      ].join('\n');
    const error = await failure(project({ 'spin.toml': manifest('{ private = false }') }));
    expect(error.message).toMatch(/spin\.toml line 7: /);
    expect(error.message).toContain(
      '[[trigger.http]] of component "inner": route must be a string pattern such as "/api/..." or { private = true }',
    );
    const spin = (await detectProject(
      project({ 'spin.toml': manifest('{ private = true }') }),
    )) as {
      routes?: unknown;
    };
    expect(spin.routes).toEqual([{ component: 'web', route: '/...' }]);
  });

  it('a wadm.yaml with no component names the line of spec.components', async () => {
    const dir = project({
      'wasmcloud.toml': 'name = "hello"\nlanguage = "rust"\ntype = "component"\n',
      'wadm.yaml':
        'apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: hello\nspec:\n  components:\n    - name: http\n      type: capability\n      properties:\n        image: ghcr.io/wasmcloud/http-server:0.23.2\n',
    });
    const error = await failure(dir);
    expect(error.message).toMatch(
      /wadm\.yaml line 6: spec\.components has no entry with `type: component`; add one whose properties\.image is file:\/\/\.\/build\/hello_s\.wasm/,
    );
  });

  it('a wadm.yaml image that wash build never writes', async () => {
    const dir = project({
      'wasmcloud.toml': 'name = "hello"\nlanguage = "rust"\ntype = "component"\n',
      'wadm.yaml':
        'metadata:\n  name: hello\nspec:\n  components:\n    - name: c\n      type: component\n      properties:\n        image: file://./build/other.wasm\n',
    });
    const error = await failure(dir);
    expect(error.message).toContain(
      'wadm.yaml line 8: component "c" ships file://./build/other.wasm',
    );
    expect(error.message).toContain('set image: file://./build/hello_s.wasm');
  });

  it('a wasmcloud.toml without the `language` or `type` wash requires', async () => {
    expect((await failure(project({ 'wasmcloud.toml': 'name = "hello"\n' }))).message).toMatch(
      /wasmcloud\.toml: no `language`; wash needs one: language = "rust"/,
    );
    const provider = project({
      'wasmcloud.toml': 'name = "hello"\nlanguage = "rust"\ntype = "provider"\n',
    });
    expect((await failure(provider)).message).toMatch(
      /wasmcloud\.toml line 3: type = "provider"; spinwash builds wasmCloud components only/,
    );
  });

  it('invalid YAML in .wash/config.yaml names its line', async () => {
    const dir = project({
      '.wash/config.yaml': 'build:\n  command: [cargo build\n  component_path: x.wasm\n',
    });
    expect((await failure(dir)).message).toMatch(/config\.yaml line \d+: not valid YAML/);
  });

  it('an empty folder lists what was looked for; an explicit kind names its missing file', async () => {
    const dir = project({ 'README.md': 'nothing here\n' });
    expect((await failure(dir)).message).toMatch(
      /expected spin\.toml \(Spin\), wasmcloud\.toml or .*Cargo\.toml/,
    );
    expect((await failure(dir, 'spin')).message).toMatch(/No spin\.toml in .*run `spin new`/);
  });

  it('never changes the user file', async () => {
    const text = 'spin_manifest_version = 2\n[application\n';
    const dir = project({ 'spin.toml': text });
    await failure(dir);
    expect(readFileSync(path.join(dir, 'spin.toml'), 'utf8')).toBe(text);
  });
});
