import { existsSync } from 'node:fs';
import path from 'node:path';
import { isTable, readTomlManifest } from './manifest-file.js';

/** Where cargo found a `[build] target`, and the target it names. */
export interface ConfiguredTarget {
  readonly target: string;
  readonly file: string;
}

/**
 * The `[build] target` cargo uses for a build run in `dir`: cargo reads `.cargo/config.toml`
 * (or the older `.cargo/config`) in `dir` and each parent folder, the nearest first, then
 * `$CARGO_HOME/config.toml`; the first file that sets it wins. A list of targets builds each;
 * the first wasm one is the one spinwash measures.
 */
export async function configuredRustTarget(dir: string): Promise<ConfiguredTarget | undefined> {
  const files: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    files.push(path.join(current, '.cargo', 'config.toml'), path.join(current, '.cargo', 'config'));
    if (path.dirname(current) === current) break;
  }
  const cargoHome = process.env.CARGO_HOME;
  if (cargoHome) files.push(path.join(cargoHome, 'config.toml'), path.join(cargoHome, 'config'));
  for (const file of files) {
    if (!existsSync(file)) continue;
    const { data } = await readTomlManifest(file);
    const build = isTable(data.build) ? data.build : undefined;
    const value = build?.target;
    const targets = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    const names = targets.filter((t): t is string => typeof t === 'string');
    const target = names.find((t) => t.startsWith('wasm32')) ?? names[0];
    if (target !== undefined) return { target, file };
  }
  return undefined;
}
