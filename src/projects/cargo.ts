import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { execCapture } from '../exec.js';
import { cargoBuildArgs } from './cargo-command.js';
import { configuredRustTarget } from './cargo-config.js';
import type { BuildEnvironment, ComponentSpec, Project } from './project.js';

/** The subset of `cargo metadata --no-deps` that spinwash reads. */
interface CargoMetadata {
  packages: {
    name: string;
    id: string;
    manifest_path: string;
    targets: { name: string; kind: string[] }[];
  }[];
  workspace_members: string[];
  target_directory: string;
}

/** The target of a Cargo project that names none (no `target` input, no `[build] target`). */
export const DEFAULT_RUST_TARGET = 'wasm32-wasip1';

/** Cargo names a cdylib `<lib name with - as _>.wasm`; a bin keeps its name. */
function wasmFileName(target: { name: string; kind: string[] }): string {
  return target.kind.includes('cdylib')
    ? `${target.name.replace(/-/g, '_')}.wasm`
    : `${target.name}.wasm`;
}

async function readMetadata(dir: string, manifest: string): Promise<CargoMetadata> {
  const result = await execCapture(
    'cargo',
    ['metadata', '--format-version', '1', '--no-deps', '--offline'],
    {
      cwd: dir,
    },
  );
  if (result.code !== 0) {
    throw new UserError(
      `${manifest} could not be read by \`cargo metadata\`:\n${lastCargoError(result.stderr)}`,
      manifest,
    );
  }
  return JSON.parse(result.stdout) as CargoMetadata;
}

/**
 * The last error cargo or rustc printed (from `error` to the next blank line), which is what a
 * failed build's message should carry, rather than pages of warnings.
 */
export function lastCargoError(output: string): string {
  const lines = output.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (
      /^error(\[E\d+\])?:/.test(lines[i] ?? '') &&
      !/^error: could not compile/.test(lines[i] ?? '')
    ) {
      const block: string[] = [];
      for (let j = i; j < lines.length && (lines[j] ?? '').trim() !== ''; j++)
        block.push(lines[j] ?? '');
      return block.join('\n');
    }
  }
  return output.trim().split('\n').slice(-15).join('\n');
}

/**
 * Where a compiler error points (` --> src/lib.rs:4:5`), as a file that exists: cargo prints
 * paths relative to the folder it ran in (the workspace root), so each folder in `dirs` is tried.
 */
export function compilerLocation(
  error: string,
  dirs: readonly string[],
): { file: string; line: number } | undefined {
  const match = /^\s*-->\s+(.+?):(\d+):\d+\s*$/m.exec(error);
  if (!match) return undefined;
  const [, file = '', line = '0'] = match;
  for (const dir of dirs) {
    const absolute = path.resolve(dir, file);
    if (existsSync(absolute)) return { file: absolute, line: Number(line) };
  }
  return undefined;
}

/**
 * A Cargo package or workspace: each member with a `cdylib` or `bin` target is one wasm
 * component (for a workspace, only members that build a cdylib, or a bin when none does).
 * Built for `target` (the input) if given, else the `[build] target` cargo's config names,
 * else wasm32-wasip1.
 */
export async function loadCargoProject(dir: string, target?: string): Promise<Project> {
  const manifest = path.join(dir, 'Cargo.toml');
  if (!existsSync(manifest)) {
    throw new UserError(
      `No Cargo.toml in ${dir}: point \`project\` at the folder of a Cargo package or workspace (or of a spin.toml / wasmCloud project)`,
    );
  }
  const rustTarget = target ?? (await configuredRustTarget(dir))?.target ?? DEFAULT_RUST_TARGET;
  const metadata = await readMetadata(dir, manifest);
  const members = metadata.packages.filter((p) => metadata.workspace_members.includes(p.id));
  // A member folder inside a workspace builds only itself; the root builds every member.
  const here = members.filter((p) => path.dirname(p.manifest_path) === dir);
  const chosen = here.length > 0 && here.length < members.length ? here : members;
  const components: ComponentSpec[] = [];
  for (const pkg of chosen) {
    const cdylib = pkg.targets.find((t) => t.kind.includes('cdylib'));
    const bins = pkg.targets.filter((t) => t.kind.includes('bin'));
    for (const target of cdylib ? [cdylib] : bins) {
      components.push({
        name: pkg.name,
        wasmPath: path.join(metadata.target_directory, rustTarget, 'release', wasmFileName(target)),
        manifest: pkg.manifest_path,
        built: true,
        buildCommand: [
          'cargo',
          ...cargoBuildArgs({ target: rustTarget, packages: [pkg.name] }),
        ].join(' '),
        workdir: dir,
        rustTarget,
      });
    }
  }
  if (components.length === 0) {
    throw new UserError(
      `${manifest} builds no wasm: add \`[lib] crate-type = ["cdylib"]\` or a \`[[bin]]\` target`,
      manifest,
    );
  }
  return {
    kind: 'cargo',
    dir,
    components,
    build: (environment) => buildCargo(dir, manifest, rustTarget, components, environment),
  };
}

async function buildCargo(
  dir: string,
  manifest: string,
  rustTarget: string,
  components: readonly ComponentSpec[],
  { env, logger }: BuildEnvironment,
): Promise<void> {
  const args = cargoBuildArgs({
    target: rustTarget,
    packages: [...new Set(components.map((c) => c.name))],
  });
  const result = await logger.group(`cargo ${args.join(' ')}`, () =>
    execCapture('cargo', args, {
      cwd: dir,
      env: { ...env, CARGO_TERM_COLOR: 'never' },
      onOutput: (chunk) => logger.output(chunk),
    }),
  );
  if (result.code !== 0) {
    const error = lastCargoError(result.stderr);
    // the annotation goes on the compiler's file and line when it names one
    const at = compilerLocation(error, [dir, ...components.map((c) => path.dirname(c.manifest))]);
    throw new UserError(
      `cargo build failed (exit code ${result.code}):\n${error}`,
      at?.file ?? manifest,
      at?.line,
    );
  }
}
