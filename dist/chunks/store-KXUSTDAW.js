import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  findBaseReport,
  indexPath,
  reportPath,
  saveReport
} from "./chunk-OR7CU67X.js";
import "./chunk-7DG4PY4B.js";
import "./chunk-2ZOKV7VA.js";
import "./chunk-I4OOBBGL.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";
export {
  findBaseReport,
  indexPath,
  reportPath,
  saveReport
};
