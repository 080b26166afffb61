import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture } from './fixtures.js';
import { copies, inspect, inspectJson } from './inspect-support.js';

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

  it("a Spin build without --target builds for .cargo/config.toml's target, and a source elsewhere is refused", async () => {
    const copy = copyFixture('spin/v4', []);
    copies.push(copy);
    const manifest = path.join(copy.dir, 'spin.toml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(
        'cargo build --target wasm32-wasip2 --release',
        'cargo build --release',
      ),
    );
    mkdirSync(path.join(copy.dir, '.cargo'));
    writeFileSync(
      path.join(copy.dir, '.cargo', 'config.toml'),
      '[build]\ntarget = "wasm32-wasip2"\n',
    );
    const ok = await inspect(['--project', copy.dir]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('target:   wasm32-wasip2');
    writeFileSync(
      path.join(copy.dir, '.cargo', 'config.toml'),
      '[build]\ntarget = "wasm32-wasip1"\n',
    );
    const refused = await inspect(['--project', copy.dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'writes target/wasm32-wasip1/release/spinwash_fixture_spin_v4.wasm; set source = "target/wasm32-wasip1/release/spinwash_fixture_spin_v4.wasm"',
    );
  });

  it('reads a wash 0.x project: the Cargo lib name, signed to build/<lib>_s.wasm, which wadm.yaml ships', async () => {
    const result = await inspectJson('wash/v1');
    expect(result.kind).toBe('wash');
    expect(result.components).toEqual([
      {
        name: 'http-hello',
        built: true,
        wasm: 'build/spinwash_fixture_wash_v1_s.wasm',
        manifest: 'wasmcloud.toml',
        buildCommand: 'cargo build --release --target wasm32-wasip2',
        workdir: '.',
        target: 'wasm32-wasip2',
        builtBy:
          'wash build (then signs build/spinwash_fixture_wash_v1.wasm into build/spinwash_fixture_wash_v1_s.wasm)',
      },
    ]);
    expect(result.deployManifests).toEqual([
      { kind: 'wadm', path: 'wadm.yaml', name: 'http-hello' },
    ]);
    expect(result.text).toContain(
      'deploy manifests (1):\n  wadm: wadm.yaml (application http-hello)',
    );
  });

  describe('wash 0.x, as wash resolves wasmcloud.toml', () => {
    it('[lib] name names the file (not `name`), wasm32-wasi-preview2 is wasm32-wasip2, `destination` is the signed file wadm.yaml ships', async () => {
      const [component] = (await inspectJson('wash/destination')).components;
      expect(component).toMatchObject({
        name: 'Hello Destination',
        wasm: 'dist/hello.wasm',
        buildCommand: 'cargo build --release --target wasm32-wasip2',
        target: 'wasm32-wasip2',
        builtBy: 'wash build (then signs build/hello_lib.wasm into dist/hello.wasm)',
      });
    });

    it('a build_command is what wash runs, and build_artifact is the file it signs beside itself', async () => {
      const [component] = (await inspectJson('wash/custom-command')).components;
      expect(component).toMatchObject({
        wasm: 'target/wasm32-wasip2/release/spinwash_fixture_wash_custom_s.wasm',
        buildCommand: 'cargo build --target wasm32-wasip2 --release',
        target: 'wasm32-wasip2',
        workdir: '.',
      });
    });

    it('a crate without a library: the file is named after the package, dashes kept; no wasm_target is a core module', async () => {
      const result = await inspectJson('wash/bin-crate');
      expect(result.components[0]).toMatchObject({
        name: 'spinwash-fixture-wash-bin',
        wasm: 'build/spinwash-fixture-wash-bin_s.wasm',
        buildCommand: 'cargo build --release --target wasm32-unknown-unknown',
        target: 'wasm32-unknown-unknown',
      });
      expect(result.deployManifests).toEqual([]);
      expect(result.text).toContain('deploy manifests: none');
    });

    it('language = "tinygo" is built by tinygo, never described as a cargo build', async () => {
      const result = await inspectJson('wash/tinygo');
      expect(result.components[0]).toMatchObject({
        name: 'http-hello-go',
        wasm: 'build/http-hello-go_s.wasm',
        buildCommand:
          'tinygo build -o build/http-hello-go.wasm -target wasip2 -wit-package wit -wit-world hello .',
      });
      expect(result.components[0]?.target).toBeUndefined();
      expect(result.text).not.toContain('cargo');
    });

    it("a composed app: an image that is a sibling project's file is accepted, and only ours is checked", async () => {
      const copy = copyFixture('wash/composed', []);
      copies.push(copy);
      const ping = path.join(copy.dir, 'ping');
      const { code, stdout, stderr } = await inspect(['--project', ping]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('wasm:     build/ping_s.wasm');
      // pointing ping at a file of its own that wash never writes is refused, with the file it does write
      const wadm = path.join(ping, 'wadm.yaml');
      writeFileSync(
        wadm,
        readFileSync(wadm, 'utf8').replace('build/ping_s.wasm', 'build/ping.wasm.old'),
      );
      const refused = await inspect(['--project', ping]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /wadm\.yaml line \d+: component "ping" ships file:\/\/\.\/build\/ping\.wasm\.old, .*set image: file:\/\/\.\/build\/ping_s\.wasm$/m,
      );
      expect(refused.stderr).not.toContain('pong');
    });

    it('`name` is used as written (wash changes no space or dash in it); an unknown wasm_target is a core module, as in wash', async () => {
      const copy = copyFixture('wash/tinygo', []);
      copies.push(copy);
      const toml = path.join(copy.dir, 'wasmcloud.toml');
      writeFileSync(
        toml,
        readFileSync(toml, 'utf8')
          .replace('"http-hello-go"', '"hello world-go"')
          .replace('"wasm32-wasip2"', '"wasm32-wasip3"'),
      );
      const { stdout, code } = await inspect(['--project', copy.dir]);
      expect(code).toBe(0);
      expect(stdout).toContain('wasm:     build/hello world-go_s.wasm');
      expect(stdout).toContain(
        'build:    tinygo build -o build/hello world-go.wasm -target wasm -scheduler none -no-debug .',
      );
    });

    it('refuses a language wash cannot build without a build_command, naming the key', async () => {
      const copy = copyFixture('wash/tinygo', []);
      copies.push(copy);
      const toml = path.join(copy.dir, 'wasmcloud.toml');
      writeFileSync(toml, readFileSync(toml, 'utf8').replace('"tinygo"', '"python"'));
      const { code, stderr } = await inspect(['--project', copy.dir]);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^spinwash: error: \S*wasmcloud\.toml line 3: language = "python" needs a build command .*build_command/,
      );
    });
  });

  it('reads a wash v2 project from .wash/config.yaml', async () => {
    const result = await inspectJson('wash/v2');
    expect(result.components[0]).toMatchObject({
      wasm: 'target/wasm32-wasip2/release/spinwash_fixture_wash_v2.wasm',
      buildCommand: 'cargo build --target wasm32-wasip2 --release',
      manifest: '.wash/config.yaml',
    });
  });

  it('wash v2: dev.components[].file and dev.service_file are components too; an image is not ours', async () => {
    const result = await inspectJson('wash/v2-dev');
    expect(result.components.map((c) => [c.name, c.wasm, c.buildCommand])).toEqual([
      [
        'v2-dev',
        'target/wasm32-wasip2/release/spinwash_fixture_wash_v2_dev.wasm',
        'cargo build --target wasm32-wasip2 --release',
      ],
      ['keyvalue', 'components/kv.wasm', undefined],
      ['service', 'services/cron.wasm', undefined],
    ]);
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
