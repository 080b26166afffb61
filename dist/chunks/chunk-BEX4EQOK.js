import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  runPipeline
} from "./chunk-NYWYU7FS.js";
import {
  allInputs,
  buildConfig,
  parseOutputFile
} from "./chunk-QUQH4YZH.js";
import {
  closePreview
} from "./chunk-4KJDKNDR.js";
import {
  budgetError
} from "./chunk-UMZCIWP5.js";
import {
  readRunContext
} from "./chunk-PMUPDPBB.js";

// src/commands/run.ts
import { parseArgs } from "node:util";

// src/commands/terminal-logger.ts
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
var BENCH_INPUTS = [
  "repeat",
  "min-interval",
  "history-limit",
  "alert-window",
  "alert-threshold",
  "fail-on-alert"
];
var ACTION_BENCH_ONLY = /* @__PURE__ */ new Set(["alert-comment-on"]);
var SWITCHES = /* @__PURE__ */ new Set([
  "wasm-opt",
  "ladder",
  "preview",
  "fail-on-alert",
  "allow-outside-project"
]);
var INPUTS = allInputs();
var FLAG_INPUTS = Object.keys(INPUTS).filter(
  (name) => !ACTION_ONLY.has(name) && !ACTION_BENCH_ONLY.has(name) && !BENCH_INPUTS.includes(name) && !INPUTS[name].secret
);
var SECRET_INPUTS = Object.entries(INPUTS).filter(([, spec]) => spec.secret);
function flagHelp(names) {
  return names.map((name) => {
    const input = INPUTS[name];
    const flag = SWITCHES.has(name) ? `--${name}` : `--${name} VALUE`;
    const fallback = input.default === "" ? "" : ` (default: ${input.default})`;
    return `  ${flag.padEnd(26)} ${input.description}${SWITCHES.has(name) ? "" : fallback}`;
  }).join("\n");
}
function flagOptions(names) {
  return Object.fromEntries(
    names.map((name) => [name, { type: SWITCHES.has(name) ? "boolean" : "string" }])
  );
}
function inputsFromFlags(values, names) {
  const raw = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value === "string") raw[name] = value;
    if (value === true) raw[name] = "true";
  }
  return raw;
}
var SECRETS_HELP = SECRET_INPUTS.length === 0 ? "" : `

Secrets come from the environment, never from flags:
${SECRET_INPUTS.map(
  ([name, spec]) => `  ${(spec.env ?? name).padEnd(26)} ${name}: ${spec.description}`
).join("\n")}`;
var RUN_USAGE = `Usage: spinwash run [options]

Builds, shrinks, deploys and reports a Rust WebAssembly project, as the action does.

Options:
${flagHelp(FLAG_INPUTS)}
  --baseline FILE            Compare with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${SECRETS_HELP}`;
var REPORT_FLAGS = {
  json: { type: "string" },
  markdown: { type: "string" },
  baseline: { type: "string" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
async function runCommand(args, io) {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { ...flagOptions(FLAG_INPUTS), ...REPORT_FLAGS }
  });
  if (values.help) {
    io.stdout(`${RUN_USAGE}
`);
    return 0;
  }
  const raw = inputsFromFlags(values, FLAG_INPUTS);
  if (typeof values.json === "string") {
    parseOutputFile("--json", values.json, io.cwd ?? process.cwd());
    raw["report-path"] = values.json;
  }
  if (typeof values.baseline === "string") raw["baseline-file"] = values.baseline;
  const base = buildConfig(raw, io.cwd ?? process.cwd());
  const config = {
    ...base,
    output: {
      ...base.output,
      ...typeof values.markdown === "string" ? { markdownPath: parseOutputFile("--markdown", values.markdown, io.cwd ?? process.cwd()) } : {}
    }
  };
  const logger = new TerminalLogger(io.stderr, values.verbose === true);
  const context = await readRunContext(process.env);
  const closed = await closePreview(config, logger, context);
  if (closed !== void 0) {
    io.stdout(`${closed}
`);
    return 0;
  }
  const result = await runPipeline(config, logger, context);
  io.stdout(`${result.markdown}
`);
  const breach = result.report.budgets && budgetError(result.report.budgets, result.project.components);
  if (breach) throw breach;
  return 0;
}

export {
  TerminalLogger,
  BENCH_INPUTS,
  FLAG_INPUTS,
  flagHelp,
  flagOptions,
  inputsFromFlags,
  SECRETS_HELP,
  RUN_USAGE,
  REPORT_FLAGS,
  runCommand
};
//# sourceMappingURL=chunk-BEX4EQOK.js.map
