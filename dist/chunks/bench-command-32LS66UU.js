import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as y,c as b,d as k}from"./chunk-ZI76YVZT.js";import{a as I,b as S,c as F,d as C,e as L,f as j,h as v}from"./chunk-BAFSXVD2.js";import"./chunk-Q34IWDEC.js";import"./chunk-WFXHVGHJ.js";import"./chunk-2GONNOOO.js";import"./chunk-PSC3T5G7.js";import{a as E}from"./chunk-XTGMXULQ.js";import"./chunk-UXH6ZTZ6.js";import"./chunk-IRTNISQX.js";import"./chunk-QDMGZXCX.js";import{e as w}from"./chunk-3DV4NA57.js";import"./chunk-JE5JLVLJ.js";import"./chunk-WYGLIGVM.js";import"./chunk-DKLAPSSP.js";import"./chunk-O5BFLXN6.js";import"./chunk-2NLPA3V5.js";import"./chunk-ETIDCLAN.js";import{p as g}from"./chunk-CKL6WTAD.js";import"./chunk-FMTMDQLL.js";import"./chunk-L4JZMREV.js";import"./chunk-FIW2RNF3.js";import"./chunk-5QBMSSM6.js";import"./chunk-CZA552PR.js";import"./chunk-TG6FLTZT.js";import"./chunk-2JQN62WM.js";import"./chunk-5OL6K3AR.js";import"./chunk-25JRPN6F.js";import"./chunk-W2CGTYPZ.js";import"./chunk-OYD6KCZQ.js";import"./chunk-A3RAKLJV.js";import"./chunk-IYJKGJII.js";import{c as u}from"./chunk-T3I6GRNO.js";import"./chunk-3QWZGZUE.js";import"./chunk-ZRIIFANB.js";import"./chunk-ERT5DMMM.js";import"./chunk-3FOEVZYA.js";import"./chunk-W2SK3HB3.js";import{a as h}from"./chunk-6RILG5KV.js";import"./chunk-TD64QMNT.js";import p from"node:path";import{parseArgs as O}from"node:util";var m=[...S,...I],P=`Usage: spinwash bench [options]

Builds and shrinks a project once, then deploys it --repeat times (stopping it in between):
the first deploy is reported apart (cold), the others give median, min, max, p90 and MAD of
the ready time, the first answer's latency and the deploy command. With --history DIR, the
run is added to DIR/<app>/<target>/ (capped), the trend and scatter SVGs are redrawn there,
and the run is checked for a regression against the runs before it.

Options:
${F(m)}
  --history DIR              Keep the benchmark history in DIR (the data branch's bench/ layout).
  --baseline FILE            Compare the sizes with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report (with its benchmark section) to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${j}`;async function B(o){try{let{stdout:r}=await u("git",["rev-parse","HEAD"],{cwd:o}),e=r.trim();return/^[0-9a-f]{40}$/.test(e)?e:void 0}catch{return}}async function W(o,r){let{values:e}=O({args:o,strict:!0,allowPositionals:!1,options:{...C(m),history:{type:"string"},...v}});if(e.help)return r.stdout(`${P}
`),0;let n=r.cwd??process.cwd(),s={...L(e,m),mode:"benchmark"};typeof e.json=="string"&&(s["report-path"]=e.json),typeof e.baseline=="string"&&(s["baseline-file"]=e.baseline);let d=w(s,n),i={...d,output:{...d.output,...typeof e.markdown=="string"?{markdownPath:p.resolve(n,e.markdown)}:{}}};if(e.history==="")throw new h("Flag `--history` needs a folder");let a=typeof e.history=="string"?y(p.resolve(n,e.history)):void 0,c=await B(i.projectDir),t=await k(i,new E(r.stderr,e.verbose===!0),{...a?{history:a}:{},...c?{source:{commit:c}}:{},...a?{chartLink:A=>p.join(e.history,A)}:{}});r.stdout(`${t.markdown}
`);let f=b(t.report.benchmark);if(f)throw f;if(t.historyError)throw t.historyError;if(i.benchmark.failOnAlert&&t.report.benchmark.alert?.status==="regression")throw new h(`Benchmark regression: ${t.report.benchmark.alert.message}`);let l=t.report.budgets&&g(t.report.budgets,t.project.components);if(l)throw l;return 0}export{P as BENCH_USAGE,W as runBenchCommand};
//# sourceMappingURL=bench-command-32LS66UU.js.map
