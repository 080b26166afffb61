import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  checkBudgets,
  describeBreach,
  formatByteDelta,
  formatByteDeltaExact,
  formatBytes,
  formatBytesExact,
  formatDeltaWithPercent,
  formatPercent,
  formatSeconds,
  formatSecondsDelta,
  hasBudgets,
  parseBudgets,
  percentChange,
  pullRequestOf,
  readGitHubContext
} from "./chunk-7ZXXKP3D.js";
import {
  TOP_FUNCTIONS,
  analyzeWasm,
  measureSizes,
  validateWasm
} from "./chunk-XPN5RQNQ.js";
import {
  stripCustomSections
} from "./chunk-XMY5R6EL.js";
import {
  detectProject,
  parseToolsConfig,
  rustTargetsOf
} from "./chunk-DU7AOQJV.js";
import {
  invalidInput,
  parseBoolean,
  parseChoice,
  parseList,
  parsePositiveInt,
  parsePositiveNumber
} from "./chunk-4OZ5WGZ4.js";
import {
  ensureRustTarget,
  lastCargoError
} from "./chunk-CUUPXHP6.js";
import {
  optimizeWasm
} from "./chunk-LSHWG3Q7.js";
import {
  VERSION
} from "./chunk-T2F3D47J.js";
import {
  SCHEMA_VERSION,
  readJsonReport,
  writeJsonReport
} from "./chunk-7DG4PY4B.js";
import {
  writeFileAtomic
} from "./chunk-2ZOKV7VA.js";
import {
  WasmFormatError
} from "./chunk-RPKHDHFV.js";
import {
  exec,
  execCapture
} from "./chunk-HI7XWGIK.js";
import {
  UserError,
  errorMessage
} from "./chunk-T6ADKWSP.js";

// src/config/inputs.ts
var INPUTS = {
  project: {
    default: ".",
    description: "Folder of the project: a Spin app (spin.toml), a wasmCloud project (wasmcloud.toml, .wash/config.yaml), or a Cargo package or workspace."
  },
  deploy: {
    default: "local",
    description: "Where to deploy: `local` (embedded runtime on 127.0.0.1) or `none`."
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
    description: "CARGO_PROFILE_RELEASE_CODEGEN_UNITS: a whole number, or `inherit`."
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
    description: "Path requested to decide the deployed app is healthy (first HTTP 200)."
  },
  "deploy-timeout": { default: "60", description: "Seconds to wait for the first healthy answer." },
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
    description: "`run` builds and reports; `comment` (in a `workflow_run` workflow) posts the comment a fork PR run left in its `spinwash-report` artifact."
  },
  "project-kind": {
    default: "auto",
    description: "Kind of project: `auto` (by its files: spin.toml, wasmcloud.toml or .wash/config.yaml, Cargo.toml), `cargo`, `spin` or `wash`."
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
  "tools-base-url": {
    default: "",
    description: "Fetch CLI releases from this server instead of GitHub (a mirror or GHES; env SPINWASH_TOOLS_BASE_URL): API under /repos/\u2026, assets under /<owner>/<repo>/releases/download/\u2026."
  }
};

// src/config/config.ts
import { existsSync, statSync } from "node:fs";
import path from "node:path";
var DEPLOY_TARGETS = ["local", "none"];
var INHERIT = "inherit";
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
function parseHealthPath(value) {
  if (!value.startsWith("/")) throw invalidInput("health-path", value, "a path starting with `/`");
  return value;
}
function buildConfig(raw, cwd = process.cwd()) {
  const get = (name) => (raw[name] ?? INPUTS[name].default).trim();
  const token = get("github-token");
  const reportPath = get("report-path");
  return Object.freeze({
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
      codegenUnits: tweak(get("codegen-units"), (v) => parsePositiveInt("codegen-units", v)),
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
    deploy: Object.freeze({
      target: parseChoice("deploy", get("deploy"), DEPLOY_TARGETS),
      healthPath: parseHealthPath(get("health-path")),
      timeoutSeconds: parsePositiveNumber("deploy-timeout", get("deploy-timeout"))
    }),
    output: Object.freeze({
      jsonPath: reportPath === "" ? void 0 : path.resolve(cwd, reportPath)
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
    mode: parseChoice("mode", get("mode"), ["run", "comment"]),
    tools: parseToolsConfig(get)
  });
}

// src/pipeline.ts
import path6 from "node:path";

// src/report/markdown.ts
var DEFAULT_MAX_LENGTH = 6e4;
var OPEN_COMPONENTS = 3;
var NAME_MAX = 80;
function renderMarkdown(report, options = {}) {
  const sections = options.topSections ?? 10;
  const functions = options.topFunctions ?? 10;
  const changes = options.changeRows ?? 10;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const levels = [
    { changes, sections, functions, ladder: true, components: "all" },
    { changes: Math.min(changes, 3), sections, functions, ladder: true, components: "all" },
    { changes: 0, sections, functions, ladder: true, components: "all" },
    {
      changes: 0,
      sections: Math.min(sections, 5),
      functions: Math.min(functions, 5),
      ladder: false,
      components: "all"
    },
    {
      changes: 0,
      sections: Math.min(sections, 5),
      functions: 0,
      ladder: false,
      components: "changed"
    },
    { changes: 0, sections: 0, functions: 0, ladder: false, components: "none" }
  ];
  let text = "";
  for (const detail of levels) {
    text = render(report, options.title ?? "spinwash report", detail);
    if (text.length <= maxLength) break;
  }
  return text;
}
function render(report, title, detail) {
  const out = [`## ${title}`, ""];
  if (report.comparison) out.push(verdict(report.comparison), "");
  out.push(...budgetLines(report), ...overview(report), ...runLines(report));
  const byName = new Map(report.comparison?.components.map((c) => [c.name, c]));
  const open = report.components.length <= OPEN_COMPONENTS;
  const onlyChanged = detail.components === "changed" || report.comparison !== void 0 && !open;
  const shown = report.components.filter((c) => {
    if (detail.components === "none") return false;
    return !onlyChanged || byName.get(c.name)?.status !== "unchanged";
  });
  for (const component of shown)
    out.push(...componentBlock(component, byName.get(component.name), detail, open));
  if (shown.length < report.components.length) {
    const why = detail.components === "all" ? "unchanged" : "unchanged, or to stay under the size limit";
    out.push(
      `<sub>Details of ${report.components.length - shown.length} component(s) left out (${why}); the JSON report has everything.</sub>`,
      ""
    );
  }
  out.push(
    `<sub>spinwash ${report.tool.version} \xB7 ${report.project.kind} project \`${code(report.project.path)}\`</sub>`
  );
  return out.join("\n") + "\n";
}
function verdict(comparison) {
  const counts = { grew: 0, shrank: 0, unchanged: 0, added: 0, removed: 0 };
  for (const c of comparison.components) {
    if (c.status === "changed") counts[(c.delta?.bytes ?? 0) > 0 ? "grew" : "shrank"] += 1;
    else counts[c.status] += 1;
  }
  const { delta, percent } = comparison.total;
  const marker = delta > 0 ? "\u{1F53A}" : delta < 0 ? "\u{1F53B}" : "\u26AA";
  const parts = Object.keys(counts).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  const base = comparison.baseline.commit ? `${comparison.baseline.label} (\`${comparison.baseline.commit.slice(0, 7)}\`)` : comparison.baseline.label;
  const scope = counts.added + counts.removed > 0 ? " (components in both)" : "";
  return `${marker} **${formatDeltaWithPercent(delta, percent)}** against ${base}${scope}: ${parts.join(", ")}.`;
}
function budgetLines(report) {
  const budgets = report.budgets;
  if (!budgets || budgets.checked.length === 0) return [];
  if (budgets.breaches.length === 0)
    return [`\u2705 Within budget: ${budgets.checked.join(", ")}.`, ""];
  const head = budgets.failing ? "\u274C **Budget broken**" : "\u26A0\uFE0F **Budget broken** (not failing the run: `fail-on-budget: false`)";
  return [head, "", ...budgets.breaches.map((b) => `- ${describeBreach(b)}`), ""];
}
function overview(report) {
  const comparison = report.comparison;
  const rows = [];
  if (!comparison) {
    rows.push("| Component | Final size | Gzip | Brotli |", "|---|--:|--:|--:|");
    for (const c of report.components) {
      rows.push(
        `| ${cell(c.name)} | ${formatBytesExact(c.final.bytes)} | ${formatBytes(c.final.gzipBytes)} | ${formatBytes(c.final.brotliBytes)} |`
      );
    }
    return [...rows, ""];
  }
  rows.push("| Component | Final size | \u0394 size | Gzip | \u0394 gzip |", "|---|--:|--:|--:|--:|");
  const unchanged = [];
  for (const c of comparison.components) {
    if (c.status === "unchanged") unchanged.push(c);
    else rows.push(comparisonRow(c));
  }
  const out = [...rows, ""];
  if (unchanged.length > 0) {
    out.push(
      `<details><summary>${unchanged.length} unchanged component(s)</summary>`,
      "",
      unchanged.map((c) => `\`${code(c.name)}\` ${formatBytes(c.current?.bytes ?? 0)}`).join(" \xB7 "),
      "",
      "</details>",
      ""
    );
  }
  return out;
}
function comparisonRow(c) {
  const name = cell(c.name);
  if (c.status === "removed") {
    return `| ${name} (removed) | \u2014 | ${formatByteDelta(-(c.base?.bytes ?? 0))} | \u2014 | ${formatByteDelta(-(c.base?.gzipBytes ?? 0))} |`;
  }
  const now = c.current ?? { bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  if (c.status === "added") {
    return `| \u{1F195} ${name} (new) | ${formatBytesExact(now.bytes)} | new | ${formatBytes(now.gzipBytes)} | new |`;
  }
  const d = c.delta ?? { bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  const marker = d.bytes > 0 ? "\u{1F53A}" : d.bytes < 0 ? "\u{1F53B}" : "\u26AA";
  return `| ${marker} ${name} | ${formatBytesExact(now.bytes)} | ${formatDeltaWithPercent(d.bytes, d.bytesPercent)} | ${formatBytes(now.gzipBytes)} | ${formatByteDelta(d.gzipBytes)} (${formatPercent(d.gzipPercent)}) |`;
}
function runLines(report) {
  const times = [`Build **${formatSeconds(report.build.seconds)}**`];
  if (report.optimize) {
    times.push(
      `optimize **${formatSeconds(report.optimize.seconds)}**${report.optimize.wasmOpt ? " (strip + wasm-opt)" : " (strip)"}`
    );
  }
  const out = [`${times.join(" \xB7 ")}`, ""];
  const deploy = report.deploy;
  if (deploy) {
    const baseDeploy = report.comparison?.deploy;
    const head = ["Target", "URL", "Status", "Ready", "First response"];
    const row = [
      cell(deploy.target),
      deploy.url ? `<${deploy.url}>` : "\u2014",
      String(deploy.status),
      formatSeconds(deploy.readySeconds),
      formatSeconds(deploy.firstResponseSeconds)
    ];
    if (baseDeploy) {
      head.push("Ready vs base");
      row.push(
        `${formatSecondsDelta(baseDeploy.deltaSeconds)} (${formatPercent(percentChange(baseDeploy.baseReadySeconds, baseDeploy.readySeconds))})`
      );
    }
    out.push(
      "**Deploy**",
      "",
      `| ${head.join(" | ")} |`,
      `|${head.map(() => "---").join("|")}|`,
      `| ${row.join(" | ")} |`,
      ""
    );
  }
  return out;
}
function componentBlock(component, comparison, detail, open) {
  const summary = `${code(component.name)}: ${formatBytesExact(component.final.bytes)}${component.binaryKind ? ` ${component.binaryKind}` : ""}`;
  const out = open ? [
    `### ${cell(component.name)}`,
    "",
    `Final size **${formatBytesExact(component.final.bytes)}** (gzip ${formatBytes(component.final.gzipBytes)}, brotli ${formatBytes(component.final.brotliBytes)}) \xB7 \`${code(component.wasm)}\``,
    ""
  ] : [
    `<details><summary><b>${escapeHtml(summary)}</b></summary>`,
    "",
    `\`${code(component.wasm)}\``,
    ""
  ];
  out.push(...stageTable(component.stages));
  if (comparison && detail.changes > 0) out.push(...whatChanged(comparison, detail.changes));
  if (detail.sections > 0 && component.sections.length > 0) {
    const total = component.final.bytes;
    const top = component.sections.slice(0, detail.sections);
    const rest = component.sections.length - top.length;
    out.push(
      ...folded(`Top sections (${top.length} of ${component.sections.length})`, [
        "| Section | Size | Share |",
        "|---|--:|--:|",
        ...top.map(
          (s) => `| \`${code(s.name)}\` | ${formatBytesExact(s.bytes)} | ${share(s.bytes, total)} |`
        ),
        ...rest > 0 ? [`| *${rest} more* | | |`] : []
      ])
    );
  }
  if (detail.functions > 0 && component.functions && component.functions.length > 0) {
    const top = component.functions.slice(0, detail.functions);
    out.push(
      ...folded(`Largest functions (release build, ${top.length})`, [
        "| Function | Size |",
        "|---|--:|",
        ...top.map((f) => `| \`${code(f.name)}\` | ${formatBytesExact(f.bytes)} |`)
      ])
    );
  }
  if (detail.ladder && component.ladder && component.ladder.length > 0) {
    out.push(...folded("Size ladder", stageTable(component.ladder).slice(0, -1)));
  }
  if (!open) out.push("</details>", "");
  return out;
}
function whatChanged(comparison, rows) {
  const sections = comparison.sections ?? [];
  const functions = comparison.functions ?? [];
  if (sections.length === 0 && functions.length === 0) return [];
  const counts = [count(sections.length, "section"), count(functions.length, "function")];
  const body = [];
  if (sections.length > 0) body.push(...changeTable("Section", sections, rows), "");
  if (functions.length > 0) {
    body.push(...changeTable("Function (release build)", functions, rows), "");
    if (functions.slice(0, rows).some((f) => f.outsideTop)) {
      body.push(
        "<sub>\u2264: not among the largest functions that report lists, so at most the smallest one listed there; the change is then the least it can be.</sub>",
        ""
      );
    }
  }
  const summary = `What changed against the baseline (${counts.filter(Boolean).join(", ")})`;
  return folded(summary, body.slice(0, -1));
}
function count(n, noun) {
  return n === 0 ? "" : `${n} ${noun}${n === 1 ? "" : "s"}`;
}
function changeTable(head, deltas, rows) {
  const shown = deltas.slice(0, rows);
  const rest = deltas.length - shown.length;
  return [
    `| ${head} | Baseline | Now | \u0394 |`,
    "|---|--:|--:|--:|",
    ...shown.map((d) => {
      const name = `\`${code(d.name)}\`${d.change === "added" ? " \u{1F195} *new*" : d.change === "removed" ? " *gone*" : ""}`;
      const before = d.change === "added" ? "\u2014" : `${d.outsideTop === "base" ? "\u2264 " : ""}${formatBytesExact(d.baseBytes)}`;
      const after = d.change === "removed" ? "\u2014" : `${d.outsideTop === "current" ? "\u2264 " : ""}${formatBytesExact(d.bytes)}`;
      return `| ${name} | ${before} | ${after} | ${changeCell(d)} |`;
    }),
    ...rest > 0 ? [`| *${rest} more* | | | |`] : []
  ];
}
function changeCell(d) {
  if (d.change === "added") return `${formatByteDeltaExact(d.delta)} (new)`;
  if (d.outsideTop) return `${formatByteDeltaExact(d.delta)} or more`;
  return formatDeltaWithPercent(d.delta, d.percent);
}
function stageTable(stages) {
  const rows = ["| Stage | Size | Gzip | Brotli | vs previous step |", "|---|--:|--:|--:|--:|"];
  let previous;
  for (const s of stages) {
    const change = previous ? formatDeltaWithPercent(s.bytes - previous.bytes, percentChange(previous.bytes, s.bytes)) : "\u2014";
    rows.push(
      `| ${s.stage} | ${formatBytesExact(s.bytes)} | ${formatBytes(s.gzipBytes)} | ${formatBytes(s.brotliBytes)} | ${change} |`
    );
    previous = s;
  }
  return [...rows, ""];
}
function folded(summary, body) {
  return [`<details><summary>${escapeHtml(summary)}</summary>`, "", ...body, "", "</details>", ""];
}
function share(bytes, total) {
  return total === 0 ? "\u2014" : `${(bytes / total * 100).toFixed(1)}%`;
}
function cell(text) {
  return escapeHtml(text).replace(/\|/g, "\\|");
}
function code(text) {
  const short = text.length > NAME_MAX ? `${text.slice(0, NAME_MAX - 1)}\u2026` : text;
  return short.replace(/`/g, "'").replace(/\|/g, "\\|");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// src/report/regression.ts
import path2 from "node:path";

// src/report/compare.ts
function compareReports(current, baseline, label) {
  const baseByName = new Map(baseline.components.map((c) => [c.name, c]));
  const currentNames = new Set(current.components.map((c) => c.name));
  const components = current.components.map((component) => {
    const base = baseByName.get(component.name);
    return base ? compareComponent(base, component) : { name: component.name, status: "added", current: sizes(component.final) };
  });
  for (const base of baseline.components) {
    if (!currentNames.has(base.name))
      components.push({ name: base.name, status: "removed", base: sizes(base.final) });
  }
  let baseBytes = 0;
  let bytes = 0;
  for (const c of components) {
    if (c.base && c.current) {
      baseBytes += c.base.bytes;
      bytes += c.current.bytes;
    }
  }
  const comparison = {
    baseline: { label, ...baseline.source },
    components,
    total: { baseBytes, bytes, delta: bytes - baseBytes, percent: percentChange(baseBytes, bytes) }
  };
  if (current.deploy && baseline.deploy) {
    comparison.deploy = {
      baseReadySeconds: baseline.deploy.readySeconds,
      readySeconds: current.deploy.readySeconds,
      deltaSeconds: current.deploy.readySeconds - baseline.deploy.readySeconds
    };
  }
  return comparison;
}
function compareComponent(base, current) {
  const delta = {
    bytes: current.final.bytes - base.final.bytes,
    gzipBytes: current.final.gzipBytes - base.final.gzipBytes,
    brotliBytes: current.final.brotliBytes - base.final.brotliBytes,
    bytesPercent: percentChange(base.final.bytes, current.final.bytes),
    gzipPercent: percentChange(base.final.gzipBytes, current.final.gzipBytes)
  };
  const unchanged = delta.bytes === 0 && delta.gzipBytes === 0;
  const comparison = {
    name: current.name,
    status: unchanged ? "unchanged" : "changed",
    base: sizes(base.final),
    current: sizes(current.final),
    delta,
    sections: unchanged ? [] : sectionDeltas(base, current)
  };
  if (base.functions?.length && current.functions?.length) {
    comparison.functions = unchanged ? [] : functionDeltas(base.functions, current.functions);
  }
  return comparison;
}
function sectionDeltas(base, current) {
  const before = new Map(base.sections.map((s) => [s.name, s.bytes]));
  const after = new Map(current.sections.map((s) => [s.name, s.bytes]));
  const deltas = [];
  for (const name of /* @__PURE__ */ new Set([...before.keys(), ...after.keys()])) {
    const baseBytes = before.get(name);
    const bytes = after.get(name);
    if (baseBytes === void 0) deltas.push({ ...changed(name, 0, bytes ?? 0), change: "added" });
    else if (bytes === void 0)
      deltas.push({ ...changed(name, baseBytes, 0), change: "removed" });
    else if (bytes !== baseBytes) deltas.push(changed(name, baseBytes, bytes));
  }
  return deltas.sort(growthFirst);
}
function functionDeltas(baseList, currentList) {
  const before = byOccurrence(baseList);
  const after = byOccurrence(currentList);
  const baseFloor = smallest(baseList);
  const currentFloor = smallest(currentList);
  const deltas = [];
  for (const [key, { name, bytes }] of after) {
    const baseBytes = before.get(key)?.bytes;
    if (baseBytes !== void 0) {
      if (bytes !== baseBytes) deltas.push(changed(name, baseBytes, bytes));
    } else if (baseList.length < TOP_FUNCTIONS) {
      deltas.push({ ...changed(name, 0, bytes), change: "added" });
    } else if (bytes > baseFloor) {
      deltas.push({
        name,
        baseBytes: baseFloor,
        bytes,
        delta: bytes - baseFloor,
        outsideTop: "base"
      });
    }
  }
  for (const [key, { name, bytes: baseBytes }] of before) {
    if (after.has(key)) continue;
    if (currentList.length < TOP_FUNCTIONS) {
      deltas.push({ ...changed(name, baseBytes, 0), change: "removed" });
    } else if (baseBytes > currentFloor) {
      deltas.push({
        name,
        baseBytes,
        bytes: currentFloor,
        delta: currentFloor - baseBytes,
        outsideTop: "current"
      });
    }
  }
  return deltas.sort(growthFirst);
}
function byOccurrence(list) {
  const seen = /* @__PURE__ */ new Map();
  const keyed = /* @__PURE__ */ new Map();
  for (const f of [...list].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))) {
    const rank = seen.get(f.name) ?? 0;
    seen.set(f.name, rank + 1);
    keyed.set(`${rank}\0${f.name}`, f);
  }
  return keyed;
}
function smallest(list) {
  return Math.min(...list.map((f) => f.bytes));
}
function changed(name, baseBytes, bytes) {
  const delta = { name, baseBytes, bytes, delta: bytes - baseBytes };
  const percent = percentChange(baseBytes, bytes);
  if (percent !== void 0) delta.percent = percent;
  return delta;
}
function growthFirst(a, b) {
  const grewA = a.delta > 0;
  const grewB = b.delta > 0;
  if (grewA !== grewB) return grewA ? -1 : 1;
  return Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name);
}
function sizes(s) {
  return { bytes: s.bytes, gzipBytes: s.gzipBytes, brotliBytes: s.brotliBytes };
}

// src/report/regression.ts
async function loadBaseline(config, github, logger) {
  if (config.baselineFile) {
    return {
      report: await readJsonReport(config.baselineFile),
      label: `\`${path2.basename(config.baselineFile)}\``
    };
  }
  const pr = pullRequestOf(github.context);
  if (!pr || !config.store.branch || !github.octokit || !pr.baseSha) return void 0;
  const { findBaseReport } = await import("./store-KXUSTDAW.js");
  const store = { octokit: github.octokit, repo: pr, branch: config.store.branch, logger };
  const found = await findBaseReport(store, pr.baseSha, pr.baseRef);
  if (!found) {
    logger.info(
      `No report of ${pr.baseRef} at ${pr.baseSha.slice(0, 7)} or its ancestors on ${config.store.branch}: no comparison`
    );
    return void 0;
  }
  const label = found.exact ? `${pr.baseRef} (base commit)` : `${pr.baseRef} (nearest earlier commit with a report)`;
  logger.info(`Comparing against the report of ${found.commit.slice(0, 7)}: ${label}`);
  return {
    report: { ...found.report, source: { ...found.report.source, commit: found.commit } },
    label
  };
}
function assessReport(report, budgets, baseline) {
  const assessed = { ...report };
  if (baseline) assessed.comparison = compareReports(report, baseline.report, baseline.label);
  if (hasBudgets(budgets)) assessed.budgets = checkBudgets(assessed, budgets);
  return assessed;
}

// src/report/finish.ts
async function finishReport(report, config, logger, github = {}) {
  const context = await readGitHubContext(github.env ?? process.env);
  const needsStore = !config.baselineFile && config.store.branch !== void 0 && pullRequestOf(context) !== void 0;
  const octokit = github.octokit ?? (needsStore && config.githubToken ? (await import("./client-YQOZWCX2.js")).createOctokit({ token: config.githubToken, logger }) : void 0);
  const baseline = await loadBaseline(config, { context, ...octokit ? { octokit } : {} }, logger);
  const assessed = assessReport(report, config.budgets, baseline);
  const markdown = renderMarkdown(assessed);
  if (config.output.jsonPath) await writeJsonReport(config.output.jsonPath, assessed);
  if (config.output.markdownPath) await writeFileAtomic(config.output.markdownPath, markdown);
  return { report: assessed, markdown };
}

// src/stages/release-copy.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
import { cp, readFile, rename, rm, writeFile } from "node:fs/promises";
var originalPath = (wasmPath) => `${wasmPath}.orig`;
var notePath = (wasmPath) => `${wasmPath}.spinwash`;
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
async function restoreRelease(wasmPath) {
  const orig = originalPath(wasmPath);
  const note = notePath(wasmPath);
  if (!existsSync2(note)) return;
  const written = (await readFile(note, "utf8")).trim();
  const current = existsSync2(wasmPath) ? sha256(await readFile(wasmPath)) : void 0;
  if (current === written && existsSync2(orig)) {
    await rename(orig, wasmPath);
  } else {
    await rm(orig, { force: true });
  }
  await rm(note, { force: true });
}
async function replaceWithOptimized(wasmPath, optimized) {
  await cp(wasmPath, originalPath(wasmPath), { preserveTimestamps: true });
  await writeFileAtomic(wasmPath, optimized);
  await writeFile(notePath(wasmPath), `${sha256(optimized)}
`);
}

// src/stages/build.ts
function profileEnv(profile) {
  const env = {};
  if (profile.lto !== void 0) env.CARGO_PROFILE_RELEASE_LTO = profile.lto;
  if (profile.optLevel !== void 0) env.CARGO_PROFILE_RELEASE_OPT_LEVEL = profile.optLevel;
  if (profile.codegenUnits !== void 0)
    env.CARGO_PROFILE_RELEASE_CODEGEN_UNITS = String(profile.codegenUnits);
  if (profile.panic !== void 0) env.CARGO_PROFILE_RELEASE_PANIC = profile.panic;
  if (profile.strip !== void 0) env.CARGO_PROFILE_RELEASE_STRIP = profile.strip;
  return env;
}
async function buildProject(project, profile, logger) {
  for (const component of project.components) {
    if (component.built) await restoreRelease(component.wasmPath);
  }
  const started = performance.now();
  await project.build({ env: profileEnv(profile), logger });
  return { seconds: (performance.now() - started) / 1e3 };
}

// src/deploy/index.ts
async function deployTargetFor(name, runtime) {
  switch (name) {
    case "none":
      return void 0;
    case "local":
      switch (runtime) {
        case "embedded":
          return (await import("./local-S2PHKKYR.js")).localTarget;
        case "spin":
          return (await import("./spin-up-PEGSO3ED.js")).spinUpTarget;
        case "wash":
          return (await import("./wash-HO7KFPHA.js")).washTarget;
      }
  }
}

// src/stages/deploy.ts
import path3 from "node:path";
async function deployComponents(components, config, logger) {
  const target = await deployTargetFor(config.deploy.target, config.tools.runtime);
  if (!target) return void 0;
  const deployment = await target.deploy({
    components: components.map((c) => ({
      name: c.name,
      wasmPath: path3.resolve(config.projectDir, c.wasm)
    })),
    projectDir: config.projectDir,
    healthPath: config.deploy.healthPath,
    timeoutSeconds: config.deploy.timeoutSeconds,
    logger
  });
  try {
    logger.info(
      `deployed to ${deployment.report.url}: HTTP ${deployment.report.status} after ${deployment.report.readySeconds.toFixed(3)} s`
    );
    return deployment.report;
  } finally {
    await deployment.stop();
  }
}

// src/stages/ladder.ts
import { existsSync as existsSync3 } from "node:fs";
import { readFile as readFile2 } from "node:fs/promises";
import path4 from "node:path";
var PLAIN_PROFILE = "spinwash-plain";
var PLAIN_WORD = /^[\w@%+=:,./-]+$/;
function planLadder(spec) {
  const command = spec.buildCommand?.trim();
  if (!spec.built || command === void 0 || spec.workdir === void 0) {
    return { skip: "it has no build command spinwash runs" };
  }
  const words = command.split(/\s+/);
  const [program, subcommand] = words;
  const chained = /[;&|]/.test(command);
  if (chained || !(program === "cargo" || program?.endsWith("/cargo")) || subcommand !== "build") {
    return { skip: `its build is \`${command}\`, not a single \`cargo build\`` };
  }
  if (!words.every((word) => PLAIN_WORD.test(word))) {
    return {
      skip: `its build command \`${command}\` uses shell syntax the ladder does not re-run`
    };
  }
  const args = [];
  let profile = "dev";
  for (let i = 2; i < words.length; i++) {
    const word = words[i];
    if (word === "--release" || word === "-r") profile = "release";
    else if (word === "--profile") profile = words[++i] ?? profile;
    else if (word.startsWith("--profile=")) profile = word.slice("--profile=".length);
    else if (word === "--message-format") i++;
    else if (!word.startsWith("--message-format=")) args.push(word);
  }
  if (profile !== "release") {
    return {
      skip: `it builds with the \`${profile}\` profile; the ladder starts from a release build`
    };
  }
  const releaseDir = path4.dirname(spec.wasmPath);
  if (path4.basename(releaseDir) !== "release") {
    return { skip: `its wasm (${spec.wasmPath}) is not in cargo's release folder` };
  }
  return { args, profileRoot: path4.dirname(releaseDir), file: path4.basename(spec.wasmPath) };
}
function untweakedEnv() {
  const env = { ...process.env, CARGO_TERM_COLOR: "never" };
  for (const name of Object.keys(env))
    if (name.startsWith("CARGO_PROFILE_RELEASE_")) delete env[name];
  return env;
}
async function ladderBuild(spec, stage2, args, wasmPath, logger) {
  const result = await logger.group(
    `${spec.name}, ${stage2} build: cargo ${args.join(" ")}`,
    () => execCapture("cargo", args, {
      cwd: spec.workdir,
      env: untweakedEnv(),
      onOutput: (chunk) => logger.output(chunk)
    })
  );
  if (result.code !== 0) {
    throw new UserError(
      `${spec.name}: the size ladder's ${stage2} build (cargo ${args.join(" ")}) failed (exit code ${result.code}):
${lastCargoError(result.stderr)}`,
      spec.manifest
    );
  }
  if (!existsSync3(wasmPath)) {
    throw new UserError(
      `${spec.name}: the size ladder's ${stage2} build did not write ${wasmPath}`,
      spec.manifest
    );
  }
  return { stage: stage2, ...measureSizes(new Uint8Array(await readFile2(wasmPath))) };
}
async function buildLadder(project, logger) {
  const builds = /* @__PURE__ */ new Map();
  for (const spec of project.components) {
    if (!spec.built) continue;
    const plan = planLadder(spec);
    if ("skip" in plan) {
      logger.info(`${spec.name}: no size ladder, ${plan.skip}`);
      continue;
    }
    if (!existsSync3(spec.wasmPath)) continue;
    const release = new Uint8Array(await readFile2(spec.wasmPath));
    const debug = await ladderBuild(
      spec,
      "debug",
      ["build", ...plan.args],
      path4.join(plan.profileRoot, "debug", plan.file),
      logger
    );
    const plainArgs = [
      "build",
      ...plan.args,
      "--profile",
      PLAIN_PROFILE,
      "--config",
      `profile.${PLAIN_PROFILE}.inherits="release"`
    ];
    const plain = await ladderBuild(
      spec,
      "release-plain",
      plainArgs,
      path4.join(plan.profileRoot, PLAIN_PROFILE, plan.file),
      logger
    );
    builds.set(spec.wasmPath, { builds: [debug, plain], release });
  }
  return builds;
}
async function completeLadder(components, ladder, options, logger) {
  const out = [];
  for (const component of components) {
    const rungs = ladder.get(path4.resolve(options.projectDir, component.wasm));
    if (!rungs) {
      out.push(component);
      continue;
    }
    const rows = [...rungs.builds, ...component.stages];
    if (!component.stages.some((s) => s.stage === "optimized")) {
      const stripped = stripCustomSections(rungs.release, options.sections).bytes;
      rows.push({ stage: "optimized", ...measureSizes(await optimizeWasm(stripped)) });
    }
    logger.info(
      `${component.name}, size ladder: ${rows.map((s) => `${s.stage} ${s.bytes} B`).join(" \u2192 ")}`
    );
    out.push({ ...component, ladder: rows });
  }
  return out;
}

// src/stages/optimize.ts
import { existsSync as existsSync4 } from "node:fs";
import { readFile as readFile3 } from "node:fs/promises";
import path5 from "node:path";
async function optimizeComponents(components, options, logger) {
  const started = performance.now();
  const reports = [];
  for (const spec of components) {
    if (!spec.built) {
      logger.info(`${spec.name}: not built here (remote source), skipped`);
      continue;
    }
    reports.push(await optimizeOne(spec, options, logger));
  }
  return { components: reports, seconds: (performance.now() - started) / 1e3 };
}
async function optimizeOne(spec, options, logger) {
  if (!existsSync4(spec.wasmPath)) {
    throw new UserError(
      `The build did not produce ${spec.wasmPath} for ${spec.name}`,
      spec.manifest
    );
  }
  const release = new Uint8Array(await readFile3(spec.wasmPath));
  const inFile = (fn) => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof WasmFormatError) throw error.inFile(spec.wasmPath);
      throw error;
    }
  };
  const before = inFile(() => analyzeWasm(release));
  const strip = inFile(() => stripCustomSections(release, options.sections));
  for (const note of strip.notes) logger.warning(`${spec.name}: ${note}`, spec.manifest);
  const stripped = strip.bytes;
  const stages = [
    { stage: "release", ...measureSizes(release) },
    { stage: "stripped", ...measureSizes(stripped) }
  ];
  let final = stripped;
  if (options.wasmOpt) {
    final = await optimizeWasm(stripped, {
      onModule: (module) => {
        if (module.status === "kept") {
          logger.info(
            `${spec.name}: wasm-opt left ${module.path || "the module"} as it was: ${module.reason ?? ""}`
          );
        }
      }
    });
    stages.push({ stage: "optimized", ...measureSizes(final) });
  }
  await validateWasm(final).catch((error) => {
    throw new UserError(
      `${spec.name}: the optimized wasm does not validate, nothing was replaced: ${errorMessage(error)}`
    );
  });
  await replaceWithOptimized(spec.wasmPath, final);
  const after = analyzeWasm(final);
  const last = stages[stages.length - 1];
  logger.info(`${spec.name}: ${stages.map((s) => `${s.stage} ${s.bytes} B`).join(" \u2192 ")}`);
  return {
    name: spec.name,
    wasm: path5.relative(options.projectDir, spec.wasmPath),
    binaryKind: before.kind,
    stages,
    final: { bytes: last.bytes, gzipBytes: last.gzipBytes, brotliBytes: last.brotliBytes },
    sections: after.sections,
    ...before.functions.length > 0 ? { functions: before.functions } : {}
  };
}

// src/setup/index.ts
async function setupPlatformTools(tools, options) {
  const installed = [];
  const common = { baseUrl: tools.baseUrl, token: options.token, logger: options.logger };
  if (tools.spinVersion) {
    const { installSpin } = await import("./install-spin-URNOPTFZ.js");
    installed.push(
      await installSpin({ ...common, version: tools.spinVersion, plugins: tools.spinPlugins })
    );
  } else if (tools.spinPlugins.length > 0) {
    for (const plugin of tools.spinPlugins) {
      await exec("spin", ["plugins", "install", plugin, "--yes"], {
        onOutput: (c) => options.logger.output(c)
      });
    }
  }
  if (tools.washVersion) {
    const { installWash } = await import("./install-wash-KCG3PX57.js");
    installed.push(await installWash({ ...common, version: tools.washVersion }));
  }
  return installed;
}

// src/stages/setup.ts
async function setupProject(config, logger) {
  await setupPlatformTools(config.tools, {
    logger,
    ...config.githubToken ? { token: config.githubToken } : {}
  });
  const project = await detectProject(config.projectDir, config.tools.projectKind);
  for (const target of rustTargetsOf(project)) await ensureRustTarget(target, project.dir);
  return project;
}

// src/pipeline.ts
var STAGES = ["setup", "build", "optimize", "deploy", "report"];
async function stage(logger, name, fn) {
  const n = STAGES.indexOf(name) + 1;
  logger.info(`[${n}/${STAGES.length}] ${name}\u2026`);
  const started = performance.now();
  const result = await fn();
  logger.info(
    `[${n}/${STAGES.length}] ${name} done in ${((performance.now() - started) / 1e3).toFixed(2)} s`
  );
  return result;
}
async function runPipeline(config, logger) {
  const project = await stage(logger, "setup", () => setupProject(config, logger));
  const { build, ladder } = await stage(logger, "build", async () => ({
    build: await buildProject(project, config.profile, logger),
    // the size ladder's extra builds, after the main one (whose timing they stay out of)
    ladder: config.ladder ? await buildLadder(project, logger) : void 0
  }));
  const optimized = await stage(logger, "optimize", async () => {
    const result = await optimizeComponents(project.components, config, logger);
    return ladder ? { ...result, components: await completeLadder(result.components, ladder, config, logger) } : result;
  });
  const deploy = await stage(
    logger,
    "deploy",
    () => deployComponents(optimized.components, config, logger)
  );
  return stage(logger, "report", async () => {
    const report = {
      schemaVersion: SCHEMA_VERSION,
      tool: { name: "spinwash", version: VERSION },
      project: { kind: project.kind, path: path6.relative(process.cwd(), project.dir) || "." },
      components: optimized.components,
      build: { seconds: build.seconds },
      optimize: { seconds: optimized.seconds, wasmOpt: config.wasmOpt },
      ...deploy ? { deploy } : {}
    };
    const finished = await finishReport(report, config, logger);
    return { ...finished, project };
  });
}

export {
  INPUTS,
  buildConfig,
  runPipeline
};
