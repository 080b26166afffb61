import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  SPIN_MANIFEST,
  WASH_V1_CONFIG,
  WASH_V2_CONFIG,
  displayPath,
  findWashConfig
} from "./chunk-3J67AXYP.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";

// src/projects/detect.ts
import { existsSync } from "node:fs";
import path from "node:path";
function detectKind(dir) {
  if (existsSync(path.join(dir, SPIN_MANIFEST))) return "spin";
  if (findWashConfig(dir)) return "wash";
  if (existsSync(path.join(dir, "Cargo.toml"))) return "cargo";
  return void 0;
}
async function detectProject(dir, kind = "auto", options = {}) {
  const root = path.resolve(dir);
  const chosen = kind === "auto" ? detectKind(root) : kind;
  switch (chosen) {
    case "spin":
      return (await import("./spin-LTW4LZT5.js")).loadSpinProject(root);
    case "wash":
      return (await import("./wash-5PWP3I22.js")).loadWashProject(root);
    case "cargo":
      return (await import("./cargo-HMCQX7ER.js")).loadCargoProject(root, options.rustTarget);
    case void 0:
      throw new UserError(
        `No project found in ${displayPath(root)}: expected ${SPIN_MANIFEST} (Spin), ${WASH_V1_CONFIG} or ${WASH_V2_CONFIG} (wasmCloud), or Cargo.toml (Cargo); point \`project\` at the folder that holds one`
      );
  }
}

export {
  detectProject
};
//# sourceMappingURL=chunk-UHWQGR37.js.map
