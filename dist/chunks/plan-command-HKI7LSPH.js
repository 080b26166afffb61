import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{b as c,c as m}from"./chunk-LG7SZIMP.js";import{a as h}from"./chunk-XTGMXULQ.js";import"./chunk-UXH6ZTZ6.js";import"./chunk-IRTNISQX.js";import"./chunk-QDMGZXCX.js";import{c as d}from"./chunk-3DV4NA57.js";import"./chunk-JE5JLVLJ.js";import"./chunk-2NLPA3V5.js";import"./chunk-CKL6WTAD.js";import"./chunk-FMTMDQLL.js";import{a as i}from"./chunk-FIW2RNF3.js";import"./chunk-TG6FLTZT.js";import"./chunk-2JQN62WM.js";import"./chunk-W2CGTYPZ.js";import"./chunk-A3RAKLJV.js";import"./chunk-IYJKGJII.js";import"./chunk-T3I6GRNO.js";import"./chunk-3QWZGZUE.js";import"./chunk-ZRIIFANB.js";import"./chunk-ERT5DMMM.js";import"./chunk-3FOEVZYA.js";import"./chunk-W2SK3HB3.js";import{a as p}from"./chunk-6RILG5KV.js";import"./chunk-TD64QMNT.js";import{parseArgs as u}from"node:util";import w from"node:path";var j=`Usage: spinwash plan [--project ROOT] [--paths-changed REF] [--json FILE]

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
//# sourceMappingURL=plan-command-HKI7LSPH.js.map
