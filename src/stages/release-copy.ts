import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fsutil.js';

/**
 * The optimize stage replaces the build's wasm with the small one (so `spin up` or a deploy
 * ships it) and keeps the build's own file beside it as `<file>.orig`. A note `<file>.spinwash`
 * records the hash of what it wrote, so the next run can tell "the build did not re-link and
 * this is still our output" from "the build wrote a new file".
 */
export const originalPath = (wasmPath: string): string => `${wasmPath}.orig`;
const notePath = (wasmPath: string): string => `${wasmPath}.spinwash`;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Before a build: put the build's own output back where our optimized file stands. */
export async function restoreRelease(wasmPath: string): Promise<void> {
  const orig = originalPath(wasmPath);
  const note = notePath(wasmPath);
  if (!existsSync(note)) return;
  const written = (await readFile(note, 'utf8')).trim();
  const current = existsSync(wasmPath) ? sha256(await readFile(wasmPath)) : undefined;
  if (current === written && existsSync(orig)) {
    // rename keeps the original's modification time, which build tools compare
    await rename(orig, wasmPath);
  } else {
    await rm(orig, { force: true });
  }
  await rm(note, { force: true });
}

/**
 * After optimizing (and validating): the build's file is kept as `<file>.orig`, with its
 * modification time, and the optimized one takes its place in one rename.
 */
export async function replaceWithOptimized(wasmPath: string, optimized: Uint8Array): Promise<void> {
  await cp(wasmPath, originalPath(wasmPath), { preserveTimestamps: true });
  await writeFileAtomic(wasmPath, optimized);
  await writeFile(notePath(wasmPath), `${sha256(optimized)}\n`);
}
