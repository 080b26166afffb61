import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  actionDeps,
  githubContextOf,
  markPreviewDeleted,
  outputEntries,
  publishFromArtifact,
  publishReport,
  reportOutputs
} from "./chunk-LCMHUS5G.js";
import "./chunk-UMZCIWP5.js";
import "./chunk-IRSJQSBA.js";
import "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-LSLESLRT.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-H35N3LII.js";
import "./chunk-EKUGAD5L.js";
import "./chunk-GCGXGLYM.js";
import "./chunk-P2OAGGZH.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  actionDeps,
  githubContextOf,
  markPreviewDeleted,
  outputEntries,
  publishFromArtifact,
  publishReport,
  reportOutputs
};
//# sourceMappingURL=publish-W7FOAS5B.js.map
