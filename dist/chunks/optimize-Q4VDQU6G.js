import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  optimizeWasm
} from "./chunk-KEVH5OAE.js";
import "./chunk-GWNYCYKZ.js";
import "./chunk-EKUGAD5L.js";
import "./chunk-AXYEYBXM.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  optimizeWasm
};
//# sourceMappingURL=optimize-Q4VDQU6G.js.map
