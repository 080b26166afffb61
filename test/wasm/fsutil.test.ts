import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/fsutil.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-atomic-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one, leaving no temp file', async () => {
    const file = path.join(dir, 'out.wasm');
    await writeFileAtomic(file, Uint8Array.of(1, 2, 3));
    expect([...(await readFile(file))]).toEqual([1, 2, 3]);
    await writeFileAtomic(file, 'text', { fsync: true });
    expect(await readFile(file, 'utf8')).toBe('text');
    expect(await readdir(dir)).toEqual(['out.wasm']);
  });

  it('leaves the destination as it was when the check fails, and removes the temp file', async () => {
    const file = path.join(dir, 'out.wasm');
    await writeFile(file, 'original');
    let checked = '';
    const failing = writeFileAtomic(file, 'new', {
      check: async (temp) => {
        checked = await readFile(temp, 'utf8');
        expect(path.dirname(temp)).toBe(dir);
        throw new Error('does not validate');
      },
    });
    await expect(failing).rejects.toThrow('does not validate');
    expect(checked).toBe('new');
    expect(await readFile(file, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['out.wasm']);
  });

  it('makes the missing parent folders (a report path in a folder not made yet)', async () => {
    await writeFileAtomic(path.join(dir, 'reports', 'pr', 'out.json'), '{}');
    expect(await readFile(path.join(dir, 'reports', 'pr', 'out.json'), 'utf8')).toBe('{}');
    expect(await readdir(path.join(dir, 'reports', 'pr'))).toEqual(['out.json']);
  });

  it('fails without leaving anything when a parent is a file', async () => {
    await writeFile(path.join(dir, 'file'), 'f');
    await expect(writeFileAtomic(path.join(dir, 'file', 'out.wasm'), 'x')).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readdir(dir)).toEqual(['file']);
  });

  it('fails without leaving anything when the destination is a folder', async () => {
    const folder = path.join(dir, 'out.wasm');
    await writeFile(path.join(dir, 'keep'), 'k');
    await mkdir(folder);
    await expect(writeFileAtomic(folder, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep', 'out.wasm']);
  });
});
