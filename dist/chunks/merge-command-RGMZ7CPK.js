import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as w,d as h,e as u,f as g,g as c,h as I}from"./chunk-UOYUDHXO.js";import{a as f}from"./chunk-J4DER66H.js";import{a as b}from"./chunk-XTGMXULQ.js";import"./chunk-A7XRPD2Q.js";import"./chunk-3IPGBNPX.js";import"./chunk-FQF2DHWK.js";import"./chunk-NOROUSND.js";import{c as s}from"./chunk-OPJTAQKA.js";import"./chunk-BZ6DQUIO.js";import"./chunk-CC5LSOOO.js";import"./chunk-UBZSCOHY.js";import{a as l}from"./chunk-WLQP5DRD.js";import"./chunk-KGIEWSA6.js";import"./chunk-V2QYFQJ2.js";import"./chunk-YQCGE7TS.js";import"./chunk-IYJKGJII.js";import"./chunk-QFU4GALA.js";import"./chunk-LY4P5R2Y.js";import"./chunk-4TFQ6EZD.js";import"./chunk-OXWEQ4YB.js";import"./chunk-7X7TQWZV.js";import"./chunk-ZRIIFANB.js";import"./chunk-XCDTVKEK.js";import{c as d}from"./chunk-2LRG2DJI.js";import"./chunk-75TTOZRQ.js";import"./chunk-KAZXYQIT.js";import"./chunk-JPOBV2NA.js";import{parseArgs as F}from"node:util";import x from"node:path";var y=`Usage: spinwash merge --reports DIR [--matrix FILE] [--markdown FILE] [--json FILE]

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
//# sourceMappingURL=merge-command-RGMZ7CPK.js.map
