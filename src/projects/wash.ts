import { existsSync } from 'node:fs';
import path from 'node:path';
import { exec } from '../exec.js';
import { UserError } from '../errors.js';
import {
  displayPath,
  isTable,
  lineOf,
  readTomlManifest,
  readYamlManifest,
  where,
  type ManifestFile,
} from './manifest-file.js';
import { findWashConfig, WADM_MANIFEST, WASH_V1_CONFIG, WASH_V2_CONFIG } from './files.js';
import type { BuildEnvironment, ComponentSpec, Project } from './project.js';

/** A wasmCloud project, built by `wash` 0.x (wasmcloud.toml + wadm.yaml) or `wash` v2 (.wash/config.yaml). */
export interface WashProject extends Project {
  readonly kind: 'wash';
  /** Which wash generation the project is written for: 0 (`wash up`/`wash app`) or 2 (`wash dev`). */
  readonly washMajor: 0 | 2;
  /** The project file (wasmcloud.toml or .wash/config.yaml). */
  readonly config: string;
  /** wash 0.x: the application manifest and its name, for `wash app deploy` / `status` / `delete`. */
  readonly application?: {
    readonly manifest: string;
    readonly name: string;
    readonly version?: string;
    /** Where the http server provider listens for the component (its link's `address`), if set. */
    readonly httpAddress?: string;
  };
}

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

async function loadWashV1(root: string, file: string): Promise<WashProject> {
  const manifest = await readTomlManifest(file);
  const name = str(manifest.data, 'name');
  if (!name) {
    throw new UserError(
      `${displayPath(file)}: no \`name\`; set name = "<project name>" at the top`,
      file,
    );
  }
  const type = str(manifest.data, 'type') ?? 'component';
  if (type !== 'component') {
    throw new UserError(
      `${where(manifest, lineOf(manifest.text, /^\s*type\s*=/m))}: type = "${type}"; spinwash builds wasmCloud components only (type = "component")`,
      file,
    );
  }
  const section = isTable(manifest.data.component) ? manifest.data.component : {};
  const buildDir = path.resolve(root, str(section, 'build_dir') ?? 'build');
  const binName = str(section, 'wasm_bin_name') ?? name.replace(/-/g, '_');
  const target = str(section, 'wasm_target') ?? 'wasm32-wasip2';
  // wash writes build/<name>.wasm, then signs it into build/<name>_s.wasm: the file wadm.yaml ships.
  const wasmPath = path.join(buildDir, `${binName}_s.wasm`);
  const application = await readWadm(root, wasmPath);
  const component: ComponentSpec = {
    name,
    wasmPath,
    manifest: file,
    built: true,
    buildCommand: `wash build (cargo build --release --target ${target}, then sign)`,
    workdir: root,
  };
  return {
    kind: 'wash',
    washMajor: 0,
    dir: root,
    config: file,
    application,
    components: [component],
    build: (environment) => buildWash(root, file, [component], environment),
  };
}

/** wadm.yaml must deploy at least one component, and a local (file://) image must be what wash builds. */
async function readWadm(root: string, wasmPath: string): Promise<WashProject['application']> {
  const file = path.join(root, WADM_MANIFEST);
  if (!existsSync(file)) return undefined;
  const manifest = await readYamlManifest(file);
  const metadata = isTable(manifest.data.metadata) ? manifest.data.metadata : {};
  const name = str(metadata, 'name');
  if (!name)
    throw new UserError(
      `${displayPath(file)}: no metadata.name; the application needs a name`,
      file,
    );
  const spec = isTable(manifest.data.spec) ? manifest.data.spec : {};
  const components = Array.isArray(spec.components) ? spec.components.filter(isTable) : [];
  const wasm = components.filter((c) => c.type === 'component');
  if (wasm.length === 0) {
    throw new UserError(
      `${where(manifest, lineOf(manifest.text, /^\s*components\s*:/m) ?? lineOf(manifest.text, /^\s*spec\s*:/m))}: ` +
        `spec.components has no entry with \`type: component\`; add one whose properties.image is file://./${path.relative(root, wasmPath)}`,
      file,
    );
  }
  for (const component of wasm) checkLocalImage(manifest, root, component, wasmPath);
  const annotations = isTable(metadata.annotations) ? metadata.annotations : {};
  return {
    manifest: file,
    name,
    version: str(annotations, 'version'),
    httpAddress: httpLinkAddress(components),
  };
}

/** The `address` in the source config of the wasi:http link (the http server provider's listener). */
function httpLinkAddress(components: readonly Record<string, unknown>[]): string | undefined {
  for (const component of components) {
    const traits = Array.isArray(component.traits) ? component.traits.filter(isTable) : [];
    for (const trait of traits) {
      const properties = isTable(trait.properties) ? trait.properties : {};
      if (trait.type !== 'link' || properties.package !== 'http') continue;
      const source = isTable(properties.source) ? properties.source : {};
      const configs = Array.isArray(source.config) ? source.config.filter(isTable) : [];
      for (const config of configs) {
        const address = isTable(config.properties) ? str(config.properties, 'address') : undefined;
        if (address) return address;
      }
    }
  }
  return undefined;
}

function checkLocalImage(
  manifest: ManifestFile,
  root: string,
  component: Record<string, unknown>,
  wasmPath: string,
): void {
  const properties = isTable(component.properties) ? component.properties : {};
  const image = str(properties, 'image');
  if (!image?.startsWith('file://')) return;
  const local = path.resolve(root, image.slice('file://'.length));
  if (local === wasmPath) return;
  const expected = `file://./${path.relative(root, wasmPath).split(path.sep).join('/')}`;
  throw new UserError(
    `${where(manifest, lineOf(manifest.text, new RegExp(`image:\\s*['"]?${image.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)))}: ` +
      `component "${String(component.name)}" ships ${image}, which \`wash build\` never writes; set image: ${expected}`,
    manifest.file,
  );
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
  return {
    kind: 'wash',
    washMajor: 2,
    dir: root,
    config: file,
    components: [component],
    build: (environment) => buildWash(root, file, [component], environment),
  };
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
      env: { ...process.env, ...environment.env },
      onOutput: (chunk) => logger.output(chunk),
    }),
  );
  const printed = /(?:can be found at|built component at:)\s*"?([^"\n]+?)"?\s*$/m.exec(
    result.stdout,
  )?.[1];
  for (const component of components) {
    if (!existsSync(component.wasmPath)) {
      throw new UserError(
        `wash build finished${printed ? ` (it wrote ${printed})` : ''}, but ${displayPath(component.wasmPath)} ` +
          `named by ${displayPath(config)} does not exist; make the project file name the file the build writes`,
        config,
      );
    }
  }
}
