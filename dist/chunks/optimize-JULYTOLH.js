import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  optimizeWasm
} from "./chunk-NEQGYPFF.js";
import "./chunk-E4HSM5HB.js";
import "./chunk-EKUGAD5L.js";
import "./chunk-GCGXGLYM.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  optimizeWasm
};
//# sourceMappingURL=optimize-JULYTOLH.js.map
