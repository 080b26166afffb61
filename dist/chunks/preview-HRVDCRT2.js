import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  closePreview,
  planPreview
} from "./chunk-AKUAUIIS.js";
import "./chunk-LUVXKUQE.js";
import "./chunk-EQFKNN5Z.js";
import "./chunk-7DXSX7HT.js";
import "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-3J67AXYP.js";
import "./chunk-MFM22RQS.js";
import "./chunk-AXYEYBXM.js";
import "./chunk-4ZSO5UYT.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  closePreview,
  planPreview
};
//# sourceMappingURL=preview-HRVDCRT2.js.map
