import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{b as h,c as m}from"./chunk-ESDEHBIO.js";import{a as l}from"./chunk-XTGMXULQ.js";import"./chunk-F57PKJ26.js";import"./chunk-HRF4SK3W.js";import"./chunk-FQF2DHWK.js";import"./chunk-AN5SZWIJ.js";import{a as d,d as c}from"./chunk-SOMZLPEM.js";import"./chunk-OXO43DOO.js";import"./chunk-4ZV4TPN2.js";import"./chunk-GYTEYJW4.js";import{a as i}from"./chunk-J6XYWEUJ.js";import"./chunk-FIQHACSK.js";import"./chunk-V2QYFQJ2.js";import"./chunk-XWEDJPN6.js";import"./chunk-IYJKGJII.js";import"./chunk-LTPGKQZX.js";import"./chunk-CQ2ZMYM3.js";import"./chunk-Z3KBQSEX.js";import"./chunk-YZERAKZU.js";import"./chunk-7X7TQWZV.js";import"./chunk-ZRIIFANB.js";import"./chunk-SQQXTCMI.js";import{c as p}from"./chunk-2JZVTYTV.js";import"./chunk-75TTOZRQ.js";import"./chunk-KAZXYQIT.js";import"./chunk-JPOBV2NA.js";import{parseArgs as w}from"node:util";var j=`Usage: spinwash plan [--project ROOT] [--paths-changed REF] [--json FILE]

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
  -h, --help                 Show this help.`;async function k(g,e){let{values:t}=w({args:g,strict:!0,allowPositionals:!1,options:{project:{type:"string"},"paths-changed":{type:"string"},json:{type:"string"},help:{type:"boolean",short:"h"}}});if(t.help)return e.stdout(`${j}
`),0;let o=e.cwd??process.cwd(),f=d(t.project??".",o),s=t.json===void 0?void 0:c("--json",t.json,o),n=t["paths-changed"];if(n==="")throw new p("--paths-changed is empty; accepted: a branch, tag or commit");let u=new l(e.stderr,!1),r=await h(f,n,o,u),a=JSON.stringify(r.matrix);return s&&await i(s,`${a}
`),e.stderr(m(r,n)),e.stdout(`${a}
`),0}export{j as PLAN_USAGE,k as runPlanCommand};
//# sourceMappingURL=plan-command-DSBZTWUY.js.map
