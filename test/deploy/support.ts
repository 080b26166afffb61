import path from 'node:path';
import { exec } from '../../src/exec.js';
import { descendants, isAlive } from '../../src/process.js';
import { sharedCargoTarget } from '../support/cargo-target.js';

export const root = path.resolve(import.meta.dirname, '../..');
export const exampleDir = path.join(root, 'examples', 'hello-rust');

/** The release-profile tweaks spinwash applies by default (issue 2, item 4). */
export const RELEASE_TWEAKS = {
  CARGO_PROFILE_RELEASE_LTO: 'true',
  CARGO_PROFILE_RELEASE_OPT_LEVEL: 'z',
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '1',
  CARGO_PROFILE_RELEASE_PANIC: 'abort',
};

/** Builds examples/hello-rust for real (wasm32-wasip1, release, tweaks) and returns the .wasm path. */
export async function buildExample(): Promise<string> {
  const targetDir = sharedCargoTarget();
  const options = {
    cwd: exampleDir,
    env: { ...process.env, ...RELEASE_TWEAKS, CARGO_TARGET_DIR: targetDir },
  };
  // Other tests build modified copies of the example, with the same crate name, into the shared
  // target folder: they overwrite hello_rust.wasm while cargo still thinks ours is fresh. Cleaning
  // just this crate (std stays) makes the build below really compile these sources (~1 s).
  await exec(
    'cargo',
    ['clean', '-p', 'hello-rust', '--release', '--target', 'wasm32-wasip1'],
    options,
  );
  await exec('cargo', ['build', '--release', '--target', 'wasm32-wasip1'], options);
  return path.join(targetDir, 'wasm32-wasip1', 'release', 'hello_rust.wasm');
}

/** Pids of every living descendant of this process, to prove nothing is left running. */
export function descendantPids(of = process.pid): Set<number> {
  return new Set(descendants(of));
}

/** True while a process with this pid exists (and is not a zombie). */
export const isRunning = isAlive;
