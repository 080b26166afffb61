import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a}from"./chunk-WYGLIGVM.js";import"./chunk-DKLAPSSP.js";import"./chunk-L4JZMREV.js";import"./chunk-FIW2RNF3.js";import"./chunk-ERT5DMMM.js";import"./chunk-6RILG5KV.js";import"./chunk-TD64QMNT.js";export{a as optimizeWasm};
