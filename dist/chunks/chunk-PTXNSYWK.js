import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as b}from"./chunk-XTGMXULQ.js";import{a as w}from"./chunk-ZKWQ5M2F.js";import{p as h}from"./chunk-AN5SZWIJ.js";import{b as l}from"./chunk-JVJN5FIO.js";import{d as c,f as g}from"./chunk-SOMZLPEM.js";import{u as m,v as a}from"./chunk-4ZV4TPN2.js";import{b as f}from"./chunk-GYTEYJW4.js";import{parseArgs as S}from"node:util";var j=new Set(["report-path","paths-changed","reports","matrix"]),$=["repeat","min-interval","history-limit","alert-window","alert-threshold","fail-on-alert","cold-start"],i=m(),u=Object.keys(i).filter(o=>i[o].cli!==!1&&!j.has(o)&&!$.includes(o)&&!i[o].secret),y=Object.entries(i).filter(([,o])=>o.secret);function k(o){return o.map(t=>{let e=i[t],r=a.has(t)?`--${t}`:`--${t} VALUE`,n=e.default===""?"":` (default: ${e.default})`;return`  ${r.padEnd(26)} ${l(e.description)}${a.has(t)?"":n}`}).join(`
`)}function x(o){return Object.fromEntries(o.map(t=>[t,{type:a.has(t)?"boolean":"string"}]))}function R(o,t){let e={};for(let r of t){let n=o[r];typeof n=="string"&&(e[r]=n),n===!0&&(e[r]="true")}return e}var L=y.length===0?"":`

Secrets come from the environment, never from flags:
${y.map(([o,t])=>`  ${(t.env??o).padEnd(26)} ${l(t.description)}`).join(`
`)}`,N=`Usage: spinwash run [options]

Builds, shrinks, deploys and reports a Rust WebAssembly project, as the action does.

Options:
${k(u)}
  --baseline FILE            Compare with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${L}`,O={json:{type:"string"},markdown:{type:"string"},baseline:{type:"string"},verbose:{type:"boolean"},help:{type:"boolean",short:"h"}};async function G(o,t){let{values:e}=S({args:o,strict:!0,allowPositionals:!1,options:{...x(u),...O}});if(e.help)return t.stdout(`${N}
`),0;let r=R(e,u);typeof e.json=="string"&&(c("--json",e.json,t.cwd??process.cwd()),r["report-path"]=e.json),typeof e.baseline=="string"&&(r["baseline-file"]=e.baseline);let n=g(r,t.cwd??process.cwd()),E={...n,output:{...n.output,...typeof e.markdown=="string"?{markdownPath:c("--markdown",e.markdown,t.cwd??process.cwd())}:{}}},I=new b(t.stderr,e.verbose===!0),p=await w(E,I,await f(process.env));if(p.kind==="preview-closed")return t.stdout(`${p.message}
`),0;let{result:s}=p;if(t.stdout(`${s.markdown}
`),s.failure)throw s.failure;let d=s.report.budgets&&h(s.report.budgets,s.project.components);if(d)throw d;return 0}export{$ as a,u as b,k as c,x as d,R as e,L as f,N as g,O as h,G as i};
//# sourceMappingURL=chunk-PTXNSYWK.js.map
