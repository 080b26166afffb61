import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-XD2KM4AN.js";
import "./chunk-IUDJKI5M.js";
export default require_dist();
//# sourceMappingURL=dist-N2HNSNUQ.js.map
