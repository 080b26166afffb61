import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, UserError } from '../errors.js';
import { confinedPath, writeFileAtomic } from '../fsutil.js';
import {
  deleteFile,
  ensureBranch,
  readFile as readStoreFile,
  writeFile as writeStoreFile,
  type Store,
} from '../github/store.js';
import { DATA_BRANCH_FOLDER } from '../report/bench-index.js';
import type { HistoryBackend } from './history.js';

/**
 * Every history path is built from data (an app's name, a run id read from an index), so each
 * is checked before use: folders and a file of letters, digits, `.`, `_` and `-`, none starting
 * with `.` (no `..`, no absolute path); in a folder, it must also stay inside it once resolved.
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

function refused(file: string, why: string): UserError {
  return new UserError(`Refusing the history path "${file}": ${why}`);
}

function checkedPath(file: string): string {
  if (!file.split('/').every((part) => SEGMENT.test(part)))
    throw refused(
      file,
      'accepted: folders and a file of letters, digits, `.`, `_` and `-`, none starting with `.`',
    );
  return file;
}

/** A history in a local folder (`spinwash bench --history DIR`); files are replaced atomically. */
export function folderBackend(root: string): HistoryBackend {
  const resolve = async (file: string): Promise<string> => {
    const confined = await confinedPath(root, checkedPath(file));
    if (confined === undefined) throw refused(file, `it leads out of ${root} (a link?)`);
    return confined;
  };
  const failed = (verb: string, file: string, error: unknown): UserError =>
    error instanceof UserError
      ? error
      : new UserError(`Cannot ${verb} ${path.join(root, file)}: ${errorMessage(error)}`);
  const read = async (file: string): Promise<string | undefined> => {
    const full = await resolve(file);
    try {
      return await readFile(full, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw failed('read', file, error);
    }
  };
  return {
    where: `folder ${root}`,
    read,
    update: async (file, _message, content) => {
      const full = await resolve(file);
      const next = content(await read(file));
      await writeFileAtomic(full, next).catch((error: unknown) => {
        throw failed('write', file, error);
      });
    },
    remove: async (file) => {
      const full = await resolve(file);
      await rm(full, { force: true }).catch((error: unknown) => {
        throw failed('delete', file, error);
      });
    },
  };
}

/** The history on the data branch, under `bench/` (created as an orphan branch when missing). */
export function dataBranchBackend(store: Store): HistoryBackend {
  const full = (file: string) => `${DATA_BRANCH_FOLDER}/${checkedPath(file)}`;
  let ready = false;
  return {
    where: `the ${store.branch} branch`,
    read: async (file) => (await readStoreFile(store, full(file)))?.text,
    update: async (file, message, content) => {
      const where = full(file);
      if (!ready) await ensureBranch(store);
      ready = true;
      await writeStoreFile(store, where, message, content);
    },
    remove: async (file, message) => deleteFile(store, full(file), message),
  };
}
