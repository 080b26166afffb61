import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as o}from"./chunk-L6Z6OU24.js";import{d as e}from"./chunk-TD64QMNT.js";var r=e(o(),1);var export_parseDocument=r.parseDocument;export{export_parseDocument as parseDocument};
//# sourceMappingURL=yaml-RC47GZKF.js.map
