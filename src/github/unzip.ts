import { unzipSync } from 'fflate';
import { errorMessage, UserError } from '../errors.js';

/**
 * Reads the files of a small zip archive (a workflow artifact) in memory, with fflate: stored
 * and deflated entries, which is what artifact zips hold. `source` names the archive in errors;
 * an entry larger than `maxBytes` (as the archive's directory says) is refused unread.
 */
export function unzip(
  archive: Buffer,
  source: string,
  maxBytes = 20 * 1024 * 1024,
): Map<string, Buffer> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive, {
      filter: (entry) => {
        if (entry.name.endsWith('/')) return false; // a folder entry
        if (entry.originalSize > maxBytes)
          throw new UserError(
            `${source}: ${entry.name} is ${entry.originalSize} bytes, more than the ${maxBytes} spinwash reads`,
          );
        if (entry.compression !== 0 && entry.compression !== 8)
          throw new UserError(
            `${source}: ${entry.name} uses zip compression method ${entry.compression}; only stored and deflated entries are read`,
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${source} is not a readable zip archive (${errorMessage(error)})`);
  }
  return new Map(
    Object.entries(entries).map(([name, bytes]) => [
      name,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    ]),
  );
}
