import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** The wasmtime-cli the tests run on: built by .ci/run (`cargo install --locked`) when missing. */
export const WASMTIME_VERSION = '48.0.8';

/** Where .ci/run installs it: `cargo install --root` this folder. */
export const WASMTIME_ROOT = path.join(
  homedir(),
  '.cache',
  'spinwash',
  `wasmtime-${WASMTIME_VERSION}`,
);

const executable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The folder holding the tests' `wasmtime`: .ci/run's build, else one on PATH. Throws, saying
 * how to get one, when there is neither: a test that needs a real runtime does not skip.
 */
export function wasmtimeDir(): string {
  const built = path.join(WASMTIME_ROOT, 'bin');
  if (executable(path.join(built, 'wasmtime'))) return built;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter))
    if (dir && executable(path.join(dir, 'wasmtime'))) return dir;
  throw new Error(
    `no wasmtime for the tests: .ci/run builds wasmtime-cli ${WASMTIME_VERSION} into ${WASMTIME_ROOT} (or put a wasmtime on PATH)`,
  );
}

/** PATH with the tests' wasmtime first. */
export function pathWithWasmtime(base: string = process.env.PATH ?? ''): string {
  return `${wasmtimeDir()}${path.delimiter}${base}`;
}

/** PATH without any folder holding a `wasmtime` (what a machine without it sees). */
export function pathWithoutWasmtime(base: string = process.env.PATH ?? ''): string {
  return base
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !executable(path.join(dir, 'wasmtime')))
    .join(path.delimiter);
}
