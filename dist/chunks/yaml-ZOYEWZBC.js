import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-2IWVOOA6.js";
import {
  __toESM
} from "./chunk-IUDJKI5M.js";

// src/projects/yaml.ts
var import_yaml = __toESM(require_dist(), 1);
var export_parseDocument = import_yaml.parseDocument;
export {
  export_parseDocument as parseDocument
};
//# sourceMappingURL=yaml-ZOYEWZBC.js.map
