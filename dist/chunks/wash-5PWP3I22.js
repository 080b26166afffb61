import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  targetInCommand
} from "./chunk-YDEMTISK.js";
import {
  escapeRegExp,
  isTable,
  lineOf,
  readTomlManifest,
  readYamlManifest,
  where
} from "./chunk-VMZ47O4A.js";
import {
  cargoBuildArgs
} from "./chunk-2HIH7NOE.js";
import {
  WADM_MANIFEST,
  WASH_V1_CONFIG,
  WASH_V2_CONFIG,
  displayPath,
  findWashConfig
} from "./chunk-3J67AXYP.js";
import {
  exec
} from "./chunk-MFM22RQS.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/projects/wash.ts
import { existsSync as existsSync3 } from "node:fs";
import path3 from "node:path";

// src/projects/wadm.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
function str(table, key) {
  const value = table[key];
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
function imageFile(image, manifestDir) {
  if (!image.startsWith("file://")) return void 0;
  try {
    if (image.startsWith("file:///")) return fileURLToPath(image);
    return path.resolve(manifestDir, decodeURI(image.slice("file://".length)));
  } catch {
    return void 0;
  }
}
function owningProject(file) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, WASH_V1_CONFIG)) || existsSync(path.join(dir, WASH_V2_CONFIG)))
      return dir;
    if (path.dirname(dir) === dir) return void 0;
  }
}
async function readWadm(file, outputs) {
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
  const signedImage = `file://./${path.relative(path.dirname(file), outputs.signed).split(path.sep).join("/")}`;
  if (wasm.length === 0) {
    throw new UserError(
      `${where(manifest, lineOf(manifest.text, /^\s*components\s*:/m) ?? lineOf(manifest.text, /^\s*spec\s*:/m))}: spec.components has no entry with \`type: component\`; add one whose properties.image is ${signedImage}`,
      file
    );
  }
  let ships;
  for (const component of wasm) {
    const properties = isTable(component.properties) ? component.properties : {};
    const image = str(properties, "image");
    const local = image ? imageFile(image, path.dirname(file)) : void 0;
    if (image === void 0 || local === void 0) continue;
    if (local === outputs.signed || local === outputs.artifact) {
      ships ??= local;
      continue;
    }
    if (owningProject(local) !== outputs.root) continue;
    throw new UserError(
      `${where(manifest, lineOf(manifest.text, new RegExp(`image:\\s*['"]?${escapeRegExp(image)}`)))}: component "${String(component.name)}" ships ${image}, which this project's \`wash build\` never writes (it signs ${displayPath(outputs.signed)}); set image: ${signedImage}`,
      file
    );
  }
  const annotations = isTable(metadata.annotations) ? metadata.annotations : {};
  const version = str(annotations, "version");
  const httpAddress = httpLinkAddress(components);
  return {
    manifest: file,
    name,
    ...version !== void 0 ? { version } : {},
    ...httpAddress !== void 0 ? { httpAddress } : {},
    ...ships !== void 0 ? { ships } : {}
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

// src/projects/wash-toml.ts
import { existsSync as existsSync2 } from "node:fs";
import path2 from "node:path";
var WASM_TARGETS = {
  "wasm32-wasi-preview1": "wasm32-wasip1",
  "wasm32-wasip1": "wasm32-wasip1",
  "wasm32-wasi": "wasm32-wasip1",
  "wasm32-wasi-preview2": "wasm32-wasip2",
  "wasm32-wasip2": "wasm32-wasip2",
  "wasm32-unknown-unknown": "wasm32-unknown-unknown"
};
var TINYGO_TARGETS = {
  "wasm32-unknown-unknown": "wasm",
  "wasm32-wasip1": "wasi",
  "wasm32-wasip2": "wasip2"
};
function str2(table, key) {
  const value = table[key];
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
function keyLine(manifest, key) {
  return lineOf(manifest.text, new RegExp(`^\\s*${key}\\s*=`, "m"));
}
async function readCrate(projectDir) {
  const file = path2.join(projectDir, "Cargo.toml");
  if (!existsSync2(file)) return void 0;
  const { data } = await readTomlManifest(file);
  const pkg = isTable(data.package) ? data.package : void 0;
  const packageName = pkg ? str2(pkg, "name") : void 0;
  if (packageName === void 0) return void 0;
  const lib = isTable(data.lib) ? data.lib : void 0;
  const hasLib = lib !== void 0 || existsSync2(path2.join(projectDir, "src", "lib.rs"));
  const libName = hasLib ? (lib && str2(lib, "name")) ?? packageName.replace(/-/g, "_") : void 0;
  return { packageName, ...libName !== void 0 ? { libName } : {} };
}
async function resolveWashToml(file) {
  const manifest = await readTomlManifest(file);
  const data = manifest.data;
  const tomlDir = path2.dirname(file);
  const language = str2(data, "language")?.trim().toLowerCase();
  if (!language) {
    throw new UserError(
      `${displayPath(file)}: no \`language\`; wash needs one: language = "rust" (or "tinygo", or another with a [component] build_command)`,
      file
    );
  }
  const type = str2(data, "type")?.trim().toLowerCase();
  if (type !== "component") {
    throw new UserError(
      `${where(manifest, keyLine(manifest, "type"))}: ${type ? `type = "${type}"` : "no `type`"}; spinwash builds wasmCloud components only: set type = "component"`,
      file
    );
  }
  const section = isTable(data.component) ? data.component : {};
  const projectDir = path2.resolve(tomlDir, str2(data, "path") ?? ".");
  const buildDir = path2.resolve(
    str2(data, "build") !== void 0 ? tomlDir : projectDir,
    str2(data, "build") ?? "build"
  );
  const crate = language === "rust" ? await readCrate(projectDir) : void 0;
  const name = str2(data, "name") ?? crate?.packageName;
  if (name === void 0) {
    throw new UserError(
      language === "rust" ? `${displayPath(file)}: no \`name\`, and no Cargo.toml with a [package] in ${displayPath(projectDir)} to take it from; set name = "<component name>"` : `${displayPath(file)}: no \`name\`; wash needs one for a ${language} project: set name = "<component name>"`,
      file
    );
  }
  const fileName = crate?.libName ?? name;
  const rawTarget = str2(section, "wasm_target");
  const wasmTarget = (rawTarget !== void 0 ? WASM_TARGETS[rawTarget] : void 0) ?? "wasm32-unknown-unknown";
  const relative = (to) => path2.relative(projectDir, to).split(path2.sep).join("/") || ".";
  let command;
  let artifact;
  let rustTarget;
  const buildCommand = str2(section, "build_command");
  if (buildCommand !== void 0) {
    command = buildCommand.trim().split(/\s+/).join(" ");
    const declared = str2(section, "build_artifact");
    artifact = declared !== void 0 ? path2.resolve(projectDir, declared) : path2.join(buildDir, `${fileName}.wasm`);
    rustTarget = targetInCommand(command);
  } else if (language === "rust") {
    const rust = isTable(data.rust) ? data.rust : {};
    rustTarget = wasmTarget;
    command = [
      str2(rust, "cargo_path") ?? "cargo",
      ...cargoBuildArgs({ target: rustTarget, release: rust.debug !== true })
    ].join(" ");
    artifact = path2.join(buildDir, `${fileName}.wasm`);
  } else if (language === "tinygo") {
    const tinygo = isTable(data.tinygo) ? data.tinygo : {};
    artifact = path2.join(buildDir, `${name}.wasm`);
    const world = str2(section, "wit_world");
    if (wasmTarget === "wasm32-wasip2" && world === void 0) {
      throw new UserError(
        `${displayPath(file)}: [component] wasm_target = "${rawTarget}" with TinyGo needs \`wit_world\` (wash passes it to tinygo -wit-world); add it to [component]`,
        file
      );
    }
    const wit = path2.resolve(tomlDir, str2(data, "wit") ?? path2.join(projectDir, "wit"));
    command = [
      str2(tinygo, "tinygo_path") ?? "tinygo",
      "build",
      "-o",
      relative(artifact),
      "-target",
      TINYGO_TARGETS[wasmTarget],
      ...wasmTarget === "wasm32-wasip2" ? ["-wit-package", relative(wit), "-wit-world", world ?? ""] : ["-scheduler", "none", "-no-debug"],
      "."
    ].join(" ");
  } else {
    throw new UserError(
      `${where(manifest, keyLine(manifest, "language"))}: language = "${language}" needs a build command (wash builds only Rust and TinyGo itself); set [component] build_command = "\u2026" and build_artifact = "path/to/file.wasm"`,
      file
    );
  }
  const destination = str2(section, "destination");
  const signed = destination !== void 0 ? path2.resolve(projectDir, destination) : artifact.split(".wasm").join("_s.wasm");
  return {
    file,
    language,
    name,
    projectDir,
    buildDir,
    wasmTarget,
    command,
    ...rustTarget !== void 0 ? { rustTarget } : {},
    artifact,
    signed
  };
}

// src/projects/wash.ts
async function loadWashProject(dir) {
  const root = path3.resolve(dir);
  const config = findWashConfig(root);
  if (!config) {
    throw new UserError(
      `No ${WASH_V1_CONFIG} or ${WASH_V2_CONFIG} in ${displayPath(root)}; a wasmCloud project needs one (run \`wash new\`)`,
      path3.join(root, WASH_V1_CONFIG)
    );
  }
  return config.endsWith(WASH_V1_CONFIG) ? loadWashV1(root, config) : loadWashV2(root, config);
}
function str3(table, key) {
  const value = table[key];
  return typeof value === "string" && value.trim() !== "" ? value : void 0;
}
async function loadWashV1(root, file) {
  const build = await resolveWashToml(file);
  const wadmFile = path3.join(root, WADM_MANIFEST);
  const application = existsSync3(wadmFile) ? await readWadm(wadmFile, { root, artifact: build.artifact, signed: build.signed }) : void 0;
  const component = {
    name: build.name,
    // the file wadm.yaml ships, so the optimize stage shrinks what the deploy runs
    wasmPath: application?.ships ?? build.signed,
    manifest: file,
    built: true,
    buildCommand: build.command,
    workdir: build.projectDir,
    ...build.rustTarget !== void 0 ? { rustTarget: build.rustTarget } : {},
    builtBy: `wash build (then signs ${path3.relative(root, build.artifact).split(path3.sep).join("/")} into ${path3.relative(root, build.signed).split(path3.sep).join("/")})`
  };
  return {
    kind: "wash",
    washMajor: 0,
    dir: root,
    config: file,
    ...application !== void 0 ? { application } : {},
    deployManifests: application ? [{ kind: "wadm", path: application.manifest, name: application.name }] : [],
    components: [component],
    build: (environment) => buildWash(root, file, [component], environment)
  };
}
async function loadWashV2(root, file) {
  const manifest = await readYamlManifest(file);
  const build = isTable(manifest.data.build) ? manifest.data.build : {};
  const name = path3.basename(root);
  const componentPath = str3(build, "component_path") ?? `${name}.wasm`;
  const component = {
    name,
    wasmPath: path3.resolve(root, componentPath),
    manifest: file,
    built: true,
    buildCommand: str3(build, "command") ?? "wash build",
    workdir: root
  };
  const components = [component, ...devComponents(manifest.data, root, file)];
  return {
    kind: "wash",
    washMajor: 2,
    dir: root,
    config: file,
    components,
    build: (environment) => buildWash(root, file, components, environment)
  };
}
function devComponents(data, root, file) {
  const dev = isTable(data.dev) ? data.dev : {};
  const found = [];
  const entries = Array.isArray(dev.components) ? dev.components.filter(isTable) : [];
  for (const [index, entry] of entries.entries()) {
    const wasm = str3(entry, "file");
    if (wasm === void 0) continue;
    found.push({
      name: str3(entry, "name") ?? `dev.components[${index}]`,
      wasmPath: path3.resolve(root, wasm),
      manifest: file,
      built: true
    });
  }
  const service = str3(dev, "service_file");
  if (service !== void 0) {
    found.push({
      name: "service",
      wasmPath: path3.resolve(root, service),
      manifest: file,
      built: true
    });
  }
  return found;
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
    if (!existsSync3(component.wasmPath) && component.buildCommand === void 0) {
      throw new UserError(
        `${displayPath(config)} names ${displayPath(component.wasmPath)} for "${component.name}" (a file \`wash dev\` loads as it is, not built), but it does not exist; build it first or fix the path`,
        config
      );
    }
    if (!existsSync3(component.wasmPath)) {
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
//# sourceMappingURL=wash-5PWP3I22.js.map
