import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  spinUpTarget,
  startServing
} from "./chunk-E6Y3DETG.js";
import "./chunk-76K7KTON.js";
import "./chunk-HI7XWGIK.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";
export {
  spinUpTarget,
  startServing
};
