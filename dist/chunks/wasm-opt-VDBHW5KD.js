import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a}from"./chunk-CXAVR5UF.js";import"./chunk-OA7X3V7L.js";import"./chunk-L4JZMREV.js";import"./chunk-WLQP5DRD.js";import"./chunk-XCDTVKEK.js";import"./chunk-2LRG2DJI.js";import"./chunk-JPOBV2NA.js";export{a as optimizeWasm};
