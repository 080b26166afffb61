import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  PROJECT_KINDS,
  detectProject,
  rustTargetsOf
} from "./chunk-DU7AOQJV.js";
import {
  parseChoice
} from "./chunk-4OZ5WGZ4.js";
import "./chunk-V3FZFR6Q.js";
import "./chunk-A4CPL2MO.js";
import {
  writeFileAtomic
} from "./chunk-2ZOKV7VA.js";
import {
  UserError,
  errorMessage
} from "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";

// src/commands/inspect.ts
import path from "node:path";
var USAGE = "usage: spinwash inspect [--project DIR] [--kind auto|cargo|spin|wash] [--json FILE]";
function parseArgs(args) {
  const result = { project: ".", kind: "auto" };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split("=", 2) : [arg, void 0];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === void 0 || v === "") throw new UserError(`${flag} needs a value; ${USAGE}`);
      return v;
    };
    if (flag === "--project") result.project = value();
    else if (flag === "--json") result.json = value();
    else if (flag === "--kind") result.kind = parseChoice("--kind", value(), PROJECT_KINDS);
    else throw new UserError(`Unknown argument "${arg}"; ${USAGE}`);
  }
  return result;
}
function relative(dir, file) {
  if (file === void 0) return void 0;
  if (!path.isAbsolute(file)) return file;
  return path.relative(dir, file).split(path.sep).join("/") || ".";
}
function targetOf(component) {
  const [target] = rustTargetsOf({ components: [component] });
  return target ? { target } : {};
}
function describeProject(project) {
  return {
    kind: project.kind,
    dir: project.dir,
    components: project.components.map((c) => ({
      name: c.name,
      built: c.built,
      wasm: relative(project.dir, c.wasmPath) ?? c.wasmPath,
      manifest: relative(project.dir, c.manifest) ?? c.manifest,
      ...c.buildCommand !== void 0 ? { buildCommand: c.buildCommand } : {},
      ...c.workdir !== void 0 ? { workdir: relative(project.dir, c.workdir) } : {},
      ...targetOf(c)
    }))
  };
}
function renderInspect(result) {
  const lines = [
    `kind: ${result.kind}`,
    `project: ${result.dir}`,
    `components (${result.components.length}):`
  ];
  for (const c of result.components) {
    lines.push(`  ${c.name}${c.built ? "" : " (remote source: listed, not built)"}`);
    lines.push(`    wasm:     ${c.wasm}`);
    lines.push(`    manifest: ${c.manifest}`);
    if (c.buildCommand !== void 0) lines.push(`    build:    ${c.buildCommand}`);
    if (c.workdir !== void 0) lines.push(`    workdir:  ${c.workdir}`);
    if (c.target !== void 0) lines.push(`    target:   ${c.target}`);
  }
  return `${lines.join("\n")}
`;
}
async function runInspectCommand(args, io) {
  let parsed;
  try {
    parsed = parseArgs(args);
  } catch (error) {
    io.stderr(`${errorMessage(error)}
`);
    return 2;
  }
  try {
    const project = await detectProject(parsed.project, parsed.kind);
    const result = describeProject(project);
    io.stdout(renderInspect(result));
    if (parsed.json !== void 0)
      await writeFileAtomic(
        path.resolve(io.cwd ?? process.cwd(), parsed.json),
        `${JSON.stringify(result, null, 2)}
`
      ).catch((error) => {
        throw new UserError(`Cannot write ${parsed.json}: ${errorMessage(error)}`);
      });
    return 0;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    io.stderr(`error: ${error.message}
`);
    return 1;
  }
}
export {
  describeProject,
  renderInspect,
  runInspectCommand
};
