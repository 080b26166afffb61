import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  invalidInput,
  parseChoice,
  parseList
} from "./chunk-4OZ5WGZ4.js";
import {
  parseCargoBuild
} from "./chunk-V3FZFR6Q.js";
import {
  SPIN_MANIFEST,
  WASH_V1_CONFIG,
  WASH_V2_CONFIG,
  displayPath,
  findWashConfig
} from "./chunk-A4CPL2MO.js";
import {
  UserError
} from "./chunk-T6ADKWSP.js";

// src/setup/tools-config.ts
var PROJECT_KINDS = ["auto", "cargo", "spin", "wash"];
var RUNTIMES = ["embedded", "spin", "wash"];
var SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;
function parseToolVersion(input, value, allowCanary) {
  if (value === "") return void 0;
  if (value === "latest" || allowCanary && value === "canary") return value;
  if (SEMVER.test(value)) return value.startsWith("v") ? value : `v${value}`;
  throw invalidInput(
    input,
    value,
    `\`latest\`${allowCanary ? ", `canary`" : ""}, a version like \`v3.4.1\`, or empty to use the one on PATH`
  );
}
function parseBaseUrl(value) {
  if (value === "") return void 0;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return value.replace(/\/+$/, "");
  } catch {
  }
  throw invalidInput("tools-base-url", value, "an http(s) URL, or empty for GitHub");
}
var PLUGIN = /^[a-z0-9][a-z0-9-]*$/;
function parseToolsConfig(get) {
  const plugins = parseList(get("spin-plugins"));
  for (const plugin of plugins) {
    if (!PLUGIN.test(plugin))
      throw invalidInput(
        "spin-plugins",
        plugin,
        "plugin names such as `cloud`, `kube` (lowercase letters, digits, `-`)"
      );
  }
  return Object.freeze({
    projectKind: parseChoice("project-kind", get("project-kind"), PROJECT_KINDS),
    runtime: parseChoice("runtime", get("runtime"), RUNTIMES),
    spinVersion: parseToolVersion("spin-version", get("spin-version"), true),
    washVersion: parseToolVersion("wash-version", get("wash-version"), false),
    spinPlugins: Object.freeze(plugins),
    baseUrl: parseBaseUrl(
      get("tools-base-url") || (process.env.SPINWASH_TOOLS_BASE_URL ?? "").trim()
    )
  });
}

// src/projects/detect.ts
import { existsSync } from "node:fs";
import path from "node:path";
function detectKind(dir) {
  if (existsSync(path.join(dir, SPIN_MANIFEST))) return "spin";
  if (findWashConfig(dir)) return "wash";
  if (existsSync(path.join(dir, "Cargo.toml"))) return "cargo";
  return void 0;
}
async function detectProject(dir, kind = "auto") {
  const root = path.resolve(dir);
  const chosen = kind === "auto" ? detectKind(root) : kind;
  switch (chosen) {
    case "spin":
      return (await import("./spin-SPJNNKNW.js")).loadSpinProject(root);
    case "wash":
      return (await import("./wash-FWGME6YF.js")).loadWashProject(root);
    case "cargo":
      return (await import("./cargo-XSCC7JEZ.js")).loadCargoProject(root);
    case void 0:
      throw new UserError(
        `No project found in ${displayPath(root)}: expected ${SPIN_MANIFEST} (Spin), ${WASH_V1_CONFIG} or ${WASH_V2_CONFIG} (wasmCloud), or Cargo.toml (Cargo); point \`project\` at the folder that holds one`
      );
  }
}

// src/projects/targets.ts
function rustTargetsOf(project) {
  const targets = /* @__PURE__ */ new Set();
  for (const component of project.components) {
    for (const step of component.buildCommand?.split("&&") ?? []) {
      const target = parseCargoBuild(step)?.target ?? /--target[ =](wasm32-[\w-]+)/.exec(step)?.[1];
      if (target) targets.add(target);
    }
  }
  return [...targets];
}

export {
  PROJECT_KINDS,
  parseToolsConfig,
  detectProject,
  rustTargetsOf
};
