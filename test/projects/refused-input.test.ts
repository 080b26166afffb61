import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { rustupError } from '../../src/setup/rust-targets.js';
import { detectProject } from '../../src/projects/detect.js';

/** Issue 11 items 6 and 7: input that was refused as an internal error, or accepted and wrong. */
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-refused-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function failure(dir: string): Promise<UserError> {
  const error: unknown = await detectProject(dir, 'auto').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('refused in one line', () => {
  it('a YAML alias bomb in wadm.yaml', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefgh'
        .split('')
        .map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
      'apiVersion: core.oam.dev/v1beta1',
      'kind: Application',
    ].join('\n');
    const dir = project({
      'wasmcloud.toml': 'name = "hello"\nlanguage = "rust"\ntype = "component"\n',
      'wadm.yaml': `${bomb}\n`,
    });
    const error = await failure(dir);
    expect(error.message).toMatch(
      /wadm\.yaml: refused \(Excessive alias count indicates a resource exhaustion attack\); write the values out instead of nesting aliases$/,
    );
    expect(error.file).toBe(path.join(dir, 'wadm.yaml'));
  });

  it.each([['""'], ['["cargo fetch", "  "]'], ['[]']])(
    'an empty build command (%s), which would measure a stale file as the build',
    async (command) => {
      const dir = project({
        'spin.toml': [
          'spin_manifest_version = 2',
          '[application]',
          'name = "x"',
          '[[trigger.http]]',
          'route = "/..."',
          'component = "web"',
          '[component.web]',
          'source = "web.wasm"',
          '[component.web.build]',
          `command = ${command}`,
        ].join('\n'),
      });
      const error = await failure(dir);
      expect(error.message).toMatch(
        /spin\.toml line 10: \[component\.web\.build\] command is empty; give the command that writes its source, or remove the \[component\.web\.build\] table for a prebuilt file$/,
      );
    },
  );
});

describe("rustup's failure, in one line", () => {
  it('keeps the line that says what failed, not the backtrace', () => {
    const stderr = [
      "info: downloading component 'rust-std' for 'wasm32-wasip2'",
      'error: could not download file from https://static.rust-lang.org/dist/… : connection refused',
      "thread 'main' panicked at src/dist/download.rs:212:9:",
      'stack backtrace:',
      '   0: rust_begin_unwind',
      '             at /rustc/abc/library/std/src/panicking.rs:652:5',
      '   1: core::panicking::panic_fmt',
      'note: run with `RUST_BACKTRACE=full` for a verbose backtrace.',
    ].join('\n');
    expect(rustupError(stderr)).toBe(
      'error: could not download file from https://static.rust-lang.org/dist/… : connection refused',
    );
  });

  it("takes the deepest cause of anyhow's chain, and drops its `Stack backtrace:` (rustup 1.28)", () => {
    const stderr = [
      'error: component download failed for rust-std-wasm32-wasip1',
      '',
      'Caused by:',
      '    0: could not download file from https://static.rust-lang.org/dist/… to /root/.rustup/downloads/…',
      '    6: failed to lookup address information: Name or service not known',
      '',
      'Stack backtrace:',
      '   0: <E as anyhow::context::ext::StdError>::ext_context',
      '  14: __libc_start_main_impl',
      '             at ./csu/../csu/libc-start.c:360:3',
      '  15: <unknown>',
    ].join('\n');
    expect(rustupError(stderr)).toBe(
      'error: component download failed for rust-std-wasm32-wasip1: failed to lookup address information: Name or service not known',
    );
  });
});
