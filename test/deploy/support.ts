import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exec } from '../../src/exec.js';

export const root = path.resolve(import.meta.dirname, '../..');
export const exampleDir = path.join(root, 'examples', 'hello-rust');

/** The release-profile tweaks spinwash applies by default (issue 2, item 4). */
export const RELEASE_TWEAKS = {
  CARGO_PROFILE_RELEASE_LTO: 'true',
  CARGO_PROFILE_RELEASE_OPT_LEVEL: 'z',
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '1',
  CARGO_PROFILE_RELEASE_PANIC: 'abort',
};

/** Builds examples/hello-rust for real (wasm32-wasip1, release, tweaks) and returns the .wasm path. */
export async function buildExample(): Promise<string> {
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, '.cache', 'cargo-target');
  const options = {
    cwd: exampleDir,
    env: { ...process.env, ...RELEASE_TWEAKS, CARGO_TARGET_DIR: targetDir },
  };
  // Other tests build modified copies of the example, with the same crate name, into the shared
  // target folder: they overwrite hello_rust.wasm while cargo still thinks ours is fresh. Cleaning
  // just this crate (std stays) makes the build below really compile these sources (~1 s).
  await exec(
    'cargo',
    ['clean', '-p', 'hello-rust', '--release', '--target', 'wasm32-wasip1'],
    options,
  );
  await exec('cargo', ['build', '--release', '--target', 'wasm32-wasip1'], options);
  return path.join(targetDir, 'wasm32-wasip1', 'release', 'hello_rust.wasm');
}

/** Pids of every living descendant of this process (Linux /proc), to prove nothing is left running. */
export function descendantPids(of = process.pid): Set<number> {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // `pid (comm) state ppid …`; comm may contain spaces and parentheses
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') continue; // a zombie has exited already
    const ppid = Number(fields[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), pid]);
  }
  const found = new Set<number>();
  const walk = (pid: number): void => {
    for (const child of parents.get(pid) ?? []) {
      found.add(child);
      walk(child);
    }
  };
  walk(of);
  return found;
}

/** True while a process with this pid exists (and is not a zombie). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
