import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { isAlive } from '../../src/process.js';

/**
 * The one Cargo target folder every test's build shares (test/support/global-setup.ts sets
 * CARGO_TARGET_DIR to it): in the user's cache, not the checkout, as CI builds a clean clone
 * each time and std and the real apps' crates should compile once per machine, not per run.
 * SPINWASH_TEST_CARGO_TARGET (or CARGO_TARGET_DIR) puts it elsewhere.
 */
export function sharedCargoTarget(): string {
  return (
    process.env.CARGO_TARGET_DIR ??
    process.env.SPINWASH_TEST_CARGO_TARGET ??
    path.join(homedir(), '.cache', 'spinwash', 'cargo-target')
  );
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** How long a suite waits for another one on the same target folder before it gives up. */
const WAIT_MS = 30 * 60_000;

/**
 * Takes the target folder for this process: tests rewrite the builds' files in it (in-place
 * shrinking, kept `.orig` copies), so two suites at once on one machine (two checkouts) would
 * change each other's files mid-test. A second suite waits for the first; a holder that died
 * leaves a lock that is taken over. Returns the release (also done when the process exits).
 */
export function holdCargoTarget(target: string, say: (line: string) => void): () => void {
  const lock = `${target}.suite-lock`;
  const owner = path.join(lock, 'pid');
  const waitUntil = Date.now() + WAIT_MS;
  let said = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(owner, 'utf8'));
    } catch {
      // just made, its pid not yet written: look again
    }
    if (holder === process.pid) return () => {}; // taken before in this process (the bench)
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > waitUntil)
      throw new Error(
        `${target} is still used by the test suite in process ${holder} after 30 min`,
      );
    if (!said) say(`tests: waiting for the suite in process ${holder}, which uses ${target}`);
    said = true;
    sleep(500);
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    rmSync(lock, { recursive: true, force: true });
  };
  process.on('exit', release);
  return release;
}
