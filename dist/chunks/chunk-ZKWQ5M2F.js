import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as p}from"./chunk-F57PKJ26.js";import{k as i,o as n}from"./chunk-JOV4GAQ3.js";async function l(e,o,r){let t=await i(e,o,r);return t!==void 0?{kind:"preview-closed",message:t}:{kind:"report",result:await p({app:e.monorepo.app,file:e.output.jsonPath,projectDir:e.projectDir},()=>n(e,o,r))}}export{l as a};
//# sourceMappingURL=chunk-ZKWQ5M2F.js.map
