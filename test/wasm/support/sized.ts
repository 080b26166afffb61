import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { exec } from '../../../src/exec.js';
import { sharedCargoTarget } from '../../support/cargo-target.js';

/**
 * Builds the `sized` fixture crate (test/fixtures/rust/sized) for real and returns the wasm:
 * a core module from wasm32-wasip1, a component from wasm32-wasip2. Cargo's shared target
 * folder makes a second build of the same target and profile a no-op.
 */
const root = path.resolve(import.meta.dirname, '../../..');
export const SIZED_CRATE = path.join(root, 'test/fixtures/rust/sized');

export type SizedTarget = 'wasm32-wasip1' | 'wasm32-wasip2';
export type SizedProfile = 'debug' | 'release';

export interface SizedBuild {
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

function targetDir(): string {
  return sharedCargoTarget();
}

export interface SizedBuildOptions {
  /**
   * Remove the crate's own build output first (std stays built), so the build is timed as a
   * user's rebuild after a change is (for the benchmark's wasm-opt-versus-build figure).
   */
  readonly fresh?: boolean;
}

export async function buildSized(
  target: SizedTarget,
  profile: SizedProfile,
  options: SizedBuildOptions = {},
): Promise<SizedBuild & { seconds: number }> {
  const dir = targetDir();
  const cargo = async (command: string, ...args: string[]): Promise<void> => {
    await exec(
      'cargo',
      [
        command,
        '--quiet',
        '--target',
        target,
        ...(profile === 'release' ? ['--release'] : []),
        ...args,
      ],
      { cwd: SIZED_CRATE, env: { ...process.env, CARGO_TARGET_DIR: dir } },
    );
  };
  if (options.fresh) await cargo('clean', '-p', 'sized');
  const started = performance.now();
  await cargo('build');
  const seconds = (performance.now() - started) / 1000;
  const file = path.join(dir, target, profile, 'sized.wasm');
  return {
    name: `sized ${target} ${profile}`,
    path: file,
    bytes: new Uint8Array(await readFile(file)),
    seconds,
  };
}
