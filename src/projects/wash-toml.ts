import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { cargoBuildArgs } from './cargo-command.js';
import { predictCargoOutputs } from './cargo-output.js';
import {
  displayPath,
  isTable,
  lineOf,
  readTomlManifest,
  where,
  type ManifestFile,
} from './manifest-file.js';
import { targetInCommand } from './targets.js';

/**
 * What `wash build` 0.x (the wasmCloud 1.x line) does with a wasmcloud.toml, resolved the way
 * wash itself resolves it (its parser and build modules), so spinwash names the file wash
 * writes and the command wash runs:
 * - the project folder is `path` (relative to wasmcloud.toml), else wasmcloud.toml's folder;
 *   the build folder is `build` (relative to wasmcloud.toml), else `<project>/build`;
 * - `name` is wasmcloud.toml's, else (Rust) the Cargo package name; a Rust crate with a library
 *   target names the file after the library: `[lib] name`, else the package name with `-` → `_`
 *   (as cargo does); without one the file is named after `name`, unchanged;
 * - a `[component] build_command` wins over the language: wash runs it (split on whitespace, no
 *   shell) and signs `build_artifact`, else `<build>/<file name>.wasm`;
 * - Rust runs `cargo build --release --target T` (`[rust] debug = true` drops `--release`) and
 *   moves `<cargo target dir>/T/release/<file name>.wasm` to `<build>/<file name>.wasm`;
 *   TinyGo builds `<build>/<name>.wasm`; other languages need a `build_command`;
 * - `wasm_target` maps wash's names to targets (unknown names and no name at all: a core
 *   module, wasm32-unknown-unknown, wash's default);
 * - the signed file is `destination` (relative to the project folder), else the built file's
 *   path with `.wasm` → `_s.wasm`.
 */
export interface WashTomlBuild {
  readonly file: string;
  readonly language: string;
  readonly name: string;
  readonly projectDir: string;
  readonly buildDir: string;
  /** wash's target name after its mapping: wasm32-unknown-unknown, wasm32-wasip1 or wasm32-wasip2. */
  readonly wasmTarget: WashWasmTarget;
  /** What wash runs, as a command line. */
  readonly command: string;
  /** The Rust target the command compiles for, when Rust builds it. */
  readonly rustTarget?: string;
  /** The file the build leaves before signing. */
  readonly artifact: string;
  /** The signed file: what wadm.yaml is expected to ship. */
  readonly signed: string;
  /** wash's own Rust build: the file cargo writes, which wash then moves to `artifact`. */
  readonly cargoOutput?: string;
}

export type WashWasmTarget = 'wasm32-unknown-unknown' | 'wasm32-wasip1' | 'wasm32-wasip2';

/** wash 0.x's `wasm_target` names: anything else (or nothing) is a core module. */
const WASM_TARGETS: Readonly<Record<string, WashWasmTarget>> = {
  'wasm32-wasi-preview1': 'wasm32-wasip1',
  'wasm32-wasip1': 'wasm32-wasip1',
  'wasm32-wasi': 'wasm32-wasip1',
  'wasm32-wasi-preview2': 'wasm32-wasip2',
  'wasm32-wasip2': 'wasm32-wasip2',
  'wasm32-unknown-unknown': 'wasm32-unknown-unknown',
};

/** TinyGo's `-target` for each of wash's targets. */
const TINYGO_TARGETS: Readonly<Record<WashWasmTarget, string>> = {
  'wasm32-unknown-unknown': 'wasm',
  'wasm32-wasip1': 'wasi',
  'wasm32-wasip2': 'wasip2',
};

function str(table: Record<string, unknown>, key: string): string | undefined {
  const value = table[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function keyLine(manifest: ManifestFile, key: string): number | undefined {
  return lineOf(manifest.text, new RegExp(`^\\s*${key}\\s*=`, 'm'));
}

/** The parts of Cargo.toml wash reads: the package name and the library's file name. */
async function readCrate(
  projectDir: string,
): Promise<{ packageName: string; libName?: string } | undefined> {
  const file = path.join(projectDir, 'Cargo.toml');
  if (!existsSync(file)) return undefined;
  const { data } = await readTomlManifest(file);
  const pkg = isTable(data.package) ? data.package : undefined;
  const packageName = pkg ? str(pkg, 'name') : undefined;
  if (packageName === undefined) return undefined; // a virtual workspace: no package to name
  const lib = isTable(data.lib) ? data.lib : undefined;
  const hasLib = lib !== undefined || existsSync(path.join(projectDir, 'src', 'lib.rs'));
  const libName = hasLib
    ? ((lib && str(lib, 'name')) ?? packageName.replace(/-/g, '_'))
    : undefined;
  return { packageName, ...(libName !== undefined ? { libName } : {}) };
}

/** Reads wasmcloud.toml; throws a UserError naming the key wash would refuse. */
export async function resolveWashToml(file: string): Promise<WashTomlBuild> {
  const manifest = await readTomlManifest(file);
  const data = manifest.data;
  const tomlDir = path.dirname(file);
  const language = str(data, 'language')?.trim().toLowerCase();
  if (!language) {
    throw new UserError(
      `${displayPath(file)}: no \`language\`; wash needs one: language = "rust" (or "tinygo", or another with a [component] build_command)`,
      file,
    );
  }
  const type = str(data, 'type')?.trim().toLowerCase();
  if (type !== 'component') {
    throw new UserError(
      `${where(manifest, keyLine(manifest, 'type'))}: ${type ? `type = "${type}"` : 'no `type`'}; spinwash builds wasmCloud components only: set type = "component"`,
      file,
    );
  }
  const section = isTable(data.component) ? data.component : {};
  const projectDir = path.resolve(tomlDir, str(data, 'path') ?? '.');
  const buildDir = path.resolve(
    str(data, 'build') !== undefined ? tomlDir : projectDir,
    str(data, 'build') ?? 'build',
  );
  const crate = language === 'rust' ? await readCrate(projectDir) : undefined;
  const name = str(data, 'name') ?? crate?.packageName;
  if (name === undefined) {
    throw new UserError(
      language === 'rust'
        ? `${displayPath(file)}: no \`name\`, and no Cargo.toml with a [package] in ${displayPath(projectDir)} to take it from; set name = "<component name>"`
        : `${displayPath(file)}: no \`name\`; wash needs one for a ${language} project: set name = "<component name>"`,
      file,
    );
  }
  const fileName = crate?.libName ?? name;
  const rawTarget = str(section, 'wasm_target');
  const wasmTarget: WashWasmTarget =
    (rawTarget !== undefined ? WASM_TARGETS[rawTarget] : undefined) ?? 'wasm32-unknown-unknown';
  const relative = (to: string): string =>
    path.relative(projectDir, to).split(path.sep).join('/') || '.';

  let command: string;
  let artifact: string;
  let rustTarget: string | undefined;
  let cargoOutput: string | undefined;
  const buildCommand = str(section, 'build_command');
  if (buildCommand !== undefined) {
    command = buildCommand.trim().split(/\s+/).join(' ');
    const declared = str(section, 'build_artifact');
    artifact =
      declared !== undefined
        ? path.resolve(projectDir, declared)
        : path.join(buildDir, `${fileName}.wasm`);
    rustTarget = targetInCommand(command);
  } else if (language === 'rust') {
    const rust = isTable(data.rust) ? data.rust : {};
    rustTarget = wasmTarget;
    command = [
      str(rust, 'cargo_path') ?? 'cargo',
      ...cargoBuildArgs({ target: rustTarget, release: rust.debug !== true }),
    ].join(' ');
    artifact = path.join(buildDir, `${fileName}.wasm`);
    cargoOutput = (await predictCargoOutputs(command, projectDir))?.at(-1);
  } else if (language === 'tinygo') {
    const tinygo = isTable(data.tinygo) ? data.tinygo : {};
    artifact = path.join(buildDir, `${name}.wasm`);
    const world = str(section, 'wit_world');
    if (wasmTarget === 'wasm32-wasip2' && world === undefined) {
      throw new UserError(
        `${displayPath(file)}: [component] wasm_target = "${rawTarget}" with TinyGo needs \`wit_world\` (wash passes it to tinygo -wit-world); add it to [component]`,
        file,
      );
    }
    const wit = path.resolve(tomlDir, str(data, 'wit') ?? path.join(projectDir, 'wit'));
    command = [
      str(tinygo, 'tinygo_path') ?? 'tinygo',
      'build',
      '-o',
      relative(artifact),
      '-target',
      TINYGO_TARGETS[wasmTarget],
      ...(wasmTarget === 'wasm32-wasip2'
        ? ['-wit-package', relative(wit), '-wit-world', world ?? '']
        : ['-scheduler', 'none', '-no-debug']),
      '.',
    ].join(' ');
  } else {
    throw new UserError(
      `${where(manifest, keyLine(manifest, 'language'))}: language = "${language}" needs a build command (wash builds only Rust and TinyGo itself); ` +
        `set [component] build_command = "…" and build_artifact = "path/to/file.wasm"`,
      file,
    );
  }
  const destination = str(section, 'destination');
  // wash replaces every `.wasm` in the path's text, as written
  const signed =
    destination !== undefined
      ? path.resolve(projectDir, destination)
      : artifact.split('.wasm').join('_s.wasm');
  return {
    file,
    language,
    name,
    projectDir,
    buildDir,
    wasmTarget,
    command,
    ...(rustTarget !== undefined ? { rustTarget } : {}),
    artifact,
    signed,
    ...(cargoOutput !== undefined ? { cargoOutput } : {}),
  };
}
