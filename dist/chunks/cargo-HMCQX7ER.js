import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  DEFAULT_RUST_TARGET,
  compilerLocation,
  ensureRustTarget,
  lastCargoError,
  loadCargoProject,
  withoutBacktrace
} from "./chunk-DTWORZFI.js";
import "./chunk-KEOSVDQE.js";
import "./chunk-VMZ47O4A.js";
import "./chunk-2HIH7NOE.js";
import "./chunk-3J67AXYP.js";
import "./chunk-MFM22RQS.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  DEFAULT_RUST_TARGET,
  compilerLocation,
  ensureRustTarget,
  lastCargoError,
  loadCargoProject,
  withoutBacktrace
};
//# sourceMappingURL=cargo-HMCQX7ER.js.map
