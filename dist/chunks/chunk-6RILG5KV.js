import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
var e=class extends Error{constructor(t,i,o){super(t);this.file=i;this.line=o}file;line;name="UserError"};function a(n){if(n instanceof Error)return n.message;if(typeof n=="string")return n;try{return JSON.stringify(n)}catch{return String(n)}}var r=class extends e{name="UsageError"};export{e as a,a as b,r as c};
//# sourceMappingURL=chunk-6RILG5KV.js.map
