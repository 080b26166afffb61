import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a}from"./chunk-QAF36MII.js";import"./chunk-22CSEGHF.js";import"./chunk-L4JZMREV.js";import"./chunk-7NMPZDJG.js";import"./chunk-4SP4CAYE.js";import"./chunk-QPYFTMRM.js";import"./chunk-TD64QMNT.js";export{a as optimizeWasm};
