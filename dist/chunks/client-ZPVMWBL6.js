import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  GitHubTimeoutError,
  createOctokit,
  githubError,
  httpStatus,
  isForbidden
} from "./chunk-QAV4HWZW.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  GitHubTimeoutError,
  createOctokit,
  githubError,
  httpStatus,
  isForbidden
};
//# sourceMappingURL=client-ZPVMWBL6.js.map
