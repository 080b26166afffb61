import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  createOctokit,
  githubError,
  httpStatus,
  isForbidden
} from "./chunk-I4OOBBGL.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";
export {
  createOctokit,
  githubError,
  httpStatus,
  isForbidden
};
