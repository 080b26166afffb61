import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  DEFAULT_RUST_TARGET,
  ensureRustTarget,
  lastCargoError,
  loadCargoProject
} from "./chunk-CUUPXHP6.js";
import "./chunk-HI7XWGIK.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";
export {
  DEFAULT_RUST_TARGET,
  ensureRustTarget,
  lastCargoError,
  loadCargoProject
};
