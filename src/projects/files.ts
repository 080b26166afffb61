import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The files that say which kind a project is. Kept apart from the parsers so that finding the
 * kind loads no TOML or YAML parser (start-up time is measured).
 */
export const SPIN_MANIFEST = 'spin.toml';
export const WASH_V1_CONFIG = 'wasmcloud.toml';
export const WASH_V2_CONFIG = path.join('.wash', 'config.yaml');
export const WADM_MANIFEST = 'wadm.yaml';

/** Which wasmCloud project file is in `dir`, if any (v2 wins: a migrated project may keep both). */
export function findWashConfig(dir: string): string | undefined {
  for (const name of [WASH_V2_CONFIG, WASH_V1_CONFIG]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** A readable name for messages: relative to the cwd when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') ? relative : file;
}
