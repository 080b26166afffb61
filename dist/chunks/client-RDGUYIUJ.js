import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a,b,c,d,e,f}from"./chunk-YZERAKZU.js";import"./chunk-2JZVTYTV.js";import"./chunk-JPOBV2NA.js";export{a as GitHubTimeoutError,c as createOctokit,f as githubError,d as httpStatus,e as isForbidden,b as runClient};
