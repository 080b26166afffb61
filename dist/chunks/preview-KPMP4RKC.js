import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  closePreview,
  planPreview
} from "./chunk-4KJDKNDR.js";
import "./chunk-J4QKFO7O.js";
import "./chunk-UHWQGR37.js";
import "./chunk-7DXSX7HT.js";
import "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-3J67AXYP.js";
import "./chunk-MFM22RQS.js";
import "./chunk-GCGXGLYM.js";
import "./chunk-H3MOW4QF.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  closePreview,
  planPreview
};
//# sourceMappingURL=preview-KPMP4RKC.js.map
