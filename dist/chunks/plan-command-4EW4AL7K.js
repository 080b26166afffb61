import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{b as c,c as m}from"./chunk-UOYUDHXO.js";import{a as h}from"./chunk-XTGMXULQ.js";import"./chunk-A7XRPD2Q.js";import"./chunk-3IPGBNPX.js";import"./chunk-FQF2DHWK.js";import"./chunk-NOROUSND.js";import{c as d}from"./chunk-OPJTAQKA.js";import"./chunk-BZ6DQUIO.js";import"./chunk-CC5LSOOO.js";import"./chunk-UBZSCOHY.js";import{a as i}from"./chunk-WLQP5DRD.js";import"./chunk-KGIEWSA6.js";import"./chunk-V2QYFQJ2.js";import"./chunk-YQCGE7TS.js";import"./chunk-IYJKGJII.js";import"./chunk-QFU4GALA.js";import"./chunk-LY4P5R2Y.js";import"./chunk-4TFQ6EZD.js";import"./chunk-OXWEQ4YB.js";import"./chunk-7X7TQWZV.js";import"./chunk-ZRIIFANB.js";import"./chunk-XCDTVKEK.js";import{a as p}from"./chunk-2LRG2DJI.js";import"./chunk-75TTOZRQ.js";import"./chunk-KAZXYQIT.js";import"./chunk-JPOBV2NA.js";import{parseArgs as u}from"node:util";import w from"node:path";var j=`Usage: spinwash plan [--project ROOT] [--paths-changed REF] [--json FILE]

Finds every app under ROOT (Spin apps, wasmCloud projects for wash 0.x and v2, Cargo packages
that build wasm; a Cargo workspace counts once; target/, node_modules/, hidden folders and
what .gitignore ignores are skipped) and prints them as a GitHub Actions matrix, in path order:
{"include":[{"project":"apps/a","name":"a","kind":"cargo"}, \u2026]}. Each job passes
\`project\`, \`app: name\` and \`project-kind: kind\` on to spinwash.

Options:
  --project ROOT             The monorepo's folder (default: .).
  --paths-changed REF        Only the apps whose files changed since the merge base of REF and
                             HEAD (committed or not): their folders, their path dependencies,
                             and Cargo/Rust settings in the folders above them.
  --json FILE                Also write the matrix to FILE.
  -h, --help                 Show this help.`;async function x(l,e){let{values:t}=u({args:l,strict:!0,allowPositionals:!1,options:{project:{type:"string"},"paths-changed":{type:"string"},json:{type:"string"},help:{type:"boolean",short:"h"}}});if(t.help)return e.stdout(`${j}
`),0;let o=e.cwd??process.cwd(),g=w.resolve(o,t.project??"."),r=t.json===void 0?void 0:d("--json",t.json,o),n=t["paths-changed"];if(n==="")throw new p("--paths-changed is empty; accepted: a branch, tag or commit");let f=new h(e.stderr,!1),s=await c(g,n,o,f),a=JSON.stringify(s.matrix);return r&&await i(r,`${a}
`),e.stderr(m(s,n)),e.stdout(`${a}
`),0}export{j as PLAN_USAGE,x as runPlanCommand};
//# sourceMappingURL=plan-command-4EW4AL7K.js.map
