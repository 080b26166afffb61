import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  predictCargoOutputs
} from "./chunk-V3FZFR6Q.js";
import {
  SPIN_MANIFEST,
  displayPath,
  escapeRegExp,
  isTable,
  lineOf,
  readTomlManifest,
  where
} from "./chunk-A4CPL2MO.js";
import {
  exec
} from "./chunk-HI7XWGIK.js";
import {
  UserError
} from "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";

// src/projects/spin.ts
import { existsSync } from "node:fs";
import path from "node:path";
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
  if (typeof command === "string") return [command];
  if (Array.isArray(command) && command.every((c) => typeof c === "string")) return command;
  throw new UserError(
    `${where(manifest, componentLine(manifest, id, "command"))}: [component.${id}.build] command must be a string or a list of strings`,
    manifest.file
  );
}
async function readComponent(manifest, id, value) {
  const dir = path.dirname(manifest.file);
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
  const wasmPath = path.resolve(dir, source);
  const build = value.build;
  if (build === void 0) return { name: id, wasmPath, manifest: manifest.file, built: true };
  if (!isTable(build)) {
    throw new UserError(
      `${where(manifest, componentLine(manifest, id))}: [component.${id}.build] must be a table`,
      manifest.file
    );
  }
  const steps = buildSteps(manifest, id, build);
  const workdir = typeof build.workdir === "string" ? path.resolve(dir, build.workdir) : dir;
  await checkSourceIsProduced(manifest, id, source, wasmPath, steps, workdir);
  return {
    name: id,
    wasmPath,
    manifest: manifest.file,
    built: true,
    buildCommand: steps.join(" && "),
    workdir
  };
}
async function checkSourceIsProduced(manifest, id, source, wasmPath, steps, workdir) {
  const outputs = [];
  let likeliest;
  for (const step of steps) {
    if (/^\s*cargo\s+(?!build\b)/.test(step)) continue;
    const candidates = await predictCargoOutputs(step, workdir);
    if (candidates === void 0) return;
    outputs.push(...candidates);
    likeliest = candidates[1] ?? candidates[0];
  }
  if (likeliest === void 0 || outputs.includes(wasmPath)) return;
  const suggestion = path.relative(path.dirname(manifest.file), likeliest).split(path.sep).join("/");
  throw new UserError(
    `${where(manifest, componentLine(manifest, id, "source"))}: component "${id}" has source = "${source}", but its build (\`${steps.join(" && ")}\`) writes ${suggestion}; set source = "${suggestion}" or change the build command`,
    manifest.file
  );
}
function readRoutes(manifest) {
  const trigger = manifest.data.trigger;
  if (!isTable(trigger) || !Array.isArray(trigger.http)) return [];
  return trigger.http.flatMap(
    (entry) => isTable(entry) && typeof entry.component === "string" && typeof entry.route === "string" ? [{ component: entry.component, route: entry.route }] : []
  );
}
async function loadSpinProject(dir, manifestName = SPIN_MANIFEST) {
  const file = path.resolve(dir, manifestName);
  if (!existsSync(file)) {
    throw new UserError(
      `No ${manifestName} in ${displayPath(path.resolve(dir))}; a Spin app needs one (run \`spin new\`)`,
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
  const appName = typeof application.name === "string" ? application.name : path.basename(path.dirname(file));
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
    dir: path.dirname(file),
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
      cwd: path.dirname(manifest),
      env: { ...process.env, ...environment.env },
      onOutput: (chunk) => logger.output(chunk)
    });
  });
  const targetDir = environment.env.CARGO_TARGET_DIR ?? process.env.CARGO_TARGET_DIR;
  for (const component of components) {
    if (component.built && !existsSync(component.wasmPath)) {
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
