import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, realpath, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onInterrupt } from './process.js';

export interface AtomicWriteOptions {
  /** Flush the data to disk before the rename (slower; for files that must survive a crash). */
  readonly fsync?: boolean;
  /**
   * Checks the bytes as written, before they replace anything (for example: the wasm still
   * validates). Throwing leaves the destination untouched and removes the temp file.
   */
  readonly check?: (tempPath: string) => Promise<void> | void;
}

/**
 * Writes a file so that readers see either the old content or the whole new content, never
 * a partial file: the bytes go to a temp file in the same folder (a rename across file
 * systems is not atomic), then replace the destination by rename. On any failure the temp
 * file is removed and the destination is left as it was. Missing parent folders are made.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  await mkdir(path.dirname(file), { recursive: true });
  // a signal half-way leaves the destination as it was and no temp file beside it
  const forget = onInterrupt(() => rm(temp, { force: true }));
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      if (options.fsync) await handle.sync();
    } finally {
      await handle.close();
    }
    await options.check?.(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    forget();
  }
}

/** True when `file` is `root` or below it (both absolute, compared as written). */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

/** The real path of `file`: links resolved in the part of it that exists, the rest appended. */
async function realPathOf(file: string): Promise<string> {
  const missing: string[] = [];
  for (let at = path.resolve(file); ;) {
    try {
      return path.join(await realpath(at), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(at);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === at) return path.resolve(file);
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * `relative` (a path built from data: an id, a name) resolved under `root`, links included;
 * undefined when it leads out of it. Resolve, then check: `..`, an absolute path or a link
 * inside `root` to elsewhere never name a file outside.
 */
export async function confinedPath(root: string, relative: string): Promise<string | undefined> {
  const file = path.resolve(root, relative);
  if (!isInside(path.resolve(root), file)) return undefined;
  return isInside(await realPathOf(root), await realPathOf(file)) ? file : undefined;
}

/** A temp folder of spinwash's own, and how to remove it. */
export interface ScratchDir {
  readonly dir: string;
  /** Removes it (and forgets the signal handler). Safe to call twice. */
  remove(): Promise<void>;
}

/** Makes `<tmp>/<prefix>XXXXXX`, removed by `remove()` or, if that never comes, on a signal. */
export async function makeScratchDir(prefix: string): Promise<ScratchDir> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const forget = onInterrupt(() => rm(dir, { recursive: true, force: true }));
  return {
    dir,
    remove: async () => {
      forget();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
