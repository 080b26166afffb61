import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCargoCommand } from './cargo-command.js';
import { configuredRustTarget } from './cargo-config.js';
import { readTomlManifest, isTable } from './manifest-file.js';

/**
 * The places a `cargo build --target <wasm> …` run in `workdir` may write its .wasm: under the
 * package's own target/, and under the target/ of each enclosing workspace (the one cargo
 * uses is the workspace's). Undefined when it cannot be known: no wasm target, no crate name,
 * or a .cargo/config that may move target-dir. CARGO_TARGET_DIR is deliberately ignored:
 * Spin and wash resolve `source` under ./target too.
 */
export async function predictCargoOutputs(
  command: string,
  workdir: string,
): Promise<string[] | undefined> {
  const args = parseCargoCommand(command);
  if (args?.subcommand !== 'build') return undefined;
  // no --target: the one .cargo/config.toml names, as cargo would use it
  const target = args.target ?? (await configuredRustTarget(workdir))?.target;
  if (!target?.startsWith('wasm32')) return undefined;
  const manifestPath = path.resolve(workdir, args.manifestPath ?? 'Cargo.toml');
  if (!existsSync(manifestPath)) return undefined;
  const crateName = await cargoLibName(manifestPath);
  if (!crateName) return undefined;
  const relative = path.join('target', target, args.profileDir, `${crateName}.wasm`);
  const outputs = [path.join(path.dirname(manifestPath), relative)];
  for (let dir = path.dirname(manifestPath); ;) {
    for (const config of ['.cargo/config.toml', '.cargo/config']) {
      const file = path.join(dir, config);
      if (existsSync(file) && readFileSync(file, 'utf8').includes('target-dir')) return undefined;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    const toml = path.join(dir, 'Cargo.toml');
    if (existsSync(toml) && /^\s*\[workspace\]/m.test(readFileSync(toml, 'utf8')))
      outputs.push(path.join(dir, relative));
  }
  return outputs;
}

/** The file stem cargo gives a crate's wasm: [lib] name, else the package name with `-` as `_`. */
export async function cargoLibName(manifestPath: string): Promise<string | undefined> {
  const { data } = await readTomlManifest(manifestPath);
  const lib = isTable(data.lib) && typeof data.lib.name === 'string' ? data.lib.name : undefined;
  const pkg =
    isTable(data.package) && typeof data.package.name === 'string' ? data.package.name : undefined;
  return (lib ?? pkg)?.replace(/-/g, '_');
}
