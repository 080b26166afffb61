import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  INPUTS,
  buildConfig,
  runPipeline
} from "./chunks/chunk-OUR67CDM.js";
import "./chunks/chunk-7ZXXKP3D.js";
import "./chunks/chunk-XPN5RQNQ.js";
import "./chunks/chunk-XMY5R6EL.js";
import "./chunks/chunk-DU7AOQJV.js";
import "./chunks/chunk-4OZ5WGZ4.js";
import "./chunks/chunk-CUUPXHP6.js";
import "./chunks/chunk-LSHWG3Q7.js";
import "./chunks/chunk-4HBBVYNR.js";
import "./chunks/chunk-46IRRWGP.js";
import "./chunks/chunk-V3FZFR6Q.js";
import "./chunks/chunk-A4CPL2MO.js";
import "./chunks/chunk-T2F3D47J.js";
import {
  ExitCode,
  error,
  getInput,
  group,
  info,
  setFailed,
  setSecret,
  warning
} from "./chunks/chunk-XCY65RCF.js";
import "./chunks/chunk-7DG4PY4B.js";
import "./chunks/chunk-2ZOKV7VA.js";
import "./chunks/chunk-RPKHDHFV.js";
import "./chunks/chunk-HI7XWGIK.js";
import {
  UserError,
  errorMessage
} from "./chunks/chunk-T6ADKWSP.js";
import "./chunks/chunk-ULXDCFAG.js";

// src/action/main.ts
import path from "node:path";

// src/action/logger.ts
var actionLogger = {
  info: (message) => info(message),
  warning: (message, file) => warning(message, file ? { file } : {}),
  group: (title, fn) => group(title, fn),
  output: (chunk) => {
    process.stdout.write(chunk);
  }
};

// src/action/main.ts
function readInputs() {
  const raw = {};
  for (const name of Object.keys(INPUTS)) {
    const value = getInput(name);
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
    if (config.mode === "comment") {
      const { publishFromArtifact } = await import("./chunks/publish-NWU7XG5P.js");
      await publishFromArtifact(config, actionLogger);
      return;
    }
    const result = await runPipeline(config, actionLogger);
    const { publishReport } = await import("./chunks/publish-NWU7XG5P.js");
    await publishReport(result, config, actionLogger);
  } catch (error2) {
    if (error2 instanceof UserError && error2.file) {
      error(error2.message, { file: error2.file });
      process.exitCode = ExitCode.Failure;
    } else if (error2 instanceof UserError) {
      setFailed(error2.message);
    } else {
      setFailed(error2 instanceof Error ? error2.stack ?? error2.message : errorMessage(error2));
    }
  }
}

// src/index.ts
await runAction();
