import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { unzip } from '../../src/github/unzip.js';

const SOURCE = 'artifact spinwash-report of run 7';

describe('unzip (a workflow artifact)', () => {
  it('reads deflated and stored entries, and skips folder entries', () => {
    const archive = Buffer.from(
      zipSync({
        'comment.md': [strToU8('## spinwash\n'.repeat(100)), { level: 9 }],
        'pr.json': [strToU8('{"number":7}'), { level: 0 }],
        'nested/': new Uint8Array(0),
      }),
    );
    const files = unzip(archive, SOURCE);
    expect([...files.keys()].sort()).toEqual(['comment.md', 'pr.json']);
    expect(files.get('comment.md')!.toString('utf8')).toBe('## spinwash\n'.repeat(100));
    expect(files.get('pr.json')!.toString('utf8')).toBe('{"number":7}');
  });

  it('refuses an entry larger than it reads, unread, in one line', () => {
    const archive = Buffer.from(zipSync({ 'big.bin': new Uint8Array(4096) }));
    expect(() => unzip(archive, SOURCE, 1024)).toThrow(
      new UserError(`${SOURCE}: big.bin is 4096 bytes, more than the 1024 spinwash reads`),
    );
  });

  it('refuses a compression method other than stored and deflated', () => {
    const archive = Buffer.from(zipSync({ 'comment.md': strToU8('## spinwash') }));
    const central = archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    archive.writeUInt16LE(12, central + 10); // bzip2, as the directory says
    expect(() => unzip(archive, SOURCE)).toThrow(
      new UserError(
        `${SOURCE}: comment.md uses zip compression method 12; only stored and deflated entries are read`,
      ),
    );
  });

  it('something that is not a zip archive is one line naming it', () => {
    for (const bytes of [Buffer.from('<html>rate limited</html>'), Buffer.alloc(0)]) {
      expect(() => unzip(bytes, SOURCE)).toThrow(UserError);
      expect(() => unzip(bytes, SOURCE)).toThrow(
        new RegExp(`^${SOURCE} is not a readable zip archive \\(.+\\)$`),
      );
    }
  });
});
