import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  parseToolsConfig
} from "./chunk-TWX3SAKE.js";
import {
  DEPLOY_CHOICES,
  DEPLOY_TARGETS,
  deployTargetNamed,
  targetInputs
} from "./chunk-J4QKFO7O.js";
import {
  invalidInput,
  parseBoolean,
  parseChoice,
  parseList,
  parsePositiveInt,
  parsePositiveNumber
} from "./chunk-7DXSX7HT.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";

// src/config/inputs.ts
var INPUTS = {
  project: {
    default: ".",
    description: "Folder of the project: a Spin app (spin.toml), a wasmCloud project (wasmcloud.toml, .wash/config.yaml), or a Cargo package or workspace."
  },
  deploy: {
    default: "local",
    description: "Where to deploy (`none` skips the deploy):"
  },
  "wasm-opt": {
    default: "false",
    description: "Run `wasm-opt -Oz` (binaryen, in-process) after stripping."
  },
  ladder: {
    default: "false",
    description: "Report the size ladder: debug build \u2192 plain release (the release profile of Cargo.toml, untweaked) \u2192 tweaked release \u2192 stripped \u2192 wasm-opt. Costs two extra cargo builds; components not built by a single `cargo build` are skipped."
  },
  lto: {
    default: "true",
    description: "CARGO_PROFILE_RELEASE_LTO: `true`, `false`, `thin`, `fat`, `off`, or `inherit` to leave Cargo.toml in charge."
  },
  "opt-level": {
    default: "z",
    description: "CARGO_PROFILE_RELEASE_OPT_LEVEL: `0`-`3`, `s`, `z`, or `inherit`."
  },
  "codegen-units": {
    default: "1",
    description: "CARGO_PROFILE_RELEASE_CODEGEN_UNITS: a whole number from 1 to 256, or `inherit`."
  },
  panic: {
    default: "abort",
    description: "CARGO_PROFILE_RELEASE_PANIC: `abort`, `unwind`, or `inherit`."
  },
  "cargo-strip": {
    default: "inherit",
    description: "CARGO_PROFILE_RELEASE_STRIP: `none`, `debuginfo`, `symbols`, or `inherit` (the strip stage removes debug sections anyway, and measures what they cost)."
  },
  "keep-sections": {
    default: "",
    description: "Custom sections to keep although they would be stripped (comma- or newline-separated; `*` wildcards)."
  },
  "remove-sections": {
    default: "",
    description: "Extra custom sections to strip (comma- or newline-separated; `*` wildcards). `component-type:*` is never removed."
  },
  "health-path": {
    default: "/",
    description: "Path requested to decide the deployed app is healthy (first HTTP 200 of the new version): a path on the app, such as `/health?ready=1`; never another host."
  },
  "health-expect": {
    default: "",
    description: "Text the health answer must contain to count as the new version (e.g. a version string), for platforms without Spin's `/.well-known/spin/info` digest."
  },
  "deploy-timeout": {
    default: "60",
    description: "Seconds from the deploy's start to wait for the new version's first healthy answer (at most 3600)."
  },
  preview: {
    default: "false",
    description: "On a pull request, deploy a preview of its own (`<app>-pr-<N>`), put its URL at the top of the comment, and delete it when the PR is closed (run the workflow on `closed` too)."
  },
  "report-path": {
    default: "",
    description: "Where to write the JSON report (default: spinwash-report.json in the runner temp folder)."
  },
  comment: { default: "true", description: "Post or update a sticky comment on the pull request." },
  "github-token": {
    default: "${{ github.token }}",
    description: "Token for the PR comment (needs `pull-requests: write`)."
  },
  "comment-key": {
    default: "sticky",
    description: "Key of the sticky comment (`<!-- spinwash:KEY -->`): give each job of a matrix its own to keep one comment per job."
  },
  "baseline-file": {
    default: "",
    description: "A JSON report to compare against (instead of the report saved for the base commit on `data-branch`)."
  },
  "max-size": {
    default: "",
    description: "Size budget on final bytes: a total (`300KiB`) and/or per component (`api=200KiB, web=1MB`); units B, KB, KiB, MB, MiB."
  },
  "max-increase": {
    default: "",
    description: "Growth budget per component against the baseline: a percentage (`1%`) or a size (`2KiB`)."
  },
  "max-deploy-seconds": {
    default: "",
    description: "Budget on the deploy ready time, in seconds."
  },
  "fail-on-budget": {
    default: "true",
    description: "Fail the step when a budget is broken (`false` only reports it)."
  },
  "data-branch": {
    default: "spinwash-data",
    description: "Branch that stores one JSON report per commit, for PRs to compare against (created when missing; empty turns the store off; needs `contents: write` on push)."
  },
  "save-branches": {
    default: "",
    description: "Branches whose pushes save their report to `data-branch` (comma-separated; default: the repository default branch)."
  },
  mode: {
    default: "run",
    description: "`run` builds and reports; `comment` (in a `workflow_run` workflow) posts the comment a fork PR run left in its `spinwash-report` artifact; `benchmark` builds once and deploys `repeat` times, keeps the run in the history on `data-branch`, draws the charts and raises alerts."
  },
  repeat: {
    default: "5",
    description: "`mode: benchmark`: deploys of the one build; the first (cold) is reported apart, the others make the statistics."
  },
  "min-interval": {
    default: "0",
    description: "`mode: benchmark`: seconds between the starts of two deploys, to stay under a platform limit (Fermyon Cloud: 6 for 10 a minute)."
  },
  "history-limit": {
    default: "500",
    description: "`mode: benchmark`: runs the history keeps per app and target; the oldest fall off (their files are deleted)."
  },
  "alert-window": {
    default: "5",
    description: "`mode: benchmark`: how many previous runs a run is compared against for an alert."
  },
  "alert-threshold": {
    default: "20%",
    description: "`mode: benchmark`: a run is a regression when its median ready time is this much above the median of the window AND its p10 lies above the median of their p90s (spreads that do not overlap)."
  },
  "alert-comment-on": {
    default: "",
    description: "`mode: benchmark`: an issue number to comment alerts on; empty opens (and updates) one issue per app and target."
  },
  "fail-on-alert": {
    default: "false",
    description: "`mode: benchmark`: fail the step when the run is a regression."
  },
  "project-kind": {
    default: "auto",
    description: "Kind of project: `auto` (by its files: spin.toml, wasmcloud.toml or .wash/config.yaml, Cargo.toml), `cargo`, `spin` or `wash`."
  },
  target: {
    default: "",
    description: "Rust target of a Cargo project (e.g. `wasm32-wasip2`); empty uses `[build] target` of the project's .cargo/config.toml, else `wasm32-wasip1`. Spin and wasmCloud projects name theirs in their own build settings."
  },
  runtime: {
    default: "embedded",
    description: "What serves the app for `deploy: local`: `embedded` (jco + preview2-shim, nothing to install), `spin` (`spin up`) or `wash` (`wash up` + `wash app deploy`, or `wash dev` for wash v2)."
  },
  "spin-version": {
    default: "",
    description: "Install this spin CLI (`latest`, `canary`, `vX.Y.Z`), cached by version; empty uses spin from PATH."
  },
  "wash-version": {
    default: "",
    description: "Install this wash CLI (`latest`, `vX.Y.Z`: 0.x or 2.x), cached by version; empty uses wash from PATH."
  },
  "spin-plugins": {
    default: "",
    description: "Spin plugins to install with `--yes` (comma-separated, e.g. `cloud, kube`)."
  },
  "allow-outside-project": {
    default: "false",
    description: 'Let a manifest name a wasm file outside the project folder (`source = "../x.wasm"`): spinwash rewrites the file it optimizes, so by default it refuses.'
  },
  "github-timeout": {
    default: "180",
    description: "Seconds all GitHub API calls of a run may take together (each request, retries and rate-limit waits included). Past it spinwash warns and publishes what it measured without what it could not get."
  },
  "tools-base-url": {
    default: "",
    description: "Fetch CLI releases from this server instead of GitHub (a mirror or GHES; env SPINWASH_TOOLS_BASE_URL): API under /repos/\u2026, assets under /<owner>/<repo>/releases/download/\u2026."
  }
};
function allInputs() {
  const deploy = {
    ...INPUTS.deploy,
    description: `${INPUTS.deploy.description} ${DEPLOY_TARGETS.map((t) => t.summary).join("; ")}.`
  };
  const own = Object.fromEntries(
    Object.entries(targetInputs()).map(([name, { targets, ...spec }]) => [
      name,
      { ...spec, description: `${spec.description} (deploy: ${targets.join(", ")})` }
    ])
  );
  return { ...INPUTS, deploy, ...own };
}

// src/config/config.ts
import { existsSync, statSync } from "node:fs";
import path from "node:path";

// src/config/budgets.ts
var UNITS = {
  b: 1,
  kb: 1e3,
  kib: 1024,
  mb: 1e3 * 1e3,
  mib: 1024 * 1024
};
var SIZE_ACCEPTED = "a size such as `500B`, `200KB`, `200KiB`, `1.5MB` or `2MiB` (a bare number is bytes)";
function parseByteSize(input, value) {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = UNITS[(match?.[2] || "b").toLowerCase()];
  if (!match || unit === void 0) throw invalidInput(input, value, SIZE_ACCEPTED);
  const bytes = Math.round(Number(match[1]) * unit);
  if (bytes <= 0) throw invalidInput(input, value, `${SIZE_ACCEPTED}, greater than 0`);
  return bytes;
}
function parseMaxSize(value) {
  let maxTotalBytes;
  const maxComponentBytes = {};
  for (const entry of parseList(value)) {
    const eq = entry.indexOf("=");
    if (eq === -1) {
      if (maxTotalBytes !== void 0)
        throw invalidInput(
          "max-size",
          value,
          "one total limit and any number of `name=limit` entries"
        );
      maxTotalBytes = parseByteSize("max-size", entry);
      continue;
    }
    const name = entry.slice(0, eq).trim();
    if (name === "" || name in maxComponentBytes) {
      throw invalidInput(
        "max-size",
        value,
        "`name=limit` entries with distinct, non-empty component names"
      );
    }
    maxComponentBytes[name] = parseByteSize("max-size", entry.slice(eq + 1).trim());
  }
  return { maxTotalBytes, maxComponentBytes };
}
function parseMaxIncrease(value) {
  const trimmed = value.trim();
  if (trimmed === "") return void 0;
  if (trimmed.endsWith("%")) {
    const percent = Number(trimmed.slice(0, -1).trim());
    if (trimmed.length === 1 || !Number.isFinite(percent) || percent < 0) {
      throw invalidInput("max-increase", value, `a percentage such as \`1%\` or ${SIZE_ACCEPTED}`);
    }
    return { kind: "percent", percent };
  }
  if (!/^\d/.test(trimmed))
    throw invalidInput("max-increase", value, `a percentage such as \`1%\` or ${SIZE_ACCEPTED}`);
  return { kind: "bytes", bytes: parseByteSize("max-increase", trimmed) };
}
function parseBudgets(raw) {
  return Object.freeze({
    ...parseMaxSize(raw.maxSize),
    maxIncrease: parseMaxIncrease(raw.maxIncrease),
    maxDeploySeconds: raw.maxDeploySeconds.trim() === "" ? void 0 : parsePositiveNumber("max-deploy-seconds", raw.maxDeploySeconds.trim()),
    failOnBudget: raw.failOnBudget
  });
}

// src/config/rules.ts
var LOCAL_TARGETS = /* @__PURE__ */ new Set(["local", "spin-up", "wash", "none"]);
var CROSS_INPUT_RULES = [
  {
    inputs: ["max-deploy-seconds", "deploy"],
    check: (config) => config.budgets.maxDeploySeconds !== void 0 && config.deploy.target === "none" ? "Input `max-deploy-seconds` is set but `deploy` is `none`: there is no deploy to time; remove the budget or choose a deploy target" : void 0
  },
  {
    inputs: ["runtime", "deploy"],
    check: (config, raw) => config.tools.runtime !== "embedded" && raw("deploy") !== "local" ? `Input \`runtime\` is \`${config.tools.runtime}\` but \`deploy\` is \`${raw("deploy")}\`: \`runtime\` chooses what serves \`deploy: local\` only` : void 0
  },
  {
    inputs: ["preview", "deploy"],
    check: (config) => config.deploy.preview && LOCAL_TARGETS.has(config.deploy.target) ? `Input \`preview\` is \`true\` but \`deploy\` is \`${config.deploy.target}\`, which keeps nothing running after the step; previews need a remote target` : void 0
  },
  {
    inputs: ["health-expect", "deploy"],
    check: (config) => config.deploy.healthExpect !== void 0 && config.deploy.target === "none" ? "Input `health-expect` is set but `deploy` is `none`: nothing answers to check it against" : void 0
  },
  {
    inputs: ["mode", "ladder"],
    check: (config) => config.mode === "comment" && config.ladder ? "Input `ladder` is `true` with `mode: comment`, which builds nothing; set it in the run that builds" : void 0
  }
];
function checkCrossInputRules(config, raw) {
  for (const rule of CROSS_INPUT_RULES) {
    const problem = rule.check(config, raw);
    if (problem) throw new UserError(problem);
  }
}

// src/config/config.ts
var INHERIT = "inherit";
function parseBenchmark(get) {
  const interval = get("min-interval");
  const seconds = Number(interval);
  if (interval === "" || !Number.isFinite(seconds) || seconds < 0)
    throw invalidInput("min-interval", interval, "a number of seconds, 0 or more");
  const threshold = get("alert-threshold");
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(threshold);
  if (!percent || Number(percent[1]) <= 0)
    throw invalidInput("alert-threshold", threshold, "a percentage above 0, such as `20%`");
  const issue = get("alert-comment-on").replace(/^#/, "");
  return Object.freeze({
    repeat: parsePositiveInt("repeat", get("repeat")),
    minIntervalSeconds: seconds,
    historyLimit: parsePositiveInt("history-limit", get("history-limit")),
    alertWindow: parsePositiveInt("alert-window", get("alert-window")),
    alertThreshold: Number(percent[1]) / 100,
    ...issue === "" ? {} : { alertCommentOn: parsePositiveInt("alert-comment-on", issue) },
    failOnAlert: parseBoolean("fail-on-alert", get("fail-on-alert"))
  });
}
function tweak(value, parse) {
  return value === INHERIT ? void 0 : parse(value);
}
function parseProjectDir(value, cwd) {
  const dir = path.resolve(cwd, value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`Input \`project\` has the value "${value}": no such folder (${dir})`);
  }
  return dir;
}
function outputFileProblem(file) {
  if (existsSync(file) && statSync(file).isDirectory()) return `${file} is a folder`;
  let folder = path.dirname(file);
  while (!existsSync(folder)) folder = path.dirname(folder);
  if (!statSync(folder).isDirectory()) return `${folder} is a file, not a folder`;
  return void 0;
}
function parseOutputFile(input, value, cwd) {
  const file = path.resolve(cwd, value);
  const problem = outputFileProblem(file);
  if (problem !== void 0) {
    throw new UserError(
      `${input} has the value "${value}": ${problem}; accepted: a file path (missing folders are made)`
    );
  }
  return file;
}
function parseCommentKey(value) {
  if (!/^[A-Za-z0-9._-]+$/.test(value))
    throw invalidInput("comment-key", value, "letters, digits, `.`, `_` and `-`");
  return value;
}
function parseBaselineFile(value, cwd) {
  const file = path.resolve(cwd, value);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UserError(
      `Input \`baseline-file\` has the value "${value}": no such file (${file}); accepted: a JSON report written by spinwash`
    );
  }
  return file;
}
var MAX_DEPLOY_SECONDS = 3600;
var MAX_CODEGEN_UNITS = 256;
var MAX_GITHUB_SECONDS = 3600;
function parseHealthPath(value) {
  const accepted = "a path starting with a single `/` (such as `/health`), on the deployed app";
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\s]/.test(value))
    throw invalidInput("health-path", value, accepted);
  const probe = new URL(value, "http://127.0.0.1:1/");
  if (probe.host !== "127.0.0.1:1") throw invalidInput("health-path", value, accepted);
  return value;
}
function resolveTarget(deploy, runtime) {
  if (deploy !== "local" || runtime === "embedded") return deploy;
  return runtime === "spin" ? "spin-up" : "wash";
}
function parseDeploy(get, runtime, env) {
  const choice = parseChoice("deploy", get("deploy"), DEPLOY_CHOICES);
  const target = deployTargetNamed(resolveTarget(choice, runtime));
  const secrets = {};
  const read = (name) => {
    const spec = target?.inputs[name];
    if (!spec) throw new Error(`deploy target ${target?.name} reads undeclared input ${name}`);
    const value = get(name) || (spec.env ? (env[spec.env] ?? "").trim() : "");
    if (spec.secret && value !== "") secrets[spec.env ?? name] = value;
    return value;
  };
  const healthExpect = get("health-expect");
  return Object.freeze({
    target: target?.name ?? "none",
    healthPath: parseHealthPath(get("health-path")),
    ...healthExpect !== "" ? { healthExpect } : {},
    timeoutSeconds: parsePositiveNumber(
      "deploy-timeout",
      get("deploy-timeout"),
      MAX_DEPLOY_SECONDS
    ),
    preview: parseBoolean("preview", get("preview")),
    options: target ? target.parseOptions(read) : void 0,
    secrets: Object.freeze(secrets)
  });
}
function buildConfig(raw, cwd = process.cwd(), env = process.env) {
  const inputs = allInputs();
  const get = (name) => (raw[name] ?? inputs[name]?.default ?? "").trim();
  const tools = parseToolsConfig(get);
  const token = get("github-token");
  const reportPath = get("report-path");
  const config = Object.freeze({
    projectDir: parseProjectDir(get("project"), cwd),
    profile: Object.freeze({
      lto: tweak(
        get("lto"),
        (v) => parseChoice("lto", v, ["true", "false", "thin", "fat", "off", INHERIT])
      ),
      optLevel: tweak(
        get("opt-level"),
        (v) => parseChoice("opt-level", v, ["0", "1", "2", "3", "s", "z", INHERIT])
      ),
      codegenUnits: tweak(
        get("codegen-units"),
        (v) => parsePositiveInt("codegen-units", v, MAX_CODEGEN_UNITS)
      ),
      panic: tweak(
        get("panic"),
        (v) => parseChoice("panic", v, ["abort", "unwind", INHERIT])
      ),
      strip: tweak(
        get("cargo-strip"),
        (v) => parseChoice("cargo-strip", v, ["none", "debuginfo", "symbols", INHERIT])
      )
    }),
    sections: Object.freeze({
      keep: parseList(get("keep-sections")),
      remove: parseList(get("remove-sections"))
    }),
    wasmOpt: parseBoolean("wasm-opt", get("wasm-opt")),
    ladder: parseBoolean("ladder", get("ladder")),
    deploy: parseDeploy(get, tools.runtime, env),
    allowOutsideProject: parseBoolean("allow-outside-project", get("allow-outside-project")),
    githubTimeoutSeconds: parsePositiveNumber(
      "github-timeout",
      get("github-timeout"),
      MAX_GITHUB_SECONDS
    ),
    output: Object.freeze({
      jsonPath: reportPath === "" ? void 0 : parseOutputFile("Input `report-path`", reportPath, cwd)
    }),
    comment: parseBoolean("comment", get("comment")),
    githubToken: token === "" || token.startsWith("${{") ? void 0 : token,
    commentKey: parseCommentKey(get("comment-key")),
    baselineFile: get("baseline-file") === "" ? void 0 : parseBaselineFile(get("baseline-file"), cwd),
    budgets: parseBudgets({
      maxSize: get("max-size"),
      maxIncrease: get("max-increase"),
      maxDeploySeconds: get("max-deploy-seconds"),
      failOnBudget: parseBoolean("fail-on-budget", get("fail-on-budget"))
    }),
    store: Object.freeze({
      branch: get("data-branch") === "" ? void 0 : get("data-branch"),
      saveBranches: parseList(get("save-branches"))
    }),
    mode: parseChoice("mode", get("mode"), ["run", "comment", "benchmark"]),
    benchmark: parseBenchmark(get),
    tools
  });
  checkCrossInputRules(config, get);
  return config;
}

export {
  allInputs,
  outputFileProblem,
  parseOutputFile,
  buildConfig
};
//# sourceMappingURL=chunk-QUQH4YZH.js.map
