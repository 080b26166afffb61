import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
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
