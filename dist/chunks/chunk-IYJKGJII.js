import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{existsSync as i}from"node:fs";import o from"node:path";var f="spin.toml",s="wasmcloud.toml",e=o.join(".wash","config.yaml"),p="wadm.yaml";function m(n){for(let t of[e,s]){let r=o.join(n,t);if(i(r))return r}}function d(n){let t=o.relative(process.cwd(),n);return t!==""&&!t.startsWith("..")?t:n}export{f as a,s as b,e as c,p as d,m as e,d as f};
//# sourceMappingURL=chunk-IYJKGJII.js.map
