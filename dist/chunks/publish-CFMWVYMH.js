import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  actionDeps,
  githubContextOf,
  markPreviewDeleted,
  publishFromArtifact,
  publishReport,
  reportOutputs
} from "./chunk-F7ALZFK3.js";
import "./chunk-UMZCIWP5.js";
import "./chunk-BTVJHUMK.js";
import "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-LSLESLRT.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-H35N3LII.js";
import "./chunk-EKUGAD5L.js";
import "./chunk-AXYEYBXM.js";
import "./chunk-P2OAGGZH.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  actionDeps,
  githubContextOf,
  markPreviewDeleted,
  publishFromArtifact,
  publishReport,
  reportOutputs
};
//# sourceMappingURL=publish-CFMWVYMH.js.map
