import { existsSync } from 'node:fs';
import path from 'node:path';
import { exec } from '../exec.js';
import { UserError } from '../errors.js';
import { cargoBuildOf, parseCargoCommand } from './cargo-command.js';
import { configuredRustTarget } from './cargo-config.js';
import { predictCargoOutputs } from './cargo-output.js';
import { targetInCommand } from './targets.js';
import { SPIN_MANIFEST } from './files.js';
import { runSpinBuildCommands, spinBuildsOf } from './spin-build.js';
import {
  displayPath,
  escapeRegExp,
  isTable,
  lineOf,
  readTomlManifest,
  where,
  type ManifestFile,
} from './manifest-file.js';
import type { BuildEnvironment, ComponentSpec, Project } from './project.js';

/** One `[[trigger.http]]` entry: which component answers which route. */
export interface SpinRoute {
  readonly component: string;
  readonly route: string;
}

/** A Spin app: its components plus what `spin up` needs to know. */
export interface SpinProject extends Project {
  readonly kind: 'spin';
  readonly manifest: string;
  readonly appName: string;
  readonly routes: readonly SpinRoute[];
}

function componentLine(manifest: ManifestFile, id: string, key?: string): number | undefined {
  const header = new RegExp(
    `^\\s*\\[component\\.(?:"${escapeRegExp(id)}"|${escapeRegExp(id)})\\]`,
    'm',
  );
  const start = lineOf(manifest.text, header);
  if (start === undefined || key === undefined) return start;
  const after = manifest.text.split('\n').slice(start).join('\n');
  const offset = lineOf(after, new RegExp(`^\\s*${escapeRegExp(key)}\\s*=`, 'm'));
  return offset === undefined ? start : start + offset;
}

/** `command` is a string or a list of steps (each run in turn by `spin build`). */
function buildSteps(manifest: ManifestFile, id: string, build: Record<string, unknown>): string[] {
  const command = build.command;
  const steps =
    typeof command === 'string'
      ? [command]
      : Array.isArray(command) && command.every((c) => typeof c === 'string')
        ? command
        : undefined;
  // an empty command builds nothing, and a stale file would be measured as the build
  if (steps && (steps.length === 0 || steps.some((step) => step.trim() === ''))) {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id, 'command'))}: [component.${id}.build] command is empty; give the command that writes its source, or remove the [component.${id}.build] table for a prebuilt file`,
      manifest.file,
    );
  }
  if (steps) return steps;
  throw new UserError(
    `${where(manifest, componentLine(manifest, id, 'command'))}: [component.${id}.build] command must be a string or a list of strings`,
    manifest.file,
  );
}

/** A component as read, with its build's commands (a list: `spin build` runs each in turn). */
interface ReadComponent {
  readonly spec: ComponentSpec;
  readonly steps?: readonly string[];
  /** What `spin build` does for it beyond running its commands (generating dependencies' WIT). */
  readonly needsSpin?: string;
}

async function readComponent(
  manifest: ManifestFile,
  id: string,
  value: unknown,
): Promise<ReadComponent> {
  const dir = path.dirname(manifest.file);
  if (!isTable(value)) {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id))}: [component.${id}] must be a table`,
      manifest.file,
    );
  }
  const source = value.source;
  if (isTable(source) && typeof source.url === 'string') {
    // A remote component (`source = { url, digest }`): Spin downloads it; nothing to build or shrink.
    return { spec: { name: id, wasmPath: source.url, manifest: manifest.file, built: false } };
  }
  if (typeof source !== 'string') {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id, 'source'))}: component "${id}" has no \`source\`; set source = "path/to/file.wasm" or source = { url, digest }`,
      manifest.file,
    );
  }
  const wasmPath = path.resolve(dir, source);
  const build = value.build;
  if (build === undefined)
    return { spec: { name: id, wasmPath, manifest: manifest.file, built: true } };
  if (!isTable(build)) {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id))}: [component.${id}.build] must be a table`,
      manifest.file,
    );
  }
  const steps = buildSteps(manifest, id, build);
  if (typeof build.workdir === 'string' && path.isAbsolute(build.workdir))
    throw new UserError(
      `${where(manifest, componentLine(manifest, id, 'workdir'))}: [component.${id}.build] workdir = "${build.workdir}" is absolute; Spin takes a folder relative to ${SPIN_MANIFEST}`,
      manifest.file,
    );
  const workdir = typeof build.workdir === 'string' ? path.resolve(dir, build.workdir) : dir;
  await checkSourceIsProduced(manifest, id, source, wasmPath, steps, workdir);
  const buildCommand = steps.join(' && ');
  // a `cargo build` without --target builds for the one .cargo/config.toml names
  const rustTarget =
    targetInCommand(buildCommand) ??
    (cargoBuildOf(buildCommand) ? (await configuredRustTarget(workdir))?.target : undefined);
  const dependencies = isTable(value.dependencies) && Object.keys(value.dependencies).length > 0;
  return {
    spec: {
      name: id,
      wasmPath,
      manifest: manifest.file,
      built: true,
      buildCommand,
      workdir,
      ...(rustTarget !== undefined ? { rustTarget } : {}),
    },
    steps,
    ...(dependencies
      ? {
          needsSpin: `component "${id}" has [component.${id}.dependencies], whose WIT spin build writes`,
        }
      : {}),
  };
}

/** A `source` that no cargo step writes would make `spin up` fail after a green build: say so now. */
async function checkSourceIsProduced(
  manifest: ManifestFile,
  id: string,
  source: string,
  wasmPath: string,
  steps: readonly string[],
  workdir: string,
): Promise<void> {
  const outputs: string[] = [];
  let likeliest: string | undefined;
  for (const step of steps) {
    const cargo = parseCargoCommand(step);
    if (cargo && cargo.subcommand !== 'build') continue; // cargo fetch, cargo test …: no wasm written
    const candidates = await predictCargoOutputs(step, workdir);
    if (candidates === undefined) return; // a step we cannot predict (make, npm, a script) may write it
    outputs.push(...candidates);
    // In a workspace cargo writes under the nearest workspace root, else under the package.
    likeliest = candidates[1] ?? candidates[0];
  }
  if (likeliest === undefined || outputs.includes(wasmPath)) return;
  const suggestion = path
    .relative(path.dirname(manifest.file), likeliest)
    .split(path.sep)
    .join('/');
  throw new UserError(
    `${where(manifest, componentLine(manifest, id, 'source'))}: component "${id}" has source = "${source}", ` +
      `but its build (\`${steps.join(' && ')}\`) writes ${suggestion}; set source = "${suggestion}" or change the build command`,
    manifest.file,
  );
}

/** The line of the `index`-th `[[trigger.http]]` header. */
function triggerLine(manifest: ManifestFile, index: number): number | undefined {
  const headers = [...manifest.text.matchAll(/^\s*\[\[\s*trigger\.http\s*\]\]/gm)];
  const match = headers[index];
  return match ? manifest.text.slice(0, match.index).split('\n').length : undefined;
}

/**
 * The HTTP routes. `route = { private = true }` is an endpoint only other components reach
 * (service chaining), never routed, so it is left out; `{ private = false }` is refused, as
 * Spin refuses it (spinframework/spin crates/http/src/routes.rs).
 */
function readRoutes(manifest: ManifestFile): SpinRoute[] {
  const trigger = manifest.data.trigger;
  if (!isTable(trigger) || !Array.isArray(trigger.http)) return [];
  return trigger.http.flatMap((entry: unknown, index: number) => {
    if (!isTable(entry) || typeof entry.component !== 'string') return [];
    if (typeof entry.route === 'string')
      return [{ component: entry.component, route: entry.route }];
    if (isTable(entry.route) && entry.route.private === true) return [];
    throw new UserError(
      `${where(manifest, triggerLine(manifest, index))}: [[trigger.http]] of component "${entry.component}": ` +
        'route must be a string pattern such as "/api/..." or { private = true }',
      manifest.file,
    );
  });
}

/** Reads a Spin app (spin.toml, manifest version 2) in `dir`. */
export async function loadSpinProject(
  dir: string,
  manifestName = SPIN_MANIFEST,
): Promise<SpinProject> {
  const file = path.resolve(dir, manifestName);
  if (!existsSync(file)) {
    throw new UserError(
      `No ${manifestName} in ${displayPath(path.resolve(dir))}; a Spin app needs one (run \`spin new\`)`,
      file,
    );
  }
  const manifest = await readTomlManifest(file);
  const version = manifest.data.spin_manifest_version;
  if (version !== 2) {
    const line =
      lineOf(manifest.text, /^\s*spin_manifest_version\s*=/m) ??
      lineOf(manifest.text, /^\s*spin_version\s*=/m);
    const found =
      version === undefined
        ? 'no spin_manifest_version'
        : `spin_manifest_version = ${JSON.stringify(version)}`;
    throw new UserError(
      `${where(manifest, line)}: ${found}; spinwash reads Spin manifest version 2 only: set spin_manifest_version = 2 (\`spin doctor\` migrates a version 1 manifest)`,
      file,
    );
  }
  const application = isTable(manifest.data.application) ? manifest.data.application : {};
  const appName =
    typeof application.name === 'string' ? application.name : path.basename(path.dirname(file));
  const table = manifest.data.component;
  if (!isTable(table) || Object.keys(table).length === 0) {
    throw new UserError(
      `${displayPath(file)}: no [component.<id>] table; a Spin app needs at least one component`,
      file,
    );
  }
  const read: ReadComponent[] = [];
  for (const [id, value] of Object.entries(table))
    read.push(await readComponent(manifest, id, value));
  const components = read.map((r) => r.spec);
  const routes = readRoutes(manifest);
  const steps = new Map(read.flatMap((r) => (r.steps ? [[r.spec.name, r.steps] as const] : [])));
  const targets = Array.isArray(application.targets) && application.targets.length > 0;
  const needsSpin = [
    ...read.flatMap((r) => (r.needsSpin ? [r.needsSpin] : [])),
    ...(targets ? ['[application] targets lists deployment targets, which spin build checks'] : []),
  ];
  return {
    kind: 'spin',
    dir: path.dirname(file),
    manifest: file,
    appName,
    routes,
    components,
    build: (environment) => buildSpin(file, components, environment),
    buildTool: {
      cli: 'spin',
      why: needsSpin[0] ?? 'a Spin app is built with `spin build`',
      ...(needsSpin.length === 0
        ? {
            // every build is a plain command: spinwash runs them as spin build would
            withoutCli: async (environment) => {
              await runSpinBuildCommands(spinBuildsOf(components, steps), environment);
              checkSources(file, components, environment, "the components' build commands");
            },
          }
        : {}),
    },
  };
}

/** `spin build -f spin.toml`, the way a Spin developer builds; then every local source must exist. */
async function buildSpin(
  manifest: string,
  components: readonly ComponentSpec[],
  environment: BuildEnvironment,
): Promise<void> {
  const { logger } = environment;
  await logger.group(`spin build (${displayPath(manifest)})`, async () => {
    await exec('spin', ['build', '-f', manifest], {
      cwd: path.dirname(manifest),
      env: environment.env,
      onOutput: (chunk) => logger.output(chunk),
    });
  });
  checkSources(manifest, components, environment, 'spin build');
}

/** After the build (`by`), every local source the manifest names must exist. */
function checkSources(
  manifest: string,
  components: readonly ComponentSpec[],
  environment: BuildEnvironment,
  by: string,
): void {
  const targetDir = environment.env.CARGO_TARGET_DIR ?? process.env.CARGO_TARGET_DIR;
  for (const component of components) {
    if (component.built && !existsSync(component.wasmPath)) {
      throw new UserError(
        `${by} finished, but component "${component.name}"'s source ${displayPath(component.wasmPath)} does not exist; ` +
          `make its [component.${component.name}.build] command write that file, or point source at the file it writes` +
          (targetDir
            ? ` (CARGO_TARGET_DIR is set to ${targetDir}: cargo writes there, not under ./target; unset it for Spin apps)`
            : ''),
        manifest,
      );
    }
  }
}
