import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, UserError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import {
  deleteFile,
  ensureBranch,
  readFile as readStoreFile,
  writeFile as writeStoreFile,
  type Store,
} from '../github/store.js';
import { DATA_BRANCH_FOLDER } from '../report/bench-index.js';
import type { HistoryBackend } from './history.js';

/** A history in a local folder (`spinwash bench --history DIR`); files are replaced atomically. */
export function folderBackend(root: string): HistoryBackend {
  const resolve = (file: string) => path.join(root, ...file.split('/'));
  const read = async (file: string): Promise<string | undefined> => {
    try {
      return await readFile(resolve(file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new UserError(`Cannot read ${resolve(file)}: ${errorMessage(error)}`);
    }
  };
  return {
    where: `folder ${root}`,
    read,
    update: async (file, _message, content) =>
      writeFileAtomic(resolve(file), content(await read(file))),
    remove: async (file) => rm(resolve(file), { force: true }),
  };
}

/** The history on the data branch, under `bench/` (created as an orphan branch when missing). */
export function dataBranchBackend(store: Store): HistoryBackend {
  const full = (file: string) => `${DATA_BRANCH_FOLDER}/${file}`;
  let ready = false;
  return {
    where: `the ${store.branch} branch`,
    read: (file) => readStoreFile(store, full(file)).then((found) => found?.text),
    update: async (file, message, content) => {
      if (!ready) await ensureBranch(store);
      ready = true;
      await writeStoreFile(store, full(file), message, content);
    },
    remove: (file, message) => deleteFile(store, full(file), message),
  };
}
