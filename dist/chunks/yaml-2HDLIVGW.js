import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as o}from"./chunk-QWTS7VHX.js";import{e}from"./chunk-JPOBV2NA.js";var r=e(o(),1);var export_parseDocument=r.parseDocument;export{export_parseDocument as parseDocument};
//# sourceMappingURL=yaml-2HDLIVGW.js.map
