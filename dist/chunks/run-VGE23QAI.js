import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  INPUTS,
  buildConfig,
  runPipeline
} from "./chunk-OUR67CDM.js";
import {
  budgetError
} from "./chunk-7ZXXKP3D.js";
import "./chunk-XPN5RQNQ.js";
import "./chunk-XMY5R6EL.js";
import "./chunk-DU7AOQJV.js";
import "./chunk-4OZ5WGZ4.js";
import "./chunk-CUUPXHP6.js";
import "./chunk-LSHWG3Q7.js";
import "./chunk-4HBBVYNR.js";
import "./chunk-46IRRWGP.js";
import "./chunk-V3FZFR6Q.js";
import "./chunk-A4CPL2MO.js";
import "./chunk-T2F3D47J.js";
import "./chunk-7DG4PY4B.js";
import "./chunk-2ZOKV7VA.js";
import "./chunk-RPKHDHFV.js";
import "./chunk-HI7XWGIK.js";
import "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";

// src/commands/run.ts
import path from "node:path";
import { parseArgs } from "node:util";

// src/cli/logger.ts
var TerminalLogger = class {
  constructor(write, verbose) {
    this.write = write;
    this.verbose = verbose;
  }
  write;
  verbose;
  info(message) {
    this.write(`${message}
`);
  }
  warning(message, file) {
    this.write(`warning: ${file ? `${file}: ` : ""}${message}
`);
  }
  async group(title, fn) {
    if (this.verbose) this.write(`\u2500\u2500 ${title}
`);
    return fn();
  }
  output(chunk) {
    if (this.verbose) this.write(chunk);
  }
};

// src/commands/run.ts
var ACTION_ONLY = /* @__PURE__ */ new Set([
  "comment",
  "comment-key",
  "github-token",
  "report-path",
  "data-branch",
  "save-branches",
  "mode"
]);
var SWITCHES = /* @__PURE__ */ new Set(["wasm-opt", "ladder"]);
var FLAG_INPUTS = Object.keys(INPUTS).filter((name) => !ACTION_ONLY.has(name));
var RUN_USAGE = `Usage: spinwash run [options]

Builds, shrinks, deploys and reports a Rust WebAssembly project, as the action does.

Options:
${FLAG_INPUTS.map((name) => {
  const flag = SWITCHES.has(name) ? `--${name}` : `--${name} VALUE`;
  const fallback = INPUTS[name].default === "" ? "" : ` (default: ${INPUTS[name].default})`;
  return `  ${flag.padEnd(26)} ${INPUTS[name].description}${SWITCHES.has(name) ? "" : fallback}`;
}).join("\n")}
  --baseline FILE            Compare with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.`;
async function runCommand(args, io) {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      ...Object.fromEntries(
        FLAG_INPUTS.map(
          (name) => [name, { type: SWITCHES.has(name) ? "boolean" : "string" }]
        )
      ),
      json: { type: "string" },
      markdown: { type: "string" },
      baseline: { type: "string" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" }
    }
  });
  if (values.help) {
    io.stdout(`${RUN_USAGE}
`);
    return 0;
  }
  const raw = {};
  for (const name of FLAG_INPUTS) {
    const value = values[name];
    if (typeof value === "string") raw[name] = value;
    if (value === true) raw[name] = "true";
  }
  if (typeof values.json === "string") raw["report-path"] = values.json;
  if (typeof values.baseline === "string") raw["baseline-file"] = values.baseline;
  const base = buildConfig(raw, io.cwd ?? process.cwd());
  const config = {
    ...base,
    output: {
      ...base.output,
      ...typeof values.markdown === "string" ? { markdownPath: path.resolve(io.cwd ?? process.cwd(), values.markdown) } : {}
    }
  };
  const result = await runPipeline(config, new TerminalLogger(io.stderr, values.verbose === true));
  io.stdout(`${result.markdown}
`);
  const breach = result.report.budgets && budgetError(result.report.budgets, result.project.components);
  if (breach) throw breach;
  return 0;
}
export {
  RUN_USAGE,
  runCommand
};
