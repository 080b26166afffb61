import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  everySampleFailed,
  folderBackend,
  runBenchmark
} from "./chunk-MK5LKF4G.js";
import {
  BENCH_INPUTS,
  FLAG_INPUTS,
  REPORT_FLAGS,
  SECRETS_HELP,
  TerminalLogger,
  flagHelp,
  flagOptions,
  inputsFromFlags
} from "./chunk-BEX4EQOK.js";
import "./chunk-NYWYU7FS.js";
import {
  buildConfig
} from "./chunk-QUQH4YZH.js";
import "./chunk-WAYFC2HM.js";
import "./chunk-TWX3SAKE.js";
import "./chunk-CZJVZQ6V.js";
import "./chunk-K4TL2LEL.js";
import "./chunk-4KJDKNDR.js";
import "./chunk-J4QKFO7O.js";
import "./chunk-UHWQGR37.js";
import "./chunk-7DXSX7HT.js";
import {
  budgetError
} from "./chunk-UMZCIWP5.js";
import "./chunk-IRSJQSBA.js";
import "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-YDEMTISK.js";
import "./chunk-LSLESLRT.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-H35N3LII.js";
import "./chunk-DTWORZFI.js";
import "./chunk-KEOSVDQE.js";
import "./chunk-VMZ47O4A.js";
import "./chunk-2HIH7NOE.js";
import "./chunk-3J67AXYP.js";
import {
  execCapture
} from "./chunk-MFM22RQS.js";
import "./chunk-NEQGYPFF.js";
import "./chunk-E4HSM5HB.js";
import "./chunk-EKUGAD5L.js";
import "./chunk-GCGXGLYM.js";
import "./chunk-H3MOW4QF.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/commands/bench.ts
import path from "node:path";
import { parseArgs } from "node:util";
var NAMES = [...FLAG_INPUTS, ...BENCH_INPUTS];
var BENCH_USAGE = `Usage: spinwash bench [options]

Builds and shrinks a project once, then deploys it --repeat times (stopping it in between):
the first deploy is reported apart (cold), the others give median, min, max, p90 and MAD of
the ready time, the first answer's latency and the deploy command. With --history DIR, the
run is added to DIR/<app>/<target>/ (capped), the trend and scatter SVGs are redrawn there,
and the run is checked for a regression against the runs before it.

Options:
${flagHelp(NAMES)}
  --history DIR              Keep the benchmark history in DIR (the data branch's bench/ layout).
  --baseline FILE            Compare the sizes with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report (with its benchmark section) to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${SECRETS_HELP}`;
async function headCommit(dir) {
  try {
    const { stdout } = await execCapture("git", ["rev-parse", "HEAD"], { cwd: dir });
    const sha = stdout.trim();
    return /^[0-9a-f]{40}$/.test(sha) ? sha : void 0;
  } catch {
    return void 0;
  }
}
async function runBenchCommand(args, io) {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { ...flagOptions(NAMES), history: { type: "string" }, ...REPORT_FLAGS }
  });
  if (values.help) {
    io.stdout(`${BENCH_USAGE}
`);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  const raw = { ...inputsFromFlags(values, NAMES), mode: "benchmark" };
  if (typeof values.json === "string") raw["report-path"] = values.json;
  if (typeof values.baseline === "string") raw["baseline-file"] = values.baseline;
  const base = buildConfig(raw, cwd);
  const config = {
    ...base,
    output: {
      ...base.output,
      ...typeof values.markdown === "string" ? { markdownPath: path.resolve(cwd, values.markdown) } : {}
    }
  };
  if (values.history === "") throw new UserError("Flag `--history` needs a folder");
  const history = typeof values.history === "string" ? folderBackend(path.resolve(cwd, values.history)) : void 0;
  const commit = await headCommit(config.projectDir);
  const result = await runBenchmark(
    config,
    new TerminalLogger(io.stderr, values.verbose === true),
    {
      ...history ? { history } : {},
      ...commit ? { source: { commit } } : {},
      ...history ? { chartLink: (file) => path.join(values.history, file) } : {}
    }
  );
  io.stdout(`${result.markdown}
`);
  const failed = everySampleFailed(result.report.benchmark);
  if (failed) throw failed;
  if (result.historyError) throw result.historyError;
  if (config.benchmark.failOnAlert && result.report.benchmark.alert?.status === "regression")
    throw new UserError(`Benchmark regression: ${result.report.benchmark.alert.message}`);
  const breach = result.report.budgets && budgetError(result.report.budgets, result.project.components);
  if (breach) throw breach;
  return 0;
}
export {
  BENCH_USAGE,
  runBenchCommand
};
//# sourceMappingURL=bench-TZEDHUVS.js.map
