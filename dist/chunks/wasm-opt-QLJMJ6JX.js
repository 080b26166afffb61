import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a}from"./chunk-M6KQ45BF.js";import"./chunk-E2RHXRSW.js";import"./chunk-L4JZMREV.js";import"./chunk-J6XYWEUJ.js";import"./chunk-SQQXTCMI.js";import"./chunk-2JZVTYTV.js";import"./chunk-JPOBV2NA.js";export{a as optimizeWasm};
