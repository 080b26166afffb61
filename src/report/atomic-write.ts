import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a text file so that readers see the old file or the whole new one, never a part:
 * a temp file in the same folder (same file system, so rename is atomic), checked, renamed.
 * `check` gets the text as written; throwing from it leaves no file behind.
 */
export async function writeTextAtomic(file: string, text: string, check?: (text: string) => void): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text);
    check?.(text);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
