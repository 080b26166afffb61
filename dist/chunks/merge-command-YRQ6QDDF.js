import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as w,d as h,e as u,f as g,g as c,h as I}from"./chunk-ESDEHBIO.js";import{a as f}from"./chunk-Z22H3G64.js";import{a as b}from"./chunk-XTGMXULQ.js";import"./chunk-F57PKJ26.js";import"./chunk-HRF4SK3W.js";import"./chunk-FQF2DHWK.js";import"./chunk-AN5SZWIJ.js";import{d as s}from"./chunk-SOMZLPEM.js";import"./chunk-OXO43DOO.js";import"./chunk-4ZV4TPN2.js";import"./chunk-GYTEYJW4.js";import{a as l}from"./chunk-J6XYWEUJ.js";import"./chunk-FIQHACSK.js";import"./chunk-V2QYFQJ2.js";import"./chunk-XWEDJPN6.js";import"./chunk-IYJKGJII.js";import"./chunk-LTPGKQZX.js";import"./chunk-CQ2ZMYM3.js";import"./chunk-Z3KBQSEX.js";import"./chunk-YZERAKZU.js";import"./chunk-7X7TQWZV.js";import"./chunk-ZRIIFANB.js";import"./chunk-SQQXTCMI.js";import{c as d}from"./chunk-2JZVTYTV.js";import"./chunk-75TTOZRQ.js";import"./chunk-KAZXYQIT.js";import"./chunk-JPOBV2NA.js";import{parseArgs as F}from"node:util";import x from"node:path";var y=`Usage: spinwash merge --reports DIR [--matrix FILE] [--markdown FILE] [--json FILE]

Merges the JSON reports of a monorepo's matrix jobs (every spinwash report or failure record
under DIR, as actions/download-artifact left them) into one report: a summary table with a
row per app (final size, change against its own baseline, deploy time, budget), failed jobs
and broken budgets on top, then each app's report folded. The markdown is printed, sized for
a PR comment (details are cut before the summary ever is). Exits 1 when an app's job failed
or broke a budget that fails.

Options:
  --reports DIR              The folder holding the jobs' reports (required).
  --matrix FILE              The matrix \`spinwash plan --json\` wrote: an app it lists with no
                             report shows as failed.
  --markdown FILE            Write the merged markdown to FILE.
  --json FILE                Write the merged JSON ({"apps": [...]}) to FILE.
  -h, --help                 Show this help.`;async function J(E,r){let{values:e}=F({args:E,strict:!0,allowPositionals:!1,options:{reports:{type:"string"},matrix:{type:"string"},markdown:{type:"string"},json:{type:"string"},help:{type:"boolean",short:"h"}}});if(e.help)return r.stdout(`${y}
`),0;let o=r.cwd??process.cwd();if(e.reports===void 0)throw new d("--reports DIR is required");let n=e.json===void 0?void 0:s("--json",e.json,o),i=e.markdown===void 0?void 0:s("--markdown",e.markdown,o),j=e.matrix===void 0?void 0:await I(x.resolve(o,e.matrix)),a=new b(r.stderr,!1),{apps:t,report:k}=await h(x.resolve(o,e.reports),j,a,{reports:"--reports",matrix:"--matrix"}),p=g(t,{maxLength:f-64},a);n&&await u(n,k),i&&await l(i,p),r.stdout(p);let m=c(w(t),t.length);if(m)throw m;return 0}export{y as MERGE_USAGE,J as runMergeCommand};
//# sourceMappingURL=merge-command-YRQ6QDDF.js.map
