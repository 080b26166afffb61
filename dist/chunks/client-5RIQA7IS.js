import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  GitHubTimeoutError,
  createOctokit,
  githubError,
  httpStatus,
  isForbidden,
  runClient
} from "./chunk-H35N3LII.js";
import "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";
export {
  GitHubTimeoutError,
  createOctokit,
  githubError,
  httpStatus,
  isForbidden,
  runClient
};
//# sourceMappingURL=client-5RIQA7IS.js.map
