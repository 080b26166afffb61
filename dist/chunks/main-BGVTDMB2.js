import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import{a as o}from"./chunk-FQF2DHWK.js";import{a as i}from"./chunk-2NPZO7RI.js";import"./chunk-JVJN5FIO.js";import"./chunk-4ZV4TPN2.js";import"./chunk-GYTEYJW4.js";import"./chunk-J6XYWEUJ.js";import"./chunk-FIQHACSK.js";import"./chunk-V2QYFQJ2.js";import"./chunk-LTPGKQZX.js";import"./chunk-7X7TQWZV.js";import"./chunk-ZRIIFANB.js";import"./chunk-SQQXTCMI.js";import{b as t}from"./chunk-2JZVTYTV.js";import"./chunk-75TTOZRQ.js";import"./chunk-KAZXYQIT.js";import"./chunk-JPOBV2NA.js";var d=`spinwash ${o}: build, shrink, deploy and report Rust WebAssembly apps

Usage: spinwash <command> [options]

Commands:
  run        Build, optimize, deploy and report a project (what the action does)
  optimize   Strip and optimize one .wasm file (a core module or a component)
  inspect    Show what spinwash finds in a project: kind, components, build commands
  bench      Build once, deploy N times: deploy-time statistics, history, charts, alerts
  plan       Find every app of a monorepo: a GitHub Actions matrix, one job per app
  merge      Merge a matrix's reports into one report: a row per app, details folded

Run \`spinwash <command> --help\` for a command's options.`,s={run:async()=>(await import("./run-command-XXLHPQ3F.js")).runCommand,optimize:async()=>(await import("./optimize-command-E6CTCFZ2.js")).runOptimizeCommand,inspect:async()=>(await import("./inspect-command-ANRUHEYV.js")).runInspectCommand,bench:async()=>(await import("./bench-command-QFP2WF6E.js")).runBenchCommand,plan:async()=>(await import("./plan-command-DSBZTWUY.js")).runPlanCommand,merge:async()=>(await import("./merge-command-YRQ6QDDF.js")).runMergeCommand};async function l(m,r){let[n,...p]=m;if(n===void 0||n==="--help"||n==="-h"||n==="help")return r.stdout(`${d}
`),n===void 0?2:0;if(n==="--version"||n==="-V")return r.stdout(`${o}
`),0;let a=s[n];if(!a)return r.stderr(`spinwash: error: unknown command "${n}"; commands: ${Object.keys(s).join(", ")} (see \`spinwash --help\`)
`),2;try{return await(await a())(p,r)}catch(e){try{return i(e,r,n)}catch{return r.stderr(`spinwash: internal error (a bug in spinwash): ${e instanceof Error?e.stack??e.message:t(e)}
`),1}}}export{l as cliMain};
//# sourceMappingURL=main-BGVTDMB2.js.map
