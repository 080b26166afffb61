import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as o,d as i}from"./chunk-OYD6KCZQ.js";function s(t){let n=i(t)?.target;if(n!==void 0)return n;for(let r of o(t)){let e=/--target[ =](wasm32-[\w-]+)/.exec(r)?.[1];if(e)return e}}function d(t){return t.rustTarget??(t.buildCommand!==void 0?s(t.buildCommand):void 0)}function u(t){let n=new Set;for(let r of t.components){let e=d(r);e&&n.add(e)}return[...n]}export{s as a,d as b,u as c};
//# sourceMappingURL=chunk-5QBMSSM6.js.map
