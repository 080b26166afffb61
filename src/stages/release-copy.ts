import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, realpath, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fsutil.js';

/**
 * The optimize stage replaces the build's wasm with the small one (so `spin up` or a deploy
 * ships it) and keeps the build's own file beside it as `<file>.orig`. A note `<file>.spinwash`
 * records the hashes of both, so the next run can tell "the build did not re-link and this is
 * still our output" from "the build wrote a new file", and can check the kept copy is whole.
 *
 * Order makes every moment safe: the kept copy is written (temp file, rename), then the note
 * (same), and only then is the build's file replaced (same). Interrupted anywhere, the build's
 * bytes are in place or in a kept copy the note vouches for. Files are named by their real
 * path, so two components (or two spellings of one path) share one kept copy and one note.
 */
export const originalPath = (wasmPath: string): string => `${wasmPath}.orig`;
const notePath = (wasmPath: string): string => `${wasmPath}.spinwash`;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file's real path (links and `..` resolved), or the resolved path when it does not exist. */
export async function realFile(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return path.resolve(file);
  }
}

interface Note {
  /** Hash of what spinwash wrote in place of the build's file. */
  readonly optimized: string;
  /** Hash of the build's file, kept as `.orig` (absent in notes of older versions). */
  readonly original?: string;
}

function parseNote(text: string): Note | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/.test(trimmed)) return { optimized: trimmed }; // a note of an older version
  try {
    const note = JSON.parse(trimmed) as Partial<Note>;
    return typeof note.optimized === 'string' ? (note as Note) : undefined;
  } catch {
    return undefined;
  }
}

async function hashOf(file: string): Promise<string | undefined> {
  return existsSync(file) ? sha256(await readFile(file)) : undefined;
}

/**
 * Before a build (and before optimizing a file): put the build's own output back where our
 * optimized file stands. Returns a warning when the build's file cannot be put back (its kept
 * copy is gone or damaged): our output is then removed, so the build writes the file again
 * rather than a later run measuring our output as the build's.
 */
export async function restoreRelease(wasmPath: string): Promise<string | undefined> {
  const file = await realFile(wasmPath);
  const note = notePath(file);
  if (!existsSync(note)) return undefined;
  const written = parseNote(await readFile(note, 'utf8'));
  const orig = originalPath(file);
  let warning: string | undefined;
  if (written && (await hashOf(file)) === written.optimized) {
    const original = await hashOf(orig);
    if (
      original !== undefined &&
      (written.original === undefined || original === written.original)
    ) {
      // rename keeps the original's modification time, which build tools compare
      await rename(orig, file);
    } else {
      await rm(file, { force: true });
      await rm(orig, { force: true });
      warning = `${file} was spinwash's optimized output and the build's own file was not beside it (${orig}); removed it so the build writes it again`;
    }
  } else {
    // the build wrote a new file since: the kept copy is stale
    await rm(orig, { force: true });
  }
  await rm(note, { force: true });
  return warning;
}

/**
 * After optimizing (and validating): `original` (the bytes measured as the release) is kept as
 * `<file>.orig` with the build file's modification time, the note is written, and the
 * optimized bytes take the file's place, each in one rename.
 */
export async function replaceWithOptimized(
  wasmPath: string,
  original: Uint8Array,
  optimized: Uint8Array,
): Promise<void> {
  const file = await realFile(wasmPath);
  const { atimeMs, mtimeMs } = await stat(file);
  const orig = originalPath(file);
  await writeFileAtomic(orig, original);
  // seconds as numbers keep sub-millisecond precision (a Date would round to the millisecond)
  await utimes(orig, atimeMs / 1000, mtimeMs / 1000);
  const note: Note = { optimized: sha256(optimized), original: sha256(original) };
  await writeFileAtomic(notePath(file), `${JSON.stringify(note)}\n`);
  await writeFileAtomic(file, optimized);
}
