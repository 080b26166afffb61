import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
var t=class{constructor(i,r){this.write=i;this.verbose=r}write;verbose;info(i){this.write(`${i}
`)}warning(i,r){this.write(`warning: ${r?`${r}: `:""}${i}
`)}async group(i,r){return this.verbose&&this.write(`\u2500\u2500 ${i}
`),r()}output(i){this.verbose&&this.write(i)}};export{t as a};
//# sourceMappingURL=chunk-XTGMXULQ.js.map
