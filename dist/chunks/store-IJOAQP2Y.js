import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  branchExists,
  deleteFile,
  ensureBranch,
  findBaseReport,
  indexPath,
  readFile,
  reportPath,
  saveReport,
  writeFile
} from "./chunk-XBWPKGW7.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-QAV4HWZW.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  branchExists,
  deleteFile,
  ensureBranch,
  findBaseReport,
  indexPath,
  readFile,
  reportPath,
  saveReport,
  writeFile
};
//# sourceMappingURL=store-IJOAQP2Y.js.map
