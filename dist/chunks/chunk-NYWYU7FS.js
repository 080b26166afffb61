import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  InvalidResultError,
  TOP_FUNCTIONS,
  analyzeWasm,
  measureSizes,
  shrinkWasm
} from "./chunk-WAYFC2HM.js";
import {
  VERSION
} from "./chunk-CZJVZQ6V.js";
import {
  findOnPath
} from "./chunk-K4TL2LEL.js";
import {
  deployComponents,
  deployProjectOf,
  planPreview,
  setupPlatformTools
} from "./chunk-4KJDKNDR.js";
import {
  deployTargetNamed
} from "./chunk-J4QKFO7O.js";
import {
  detectProject
} from "./chunk-UHWQGR37.js";
import {
  checkBudgets,
  describeBreach,
  describeNotChecked,
  formatByteDelta,
  formatByteDeltaExact,
  formatBytes,
  formatBytesExact,
  formatDeltaWithPercent,
  formatPercent,
  formatSeconds,
  formatSecondsDelta,
  hasBudgets,
  isLocalUrl,
  percentChange
} from "./chunk-UMZCIWP5.js";
import {
  pullRequestOf,
  readGitHubContext,
  readRunContext
} from "./chunk-PMUPDPBB.js";
import {
  writeFileAtomic
} from "./chunk-BPTAPCOJ.js";
import {
  rustTargetsOf
} from "./chunk-YDEMTISK.js";
import {
  parseReport
} from "./chunk-OZ5DNF3A.js";
import {
  BROTLI_QUALITY,
  DEPLOY_NOISE_FRACTION,
  GZIP_LEVEL,
  SCHEMA_VERSION,
  countedOnce
} from "./chunk-EJCTFPHU.js";
import {
  ensureRustTarget,
  lastCargoError
} from "./chunk-DTWORZFI.js";
import {
  isChained,
  parseCargoCommand
} from "./chunk-2HIH7NOE.js";
import {
  execCapture
} from "./chunk-MFM22RQS.js";
import {
  WasmFormatError
} from "./chunk-GCGXGLYM.js";
import {
  isAlive,
  onInterrupt
} from "./chunk-P2OAGGZH.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/report/bench-index.ts
var DATA_BRANCH_FOLDER = "bench";
function historyDir(app, target) {
  const safe = (name) => name.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_");
  return `${safe(app)}/${safe(target)}`;
}
var indexFile = (dir) => `${dir}/index.json`;
function parseIndex(text, where) {
  try {
    const value = JSON.parse(text);
    if (typeof value.app === "string" && Array.isArray(value.runs) && value.runs.every((r) => typeof r.id === "string" && typeof r.bytes === "number"))
      return value;
  } catch {
  }
  throw new UserError(`${where} is not a spinwash benchmark index; delete it to start afresh`);
}
function measuredReadySpread(index) {
  for (const run of [...index.runs].reverse())
    if (run.ready && run.ready.n >= 3) return run.ready.p90 - run.ready.p10;
  return void 0;
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
  const out = [`## ${title}`, "", ...previewLines(report)];
  out.push(
    report.comparison ? verdict(report.comparison) : report.comparisonUnavailable !== void 0 ? `\u26A0\uFE0F No comparison with the base branch: its stored report could not be read (${escapeHtml(report.comparisonUnavailable)}). The sizes below are this run's alone.` : NO_BASELINE,
    ""
  );
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
    `<sub>spinwash ${report.tool.version} \xB7 ${report.project.kind} project \`${code(report.project.path)}\` \xB7 gzip -${GZIP_LEVEL}, brotli q${BROTLI_QUALITY}</sub>`
  );
  return out.join("\n") + "\n";
}
var NO_BASELINE = "\u26AA No baseline: nothing to compare against (no report for the base commit, and no `baseline-file`), so no change is shown.";
function previewLines(report) {
  const out = [];
  const preview = report.deploy?.preview;
  if (preview && report.deploy)
    out.push(`**Preview:** <${report.deploy.url}> (\`${code(preview.name)}\`)`, "");
  for (const notice of report.notices ?? []) out.push(`> ${notice}`, "");
  return out;
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
  const notChecked = (budgets?.notChecked ?? []).map(describeNotChecked);
  const skipped = notChecked.length > 0 ? [`\u26A0\uFE0F ${notChecked.join("; ")}.`, ""] : [];
  if (!budgets || budgets.checked.length === 0) return skipped;
  if (budgets.breaches.length === 0)
    return [`\u2705 Within budget: ${budgets.checked.join(", ")}.`, "", ...skipped];
  const head = budgets.failing ? "\u274C **Budget broken**" : "\u26A0\uFE0F **Budget broken** (not failing the run: `fail-on-budget: false`)";
  return [head, "", ...budgets.breaches.map((b) => `- ${describeBreach(b)}`), "", ...skipped];
}
function overview(report) {
  const comparison = report.comparison;
  const rows = [];
  if (!comparison) {
    rows.push("| Component | Final size | Gzip | Brotli |", "|---|--:|--:|--:|");
    for (const c of report.components) {
      rows.push(
        `| ${cell(c.name)}${sharedNote(c)} | ${formatBytesExact(c.final.bytes)} | ${formatBytes(c.final.gzipBytes)} | ${formatBytes(c.final.brotliBytes)} |`
      );
    }
    const files = countedOnce(report.components);
    if (files.length < report.components.length) {
      const sum = (pick) => files.reduce((s, c) => s + pick(c), 0);
      rows.push(
        `| **Total** (${report.components.length} components, ${files.length} file${files.length === 1 ? "" : "s"}: each counted once) | ${formatBytesExact(sum((c) => c.final.bytes))} | ${formatBytes(sum((c) => c.final.gzipBytes))} | ${formatBytes(sum((c) => c.final.brotliBytes))} |`
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
function sharedNote(c) {
  return c.sameFileAs === void 0 ? "" : ` (same file as ${cell(c.sameFileAs)})`;
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
    const optimized = report.components.some((c) => c.stages.some((s) => s.stage === "optimized"));
    const what = optimized ? "strip + wasm-opt" : report.optimize.wasmOpt ? "strip; wasm-opt changed nothing" : "strip";
    times.push(`optimize **${formatSeconds(report.optimize.seconds)}** (${what})`);
  }
  const out = [`${times.join(" \xB7 ")}`, ""];
  const deploy = report.deploy;
  if (deploy) {
    const baseDeploy = report.comparison?.deploy;
    const head = ["Target", "URL", "Status", "Ready", "First response"];
    const row = [
      cell(deploy.target),
      urlCell(deploy.url),
      String(deploy.status),
      formatSeconds(deploy.readySeconds),
      formatSeconds(deploy.firstResponseSeconds)
    ];
    if (baseDeploy) {
      head.push("Ready vs base");
      row.push(deployChange(baseDeploy));
    }
    out.push(
      "**Deploy**",
      "",
      `| ${head.join(" | ")} |`,
      `|${head.map(() => "---").join("|")}|`,
      `| ${row.join(" | ")} |`,
      "",
      ...deployNote(deploy)
    );
    if (deploy.note) out.push(`> ${cell(deploy.note)}`, "");
    if (deploy.routes && deploy.routes.length > 0) {
      out.push("| Route | Component | Status | First answer |", "|---|---|---|---|");
      for (const r of deploy.routes)
        out.push(
          `| \`${code(r.route)}\` | ${cell(r.component)} | ${r.status} | ${formatSeconds(r.seconds)} |`
        );
      out.push("");
    }
    if (deploy.image) {
      const size = deploy.pushedBytes !== void 0 ? ` \xB7 ${formatBytesExact(deploy.pushedBytes)}` : "";
      const time = deploy.pushSeconds !== void 0 ? ` in ${formatSeconds(deploy.pushSeconds)}` : "";
      const rollout = deploy.rolloutSeconds !== void 0 ? ` \xB7 rolled out in ${formatSeconds(deploy.rolloutSeconds)}` : "";
      out.push(`Pushed \`${deploy.image.replace(/`/g, "'")}\`${size}${time}${rollout}`, "");
    }
  }
  return out;
}
function urlCell(url) {
  if (!url) return "\u2014";
  if (isLocalUrl(url))
    return `served locally (\`${code(new URL(url).host)}\`, stopped when the run ended)`;
  return `<${url}>`;
}
function deployChange(d) {
  const change = `${formatSecondsDelta(d.deltaSeconds)} (${formatPercent(percentChange(d.baseReadySeconds, d.readySeconds))})`;
  const band = d.noiseSource === "measured" ? `\xB1 ${formatSeconds(d.noiseSeconds)} measured spread` : `\xB1 ${Math.round(DEPLOY_NOISE_FRACTION * 100)}%, one sample`;
  return d.withinNoise ? `\u26AA ${change}: within noise (${band})` : `${change}, beyond noise (${band})`;
}
function deployNote(deploy) {
  const parts = [];
  if (deploy.commandSeconds !== void 0)
    parts.push(`the deploy command itself took ${formatSeconds(deploy.commandSeconds)}`);
  if (deploy.versionProof === "spin-info")
    parts.push(
      `the new version was told by Spin's info digest${deploy.digest ? ` \`${code(deploy.digest.slice(0, 19))}\u2026\`` : ""}`
    );
  else if (deploy.versionProof === "body")
    parts.push("the new version was told by `health-expect` in the body");
  else if (deploy.versionProof === "none")
    parts.push("the version was not proven (first HTTP 200; set `health-expect` to prove it)");
  if (parts.length === 0) return [];
  const text = parts.join("; ");
  return [`<sub>Ready counts from the deploy command's start; ${text}.</sub>`, ""];
}
function componentBlock(component, comparison, detail, open) {
  const summary = `${code(component.name)}: ${formatBytesExact(component.final.bytes)}${component.binaryKind ? ` ${component.binaryKind}` : ""}`;
  const out = open ? [
    `### ${cell(component.name)}`,
    "",
    `Final size **${formatBytesExact(component.final.bytes)}** (gzip ${formatBytes(component.final.gzipBytes)}, brotli ${formatBytes(component.final.brotliBytes)}) \xB7 \`${code(component.wasm)}\`${component.sameFileAs === void 0 ? "" : ` \xB7 the same file as ${cell(component.sameFileAs)}, counted once`}`,
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
  const sharedBase = new Set(baseline.components.filter((c) => c.sameFileAs).map((c) => c.name));
  const sharedNow = new Set(current.components.filter((c) => c.sameFileAs).map((c) => c.name));
  let baseBytes = 0;
  let bytes = 0;
  for (const c of components) {
    if (c.base && c.current) {
      if (!sharedBase.has(c.name)) baseBytes += c.base.bytes;
      if (!sharedNow.has(c.name)) bytes += c.current.bytes;
    }
  }
  const comparison = {
    baseline: { label, ...baseline.source },
    components,
    total: { baseBytes, bytes, delta: bytes - baseBytes, percent: percentChange(baseBytes, bytes) }
  };
  if (current.deploy && baseline.deploy) {
    const base = baseline.deploy.readySeconds;
    const deltaSeconds = current.deploy.readySeconds - base;
    const spread = baseline.deploy.readySpreadSeconds;
    const measured = spread !== void 0 && Number.isFinite(spread) && spread >= 0;
    const noiseSeconds = measured ? spread : base * DEPLOY_NOISE_FRACTION;
    comparison.deploy = {
      baseReadySeconds: base,
      readySeconds: current.deploy.readySeconds,
      deltaSeconds,
      noiseSeconds,
      noiseSource: measured ? "measured" : "assumed",
      withinNoise: Math.abs(deltaSeconds) <= noiseSeconds
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
function assessReport(report, budgets, baseline) {
  const assessed = { ...report };
  if (baseline) assessed.comparison = compareReports(report, baseline.report, baseline.label);
  if (hasBudgets(budgets)) assessed.budgets = checkBudgets(assessed, budgets);
  return assessed;
}

// src/publish/baseline.ts
import path from "node:path";

// src/publish/report-file.ts
import { readFile } from "node:fs/promises";
async function writeJsonReport(file, report) {
  const text = `${JSON.stringify(report, null, 2)}
`;
  await writeFileAtomic(file, text, { check: () => void parseReport(text, file) });
}
async function readJsonReport(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code2 = error.code;
    throw new UserError(
      code2 === "ENOENT" ? `Report file ${file} does not exist` : `Report file ${file} cannot be read: ${errorMessage(error)}`,
      file
    );
  }
  return parseReport(text, file);
}

// src/publish/baseline.ts
async function loadBaseline(config, github, logger, history) {
  if (config.baselineFile) {
    return {
      report: await readJsonReport(config.baselineFile),
      label: `\`${path.basename(config.baselineFile)}\``
    };
  }
  const pr = pullRequestOf(github.context);
  if (!pr || !config.store.branch || !github.octokit || !pr.baseSha) return void 0;
  const { findBaseReport } = await import("./store-ZCV2KU25.js");
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
  const report = { ...found.report, source: { ...found.report.source, commit: found.commit } };
  const spread = report.deploy && report.deploy.readySpreadSeconds === void 0 && history ? await benchmarkSpread(store, history, logger) : void 0;
  return {
    report: spread === void 0 ? report : { ...report, deploy: { ...report.deploy, readySpreadSeconds: spread } },
    label
  };
}
async function benchmarkSpread(store, history, logger) {
  const file = `${DATA_BRANCH_FOLDER}/${indexFile(historyDir(history.app, history.target))}`;
  try {
    const { readFile: readFile6 } = await import("./store-ZCV2KU25.js");
    const found = await readFile6(store, file);
    const spread = found && measuredReadySpread(parseIndex(found.text, `${store.branch}:${file}`));
    if (spread !== void 0)
      logger.info(
        `Deploy-time noise: the benchmarks' measured spread, ${spread.toFixed(3)} s (${file})`
      );
    return spread;
  } catch (error) {
    logger.info(
      `No measured deploy-time spread (${errorMessage(error)}): one sample, \xB120% assumed`
    );
    return void 0;
  }
}

// src/publish/finish.ts
async function finishReport(report, config, logger, github = {}) {
  const context = github.context?.github ?? await readGitHubContext(github.env ?? process.env);
  const needsStore = !config.baselineFile && config.store.branch !== void 0 && pullRequestOf(context) !== void 0;
  const octokit = github.octokit ?? (needsStore ? (await import("./client-5RIQA7IS.js")).runClient(config, logger) : void 0);
  let baseline;
  let unavailable;
  try {
    baseline = await loadBaseline(
      config,
      { context, ...octokit ? { octokit } : {} },
      logger,
      // a benchmark history of this app on this target holds the deploy time's measured spread
      report.project.name && config.deploy ? { app: report.project.name, target: config.deploy.target } : void 0
    );
  } catch (error) {
    if (config.baselineFile || !(error instanceof UserError)) throw error;
    unavailable = error.message;
    logger.warning(`No comparison with the base branch: ${unavailable}`);
  }
  const assessed = assessReport(report, config.budgets, baseline);
  if (unavailable !== void 0) assessed.comparisonUnavailable = unavailable;
  const markdown = renderMarkdown(assessed);
  if (config.output.jsonPath)
    await writeReportFile(
      "JSON",
      config.output.jsonPath,
      () => writeJsonReport(config.output.jsonPath, assessed)
    );
  if (config.output.markdownPath)
    await writeReportFile(
      "markdown",
      config.output.markdownPath,
      () => writeFileAtomic(config.output.markdownPath, markdown)
    );
  return { report: assessed, markdown };
}
async function writeReportFile(what, file, write) {
  try {
    await write();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code2 = error.code;
    const why = code2 === "ENOENT" ? "its folder does not exist" : code2 === "EISDIR" ? "it is a folder" : code2 === "EACCES" || code2 === "EPERM" ? "permission denied" : errorMessage(error);
    throw new UserError(`Cannot write the ${what} report to ${file}: ${why}`, file);
  }
}

// src/stages/release-copy.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile as readFile2, realpath, rename, rm, stat, utimes } from "node:fs/promises";
import path2 from "node:path";
var originalPath = (wasmPath) => `${wasmPath}.orig`;
var notePath = (wasmPath) => `${wasmPath}.spinwash`;
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
async function realFile(file) {
  try {
    return await realpath(file);
  } catch {
    return path2.resolve(file);
  }
}
function parseNote(text) {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/.test(trimmed)) return { optimized: trimmed };
  try {
    const note = JSON.parse(trimmed);
    return typeof note.optimized === "string" ? note : void 0;
  } catch {
    return void 0;
  }
}
async function hashOf(file) {
  return existsSync(file) ? sha256(await readFile2(file)) : void 0;
}
async function restoreRelease(wasmPath) {
  const file = await realFile(wasmPath);
  const note = notePath(file);
  if (!existsSync(note)) return void 0;
  const written = parseNote(await readFile2(note, "utf8"));
  const orig = originalPath(file);
  let warning;
  if (written && await hashOf(file) === written.optimized) {
    const original = await hashOf(orig);
    if (original !== void 0 && (written.original === void 0 || original === written.original)) {
      await rename(orig, file);
    } else {
      await rm(file, { force: true });
      await rm(orig, { force: true });
      warning = `${file} was spinwash's optimized output and the build's own file was not beside it (${orig}); removed it so the build writes it again`;
    }
  } else {
    await rm(orig, { force: true });
  }
  await rm(note, { force: true });
  return warning;
}
async function replaceWithOptimized(wasmPath, original, optimized) {
  const file = await realFile(wasmPath);
  const { atimeMs, mtimeMs } = await stat(file);
  const orig = originalPath(file);
  await writeFileAtomic(orig, original);
  await utimes(orig, atimeMs / 1e3, mtimeMs / 1e3);
  const note = { optimized: sha256(optimized), original: sha256(original) };
  await writeFileAtomic(notePath(file), `${JSON.stringify(note)}
`);
  await writeFileAtomic(file, optimized);
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
    if (!component.built) continue;
    const warning = await restoreRelease(component.wasmPath);
    if (warning) logger.warning(`${component.name}: ${warning}`, component.manifest);
  }
  const started = performance.now();
  await project.build({ env: profileEnv(profile), logger });
  return { seconds: (performance.now() - started) / 1e3 };
}

// src/stages/ladder.ts
import { existsSync as existsSync2 } from "node:fs";
import { readFile as readFile3 } from "node:fs/promises";
import path3 from "node:path";
var PLAIN_PROFILE = "spinwash-plain";
function planLadder(spec) {
  const command = spec.buildCommand?.trim();
  if (!spec.built || command === void 0 || spec.workdir === void 0) {
    return { skip: "it has no build command spinwash runs" };
  }
  if (spec.builtBy !== void 0) {
    return { skip: `it is built by ${spec.builtBy.split(" (")[0]}, which writes its own files` };
  }
  const cargo = parseCargoCommand(command);
  const [program, subcommand] = command.split(/\s+/);
  if (isChained(command) || !(program === "cargo" || program?.endsWith("/cargo")) || subcommand !== "build" || cargo === void 0) {
    return { skip: `its build is \`${command}\`, not a single \`cargo build\`` };
  }
  if (!cargo.plainWords) {
    return {
      skip: `its build command \`${command}\` uses shell syntax the ladder does not re-run`
    };
  }
  const { profile } = cargo;
  const args = [...cargo.otherArgs];
  if (profile !== "release") {
    return {
      skip: `it builds with the \`${profile}\` profile; the ladder starts from a release build`
    };
  }
  const releaseDir = path3.dirname(spec.wasmPath);
  if (path3.basename(releaseDir) !== "release") {
    return { skip: `its wasm (${spec.wasmPath}) is not in cargo's release folder` };
  }
  return { args, profileRoot: path3.dirname(releaseDir), file: path3.basename(spec.wasmPath) };
}
var isReleaseTweak = (name) => name.startsWith("CARGO_PROFILE_RELEASE_");
async function ladderBuild(spec, stage2, args, wasmPath, logger) {
  const result = await logger.group(
    `${spec.name}, ${stage2} build: cargo ${args.join(" ")}`,
    () => execCapture("cargo", args, {
      cwd: spec.workdir,
      env: { CARGO_TERM_COLOR: "never" },
      dropEnv: isReleaseTweak,
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
  if (!existsSync2(wasmPath)) {
    throw new UserError(
      `${spec.name}: the size ladder's ${stage2} build did not write ${wasmPath}`,
      spec.manifest
    );
  }
  return { stage: stage2, ...measureSizes(new Uint8Array(await readFile3(wasmPath))) };
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
    if (!existsSync2(spec.wasmPath)) continue;
    const release = new Uint8Array(await readFile3(spec.wasmPath));
    const debug = await ladderBuild(
      spec,
      "debug",
      ["build", ...plan.args],
      path3.join(plan.profileRoot, "debug", plan.file),
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
      path3.join(plan.profileRoot, PLAIN_PROFILE, plan.file),
      logger
    );
    builds.set(spec.wasmPath, { builds: [debug, plain], release });
  }
  return builds;
}
async function completeLadder(components, ladder, options, logger) {
  const out = [];
  for (const component of components) {
    const rungs = ladder.get(path3.resolve(options.projectDir, component.wasm));
    if (!rungs) {
      out.push(component);
      continue;
    }
    const rows = [...rungs.builds, ...component.stages];
    if (!component.stages.some((s) => s.stage === "optimized")) {
      const shrunk = await shrinkWasm(rungs.release, {
        sections: options.sections,
        wasmOpt: true,
        validate: false
      });
      rows.push({ stage: "optimized", ...shrunk.sizes.optimized ?? shrunk.sizes.stripped });
    }
    logger.info(
      `${component.name}, size ladder: ${rows.map((s) => `${s.stage} ${s.bytes} B`).join(" \u2192 ")}`
    );
    out.push({ ...component, ladder: rows });
  }
  return out;
}

// src/stages/optimize.ts
import { existsSync as existsSync3 } from "node:fs";
import { readFile as readFile4, stat as stat2 } from "node:fs/promises";
import path4 from "node:path";
async function optimizeComponents(components, options, logger) {
  const started = performance.now();
  const reports = [];
  const byFile = /* @__PURE__ */ new Map();
  for (const spec of components) {
    if (!spec.built) {
      logger.info(`${spec.name}: not built here (remote source), skipped`);
      continue;
    }
    const file = await checkedFile(spec, options);
    const first = byFile.get(file);
    if (first) {
      logger.info(`${spec.name}: same file as ${first.name} (${file}), optimized once`);
      reports.push({
        ...first,
        name: spec.name,
        wasm: path4.relative(options.projectDir, spec.wasmPath),
        sameFileAs: first.name
      });
      continue;
    }
    const report = await optimizeOne(spec, file, options, logger);
    byFile.set(file, report);
    reports.push(report);
  }
  return { components: reports, seconds: (performance.now() - started) / 1e3 };
}
async function checkedFile(spec, options) {
  if (!existsSync3(spec.wasmPath)) {
    throw new UserError(
      `The build did not produce ${spec.wasmPath} for ${spec.name}`,
      spec.manifest
    );
  }
  const file = await realFile(spec.wasmPath);
  if (!(await stat2(file)).isFile()) {
    throw new UserError(
      `${spec.name}: its source ${spec.wasmPath} is a folder, not a .wasm file; point it at the file the build writes`,
      spec.manifest
    );
  }
  if (options.confineToProject && !options.allowOutsideProject) {
    const project = path4.resolve(options.projectDir);
    const relative = path4.relative(project, path4.resolve(spec.wasmPath));
    if (relative.startsWith("..") || path4.isAbsolute(relative)) {
      throw new UserError(
        `${spec.name}: its source ${spec.wasmPath} is outside the project folder ${project}, and spinwash rewrites the file it optimizes; set \`allow-outside-project: true\` (\`--allow-outside-project\`) to let it`,
        spec.manifest
      );
    }
  }
  return file;
}
async function optimizeOne(spec, file, options, logger) {
  const restored = await restoreRelease(file);
  if (restored) {
    throw new UserError(`${spec.name}: ${restored}; build again`, spec.manifest);
  }
  const release = new Uint8Array(await readFile4(file));
  const inFile = (fn) => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof WasmFormatError) throw error.inFile(spec.wasmPath);
      throw error;
    }
  };
  const before = inFile(() => analyzeWasm(release));
  const shrunk = await shrinkWasm(release, {
    sections: options.sections,
    wasmOpt: options.wasmOpt
  }).catch((error) => {
    if (error instanceof WasmFormatError) throw error.inFile(spec.wasmPath);
    if (error instanceof InvalidResultError) {
      throw new UserError(
        error.inputInvalid ? `${spec.name}: the build's ${spec.wasmPath} is not valid WebAssembly, nothing was replaced: ${error.message}` : `${spec.name}: the optimized wasm does not validate, nothing was replaced: ${error.message}`,
        spec.manifest
      );
    }
    throw error;
  });
  for (const note of shrunk.strip.notes) logger.warning(`${spec.name}: ${note}`, spec.manifest);
  for (const module of shrunk.modules) {
    if (module.status === "kept") {
      logger.info(
        `${spec.name}: wasm-opt left ${module.path || "the module"} as it was: ${module.reason ?? ""}`
      );
    }
  }
  if (options.wasmOpt && !shrunk.wasmOptChanged) {
    logger.info(`${spec.name}: wasm-opt changed nothing; the stripped file is the result`);
  }
  const final = shrunk.final;
  const stages = [
    { stage: "release", ...measureSizes(release) },
    { stage: "stripped", ...shrunk.sizes.stripped },
    ...shrunk.sizes.optimized ? [{ stage: "optimized", ...shrunk.sizes.optimized }] : []
  ];
  await replaceWithOptimized(file, release, final);
  const after = analyzeWasm(final);
  const last = stages[stages.length - 1];
  logger.info(`${spec.name}: ${stages.map((s) => `${s.stage} ${s.bytes} B`).join(" \u2192 ")}`);
  return {
    name: spec.name,
    wasm: path4.relative(options.projectDir, spec.wasmPath),
    binaryKind: before.kind,
    stages,
    final: { bytes: last.bytes, gzipBytes: last.gzipBytes, brotliBytes: last.brotliBytes },
    sections: after.sections,
    ...before.functions.length > 0 ? { functions: before.functions } : {}
  };
}

// src/stages/project-lock.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir, readFile as readFile5, rename as rename2, rm as rm2, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path5 from "node:path";
function lockPath(realProjectDir) {
  const key = createHash2("sha256").update(realProjectDir).digest("hex").slice(0, 16);
  return path5.join(tmpdir(), `spinwash-lock-${key}`);
}
async function readOwner(lock) {
  try {
    return JSON.parse(await readFile5(path5.join(lock, "owner.json"), "utf8"));
  } catch {
    return void 0;
  }
}
async function lockProject(projectDir) {
  const project = await realFile(projectDir);
  const lock = lockPath(project);
  const owner = {
    pid: process.pid,
    host: hostname(),
    started: (/* @__PURE__ */ new Date()).toISOString(),
    project,
    command: process.argv.slice(1).join(" ")
  };
  for (let attempt = 0; ; attempt++) {
    const staging = `${lock}.${process.pid}.${Math.random().toString(16).slice(2)}`;
    await mkdir(staging, { recursive: true });
    await writeFile(path5.join(staging, "owner.json"), `${JSON.stringify(owner)}
`);
    try {
      await rename2(staging, lock);
      break;
    } catch (error) {
      await rm2(staging, { recursive: true, force: true });
      const code2 = error.code;
      if (code2 !== "ENOTEMPTY" && code2 !== "EEXIST") throw error;
    }
    const holder = await readOwner(lock);
    const gone = holder !== void 0 && holder.host === owner.host && !isAlive(holder.pid);
    if (gone && attempt === 0) {
      await rm2(lock, { recursive: true, force: true });
      continue;
    }
    throw new UserError(
      holder ? `Another spinwash run is rewriting the files of ${project}: process ${holder.pid} on ${holder.host}, started ${holder.started} (${holder.command}); wait for it to finish, or remove ${lock} if that process is gone` : `Another spinwash run is rewriting the files of ${project} (lock ${lock}); wait for it to finish, or remove that folder if no run is going on`
    );
  }
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    forget();
    await rm2(lock, { recursive: true, force: true });
  };
  const forget = onInterrupt(release);
  return release;
}

// src/stages/setup.ts
async function setupProject(config, logger) {
  const target = config.deploy ? deployTargetNamed(config.deploy.target) : void 0;
  const tools = {
    ...config.tools,
    spinPlugins: [.../* @__PURE__ */ new Set([...config.tools.spinPlugins, ...target?.spinPlugins ?? []])]
  };
  if (tools.spinPlugins.length > 0 && !tools.spinVersion)
    requireCli(
      "spin",
      `${target?.spinPlugins?.length ? `\`deploy: ${target.name}\` needs` : "spin-plugins asks for"} plugins`
    );
  await setupPlatformTools(tools, {
    logger,
    ...config.githubToken ? { token: config.githubToken } : {}
  });
  const project = await detectProject(config.projectDir, tools.projectKind, {
    ...tools.rustTarget !== void 0 ? { rustTarget: tools.rustTarget } : {}
  });
  if (project.kind === "spin") requireCli("spin", "a Spin app is built with `spin build`");
  if (project.kind === "wash") requireCli("wash", "a wasmCloud project is built with `wash build`");
  if (target?.cli) requireCli(target.cli, `\`deploy: ${target.name}\` runs it`);
  for (const target2 of rustTargetsOf(project)) await ensureRustTarget(target2, project.dir);
  return project;
}
function requireCli(tool, why) {
  if (findOnPath(tool)) return;
  throw new UserError(
    `${tool} was not found on PATH, and ${why}: set the \`${tool}-version\` input (\`latest\` or a version such as ${tool === "spin" ? "`v3.4.1`" : "`v0.39.0`"}) to have spinwash install it, or install ${tool} in an earlier step`
  );
}

// src/pipeline.ts
var STAGES = ["setup", "build", "optimize", "deploy", "report"];
async function stage(logger, name, fn) {
  const n = STAGES.indexOf(name) + 1;
  const title = `[${n}/${STAGES.length}] ${name}\u2026`;
  const started = performance.now();
  let result;
  if (logger.stage) {
    result = await logger.stage(title, fn);
  } else {
    logger.info(title);
    result = await fn();
  }
  logger.info(
    `[${n}/${STAGES.length}] ${name} done in ${((performance.now() - started) / 1e3).toFixed(2)} s`
  );
  return result;
}
async function withOptimizedBuild(config, logger, then) {
  const project = await stage(logger, "setup", () => setupProject(config, logger));
  const unlock = await lockProject(project.dir);
  try {
    return await then(await buildAndOptimize(project, config, logger));
  } finally {
    await unlock();
  }
}
async function buildAndOptimize(project, config, logger) {
  const { build, ladder } = await stage(logger, "build", async () => ({
    build: await buildProject(project, config.profile, logger),
    // the size ladder's extra builds, after the main one (whose timing they stay out of)
    ladder: config.ladder ? await buildLadder(project, logger) : void 0
  }));
  const optimized = await stage(logger, "optimize", async () => {
    const result = await optimizeComponents(
      project.components,
      // a Cargo project's target folder may be anywhere; a manifest's `source` stays inside
      { ...config, confineToProject: project.kind !== "cargo" },
      logger
    );
    return ladder ? { ...result, components: await completeLadder(result.components, ladder, config, logger) } : result;
  });
  return { project, build: { seconds: build.seconds }, optimized };
}
function buildReport(built, config) {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "spinwash", version: VERSION },
    project: {
      kind: built.project.kind,
      path: path6.relative(process.cwd(), built.project.dir) || ".",
      name: deployProjectOf(built.project).appName
    },
    components: built.optimized.components,
    build: built.build,
    optimize: { seconds: built.optimized.seconds, wasmOpt: config.wasmOpt }
  };
}
function runPipeline(config, logger, context) {
  return withOptimizedBuild(config, logger, async (built) => {
    const run = context ?? await readRunContext();
    const preview = await planPreview(config, built.project, logger, run);
    const deploy = await stage(
      logger,
      "deploy",
      async () => preview.skipNotice ? void 0 : deployComponents(
        built.project,
        built.optimized.components,
        config,
        logger,
        preview.preview
      )
    );
    return stage(logger, "report", async () => {
      const report = {
        ...buildReport(built, config),
        ...deploy ? { deploy } : {},
        ...preview.skipNotice ? { notices: [preview.skipNotice] } : {}
      };
      const finished = await finishReport(report, config, logger, { context: run });
      return { ...finished, project: built.project };
    });
  });
}

export {
  DATA_BRANCH_FOLDER,
  historyDir,
  indexFile,
  parseIndex,
  finishReport,
  stage,
  withOptimizedBuild,
  buildReport,
  runPipeline
};
//# sourceMappingURL=chunk-NYWYU7FS.js.map
