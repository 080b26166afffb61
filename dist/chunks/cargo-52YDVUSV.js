import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  DEFAULT_RUST_TARGET,
  compilerLocation,
  ensureRustTarget,
  lastCargoError,
  loadCargoProject,
  withoutBacktrace
} from "./chunk-3R6IF2QX.js";
import "./chunk-3N3OXRDL.js";
import "./chunk-4JQBW43E.js";
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
//# sourceMappingURL=cargo-52YDVUSV.js.map
