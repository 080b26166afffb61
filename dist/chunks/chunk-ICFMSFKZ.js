import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as t,b as s,c as e}from"./chunk-6RILG5KV.js";function p(n){return n instanceof TypeError&&"code"in n&&String(n.code).startsWith("ERR_PARSE_ARGS")}function c(n,i,r){let o=n instanceof e||p(n);if(!o&&!(n instanceof t))throw n;let a=o?` (see \`spinwash ${r?`${r} `:""}--help\`)`:"";return i.stderr(`spinwash: error: ${s(n)}${a}
`),o?2:1}export{c as a};
//# sourceMappingURL=chunk-ICFMSFKZ.js.map
