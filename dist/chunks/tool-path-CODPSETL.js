import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  addToPath,
  downloadDir,
  ensureToolCacheRoot,
  findCached,
  findOnPath,
  versionOnPath
} from "./chunk-K4TL2LEL.js";
import "./chunk-MFM22RQS.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  addToPath,
  downloadDir,
  ensureToolCacheRoot,
  findCached,
  findOnPath,
  versionOnPath
};
//# sourceMappingURL=tool-path-CODPSETL.js.map
