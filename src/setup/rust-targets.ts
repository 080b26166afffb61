import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError, type Audience } from '../errors.js';
import { execCapture } from '../exec.js';
import type { Logger } from '../log.js';

/**
 * The Rust wasm targets a project's builds name must be in rustc's sysroot before the build.
 * A missing one is one line: which target, and the fix. Adding it is a download, so spinwash
 * runs `rustup target add` only when `install-rust-target` asks.
 */

/** The targets of `targets` that rustc in `cwd` has no standard library for. */
async function missingTargets(
  targets: readonly string[],
  cwd: string,
): Promise<{ missing: string[]; sysroot: string }> {
  const result = await execCapture('rustc', ['--print', 'sysroot'], { cwd }).catch(() => undefined);
  if (!result || result.code !== 0)
    throw new UserError(
      'rustc was not found on PATH (or `rustc --print sysroot` failed): install a Rust toolchain (rustup.rs), or in a workflow add a toolchain step such as `dtolnay/rust-toolchain@stable` before spinwash',
    );
  const sysroot = result.stdout.trim();
  const missing = targets.filter(
    (target) => !existsSync(path.join(sysroot, 'lib', 'rustlib', target)),
  );
  return { missing, sysroot };
}

/** `a`, `a and b`. */
const and = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * rustup's failure as one line: its first `error:` and the deepest cause under it (a download
 * that failed prints a page of causes and a backtrace: `could not resolve host` is the news).
 */
export function rustupError(stderr: string): string {
  const all = stderr.split('\n').map((line) => line.trim());
  // a panic's or anyhow's backtrace says nothing a user can act on
  const trace = all.findIndex((line) => /^stack backtrace:/i.test(line));
  const lines = trace < 0 ? all : all.slice(0, trace);
  const error = lines.find((line) => /^error\b/i.test(line));
  const causes = lines
    .filter((line) => /^\d+: /.test(line))
    .map((line) => line.replace(/^\d+: /, ''));
  const cause = causes.at(-1);
  const said = error ?? lines.filter((line) => line !== '').at(-1) ?? 'no output';
  return cause && !said.includes(cause) ? `${said}: ${cause}` : said;
}

function missingMessage(missing: readonly string[], sysroot: string): (a: Audience) => string {
  const list = missing.join(' ');
  const targets = missing.join(', ');
  return (a) =>
    `The Rust target${missing.length > 1 ? 's' : ''} ${and(missing)} ${missing.length > 1 ? 'are' : 'is'} not installed (rustc's sysroot: ${sysroot}): ` +
    (a.kind === 'cli'
      ? `run \`rustup target add ${list}\`, or pass ${a.input('install-rust-target')} to have spinwash run it`
      : `add \`targets: ${targets}\` to the toolchain step (\`dtolnay/rust-toolchain\`), or set ${a.setting('install-rust-target', 'true')} to have spinwash run \`rustup target add\``);
}

/**
 * Makes sure rustc has every target: checks the sysroot; with `install`, adds what is missing
 * with rustup (a download), else says in one line what is missing and how to add it.
 */
export async function ensureRustTargets(
  targets: readonly string[],
  cwd: string,
  options: { readonly install: boolean; readonly logger: Logger },
): Promise<void> {
  if (targets.length === 0) return;
  const { missing, sysroot } = await missingTargets(targets, cwd);
  if (missing.length === 0) return;
  if (!options.install) throw new UserError(missingMessage(missing, sysroot));
  const args = ['target', 'add', ...missing];
  options.logger.info(`rustup ${args.join(' ')} (install-rust-target)`);
  const rustup = await execCapture('rustup', args, {
    cwd,
    onOutput: (chunk) => options.logger.output(chunk),
  }).catch(() => undefined);
  if (!rustup)
    throw new UserError(
      `The Rust target${missing.length > 1 ? 's' : ''} ${and(missing)} ${missing.length > 1 ? 'are' : 'is'} not installed (rustc's sysroot: ${sysroot}), and rustup is not on PATH to add ${missing.length > 1 ? 'them' : 'it'}: install a toolchain that has ${missing.length > 1 ? 'them' : 'it'}`,
    );
  if (rustup.code !== 0)
    throw new UserError(
      `\`rustup ${args.join(' ')}\` failed (exit code ${rustup.code}): ${rustupError(rustup.stderr)}`,
    );
}
