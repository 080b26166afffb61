import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{b as c,c as m}from"./chunk-AOHCWKEQ.js";import{a as h}from"./chunk-XTGMXULQ.js";import"./chunk-G3XE73KO.js";import"./chunk-O5IQYKBO.js";import"./chunk-QDMGZXCX.js";import"./chunk-5F243HQT.js";import{d}from"./chunk-XQQBCWM6.js";import"./chunk-SE7UQLHD.js";import"./chunk-EP5W4UKG.js";import{a as i}from"./chunk-7NMPZDJG.js";import"./chunk-5MSU2RCE.js";import"./chunk-2NLPA3V5.js";import"./chunk-WHR2R3AF.js";import"./chunk-IYJKGJII.js";import"./chunk-EQNWAVJG.js";import"./chunk-OGY7EMVJ.js";import"./chunk-BEYXVNYB.js";import"./chunk-MPBQI3I6.js";import"./chunk-YVQ6SBS2.js";import"./chunk-ZRIIFANB.js";import"./chunk-4SP4CAYE.js";import{a as p}from"./chunk-QPYFTMRM.js";import"./chunk-3FOEVZYA.js";import"./chunk-W2SK3HB3.js";import"./chunk-TD64QMNT.js";import{parseArgs as u}from"node:util";import w from"node:path";var j=`Usage: spinwash plan [--project ROOT] [--paths-changed REF] [--json FILE]

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
//# sourceMappingURL=plan-command-2JDAZYQF.js.map
