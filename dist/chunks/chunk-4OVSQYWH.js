import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as h}from"./chunk-XTGMXULQ.js";import{a as w}from"./chunk-5VAK2DMR.js";import{p as g}from"./chunk-5F243HQT.js";import{a as m,d as p,f}from"./chunk-XQQBCWM6.js";import{b as d}from"./chunk-EP5W4UKG.js";import{parseArgs as E}from"node:util";var S=new Set(["comment","comment-key","github-token","report-path","data-branch","save-branches","mode","allow-pull-request-target","paths-changed","reports","matrix"]),N=["repeat","min-interval","history-limit","alert-window","alert-threshold","fail-on-alert"],j=new Set(["alert-comment-on"]),c=new Set(["wasm-opt","ladder","preview","fail-on-alert","allow-outside-project"]),a=m(),l=Object.keys(a).filter(o=>!S.has(o)&&!j.has(o)&&!N.includes(o)&&!a[o].secret),b=Object.entries(a).filter(([,o])=>o.secret);function k(o){return o.map(t=>{let e=a[t],r=c.has(t)?`--${t}`:`--${t} VALUE`,n=e.default===""?"":` (default: ${e.default})`;return`  ${r.padEnd(26)} ${e.description}${c.has(t)?"":n}`}).join(`
`)}function O(o){return Object.fromEntries(o.map(t=>[t,{type:c.has(t)?"boolean":"string"}]))}function $(o,t){let e={};for(let r of t){let n=o[r];typeof n=="string"&&(e[r]=n),n===!0&&(e[r]="true")}return e}var v=b.length===0?"":`

Secrets come from the environment, never from flags:
${b.map(([o,t])=>`  ${(t.env??o).padEnd(26)} ${o}: ${t.description}`).join(`
`)}`,C=`Usage: spinwash run [options]

Builds, shrinks, deploys and reports a Rust WebAssembly project, as the action does.

Options:
${k(l)}
  --baseline FILE            Compare with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${v}`,x={json:{type:"string"},markdown:{type:"string"},baseline:{type:"string"},verbose:{type:"boolean"},help:{type:"boolean",short:"h"}};async function U(o,t){let{values:e}=E({args:o,strict:!0,allowPositionals:!1,options:{...O(l),...x}});if(e.help)return t.stdout(`${C}
`),0;let r=$(e,l);typeof e.json=="string"&&(p("--json",e.json,t.cwd??process.cwd()),r["report-path"]=e.json),typeof e.baseline=="string"&&(r["baseline-file"]=e.baseline);let n=f(r,t.cwd??process.cwd()),y={...n,output:{...n.output,...typeof e.markdown=="string"?{markdownPath:p("--markdown",e.markdown,t.cwd??process.cwd())}:{}}},I=new h(t.stderr,e.verbose===!0),i=await w(y,I,await d(process.env));if(i.kind==="preview-closed")return t.stdout(`${i.message}
`),0;let{result:s}=i;t.stdout(`${s.markdown}
`);let u=s.report.budgets&&g(s.report.budgets,s.project.components);if(u)throw u;return 0}export{N as a,l as b,k as c,O as d,$ as e,v as f,C as g,x as h,U as i};
//# sourceMappingURL=chunk-4OVSQYWH.js.map
