import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  FIELD_MANAGER,
  apply,
  deleteNamespace,
  ensureNamespace,
  rbacResource,
  read
} from "./chunk-KZCUOSGR.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  FIELD_MANAGER,
  apply,
  deleteNamespace,
  ensureNamespace,
  rbacResource,
  read
};
//# sourceMappingURL=apply-SMMBC7N7.js.map
