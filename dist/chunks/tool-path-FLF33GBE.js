import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  addToPath,
  downloadDir,
  ensureToolCacheRoot,
  findCached,
  findOnPath,
  versionOnPath
} from "./chunk-WB73OHFH.js";
import "./chunk-HI7XWGIK.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";
export {
  addToPath,
  downloadDir,
  ensureToolCacheRoot,
  findCached,
  findOnPath,
  versionOnPath
};
