import path from 'node:path';
import { isTable } from '../projects/manifest-file.js';

/**
 * What finding apps needs from a Cargo.toml, without running cargo (which would resolve every
 * crate of a large monorepo): is it a workspace, is its package a wasm app, which folders do
 * its path dependencies live in. Pure: the parsed TOML in, facts out.
 */

export interface CargoFacts {
  /** Absolute folder of the Cargo.toml. */
  readonly dir: string;
  /** `[workspace]`: its member globs and excluded paths, relative to `dir`. */
  readonly workspace?: { readonly members: readonly string[]; readonly exclude: readonly string[] };
  /** `[package]`, with the workspace root it names (`package.workspace`), if any. */
  readonly package?: { readonly name: string; readonly workspaceRoot?: string };
  /** The package builds a wasm app (see isWasmPackage). */
  readonly wasm: boolean;
  /** Absolute folders of its `path` dependencies (every dependency table, `[patch]` too). */
  readonly pathDependencies: readonly string[];
}

/**
 * Crates that only make sense in a wasm build: a `bin` crate depending on one is a wasm app
 * (a wasi:cli or wstd server), not a native tool of the repository.
 */
const WASM_CRATES = [
  'spin-sdk',
  'wasmcloud-component',
  'wit-bindgen',
  'wit-bindgen-rt',
  'wasi',
  'wasip1',
  'wasip2',
  'wstd',
  'waki',
] as const;

const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies'] as const;

/**
 * The facts of one Cargo.toml. `hasMainRs`: src/main.rs or src/bin/ exists (an implicit bin);
 * `wasmTarget`: cargo's config names a wasm32 `[build] target` for this folder.
 */
export function cargoFacts(
  data: Record<string, unknown>,
  dir: string,
  files: { readonly hasMainRs: boolean; readonly wasmTarget: boolean },
): CargoFacts {
  const workspace = isTable(data.workspace) ? data.workspace : undefined;
  const pkg = isTable(data.package) ? data.package : undefined;
  const dependencyTables = allDependencyTables(data);
  const names = new Set(dependencyTables.flatMap((table) => Object.keys(table)));
  const paths = dependencyTables.flatMap((table) =>
    Object.values(table)
      .map((spec) => (isTable(spec) && typeof spec.path === 'string' ? spec.path : undefined))
      .filter((p): p is string => p !== undefined)
      .map((p) => path.resolve(dir, p)),
  );
  return {
    dir,
    ...(workspace
      ? {
          workspace: {
            members: strings(workspace.members),
            exclude: strings(workspace.exclude),
          },
        }
      : {}),
    ...(pkg
      ? {
          package: {
            name: typeof pkg.name === 'string' ? pkg.name : path.basename(dir),
            ...(typeof pkg.workspace === 'string'
              ? { workspaceRoot: path.resolve(dir, pkg.workspace) }
              : {}),
          },
        }
      : {}),
    wasm: pkg !== undefined && isWasmPackage(data, names, files),
    pathDependencies: [...new Set(paths)].sort(),
  };
}

/**
 * A package is a wasm app when its lib is a `cdylib`, or when it has a bin and either cargo's
 * config builds for a wasm32 target or it depends on a wasm-only crate (WASM_CRATES). A bin
 * with neither is a native program (an xtask, a tool), and an rlib is a library: not apps.
 */
function isWasmPackage(
  data: Record<string, unknown>,
  dependencies: ReadonlySet<string>,
  files: { readonly hasMainRs: boolean; readonly wasmTarget: boolean },
): boolean {
  const lib = isTable(data.lib) ? data.lib : undefined;
  if (strings(lib?.['crate-type']).includes('cdylib')) return true;
  const bins = Array.isArray(data.bin) && data.bin.length > 0;
  if (!bins && !files.hasMainRs) return false;
  return files.wasmTarget || WASM_CRATES.some((name) => dependencies.has(name));
}

/** `[dependencies]` and the like, per target too (`[target.'cfg(…)'.dependencies]`), the workspace's and `[patch.*]`. */
function allDependencyTables(data: Record<string, unknown>): Record<string, unknown>[] {
  const tables: unknown[] = DEPENDENCY_TABLES.map((name) => data[name]);
  if (isTable(data.target))
    for (const platform of Object.values(data.target))
      if (isTable(platform)) tables.push(...DEPENDENCY_TABLES.map((name) => platform[name]));
  if (isTable(data.workspace)) tables.push(data.workspace.dependencies);
  if (isTable(data.patch)) tables.push(...Object.values(data.patch));
  return tables.filter(isTable);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
