import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/projects/files.ts
import { existsSync } from "node:fs";
import path from "node:path";
var SPIN_MANIFEST = "spin.toml";
var WASH_V1_CONFIG = "wasmcloud.toml";
var WASH_V2_CONFIG = path.join(".wash", "config.yaml");
var WADM_MANIFEST = "wadm.yaml";
function findWashConfig(dir) {
  for (const name of [WASH_V2_CONFIG, WASH_V1_CONFIG]) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  return void 0;
}
function displayPath(file) {
  const relative = path.relative(process.cwd(), file);
  return relative !== "" && !relative.startsWith("..") ? relative : file;
}

export {
  SPIN_MANIFEST,
  WASH_V1_CONFIG,
  WASH_V2_CONFIG,
  WADM_MANIFEST,
  findWashConfig,
  displayPath
};
//# sourceMappingURL=chunk-3J67AXYP.js.map
