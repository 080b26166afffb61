import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{d as r}from"./chunk-4SP4CAYE.js";import{a as i,b as o,c as a,d as p}from"./chunk-QPYFTMRM.js";function f(n){return n instanceof TypeError&&"code"in n&&String(n.code).startsWith("ERR_PARSE_ARGS")}function g(n,s,e){if(r())return r()==="SIGINT"?130:143;if(n instanceof p)return s.stderr(`spinwash: ${n.message}
`),n.signal==="SIGINT"?130:143;let t=n instanceof a||f(n);if(!t&&!(n instanceof i))throw n;let u=t?` (see \`spinwash ${e?`${e} `:""}--help\`)`:"";return s.stderr(`spinwash: error: ${o(n)}${u}
`),t?2:1}export{g as a};
//# sourceMappingURL=chunk-IWBSUNXZ.js.map
