import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  isTable,
  readTomlManifest
} from "./chunk-VMZ47O4A.js";

// src/projects/cargo-config.ts
import { existsSync } from "node:fs";
import path from "node:path";
async function configuredRustTarget(dir) {
  const files = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    files.push(path.join(current, ".cargo", "config.toml"), path.join(current, ".cargo", "config"));
    if (path.dirname(current) === current) break;
  }
  const cargoHome = process.env.CARGO_HOME;
  if (cargoHome) files.push(path.join(cargoHome, "config.toml"), path.join(cargoHome, "config"));
  for (const file of files) {
    if (!existsSync(file)) continue;
    const { data } = await readTomlManifest(file);
    const build = isTable(data.build) ? data.build : void 0;
    const value = build?.target;
    const targets = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
    const names = targets.filter((t) => typeof t === "string");
    const target = names.find((t) => t.startsWith("wasm32")) ?? names[0];
    if (target !== void 0) return { target, file };
  }
  return void 0;
}

export {
  configuredRustTarget
};
//# sourceMappingURL=chunk-KEOSVDQE.js.map
