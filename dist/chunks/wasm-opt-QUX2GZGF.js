import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a}from"./chunk-2BI42I5X.js";import"./chunk-QKX6Q7SH.js";import"./chunk-L4JZMREV.js";import"./chunk-CEL2F46W.js";import"./chunk-XCDTVKEK.js";import"./chunk-2LRG2DJI.js";import"./chunk-TD64QMNT.js";export{a as optimizeWasm};
