import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { holdCargoTarget, sharedCargoTarget } from './cargo-target.js';
import { holdSuiteTmp } from './suite-tmp.js';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Runs once before the tests: puts a wasm-capable Rust toolchain on PATH (the offline one
 * from ../shared when there, as in CI) and points every test's Cargo build at one shared target
 * folder (test/support/cargo-target.ts), so std is compiled for each wasm target once per machine,
 * held by one suite at a time; and gives the suite a TMPDIR of its own, removed at its end
 * (test/support/suite-tmp.ts).
 */
export default function setup(): () => void {
  // vitest calls a root globalSetup once for the root and again for each project that extends
  // it, in one process: the first call does the work (a second would nest TMPDIR in TMPDIR, and
  // chromium refuses a socket path over 107 bytes)
  if (process.env.SPINWASH_SUITE_SETUP === String(process.pid)) return () => {};
  process.env.SPINWASH_SUITE_SETUP = String(process.pid);
  const script = path.resolve(root, '../shared/toolchain/rust-wasm-offline.sh');
  if (existsSync(script) && !process.env.SPINWASH_TEST_KEEP_PATH) {
    const bin = execFileSync('bash', [script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
      .trim()
      .split('\n')
      .pop()!;
    process.env.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;
  }
  const target = sharedCargoTarget();
  mkdirSync(target, { recursive: true });
  process.env.CARGO_TARGET_DIR = target;
  // one suite at a time on the folder; vitest calls the returned function at the end
  const releaseTarget = holdCargoTarget(target, (line) => console.error(line));
  const removeTmp = holdSuiteTmp();
  return () => {
    removeTmp();
    releaseTarget();
  };
}
