import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as E,c as I,d as S}from"./chunk-XRRGBI2P.js";import{a as j,b as C,c as L,d as P,e as v,f as O,h as A}from"./chunk-4OVSQYWH.js";import{a as F}from"./chunk-XTGMXULQ.js";import"./chunk-5VAK2DMR.js";import"./chunk-G3XE73KO.js";import"./chunk-CBTF7OJI.js";import"./chunk-O5IQYKBO.js";import"./chunk-QDMGZXCX.js";import{p as k}from"./chunk-5F243HQT.js";import"./chunk-EXIYC74N.js";import{c as g,d as m,f as b}from"./chunk-XQQBCWM6.js";import"./chunk-3JY5LCWS.js";import"./chunk-N5HWJVAT.js";import"./chunk-SE7UQLHD.js";import"./chunk-EP5W4UKG.js";import"./chunk-P2AYELNH.js";import"./chunk-QAF36MII.js";import"./chunk-22CSEGHF.js";import"./chunk-L4JZMREV.js";import"./chunk-7NMPZDJG.js";import"./chunk-TSOLRAQ5.js";import"./chunk-5MSU2RCE.js";import"./chunk-YJTM47LT.js";import"./chunk-2NLPA3V5.js";import"./chunk-5QBMSSM6.js";import"./chunk-WHR2R3AF.js";import"./chunk-OYD6KCZQ.js";import"./chunk-IYJKGJII.js";import{c as y}from"./chunk-EQNWAVJG.js";import"./chunk-UGEYRAWG.js";import"./chunk-OGY7EMVJ.js";import"./chunk-BEYXVNYB.js";import"./chunk-MPBQI3I6.js";import"./chunk-YVQ6SBS2.js";import"./chunk-ZRIIFANB.js";import"./chunk-4SP4CAYE.js";import{a as s}from"./chunk-QPYFTMRM.js";import"./chunk-3FOEVZYA.js";import"./chunk-W2SK3HB3.js";import"./chunk-TD64QMNT.js";import p from"node:path";import{parseArgs as B}from"node:util";var d=[...C,...j],D=`Usage: spinwash bench [options]

Builds and shrinks a project once, then deploys it --repeat times (stopping it in between):
the first deploy is reported apart (cold), the others give median, min, max, p90 and MAD of
the ready time, the first answer's latency and the deploy command. With --history DIR, the
run is added to DIR/<app>/<target>/ (capped), the trend and scatter SVGs are redrawn there,
and the run is checked for a regression against the runs before it.

Options:
${L(d)}
  --history DIR              Keep the benchmark history in DIR (the data branch's bench/ layout).
  --baseline FILE            Compare the sizes with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report (with its benchmark section) to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${O}`;async function N(n){try{let{stdout:t}=await y("git",["rev-parse","HEAD"],{cwd:n}),e=t.trim();return/^[0-9a-f]{40}$/.test(e)?e:void 0}catch{return}}async function z(n,t){let{values:e}=B({args:n,strict:!0,allowPositionals:!1,options:{...P(d),history:{type:"string"},...A}});if(e.help)return t.stdout(`${D}
`),0;let o=t.cwd??process.cwd(),i={...v(e,d),mode:"benchmark"};typeof e.json=="string"&&(m("--json",e.json,o),i["report-path"]=e.json),typeof e.baseline=="string"&&(i["baseline-file"]=e.baseline);let c=b(i,o),a={...c,output:{...c.output,...typeof e.markdown=="string"?{markdownPath:m("--markdown",e.markdown,o)}:{}}};if(e.history==="")throw new s("Flag `--history` needs a folder");let f=typeof e.history=="string"?g(p.resolve(o,e.history)):void 0;if(f)throw new s(`--history has the value "${e.history}": ${f}; accepted: a folder spinwash may write in (missing folders are made)`);let h=typeof e.history=="string"?E(p.resolve(o,e.history)):void 0,l=await N(a.projectDir),r=await S(a,new F(t.stderr,e.verbose===!0),{...h?{history:h}:{},...l?{source:{commit:l}}:{},...h?{chartLink:$=>p.join(e.history,$)}:{}});t.stdout(`${r.markdown}
`);let u=I(r.report.benchmark);if(u)throw u;if(r.historyError)throw r.historyError;if(a.benchmark.failOnAlert&&r.report.benchmark.alert?.status==="regression")throw new s(`Benchmark regression: ${r.report.benchmark.alert.message}`);let w=r.report.budgets&&k(r.report.budgets,r.project.components);if(w)throw w;return 0}export{D as BENCH_USAGE,z as runBenchCommand};
//# sourceMappingURL=bench-command-IWEV2HSD.js.map
