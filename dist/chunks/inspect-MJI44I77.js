import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  parseRustTarget
} from "./chunk-TWX3SAKE.js";
import {
  reportCliError
} from "./chunk-HA33TRQG.js";
import {
  detectProject
} from "./chunk-UHWQGR37.js";
import {
  PROJECT_KINDS,
  parseChoice
} from "./chunk-7DXSX7HT.js";
import {
  writeFileAtomic
} from "./chunk-BPTAPCOJ.js";
import {
  rustTargetOf
} from "./chunk-YDEMTISK.js";
import "./chunk-2HIH7NOE.js";
import "./chunk-3J67AXYP.js";
import "./chunk-P2OAGGZH.js";
import {
  UsageError,
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/commands/inspect.ts
import path from "node:path";
var USAGE = "usage: spinwash inspect [--project DIR] [--kind auto|cargo|spin|wash] [--target TRIPLE] [--json FILE]";
var HELP = `${USAGE}

Shows what spinwash finds in a project, without building it: its kind, each component's wasm
file, the command that builds it and the folder it runs in, the Rust target, and the deploy
manifests found beside it (wadm.yaml).

  --project DIR    the project folder (default: .)
  --kind KIND      auto (default), cargo, spin or wash
  --target TRIPLE  a Cargo project's Rust target (default: .cargo/config.toml [build] target, else wasm32-wasip1)
  --json FILE      also write the result as JSON
  -h, --help       this help
`;
function parseArgs(args) {
  const result = { project: ".", kind: "auto" };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split("=", 2) : [arg, void 0];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === void 0 || v === "") throw new UsageError(`${flag} needs a value; ${USAGE}`);
      return v;
    };
    if (flag === "--help" || flag === "-h") result.help = true;
    else if (flag === "--project") result.project = value();
    else if (flag === "--json") result.json = value();
    else if (flag === "--target") result.target = parseRustTarget("--target", value());
    else if (flag === "--kind") result.kind = parseChoice("--kind", value(), PROJECT_KINDS);
    else throw new UsageError(`Unknown argument "${arg}"; ${USAGE}`);
  }
  return result;
}
function relative(dir, file) {
  if (file === void 0) return void 0;
  if (!path.isAbsolute(file)) return file;
  return path.relative(dir, file).split(path.sep).join("/") || ".";
}
function targetOf(component) {
  const target = rustTargetOf(component);
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
      ...targetOf(c),
      ...c.builtBy !== void 0 ? { builtBy: c.builtBy } : {}
    })),
    deployManifests: (project.deployManifests ?? []).map((m) => ({
      kind: m.kind,
      path: relative(project.dir, m.path) ?? m.path,
      ...m.name !== void 0 ? { name: m.name } : {}
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
    if (c.builtBy !== void 0) lines.push(`    run by:   ${c.builtBy}`);
    if (c.workdir !== void 0) lines.push(`    workdir:  ${c.workdir}`);
    if (c.target !== void 0) lines.push(`    target:   ${c.target}`);
  }
  lines.push(
    result.deployManifests.length === 0 ? "deploy manifests: none" : `deploy manifests (${result.deployManifests.length}):`
  );
  for (const m of result.deployManifests)
    lines.push(`  ${m.kind}: ${m.path}${m.name !== void 0 ? ` (application ${m.name})` : ""}`);
  return `${lines.join("\n")}
`;
}
async function runInspectCommand(args, io) {
  try {
    const parsed = parseArgs(args);
    if (parsed.help) {
      io.stdout(HELP);
      return 0;
    }
    const project = await detectProject(parsed.project, parsed.kind, {
      ...parsed.target !== void 0 ? { rustTarget: parsed.target } : {}
    });
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
    return reportCliError(error, io, "inspect");
  }
}
export {
  describeProject,
  renderInspect,
  runInspectCommand
};
//# sourceMappingURL=inspect-MJI44I77.js.map
