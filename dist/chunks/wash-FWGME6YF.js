import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  loadWashProject
} from "./chunk-I3UV7ZRB.js";
import "./chunk-A4CPL2MO.js";
import "./chunk-HI7XWGIK.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";
export {
  loadWashProject
};
