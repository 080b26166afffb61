import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { isAlive, onInterrupt } from '../process.js';
import { realFile } from './release-copy.js';

/**
 * One run at a time rewrites a project's files: two runs on one folder would each keep the
 * other's optimized output as "the build's". The lock is a folder in the temp folder, named
 * after the project's real path and made in one rename with its owner inside, so a second run
 * can say who holds it. A lock whose process is gone (same host) is taken over.
 */

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly project: string;
  readonly command: string;
}

export function lockPath(realProjectDir: string): string {
  const key = createHash('sha256').update(realProjectDir).digest('hex').slice(0, 16);
  return path.join(tmpdir(), `spinwash-lock-${key}`);
}

async function readOwner(lock: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(path.join(lock, 'owner.json'), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

/** Takes the project's lock, or throws a UserError naming who holds it. Returns its release. */
export async function lockProject(projectDir: string): Promise<() => Promise<void>> {
  const project = await realFile(projectDir);
  const lock = lockPath(project);
  const owner: Owner = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    project,
    command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; ; attempt++) {
    const staging = `${lock}.${process.pid}.${Math.random().toString(16).slice(2)}`;
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, 'owner.json'), `${JSON.stringify(owner)}\n`);
    try {
      await rename(staging, lock); // fails when the lock folder exists (it is not empty)
      break;
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(lock);
    const gone = holder !== undefined && holder.host === owner.host && !isAlive(holder.pid);
    if (gone && attempt === 0) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    throw new UserError(
      holder
        ? `Another spinwash run is rewriting the files of ${project}: process ${holder.pid} on ${holder.host}, started ${holder.started} (${holder.command}); wait for it to finish, or remove ${lock} if that process is gone`
        : `Another spinwash run is rewriting the files of ${project} (lock ${lock}); wait for it to finish, or remove that folder if no run is going on`,
    );
  }
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    forget();
    await rm(lock, { recursive: true, force: true });
  };
  const forget = onInterrupt(release);
  return release;
}
