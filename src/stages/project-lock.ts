import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { errorMessage, UserError } from '../errors.js';
import { isAlive, onInterrupt, throwIfInterrupted } from '../process.js';
import { realFile } from './release-copy.js';

/**
 * One run at a time rewrites a project's files: two runs on one folder would each keep the
 * other's optimized output as "the build's". The lock is a folder in the project's real folder
 * (so every run on it finds the same one, whatever its TMPDIR or HOME), made in one rename
 * with its owner inside, so a second run can say who holds it.
 *
 * Every step that decides who holds it is exclusive: the lock appears by renaming a staged
 * folder onto a name that is free (a rename onto a folder that has files fails); a lock whose
 * process is gone (same host) is taken over by first claiming it (a file made with link(),
 * which fails when it exists, so one claimant wins), and only the claimant renames the stale
 * owner's folder aside, after checking it is still that owner's. Reading the owner, then
 * deleting, let two runs both delete and both win.
 */

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly project: string;
  readonly command: string;
}

const OWNER = 'owner.json';
/** Inside a stale lock: who is taking it over (made exclusively). */
const CLAIM = 'taken-over-by.json';

export function lockPath(realProjectDir: string): string {
  return path.join(realProjectDir, '.spinwash-lock');
}

async function readOwner(dir: string, file = OWNER): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? (owner as Owner)
      : undefined;
  } catch {
    return undefined;
  }
}

const unique = (lock: string, what: string): string =>
  `${lock}.${what}.${process.pid}.${randomBytes(4).toString('hex')}`;

const sameOwner = (a: Owner | undefined, b: Owner): boolean =>
  a !== undefined && a.pid === b.pid && a.host === b.host && a.started === b.started;

/** Makes the lock with `owner` inside, or returns false when a lock is there. */
async function create(lock: string, owner: Owner): Promise<boolean> {
  const staging = unique(lock, 'new');
  await mkdir(staging).catch((error: unknown) => {
    throw new UserError(
      `Cannot lock ${path.dirname(lock)} for this run: ${errorMessage(error)}; spinwash keeps its lock in the project folder, which must be writable`,
    );
  });
  try {
    await writeFile(path.join(staging, OWNER), `${JSON.stringify(owner)}\n`);
    await rename(staging, lock); // fails when the lock folder exists (it is never empty)
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    return false;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Takes over the lock of `stale` (a process gone): claims it exclusively, checks the folder is
 * still that owner's, renames it aside and removes it. False when another run claimed it first.
 */
async function takeOver(lock: string, stale: Owner, owner: Owner): Promise<boolean> {
  const claim = unique(lock, 'claim');
  await writeFile(claim, `${JSON.stringify(owner)}\n`);
  try {
    await link(claim, path.join(lock, CLAIM));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // claimed by another run, or the lock went away meanwhile: decide again from the start
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw error;
  } finally {
    await rm(claim, { force: true });
  }
  // only the claimant renames a lock aside; its owner is gone, so it cannot release it either
  if (!sameOwner(await readOwner(lock), stale)) {
    // the stale lock was replaced before the claim: the claim, in a live lock, is withdrawn
    await rm(path.join(lock, CLAIM), { force: true });
    return false;
  }
  const aside = unique(lock, 'stale');
  await rename(lock, aside);
  await rm(aside, { recursive: true, force: true });
  return true;
}

/** How long a run waits for another's takeover of a stale lock to finish before saying who holds it. */
const TAKEOVER_WAIT_MS = 2000;

/** Takes the project's lock, or throws a UserError naming who holds it. Returns its release. */
export async function lockProject(projectDir: string): Promise<() => Promise<void>> {
  throwIfInterrupted();
  const project = await realFile(projectDir);
  const lock = lockPath(project);
  const owner: Owner = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    project,
    command: process.argv.slice(1).join(' '),
  };
  const waitUntil = performance.now() + TAKEOVER_WAIT_MS;
  for (;;) {
    if (await create(lock, owner)) break;
    const holder = await readOwner(lock);
    const gone = holder !== undefined && holder.host === owner.host && !isAlive(holder.pid);
    if (gone && (await takeOver(lock, holder, owner))) continue;
    // a stale lock another run is taking over: its own lock follows in a moment
    const claimant = gone ? await readOwner(lock, CLAIM) : undefined;
    if (gone && performance.now() < waitUntil && (!claimant || isAlive(claimant.pid))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    throw new UserError(
      holder && !gone
        ? `Another spinwash run is rewriting the files of ${project}: process ${holder.pid} on ${holder.host}, started ${holder.started} (${holder.command}); wait for it to finish, or remove ${lock} if that process is gone`
        : `Another spinwash run is rewriting the files of ${project} (lock ${lock}); wait for it to finish, or remove that folder if no run is going on`,
    );
  }
  // one release, whoever calls it first (the run's `finally` or a signal): a signal that comes
  // while the run releases waits for that removal before spinwash exits
  let releasing: Promise<void> | undefined;
  const release = (): Promise<void> =>
    (releasing ??= rm(lock, { recursive: true, force: true }).finally(() => forget()));
  const forget = onInterrupt(release);
  return release;
}
