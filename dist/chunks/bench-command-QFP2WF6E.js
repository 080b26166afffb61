import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as F,c as I,d as L,e as P}from"./chunk-JULD52DE.js";import{a as j,b as A,c as O,d as R,e as $,f as B,h as D}from"./chunk-PTXNSYWK.js";import{a as C}from"./chunk-XTGMXULQ.js";import"./chunk-ZKWQ5M2F.js";import"./chunk-F57PKJ26.js";import"./chunk-JOV4GAQ3.js";import"./chunk-OELWXJTI.js";import"./chunk-HRF4SK3W.js";import"./chunk-FQF2DHWK.js";import{p as v}from"./chunk-AN5SZWIJ.js";import"./chunk-JVJN5FIO.js";import"./chunk-R6INXWNS.js";import{c as E,d as n,f as S}from"./chunk-SOMZLPEM.js";import"./chunk-OXO43DOO.js";import"./chunk-4ZV4TPN2.js";import"./chunk-Z7PPQ7ZK.js";import"./chunk-GYTEYJW4.js";import"./chunk-M6KQ45BF.js";import"./chunk-E2RHXRSW.js";import"./chunk-L4JZMREV.js";import{a as b}from"./chunk-J6XYWEUJ.js";import"./chunk-2LY3DOQQ.js";import"./chunk-V7WXQTT6.js";import"./chunk-FIQHACSK.js";import"./chunk-YEO3ABA3.js";import"./chunk-V2QYFQJ2.js";import"./chunk-5QBMSSM6.js";import"./chunk-OYD6KCZQ.js";import"./chunk-XWEDJPN6.js";import"./chunk-IYJKGJII.js";import{c as k}from"./chunk-LTPGKQZX.js";import"./chunk-HHQTVTW7.js";import"./chunk-CQ2ZMYM3.js";import"./chunk-Z3KBQSEX.js";import"./chunk-YZERAKZU.js";import"./chunk-7X7TQWZV.js";import"./chunk-ZRIIFANB.js";import"./chunk-SQQXTCMI.js";import{a as y,c as i}from"./chunk-2JZVTYTV.js";import"./chunk-75TTOZRQ.js";import"./chunk-KAZXYQIT.js";import"./chunk-JPOBV2NA.js";import p from"node:path";import{parseArgs as H}from"node:util";var c=[...A,...j],T=`Usage: spinwash bench [options]

Builds and shrinks a project once, then deploys it --repeat times (stopping it in between):
the first deploy is reported apart (cold), the others give median, min, max, p90 and MAD of
the ready time, the first answer's latency and the deploy command. With --history DIR, the
run is added to DIR/<app>/<target>/ (capped), the trend and scatter SVGs are redrawn there,
and the run is checked for a regression against the runs before it.

With --cold-start, each size stage (release, stripped, wasm-opt's; the ladder's debug build) is
also started --repeat times on a fresh runtime process (wasmtime when it is on PATH, else the
embedded runtime): compile, start \u2192 first healthy answer, peak RSS; then a bounded load.

Options:
${O(c)}
  --history DIR              Keep the benchmark history in DIR (the data branch's bench/ layout).
  --baseline FILE            Compare the sizes with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report (with its benchmark section) to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --cold-start-svg FILE      With --cold-start: write the chart of size against first answer to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${B}`;async function U(a){try{let{stdout:r}=await k("git",["rev-parse","HEAD"],{cwd:a}),t=r.trim();return/^[0-9a-f]{40}$/.test(t)?t:void 0}catch{return}}async function X(a,r){let{values:t}=H({args:a,strict:!0,allowPositionals:!1,options:{...R(c),history:{type:"string"},"cold-start-svg":{type:"string"},...D}});if(t.help)return r.stdout(`${T}
`),0;let o=r.cwd??process.cwd(),d={...$(t,c),mode:"benchmark"};typeof t.json=="string"&&(n("--json",t.json,o),d["report-path"]=t.json),typeof t.baseline=="string"&&(d["baseline-file"]=t.baseline);let l=S(d,o),s={...l,output:{...l.output,...typeof t.markdown=="string"?{markdownPath:n("--markdown",t.markdown,o)}:{}}},h=typeof t["cold-start-svg"]=="string"?n("--cold-start-svg",t["cold-start-svg"],o):void 0;if(h&&!s.benchmark.coldStart)throw new i("Flag `--cold-start-svg` draws the cold start: add `--cold-start`");if(t.history==="")throw new i("Flag `--history` needs a folder");let f=typeof t.history=="string"?E(p.resolve(o,t.history)):void 0;if(f)throw new i(`\`--history\` has the value "${t.history}": ${f}; accepted: a folder spinwash may write in (missing folders are made)`);let m=typeof t.history=="string"?F(p.resolve(o,t.history)):void 0,u=await U(s.projectDir),e=await L(s,new C(r.stderr,t.verbose===!0),{...m?{history:m}:{},...u?{source:{commit:u}}:{},...m?{chartLink:N=>p.join(t.history,N)}:{}});r.stdout(`${e.markdown}
`),h&&e.report.coldStart&&await b(h,P(e.report));let w=I(e.report.benchmark);if(w)throw w;if(e.historyError)throw e.historyError;if(s.benchmark.failOnAlert&&e.report.benchmark.alert?.status==="regression")throw new y(`Benchmark regression: ${e.report.benchmark.alert.message}`);let g=e.report.budgets&&v(e.report.budgets,e.project.components);if(g)throw g;return 0}export{T as BENCH_USAGE,X as runBenchCommand};
//# sourceMappingURL=bench-command-QFP2WF6E.js.map
