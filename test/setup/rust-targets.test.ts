import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reportCliError } from '../../src/commands/cli-errors.js';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { ensureRustTargets } from '../../src/setup/rust-targets.js';

/**
 * A toolchain that has wasm32-wasip1 but not wasm32-wasip2: `rustc --print sysroot` names a
 * folder of ours, and `rustup` writes down every call, then fails as rustup does offline (a
 * page of causes and a backtrace) or, with FAKE_RUSTUP_OK, adds the target.
 */
const root = mkdtempSync(path.join(tmpdir(), 'spinwash-rust-targets-'));
const bin = path.join(root, 'bin');
const sysroot = path.join(root, 'sysroot');
const calls = path.join(root, 'rustup-calls');
const savedPath = process.env.PATH;

beforeAll(() => {
  mkdirSync(bin);
  mkdirSync(path.join(sysroot, 'lib', 'rustlib', 'wasm32-wasip1'), { recursive: true });
  writeFileSync(path.join(bin, 'rustc'), `#!/bin/sh\necho '${sysroot}'\n`);
  writeFileSync(
    path.join(bin, 'rustup'),
    [
      '#!/bin/sh',
      `echo "$*" >> '${calls}'`,
      'if [ -n "$FAKE_RUSTUP_OK" ]; then',
      `  for t in "$@"; do [ "$t" = target ] || [ "$t" = add ] || mkdir -p '${sysroot}/lib/rustlib/'"$t"; done`,
      '  exit 0',
      'fi',
      "echo \"info: downloading component 'rust-std' for '$3'\" >&2",
      'echo "error: component download failed for rust-std-$3" >&2',
      'echo "" >&2',
      'echo "Caused by:" >&2',
      'echo "    0: could not download file" >&2',
      'echo "    1: error sending request for url (https://static.rust-lang.org/dist/…)" >&2',
      'echo "    2: failed to lookup address information: Name or service not known" >&2',
      'echo "" >&2',
      'echo "Stack backtrace:" >&2',
      'echo "   0: <E as anyhow::context::ext::StdError>::ext_context" >&2',
      'echo "  14: __libc_start_main_impl" >&2',
      'exit 1',
    ].join('\n'),
  );
  chmodSync(path.join(bin, 'rustc'), 0o755);
  chmodSync(path.join(bin, 'rustup'), 0o755);
  process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
});
// each test starts from the same toolchain: wasip1 only, no rustup call yet, rustup offline
beforeEach(() => {
  rmSync(calls, { force: true });
  rmSync(path.join(sysroot, 'lib', 'rustlib', 'wasm32-wasip2'), { recursive: true, force: true });
  delete process.env.FAKE_RUSTUP_OK;
});
afterAll(() => {
  process.env.PATH = savedPath;
  delete process.env.FAKE_RUSTUP_OK;
  rmSync(root, { recursive: true, force: true });
});

const rustupCalls = (): string[] =>
  existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];

async function refusal(install: boolean): Promise<UserError> {
  const error: unknown = await ensureRustTargets(['wasm32-wasip1', 'wasm32-wasip2'], root, {
    install,
    logger: new MemoryLogger(),
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('a Rust target the toolchain lacks', () => {
  it('is one line naming the target and the fix; nothing is downloaded unless asked', async () => {
    const error = await refusal(false);
    expect(error.message).toBe(
      `The Rust target wasm32-wasip2 is not installed (rustc's sysroot: ${sysroot}): add \`targets: wasm32-wasip2\` to the toolchain step (\`dtolnay/rust-toolchain\`), or set \`install-rust-target: true\` to have spinwash run \`rustup target add\``,
    );
    expect(rustupCalls()).toEqual([]);
    // the CLI says it in its own words: the command to run, and its flag
    let stderr = '';
    expect(reportCliError(error, { stdout: () => {}, stderr: (t) => (stderr += t) })).toBe(1);
    expect(stderr).toBe(
      `spinwash: error: The Rust target wasm32-wasip2 is not installed (rustc's sysroot: ${sysroot}): run \`rustup target add wasm32-wasip2\`, or pass \`--install-rust-target\` to have spinwash run it\n`,
    );
  });

  it('with install-rust-target, rustup adds it; a failed download is still one line', async () => {
    const failed = await refusal(true);
    expect(rustupCalls()).toEqual(['target add wasm32-wasip2']);
    expect(failed.message).toBe(
      '`rustup target add wasm32-wasip2` failed (exit code 1): error: component download failed for rust-std-wasm32-wasip2: failed to lookup address information: Name or service not known',
    );
    process.env.FAKE_RUSTUP_OK = '1';
    await ensureRustTargets(['wasm32-wasip2'], root, { install: true, logger: new MemoryLogger() });
    expect(existsSync(path.join(sysroot, 'lib', 'rustlib', 'wasm32-wasip2'))).toBe(true);
    expect(rustupCalls()).toHaveLength(2);
  });
});
