import { existsSync } from 'node:fs';
import path from 'node:path';
import { exec } from '../exec.js';
import { UserError } from '../errors.js';
import { displayPath, isTable, readYamlManifest } from './manifest-file.js';
import { findWashConfig, WADM_MANIFEST, WASH_V1_CONFIG, WASH_V2_CONFIG } from './files.js';
import type { BuildEnvironment, ComponentSpec, Project } from './project.js';
import { readWadm, type WadmApplication } from './wadm.js';
import { resolveWashToml } from './wash-toml.js';

/** A wasmCloud project, built by `wash` 0.x (wasmcloud.toml + wadm.yaml) or `wash` v2 (.wash/config.yaml). */
export interface WashProject extends Project {
  readonly kind: 'wash';
  /** Which wash generation the project is written for: 0 (`wash up`/`wash app`) or 2 (`wash dev`). */
  readonly washMajor: 0 | 2;
  /** The project file (wasmcloud.toml or .wash/config.yaml). */
  readonly config: string;
  /** wash 0.x: the application manifest and its name, for `wash app deploy` / `status` / `delete`. */
  readonly application?: WadmApplication;
}

/** Both generations build with `wash build`, which also signs (0.x): spinwash cannot stand in. */
const WASH_BUILD = { cli: 'wash', why: 'a wasmCloud project is built with `wash build`' } as const;

export async function loadWashProject(dir: string): Promise<WashProject> {
  const root = path.resolve(dir);
  const config = findWashConfig(root);
  if (!config) {
    throw new UserError(
      `No ${WASH_V1_CONFIG} or ${WASH_V2_CONFIG} in ${displayPath(root)}; a wasmCloud project needs one (run \`wash new\`)`,
      path.join(root, WASH_V1_CONFIG),
    );
  }
  return config.endsWith(WASH_V1_CONFIG) ? loadWashV1(root, config) : loadWashV2(root, config);
}

function str(table: Record<string, unknown>, key: string): string | undefined {
  const value = table[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** wash 0.x: wasmcloud.toml resolved as wash resolves it, and the wadm.yaml beside it. */
async function loadWashV1(root: string, file: string): Promise<WashProject> {
  const build = await resolveWashToml(file);
  const wadmFile = path.join(root, WADM_MANIFEST);
  const application = existsSync(wadmFile)
    ? await readWadm(wadmFile, { root, artifact: build.artifact, signed: build.signed })
    : undefined;
  const component: ComponentSpec = {
    name: build.name,
    // the file wadm.yaml ships, so the optimize stage shrinks what the deploy runs
    wasmPath: application?.ships ?? build.signed,
    manifest: file,
    built: true,
    buildCommand: build.command,
    workdir: build.projectDir,
    ...(build.rustTarget !== undefined ? { rustTarget: build.rustTarget } : {}),
    ...(build.cargoOutput !== undefined ? { cargoOutput: build.cargoOutput } : {}),
    builtBy: `wash build (then signs ${path.relative(root, build.artifact).split(path.sep).join('/')} into ${path.relative(root, build.signed).split(path.sep).join('/')})`,
  };
  return {
    kind: 'wash',
    washMajor: 0,
    dir: root,
    config: file,
    ...(application !== undefined ? { application } : {}),
    deployManifests: application
      ? [{ kind: 'wadm', path: application.manifest, name: application.name }]
      : [],
    components: [component],
    build: (environment) => buildWash(root, file, [component], environment),
    buildTool: WASH_BUILD,
  };
}

async function loadWashV2(root: string, file: string): Promise<WashProject> {
  const manifest = await readYamlManifest(file);
  const build = isTable(manifest.data.build) ? manifest.data.build : {};
  const name = path.basename(root);
  const componentPath = str(build, 'component_path') ?? `${name}.wasm`;
  const component: ComponentSpec = {
    name,
    wasmPath: path.resolve(root, componentPath),
    manifest: file,
    built: true,
    buildCommand: str(build, 'command') ?? 'wash build',
    workdir: root,
  };
  const components = [component, ...devComponents(manifest.data, root, file)];
  return {
    kind: 'wash',
    washMajor: 2,
    dir: root,
    config: file,
    components,
    build: (environment) => buildWash(root, file, components, environment),
    buildTool: WASH_BUILD,
  };
}

/**
 * The other components `wash dev` loads: each `dev.components[]` with a local `file`, and the
 * `dev.service_file`. wash reads them as they are (no build), so they are measured and shrunk
 * like a Spin component whose `source` is a file; an `image` is pulled by wash, not ours.
 */
function devComponents(data: Record<string, unknown>, root: string, file: string): ComponentSpec[] {
  const dev = isTable(data.dev) ? data.dev : {};
  const found: ComponentSpec[] = [];
  const entries = Array.isArray(dev.components) ? dev.components.filter(isTable) : [];
  for (const [index, entry] of entries.entries()) {
    const wasm = str(entry, 'file');
    if (wasm === undefined) continue;
    found.push({
      name: str(entry, 'name') ?? `dev.components[${index}]`,
      wasmPath: path.resolve(root, wasm),
      manifest: file,
      built: true,
    });
  }
  const service = str(dev, 'service_file');
  if (service !== undefined) {
    found.push({
      name: 'service',
      wasmPath: path.resolve(root, service),
      manifest: file,
      built: true,
    });
  }
  return found;
}

/** `wash build`; the path it prints is checked against the one read from the project file. */
async function buildWash(
  root: string,
  config: string,
  components: readonly ComponentSpec[],
  environment: BuildEnvironment,
): Promise<void> {
  const { logger } = environment;
  const result = await logger.group('wash build', () =>
    exec('wash', ['build'], {
      cwd: root,
      env: environment.env,
      onOutput: (chunk) => logger.output(chunk),
    }),
  );
  const printed = /(?:can be found at|built component at:)\s*"?([^"\n]+?)"?\s*$/m.exec(
    result.stdout,
  )?.[1];
  for (const component of components) {
    if (!existsSync(component.wasmPath) && component.buildCommand === undefined) {
      throw new UserError(
        `${displayPath(config)} names ${displayPath(component.wasmPath)} for "${component.name}" (a file \`wash dev\` loads as it is, not built), but it does not exist; build it first or fix the path`,
        config,
      );
    }
    if (!existsSync(component.wasmPath)) {
      throw new UserError(
        `wash build finished${printed ? ` (it wrote ${printed})` : ''}, but ${displayPath(component.wasmPath)} ` +
          `named by ${displayPath(config)} does not exist; make the project file name the file the build writes`,
        config,
      );
    }
  }
}
