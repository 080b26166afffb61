import { homedir } from 'node:os';
import path from 'node:path';

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
