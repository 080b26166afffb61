import { inflateRawSync } from 'node:zlib';
import { UserError } from '../errors.js';

/**
 * Reads the files of a small zip archive (a workflow artifact) in memory: stored and deflated
 * entries, which is what artifact zips hold. `source` names the archive in errors.
 */
export function unzip(
  archive: Buffer,
  source: string,
  maxBytes = 20 * 1024 * 1024,
): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1 || end + 22 > archive.length)
    throw new UserError(`${source} is not a zip archive`);
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > archive.length || archive.readUInt32LE(at) !== 0x02014b50)
      throw new UserError(`${source} has a damaged zip directory`);
    const method = archive.readUInt16LE(at + 10);
    const packedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue; // a folder entry
    if (size > maxBytes)
      throw new UserError(
        `${source}: ${name} is ${size} bytes, more than the ${maxBytes} spinwash reads`,
      );
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const packed = archive.subarray(start, start + packedSize);
    if (method === 0) files.set(name, Buffer.from(packed));
    else if (method === 8) files.set(name, inflateRawSync(packed, { maxOutputLength: maxBytes }));
    else
      throw new UserError(
        `${source}: ${name} uses zip compression method ${method}; only stored and deflated entries are read`,
      );
  }
  return files;
}
