import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  targetInCommand
} from "./chunk-YDEMTISK.js";
import {
  configuredRustTarget
} from "./chunk-KEOSVDQE.js";
import {
  escapeRegExp,
  isTable,
  lineOf,
  readTomlManifest,
  where
} from "./chunk-VMZ47O4A.js";
import {
  cargoBuildOf,
  parseCargoCommand
} from "./chunk-2HIH7NOE.js";
import {
  SPIN_MANIFEST,
  displayPath
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

// src/projects/spin.ts
import { existsSync as existsSync2 } from "node:fs";
import path2 from "node:path";

// src/projects/cargo-output.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
async function predictCargoOutputs(command, workdir) {
  const args = parseCargoCommand(command);
  if (args?.subcommand !== "build") return void 0;
  const target = args.target ?? (await configuredRustTarget(workdir))?.target;
  if (!target?.startsWith("wasm32")) return void 0;
  const manifestPath = path.resolve(workdir, args.manifestPath ?? "Cargo.toml");
  if (!existsSync(manifestPath)) return void 0;
  const crateName = await cargoLibName(manifestPath);
  if (!crateName) return void 0;
  const relative = path.join("target", target, args.profileDir, `${crateName}.wasm`);
  const outputs = [path.join(path.dirname(manifestPath), relative)];
  for (let dir = path.dirname(manifestPath); ; ) {
    for (const config of [".cargo/config.toml", ".cargo/config"]) {
      const file = path.join(dir, config);
      if (existsSync(file) && readFileSync(file, "utf8").includes("target-dir")) return void 0;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    const toml = path.join(dir, "Cargo.toml");
    if (existsSync(toml) && /^\s*\[workspace\]/m.test(readFileSync(toml, "utf8")))
      outputs.push(path.join(dir, relative));
  }
  return outputs;
}
async function cargoLibName(manifestPath) {
  const { data } = await readTomlManifest(manifestPath);
  const lib = isTable(data.lib) && typeof data.lib.name === "string" ? data.lib.name : void 0;
  const pkg = isTable(data.package) && typeof data.package.name === "string" ? data.package.name : void 0;
  return (lib ?? pkg)?.replace(/-/g, "_");
}

// src/projects/spin.ts
function componentLine(manifest, id, key) {
  const header = new RegExp(
    `^\\s*\\[component\\.(?:"${escapeRegExp(id)}"|${escapeRegExp(id)})\\]`,
    "m"
  );
  const start = lineOf(manifest.text, header);
  if (start === void 0 || key === void 0) return start;
  const after = manifest.text.split("\n").slice(start).join("\n");
  const offset = lineOf(after, new RegExp(`^\\s*${escapeRegExp(key)}\\s*=`, "m"));
  return offset === void 0 ? start : start + offset;
}
function buildSteps(manifest, id, build) {
  const command = build.command;
  const steps = typeof command === "string" ? [command] : Array.isArray(command) && command.every((c) => typeof c === "string") ? command : void 0;
  if (steps && (steps.length === 0 || steps.some((step) => step.trim() === ""))) {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id, "command"))}: [component.${id}.build] command is empty; give the command that writes its source, or remove the [component.${id}.build] table for a prebuilt file`,
      manifest.file
    );
  }
  if (steps) return steps;
  throw new UserError(
    `${where(manifest, componentLine(manifest, id, "command"))}: [component.${id}.build] command must be a string or a list of strings`,
    manifest.file
  );
}
async function readComponent(manifest, id, value) {
  const dir = path2.dirname(manifest.file);
  if (!isTable(value)) {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id))}: [component.${id}] must be a table`,
      manifest.file
    );
  }
  const source = value.source;
  if (isTable(source) && typeof source.url === "string") {
    return { name: id, wasmPath: source.url, manifest: manifest.file, built: false };
  }
  if (typeof source !== "string") {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id, "source"))}: component "${id}" has no \`source\`; set source = "path/to/file.wasm" or source = { url, digest }`,
      manifest.file
    );
  }
  const wasmPath = path2.resolve(dir, source);
  const build = value.build;
  if (build === void 0) return { name: id, wasmPath, manifest: manifest.file, built: true };
  if (!isTable(build)) {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id))}: [component.${id}.build] must be a table`,
      manifest.file
    );
  }
  const steps = buildSteps(manifest, id, build);
  const workdir = typeof build.workdir === "string" ? path2.resolve(dir, build.workdir) : dir;
  await checkSourceIsProduced(manifest, id, source, wasmPath, steps, workdir);
  const buildCommand = steps.join(" && ");
  const rustTarget = targetInCommand(buildCommand) ?? (cargoBuildOf(buildCommand) ? (await configuredRustTarget(workdir))?.target : void 0);
  return {
    name: id,
    wasmPath,
    manifest: manifest.file,
    built: true,
    buildCommand,
    workdir,
    ...rustTarget !== void 0 ? { rustTarget } : {}
  };
}
async function checkSourceIsProduced(manifest, id, source, wasmPath, steps, workdir) {
  const outputs = [];
  let likeliest;
  for (const step of steps) {
    const cargo = parseCargoCommand(step);
    if (cargo && cargo.subcommand !== "build") continue;
    const candidates = await predictCargoOutputs(step, workdir);
    if (candidates === void 0) return;
    outputs.push(...candidates);
    likeliest = candidates[1] ?? candidates[0];
  }
  if (likeliest === void 0 || outputs.includes(wasmPath)) return;
  const suggestion = path2.relative(path2.dirname(manifest.file), likeliest).split(path2.sep).join("/");
  throw new UserError(
    `${where(manifest, componentLine(manifest, id, "source"))}: component "${id}" has source = "${source}", but its build (\`${steps.join(" && ")}\`) writes ${suggestion}; set source = "${suggestion}" or change the build command`,
    manifest.file
  );
}
function triggerLine(manifest, index) {
  const headers = [...manifest.text.matchAll(/^\s*\[\[\s*trigger\.http\s*\]\]/gm)];
  const match = headers[index];
  return match ? manifest.text.slice(0, match.index).split("\n").length : void 0;
}
function readRoutes(manifest) {
  const trigger = manifest.data.trigger;
  if (!isTable(trigger) || !Array.isArray(trigger.http)) return [];
  return trigger.http.flatMap((entry, index) => {
    if (!isTable(entry) || typeof entry.component !== "string") return [];
    if (typeof entry.route === "string")
      return [{ component: entry.component, route: entry.route }];
    if (isTable(entry.route) && entry.route.private === true) return [];
    throw new UserError(
      `${where(manifest, triggerLine(manifest, index))}: [[trigger.http]] of component "${entry.component}": route must be a string pattern such as "/api/..." or { private = true }`,
      manifest.file
    );
  });
}
async function loadSpinProject(dir, manifestName = SPIN_MANIFEST) {
  const file = path2.resolve(dir, manifestName);
  if (!existsSync2(file)) {
    throw new UserError(
      `No ${manifestName} in ${displayPath(path2.resolve(dir))}; a Spin app needs one (run \`spin new\`)`,
      file
    );
  }
  const manifest = await readTomlManifest(file);
  const version = manifest.data.spin_manifest_version;
  if (version !== 2) {
    const line = lineOf(manifest.text, /^\s*spin_manifest_version\s*=/m) ?? lineOf(manifest.text, /^\s*spin_version\s*=/m);
    const found = version === void 0 ? "no spin_manifest_version" : `spin_manifest_version = ${JSON.stringify(version)}`;
    throw new UserError(
      `${where(manifest, line)}: ${found}; spinwash reads Spin manifest version 2 only: set spin_manifest_version = 2 (\`spin doctor\` migrates a version 1 manifest)`,
      file
    );
  }
  const application = isTable(manifest.data.application) ? manifest.data.application : {};
  const appName = typeof application.name === "string" ? application.name : path2.basename(path2.dirname(file));
  const table = manifest.data.component;
  if (!isTable(table) || Object.keys(table).length === 0) {
    throw new UserError(
      `${displayPath(file)}: no [component.<id>] table; a Spin app needs at least one component`,
      file
    );
  }
  const components = [];
  for (const [id, value] of Object.entries(table))
    components.push(await readComponent(manifest, id, value));
  const routes = readRoutes(manifest);
  return {
    kind: "spin",
    dir: path2.dirname(file),
    manifest: file,
    appName,
    routes,
    components,
    build: (environment) => buildSpin(file, components, environment)
  };
}
async function buildSpin(manifest, components, environment) {
  const { logger } = environment;
  await logger.group(`spin build (${displayPath(manifest)})`, async () => {
    await exec("spin", ["build", "-f", manifest], {
      cwd: path2.dirname(manifest),
      env: { ...process.env, ...environment.env },
      onOutput: (chunk) => logger.output(chunk)
    });
  });
  const targetDir = environment.env.CARGO_TARGET_DIR ?? process.env.CARGO_TARGET_DIR;
  for (const component of components) {
    if (component.built && !existsSync2(component.wasmPath)) {
      throw new UserError(
        `spin build finished, but component "${component.name}"'s source ${displayPath(component.wasmPath)} does not exist; make its [component.${component.name}.build] command write that file, or point source at the file it writes` + (targetDir ? ` (CARGO_TARGET_DIR is set to ${targetDir}: cargo writes there, not under ./target; unset it for Spin apps)` : ""),
        manifest
      );
    }
  }
}
export {
  loadSpinProject
};
//# sourceMappingURL=spin-LTW4LZT5.js.map
