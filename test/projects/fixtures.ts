import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedCargoTarget } from '../support/cargo-target.js';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const fakeCliDir = path.join(repoRoot, 'test', 'fake-cli');

/** PATH with the fake spin and wash first. */
export function pathWithFakes(): string {
  return `${fakeCliDir}${path.delimiter}${process.env.PATH ?? ''}`;
}

export interface FixtureCopy {
  readonly dir: string;
  remove(): void;
}

/**
 * Copies a fixture to a temp folder (tests never build inside the repo), at the same place
 * relative to a copy of `shared/` as in test/fixtures, so the crates' `include!` of the shared
 * handler resolves in the copy too. Each crate folder in `crates` gets `target` linked to the
 * shared CARGO_TARGET_DIR: manifests name `<crate>/target/…` paths, and the shared folder keeps
 * std built once per wasm target.
 */
export function copyFixture(name: string, crates: readonly string[] = ['.']): FixtureCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'spinwash-fixture-'));
  const dir = path.join(root, name);
  cpSync(path.join(fixturesDir, name), dir, { recursive: true });
  cpSync(path.join(fixturesDir, 'shared'), path.join(root, 'shared'), { recursive: true });
  const shared = sharedCargoTarget();
  for (const crate of crates) symlinkSync(shared, path.join(dir, crate, 'target'), 'dir');
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
