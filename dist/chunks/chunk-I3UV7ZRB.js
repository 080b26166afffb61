import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  WADM_MANIFEST,
  WASH_V1_CONFIG,
  WASH_V2_CONFIG,
  displayPath,
  findWashConfig,
  isTable,
  lineOf,
  readTomlManifest,
  readYamlManifest,
  where
} from "./chunk-A4CPL2MO.js";
import {
  exec
} from "./chunk-HI7XWGIK.js";
import {
  UserError
} from "./chunk-T6ADKWSP.js";

// src/projects/wash.ts
import { existsSync } from "node:fs";
import path from "node:path";
async function loadWashProject(dir) {
  const root = path.resolve(dir);
  const config = findWashConfig(root);
  if (!config) {
    throw new UserError(
      `No ${WASH_V1_CONFIG} or ${WASH_V2_CONFIG} in ${displayPath(root)}; a wasmCloud project needs one (run \`wash new\`)`,
      path.join(root, WASH_V1_CONFIG)
    );
  }
  return config.endsWith(WASH_V1_CONFIG) ? loadWashV1(root, config) : loadWashV2(root, config);
}
function str(table, key) {
  const value = table[key];
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
async function loadWashV1(root, file) {
  const manifest = await readTomlManifest(file);
  const name = str(manifest.data, "name");
  if (!name) {
    throw new UserError(
      `${displayPath(file)}: no \`name\`; set name = "<project name>" at the top`,
      file
    );
  }
  const type = str(manifest.data, "type") ?? "component";
  if (type !== "component") {
    throw new UserError(
      `${where(manifest, lineOf(manifest.text, /^\s*type\s*=/m))}: type = "${type}"; spinwash builds wasmCloud components only (type = "component")`,
      file
    );
  }
  const section = isTable(manifest.data.component) ? manifest.data.component : {};
  const buildDir = path.resolve(root, str(section, "build_dir") ?? "build");
  const binName = str(section, "wasm_bin_name") ?? name.replace(/-/g, "_");
  const target = str(section, "wasm_target") ?? "wasm32-wasip2";
  const wasmPath = path.join(buildDir, `${binName}_s.wasm`);
  const application = await readWadm(root, wasmPath);
  const component = {
    name,
    wasmPath,
    manifest: file,
    built: true,
    buildCommand: `wash build (cargo build --release --target ${target}, then sign)`,
    workdir: root
  };
  return {
    kind: "wash",
    washMajor: 0,
    dir: root,
    config: file,
    application,
    components: [component],
    build: (environment) => buildWash(root, file, [component], environment)
  };
}
async function readWadm(root, wasmPath) {
  const file = path.join(root, WADM_MANIFEST);
  if (!existsSync(file)) return void 0;
  const manifest = await readYamlManifest(file);
  const metadata = isTable(manifest.data.metadata) ? manifest.data.metadata : {};
  const name = str(metadata, "name");
  if (!name)
    throw new UserError(
      `${displayPath(file)}: no metadata.name; the application needs a name`,
      file
    );
  const spec = isTable(manifest.data.spec) ? manifest.data.spec : {};
  const components = Array.isArray(spec.components) ? spec.components.filter(isTable) : [];
  const wasm = components.filter((c) => c.type === "component");
  if (wasm.length === 0) {
    throw new UserError(
      `${where(manifest, lineOf(manifest.text, /^\s*components\s*:/m) ?? lineOf(manifest.text, /^\s*spec\s*:/m))}: spec.components has no entry with \`type: component\`; add one whose properties.image is file://./${path.relative(root, wasmPath)}`,
      file
    );
  }
  for (const component of wasm) checkLocalImage(manifest, root, component, wasmPath);
  const annotations = isTable(metadata.annotations) ? metadata.annotations : {};
  return {
    manifest: file,
    name,
    version: str(annotations, "version"),
    httpAddress: httpLinkAddress(components)
  };
}
function httpLinkAddress(components) {
  for (const component of components) {
    const traits = Array.isArray(component.traits) ? component.traits.filter(isTable) : [];
    for (const trait of traits) {
      const properties = isTable(trait.properties) ? trait.properties : {};
      if (trait.type !== "link" || properties.package !== "http") continue;
      const source = isTable(properties.source) ? properties.source : {};
      const configs = Array.isArray(source.config) ? source.config.filter(isTable) : [];
      for (const config of configs) {
        const address = isTable(config.properties) ? str(config.properties, "address") : void 0;
        if (address) return address;
      }
    }
  }
  return void 0;
}
function checkLocalImage(manifest, root, component, wasmPath) {
  const properties = isTable(component.properties) ? component.properties : {};
  const image = str(properties, "image");
  if (!image?.startsWith("file://")) return;
  const local = path.resolve(root, image.slice("file://".length));
  if (local === wasmPath) return;
  const expected = `file://./${path.relative(root, wasmPath).split(path.sep).join("/")}`;
  throw new UserError(
    `${where(manifest, lineOf(manifest.text, new RegExp(`image:\\s*['"]?${image.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)))}: component "${String(component.name)}" ships ${image}, which \`wash build\` never writes; set image: ${expected}`,
    manifest.file
  );
}
async function loadWashV2(root, file) {
  const manifest = await readYamlManifest(file);
  const build = isTable(manifest.data.build) ? manifest.data.build : {};
  const name = path.basename(root);
  const componentPath = str(build, "component_path") ?? `${name}.wasm`;
  const component = {
    name,
    wasmPath: path.resolve(root, componentPath),
    manifest: file,
    built: true,
    buildCommand: str(build, "command") ?? "wash build",
    workdir: root
  };
  return {
    kind: "wash",
    washMajor: 2,
    dir: root,
    config: file,
    components: [component],
    build: (environment) => buildWash(root, file, [component], environment)
  };
}
async function buildWash(root, config, components, environment) {
  const { logger } = environment;
  const result = await logger.group(
    "wash build",
    () => exec("wash", ["build"], {
      cwd: root,
      env: { ...process.env, ...environment.env },
      onOutput: (chunk) => logger.output(chunk)
    })
  );
  const printed = /(?:can be found at|built component at:)\s*"?([^"\n]+?)"?\s*$/m.exec(
    result.stdout
  )?.[1];
  for (const component of components) {
    if (!existsSync(component.wasmPath)) {
      throw new UserError(
        `wash build finished${printed ? ` (it wrote ${printed})` : ""}, but ${displayPath(component.wasmPath)} named by ${displayPath(config)} does not exist; make the project file name the file the build writes`,
        config
      );
    }
  }
}

export {
  loadWashProject
};
