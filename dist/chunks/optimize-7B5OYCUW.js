import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  optimizeWasm
} from "./chunk-LSHWG3Q7.js";
import "./chunk-4HBBVYNR.js";
import "./chunk-46IRRWGP.js";
import "./chunk-RPKHDHFV.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";
export {
  optimizeWasm
};
