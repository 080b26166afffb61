import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  PROJECT_KINDS,
  invalidInput,
  parseChoice,
  parseList
} from "./chunk-7DXSX7HT.js";

// src/config/tools-config.ts
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
function parseRustTarget(input, value) {
  if (value === "") return void 0;
  if (/^wasm(32|64)-[a-z0-9_]+(-[a-z0-9_.]+)*$/.test(value)) return value;
  throw invalidInput(
    input,
    value,
    "a Rust wasm target such as `wasm32-wasip1`, `wasm32-wasip2` or `wasm32-unknown-unknown`"
  );
}
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
    rustTarget: parseRustTarget("target", get("target")),
    runtime: parseChoice("runtime", get("runtime"), RUNTIMES),
    spinVersion: parseToolVersion("spin-version", get("spin-version"), true),
    washVersion: parseToolVersion("wash-version", get("wash-version"), false),
    spinPlugins: Object.freeze(plugins),
    baseUrl: parseBaseUrl(
      get("tools-base-url") || (process.env.SPINWASH_TOOLS_BASE_URL ?? "").trim()
    )
  });
}

export {
  parseRustTarget,
  parseToolsConfig
};
//# sourceMappingURL=chunk-TWX3SAKE.js.map
