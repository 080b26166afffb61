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
} from "./chunk-LSLESLRT.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-H35N3LII.js";
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
//# sourceMappingURL=store-ZCV2KU25.js.map
