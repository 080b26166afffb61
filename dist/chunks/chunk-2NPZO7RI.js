import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as m}from"./chunk-JVJN5FIO.js";import{d as e}from"./chunk-SQQXTCMI.js";import{a as s,b as o,c as a,d as f}from"./chunk-2JZVTYTV.js";function c(n){return n instanceof TypeError&&"code"in n&&String(n.code).startsWith("ERR_PARSE_ARGS")}function d(n,r,i){if(e())return e()==="SIGINT"?130:143;if(n instanceof f)return r.stderr(`spinwash: ${n.message}
`),n.signal==="SIGINT"?130:143;let t=n instanceof a||c(n);if(!t&&!(n instanceof s))throw n;let p=t?` (see \`spinwash ${i?`${i} `:""}--help\`)`:"",u=n instanceof s?n.render(m):o(n);return r.stderr(`spinwash: error: ${u}${p}
`),t?2:1}export{d as a};
//# sourceMappingURL=chunk-2NPZO7RI.js.map
