import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  spinUpTarget,
  startServing
} from "./chunk-QPK7O5K7.js";
import "./chunk-LJWTF6QO.js";
import "./chunk-HI7XWGIK.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";
export {
  spinUpTarget,
  startServing
};
