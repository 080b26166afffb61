import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-NYWYU7FS.js";
import {
  allInputs,
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
import "./chunk-UMZCIWP5.js";
import "./chunk-IRSJQSBA.js";
import {
  readRunContext
} from "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-YDEMTISK.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import "./chunk-DTWORZFI.js";
import "./chunk-KEOSVDQE.js";
import "./chunk-VMZ47O4A.js";
import "./chunk-2HIH7NOE.js";
import "./chunk-3J67AXYP.js";
import "./chunk-MFM22RQS.js";
import "./chunk-NEQGYPFF.js";
import "./chunk-E4HSM5HB.js";
import "./chunk-EKUGAD5L.js";
import "./chunk-GCGXGLYM.js";
import "./chunk-H3MOW4QF.js";
import {
  ExitCode,
  error,
  getInput,
  group,
  info,
  setFailed,
  setSecret,
  summary,
  warning
} from "./chunk-K3KLNEQA.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/action/main.ts
import path from "node:path";

// src/action/logger.ts
var open = 0;
async function folded(title, fn) {
  if (open > 0) {
    info(`\u2500\u2500 ${title}`);
    return fn();
  }
  open += 1;
  try {
    return await group(title, fn);
  } finally {
    open -= 1;
  }
}
var actionLogger = {
  info: (message) => info(message),
  warning: (message, file) => warning(message, file ? { file } : {}),
  group: folded,
  stage: folded,
  output: (chunk) => {
    process.stdout.write(chunk);
  }
};

// src/action/main.ts
function readInputs() {
  const raw = {};
  for (const [name, spec] of Object.entries(allInputs())) {
    const value = getInput(name);
    if (spec.secret && value !== "") setSecret(value);
    if (value !== "") raw[name] = value;
  }
  raw["report-path"] ??= path.join(
    process.env.RUNNER_TEMP ?? process.cwd(),
    "spinwash-report.json"
  );
  return raw;
}
async function runAction() {
  try {
    const config = buildConfig(readInputs(), process.env.GITHUB_WORKSPACE ?? process.cwd());
    if (config.githubToken) setSecret(config.githubToken);
    for (const secret of Object.values(config.deploy.secrets)) setSecret(secret);
    const context = await readRunContext(process.env);
    if (config.mode === "comment") {
      const { publishFromArtifact } = await import("./publish-W7FOAS5B.js");
      await publishFromArtifact(config, actionLogger, { context });
      return;
    }
    if (config.mode === "benchmark") {
      const { runBenchmarkAction } = await import("./action-K6NKMYZL.js");
      await runBenchmarkAction(config, actionLogger, { context });
      return;
    }
    const { closePreview } = await import("./preview-KPMP4RKC.js");
    const closed = await closePreview(config, actionLogger, context);
    if (closed !== void 0) {
      if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(`${closed}
`, true).write();
      const { markPreviewDeleted } = await import("./publish-W7FOAS5B.js");
      await markPreviewDeleted(config, actionLogger, { context });
      return;
    }
    const result = await runPipeline(config, actionLogger, context);
    const { publishReport } = await import("./publish-W7FOAS5B.js");
    await publishReport(result, config, actionLogger, { context });
  } catch (error2) {
    if (error2 instanceof UserError && error2.file) {
      error(error2.message, {
        file: error2.file,
        ...error2.line !== void 0 ? { startLine: error2.line } : {}
      });
      process.exitCode = ExitCode.Failure;
    } else if (error2 instanceof UserError) {
      setFailed(error2.message);
    } else {
      setFailed(error2 instanceof Error ? error2.stack ?? error2.message : errorMessage(error2));
    }
  }
}
export {
  runAction
};
//# sourceMappingURL=main-OECUWAW3.js.map
