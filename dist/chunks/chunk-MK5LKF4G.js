import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  DATA_BRANCH_FOLDER,
  buildReport,
  finishReport,
  historyDir,
  indexFile,
  parseIndex,
  stage,
  withOptimizedBuild
} from "./chunk-NYWYU7FS.js";
import {
  deployProjectOf,
  deployRequest
} from "./chunk-4KJDKNDR.js";
import {
  deployTargetNamed
} from "./chunk-J4QKFO7O.js";
import {
  formatBytes,
  formatBytesExact
} from "./chunk-UMZCIWP5.js";
import {
  writeFileAtomic
} from "./chunk-BPTAPCOJ.js";
import {
  deleteFile,
  ensureBranch,
  readFile,
  writeFile
} from "./chunk-LSLESLRT.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/bench/backends.ts
import { readFile as readFile2, rm } from "node:fs/promises";
import path from "node:path";
function folderBackend(root) {
  const resolve = (file) => path.join(root, ...file.split("/"));
  const read = async (file) => {
    try {
      return await readFile2(resolve(file), "utf8");
    } catch (error) {
      if (error.code === "ENOENT") return void 0;
      throw new UserError(`Cannot read ${resolve(file)}: ${errorMessage(error)}`);
    }
  };
  return {
    where: `folder ${root}`,
    read,
    update: async (file, _message, content) => writeFileAtomic(resolve(file), content(await read(file))),
    remove: async (file) => rm(resolve(file), { force: true })
  };
}
function dataBranchBackend(store) {
  const full = (file) => `${DATA_BRANCH_FOLDER}/${file}`;
  let ready = false;
  return {
    where: `the ${store.branch} branch`,
    read: (file) => readFile(store, full(file)).then((found) => found?.text),
    update: async (file, message, content) => {
      if (!ready) await ensureBranch(store);
      ready = true;
      await writeFile(store, full(file), message, content);
    },
    remove: (file, message) => deleteFile(store, full(file), message)
  };
}

// src/bench/stats.ts
function quantile(sorted, q) {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below];
  return low + (sorted[above] - low) * (position - below);
}
function summarize(values) {
  if (values.length === 0) return void 0;
  const sorted = [...values].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const deviations = sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    mad: quantile(deviations, 0.5)
  };
}
var MEASURES = ["readySeconds", "firstResponseSeconds", "commandSeconds"];
function summarizeSamples(samples) {
  const [cold, ...rest] = samples;
  if (!cold) throw new Error("a benchmark run without samples");
  const warm = {};
  for (const measure of MEASURES) {
    const stats = summarize(
      rest.filter((s) => s.error === void 0).flatMap((s) => s[measure] ?? [])
    );
    if (stats) warm[measure] = stats;
  }
  return { cold, warm, failed: samples.filter((s) => s.error !== void 0).length };
}

// src/bench/alert.ts
function checkRegression(previous, ready, options) {
  const thresholdPercent = round(options.threshold * 100);
  const compared = previous.filter((r) => r.ready !== void 0).slice(-options.window);
  const window = compared.map((r) => r.ready);
  const ids = compared.map((r) => r.id);
  if (!ready)
    return {
      status: "insufficient",
      window: ids,
      thresholdPercent,
      message: "no warm sample succeeded: nothing to compare"
    };
  if (window.length === 0)
    return {
      status: "insufficient",
      window: ids,
      medianSeconds: ready.median,
      lowSeconds: ready.p10,
      thresholdPercent,
      message: "no earlier run to compare with"
    };
  const baselineSeconds = quantile(
    window.map((s) => s.median).sort((a, b) => a - b),
    0.5
  );
  const baselineHighSeconds = quantile(
    window.map((s) => s.p90).sort((a, b) => a - b),
    0.5
  );
  const changePercent = round((ready.median - baselineSeconds) / baselineSeconds * 100);
  const slower = ready.median > baselineSeconds * (1 + options.threshold);
  const apart = ready.p10 > baselineHighSeconds;
  const numbers = `median ${seconds(ready.median)} against ${seconds(baselineSeconds)} (${changePercent >= 0 ? "+" : ""}${changePercent}%, threshold ${thresholdPercent}%); p10 ${seconds(ready.p10)} against the window's median p90 ${seconds(baselineHighSeconds)}`;
  const verdict = slower && apart ? "slower beyond the threshold and outside the spread" : slower ? "slower, but within the spread of the earlier runs (noise)" : "in range";
  return {
    status: slower && apart ? "regression" : "ok",
    window: ids,
    baselineSeconds,
    baselineHighSeconds,
    medianSeconds: ready.median,
    lowSeconds: ready.p10,
    changePercent,
    thresholdPercent,
    message: `${verdict}: ${numbers}, over ${ids.length} run${ids.length === 1 ? "" : "s"}`
  };
}
var round = (n) => Math.round(n * 10) / 10;
var seconds = (s) => `${s.toFixed(3)} s`;
function nextAlertState(before, alert, runId) {
  const open = before?.open === true;
  if (alert.status === "regression")
    return open ? { state: before, transition: "continued" } : {
      // one issue per app and target: a new regression goes on the issue of the last one
      state: { open: true, since: runId, ...before?.issue ? { issue: before.issue } : {} },
      transition: "raised"
    };
  if (alert.status === "ok" && open)
    return { state: { ...before, open: false }, transition: "recovered" };
  return before ? { state: before } : {};
}

// src/bench/charts.ts
var WIDTH = 900;
var HEIGHT = 440;
var MARGIN = { left: 72, right: 84, top: 56, bottom: 72 };
var PLOT = {
  width: WIDTH - MARGIN.left - MARGIN.right,
  height: HEIGHT - MARGIN.top - MARGIN.bottom
};
var COLORS = { ready: "#3b5bdb", spread: "#748ffc", size: "#e8590c", failed: "#c92a2a" };
function xmlEscape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function niceTicks(max, count = 5) {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks = [];
  for (let i = 0; i * step < max + step * 1e-9 || ticks.length < 2; i++)
    ticks.push(Number((i * step).toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}
var fmt = (n) => Number(n.toPrecision(4)).toString();
var kib = (bytes) => bytes / 1024;
var px = (n) => n.toFixed(1);
var shortDate = (iso) => `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
function frame(title, subtitle, body) {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="16" font-weight="600" fill="#212529">${xmlEscape(title)}</text>`,
    `<text x="${MARGIN.left}" y="42" fill="#495057">${xmlEscape(subtitle)}</text>`,
    ...body,
    "</svg>",
    ""
  ].join("\n");
}
function axis(ticks, y, side, label, color) {
  const x = side === "left" ? MARGIN.left - 8 : MARGIN.left + PLOT.width + 8;
  const anchor = side === "left" ? "end" : "start";
  const lines = ticks.flatMap((t) => [
    ...side === "left" ? [
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#e9ecef"/>`
    ] : [],
    `<text x="${x}" y="${px(y(t) + 4)}" text-anchor="${anchor}" fill="${color}">${fmt(t)}</text>`
  ]);
  const lx = side === "left" ? 18 : WIDTH - 14;
  const ly = MARGIN.top + PLOT.height / 2;
  return [
    ...lines,
    `<text x="${lx}" y="${ly}" text-anchor="middle" fill="${color}" transform="rotate(-90 ${lx} ${ly})">${xmlEscape(label)}</text>`
  ];
}
function runTitle(run) {
  const r = run.ready;
  const spread = r ? `median ${fmt(r.median)} s, p10\u2013p90 ${fmt(r.p10)}\u2013${fmt(r.p90)} s, min\u2013max ${fmt(r.min)}\u2013${fmt(r.max)} s` : "no warm sample succeeded";
  return `${run.id}${run.commit ? ` (${run.commit.slice(0, 7)})` : ""}: ${spread}; ${fmt(kib(run.bytes))} KiB; ${run.samples} samples, ${run.failed} failed`;
}
function trendSvg(index) {
  const runs = index.runs;
  const n = Math.max(runs.length, 1);
  const x = (i) => MARGIN.left + (i + 0.5) * PLOT.width / n;
  const secondsTicks = niceTicks(Math.max(0, ...runs.map((r) => r.ready?.max ?? 0)));
  const sizeTicks = niceTicks(Math.max(0, ...runs.map((r) => kib(r.bytes))));
  const top = (ticks) => ticks[ticks.length - 1];
  const y = (s) => MARGIN.top + PLOT.height * (1 - s / top(secondsTicks));
  const ySize = (k) => MARGIN.top + PLOT.height * (1 - k / top(sizeTicks));
  const labelEvery = Math.max(1, Math.ceil(runs.length / 8));
  const body = [
    ...axis(secondsTicks, y, "left", "ready time (s)", COLORS.ready),
    ...axis(sizeTicks, ySize, "right", "final size (KiB)", COLORS.size),
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#868e96"/>`,
    runs.length > 1 ? `<polyline class="size" fill="none" stroke="${COLORS.size}" stroke-width="1.5" points="${runs.map((r, i) => `${px(x(i))},${px(ySize(kib(r.bytes)))}`).join(" ")}"/>` : "",
    ...runs.map(
      (r, i) => `<rect class="size-point" x="${px(x(i) - 2.5)}" y="${px(ySize(kib(r.bytes)) - 2.5)}" width="5" height="5" fill="${COLORS.size}"/>`
    ),
    ...runs.map((r, i) => {
      const cx = px(x(i));
      const title = `<title>${xmlEscape(runTitle(r))}</title>`;
      if (!r.ready) {
        const cy = y(0) - 8;
        return `<g class="run failed">${title}<path d="M${px(x(i) - 5)},${px(cy - 5)}l10,10m0,-10l-10,10" stroke="${COLORS.failed}" stroke-width="2"/></g>`;
      }
      const s = r.ready;
      return [
        `<g class="run">${title}`,
        `<line x1="${cx}" x2="${cx}" y1="${px(y(s.min))}" y2="${px(y(s.max))}" stroke="${COLORS.spread}" stroke-width="1"/>`,
        `<line x1="${cx}" x2="${cx}" y1="${px(y(s.p10))}" y2="${px(y(s.p90))}" stroke="${COLORS.spread}" stroke-width="4"/>`,
        `<line x1="${px(x(i) - 5)}" x2="${px(x(i) + 5)}" y1="${px(y(s.p90))}" y2="${px(y(s.p90))}" stroke="${COLORS.spread}"/>`,
        `<line x1="${px(x(i) - 5)}" x2="${px(x(i) + 5)}" y1="${px(y(s.p10))}" y2="${px(y(s.p10))}" stroke="${COLORS.spread}"/>`,
        `<circle class="median" cx="${cx}" cy="${px(y(s.median))}" r="4" fill="${r.alert === "regression" ? COLORS.failed : COLORS.ready}"/>`,
        "</g>"
      ].join("");
    }),
    ...runs.flatMap(
      (r, i) => i % labelEvery === 0 || i === runs.length - 1 ? [
        `<text x="${px(x(i))}" y="${px(MARGIN.top + PLOT.height + 18)}" text-anchor="middle" fill="#495057">${xmlEscape(shortDate(r.startedAt))}</text>`
      ] : []
    ),
    `<text x="${MARGIN.left + PLOT.width / 2}" y="${HEIGHT - 30}" text-anchor="middle" fill="#495057">run (start time, UTC), oldest left</text>`,
    `<g font-size="11" fill="#495057"><circle cx="${MARGIN.left + 6}" cy="${HEIGHT - 11}" r="4" fill="${COLORS.ready}"/><text x="${MARGIN.left + 14}" y="${HEIGHT - 7}">median</text>`,
    `<line x1="${MARGIN.left + 76}" x2="${MARGIN.left + 76}" y1="${HEIGHT - 18}" y2="${HEIGHT - 4}" stroke="${COLORS.spread}" stroke-width="4"/><text x="${MARGIN.left + 84}" y="${HEIGHT - 7}">p10\u2013p90</text>`,
    `<line x1="${MARGIN.left + 150}" x2="${MARGIN.left + 150}" y1="${HEIGHT - 20}" y2="${HEIGHT - 2}" stroke="${COLORS.spread}"/><text x="${MARGIN.left + 158}" y="${HEIGHT - 7}">min\u2013max</text>`,
    `<rect x="${MARGIN.left + 222}" y="${HEIGHT - 14}" width="5" height="5" fill="${COLORS.size}"/><text x="${MARGIN.left + 232}" y="${HEIGHT - 7}">final size</text>`,
    `<circle cx="${MARGIN.left + 306}" cy="${HEIGHT - 11}" r="4" fill="${COLORS.failed}"/><text x="${MARGIN.left + 314}" y="${HEIGHT - 7}">alert (regression)</text></g>`
  ];
  return frame(
    `${index.app} on ${index.target}: deploy ready time`,
    `${runs.length} run${runs.length === 1 ? "" : "s"}; warm deploys only (the cold first one of each run is left out)`,
    body.filter((line) => line !== "")
  );
}
function correlation(xs, ys) {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return void 0;
  const mean = (v) => v.reduce((s, a) => s + a, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? void 0 : sxy / Math.sqrt(sxx * syy);
}
function scatterSvg(index) {
  const runs = index.runs.filter((r2) => r2.ready !== void 0);
  const sizes = runs.map((r2) => kib(r2.bytes));
  const low = Math.min(...sizes, Infinity);
  const high = Math.max(...sizes, 0);
  const pad = Math.max((high - low) * 0.05, high * 0.02, 0.5);
  const from = runs.length === 0 ? 0 : Math.max(0, low - pad);
  const to = runs.length === 0 ? 1 : high + pad;
  const x = (k) => MARGIN.left + (k - from) / (to - from) * PLOT.width;
  const secondsTicks = niceTicks(Math.max(0, ...runs.map((r2) => r2.ready.p90)));
  const y = (s) => MARGIN.top + PLOT.height * (1 - s / secondsTicks[secondsTicks.length - 1]);
  const rough = (to - from) / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const sizeStep = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const firstTick = Math.ceil(from / sizeStep) * sizeStep;
  const sizeTicks = Array.from(
    { length: Math.floor((to - firstTick) / sizeStep + 1e-9) + 1 },
    (_, i) => Number((firstTick + i * sizeStep).toPrecision(12))
  );
  const r = correlation(
    sizes,
    runs.map((run) => run.ready.median)
  );
  const body = [
    ...axis(secondsTicks, y, "left", "median ready time (s)", COLORS.ready),
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#868e96"/>`,
    ...sizeTicks.map(
      (k) => `<text x="${px(x(k))}" y="${px(MARGIN.top + PLOT.height + 18)}" text-anchor="middle" fill="${COLORS.size}">${fmt(k)}</text>`
    ),
    `<text x="${MARGIN.left + PLOT.width / 2}" y="${HEIGHT - 30}" text-anchor="middle" fill="${COLORS.size}">final size (KiB)</text>`,
    ...runs.map((run, i) => {
      const s = run.ready;
      const cx = px(x(kib(run.bytes)));
      const opacity = (0.3 + 0.7 * (i + 1) / runs.length).toFixed(2);
      return [
        `<g class="run" opacity="${opacity}"><title>${xmlEscape(runTitle(run))}</title>`,
        `<line x1="${cx}" x2="${cx}" y1="${px(y(s.p10))}" y2="${px(y(s.p90))}" stroke="${COLORS.spread}" stroke-width="2"/>`,
        `<circle class="median" cx="${cx}" cy="${px(y(s.median))}" r="5" fill="${COLORS.ready}"/>`,
        "</g>"
      ].join("");
    })
  ];
  const subtitle = runs.length === 0 ? "no run with a successful warm deploy yet" : `${runs.length} run${runs.length === 1 ? "" : "s"}, newer darker; whiskers p10\u2013p90; ${r === void 0 ? "correlation: n/a (size or time did not vary)" : `Pearson r = ${r.toFixed(2)} (size vs median)`}`;
  return frame(`${index.app} on ${index.target}: does size matter?`, subtitle, body);
}
function trendMermaid(index, last = 30) {
  const runs = index.runs.filter((r) => r.ready !== void 0).slice(-last);
  if (runs.length === 0) return "";
  const top = niceTicks(Math.max(...runs.map((r) => r.ready.median)));
  const label = (text) => `"${text.replace(/["\\]/g, "")}"`;
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${label(`${index.app} on ${index.target}: median ready time (s)`)}`,
    `  x-axis [${runs.map((r) => label(shortDate(r.startedAt))).join(", ")}]`,
    `  y-axis "seconds" 0 --> ${fmt(top[top.length - 1])}`,
    `  line [${runs.map((r) => fmt(r.ready.median)).join(", ")}]`,
    "```"
  ].join("\n");
}

// src/bench/history.ts
var runFile = (dir, id) => `${dir}/runs/${id}.json`;
function runIdOf(startedAt, commit) {
  return `${startedAt.replace(/[-:.]/g, "")}-${commit ? commit.slice(0, 7) : "local"}`;
}
function entryOf(report) {
  const { benchmark } = report;
  return {
    id: benchmark.runId,
    startedAt: benchmark.startedAt,
    ...report.source?.commit ? { commit: report.source.commit } : {},
    ...report.source?.ref ? { ref: report.source.ref } : {},
    samples: benchmark.samples.length,
    failed: benchmark.failed,
    ...benchmark.warm.readySeconds ? { ready: benchmark.warm.readySeconds } : {},
    ...benchmark.warm.firstResponseSeconds ? { firstResponse: benchmark.warm.firstResponseSeconds } : {},
    ...benchmark.warm.commandSeconds ? { command: benchmark.warm.commandSeconds } : {},
    bytes: benchmark.sizes.bytes,
    gzipBytes: benchmark.sizes.gzipBytes,
    ...benchmark.alert ? { alert: benchmark.alert.status } : {}
  };
}
async function readHistory(backend, app, target) {
  const file = indexFile(historyDir(app, target));
  const text = await backend.read(file);
  return text === void 0 ? { app, target, runs: [] } : parseIndex(text, `${file} in ${backend.where}`);
}
async function appendRun(backend, report, limit, alert) {
  const { app, target, runId } = report.benchmark;
  const dir = historyDir(app, target);
  await backend.update(
    runFile(dir, runId),
    `spinwash: benchmark ${app} on ${target}, run ${runId}`,
    () => `${JSON.stringify(report, null, 2)}
`
  );
  let result;
  await backend.update(indexFile(dir), `spinwash: benchmark index ${dir} += ${runId}`, (old) => {
    const index = old === void 0 ? { app, target, runs: [] } : parseIndex(old, indexFile(dir));
    const runs = [...index.runs.filter((r) => r.id !== runId), entryOf(report)];
    const keep = runs.slice(-limit);
    const next = { app, target, runs: keep, ...alert ? { alert } : {} };
    result = { index: next, dropped: runs.slice(0, runs.length - keep.length).map((r) => r.id) };
    return `${JSON.stringify(next, null, 2)}
`;
  });
  for (const id of result.dropped) {
    await backend.remove(runFile(dir, id), `spinwash: benchmark ${dir}: run ${id} fell off`);
  }
  return result;
}

// src/bench/markdown.ts
var ms = (seconds2) => seconds2 === void 0 ? "\u2014" : `${(seconds2 * 1e3).toFixed(1)} ms`;
function row(label, cold, stats) {
  if (!stats) return `| ${label} | ${ms(cold)} | \u2014 | \u2014 | \u2014 | \u2014 | \u2014 | \u2014 |`;
  return `| ${label} | ${ms(cold)} | **${ms(stats.median)}** | ${ms(stats.min)} | ${ms(stats.max)} | ${ms(stats.p90)} | ${ms(stats.mad)} | ${stats.n} |`;
}
function sampleRow(s) {
  return s.error !== void 0 ? `| ${s.index} | ${s.startedAt} | failed: ${s.error.replace(/\|/g, "\\|").replace(/\n/g, " ")} | | |` : `| ${s.index}${s.index === 1 ? " (cold)" : ""} | ${s.startedAt} | ${ms(s.readySeconds)} | ${ms(s.firstResponseSeconds)} | ${ms(s.commandSeconds)} |`;
}
function renderBenchmarkMarkdown(bench, extra = {}) {
  const warm = bench.samples.length - 1;
  const lines = [
    `## spinwash benchmark: ${bench.app} on \`${bench.target}\``,
    "",
    `${bench.samples.length} deploys of one build (sample 1 cold, ${warm} warm), ${bench.failed} failed${bench.minIntervalSeconds > 0 ? `, started ${bench.minIntervalSeconds} s apart at least` : ""}. Final size ${formatBytesExact(bench.sizes.bytes)} (gzip ${formatBytes(bench.sizes.gzipBytes)}). Run \`${bench.runId}\`.`,
    "",
    "| | cold | median | min | max | p90 | MAD | warm n |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    row(
      "ready (deploy start \u2192 first healthy answer)",
      bench.cold.readySeconds,
      bench.warm.readySeconds
    ),
    row("first answer latency", bench.cold.firstResponseSeconds, bench.warm.firstResponseSeconds),
    // targets without a deploy command (the embedded runtime) leave this row out
    ...bench.cold.commandSeconds !== void 0 || bench.warm.commandSeconds ? [row("deploy command", bench.cold.commandSeconds, bench.warm.commandSeconds)] : [],
    ""
  ];
  if (bench.alert) {
    const icon = { regression: "\u{1F534}", ok: "\u{1F7E2}", insufficient: "\u26AA" }[bench.alert.status];
    lines.push(`${icon} **${bench.alert.status}**: ${bench.alert.message}.`, "");
  }
  if (extra.mermaid) lines.push(extra.mermaid, "");
  if (extra.charts)
    lines.push(
      `Charts: [ready-time trend](${extra.charts.trend}) \xB7 [size against ready time](${extra.charts.scatter})${extra.history ? ` \xB7 history: ${extra.history}` : ""}`,
      ""
    );
  lines.push(
    "<details><summary>Every sample</summary>",
    "",
    "| sample | started | ready | first answer | deploy command |",
    "|---|---|---:|---:|---:|",
    ...bench.samples.map(sampleRow),
    "",
    "</details>",
    ""
  );
  return lines.join("\n");
}

// src/bench/sample.ts
import { setTimeout as sleep } from "node:timers/promises";
async function deploySamples(project, components, config, logger, target = deployTargetNamed(config.deploy.target)) {
  if (!target) throw new Error("deploySamples without a deploy target");
  const request = deployRequest(project, components, config, logger);
  const { repeat, minIntervalSeconds } = config.benchmark;
  const samples = [];
  let lastStart;
  for (let index = 1; index <= repeat; index++) {
    if (lastStart !== void 0) {
      const wait = lastStart + minIntervalSeconds * 1e3 - performance.now();
      if (wait > 0) {
        logger.info(`waiting ${(wait / 1e3).toFixed(1)} s before sample ${index} (min-interval)`);
        await sleep(wait);
      }
    }
    lastStart = performance.now();
    const startedAt = (/* @__PURE__ */ new Date()).toISOString();
    try {
      const deployment = await target.deploy(request);
      try {
        const { readySeconds, firstResponseSeconds, commandSeconds, status } = deployment.report;
        samples.push({
          index,
          startedAt,
          readySeconds,
          firstResponseSeconds,
          ...commandSeconds !== void 0 ? { commandSeconds } : {},
          status
        });
        logger.info(
          `sample ${index}/${repeat}: ready after ${readySeconds.toFixed(3)} s${index === 1 ? " (cold)" : ""}`
        );
      } finally {
        await deployment.stop();
      }
    } catch (error) {
      const message = errorMessage(error);
      samples.push({ index, startedAt, error: message });
      logger.warning(`sample ${index}/${repeat} failed: ${message}`);
    }
    if (target.undeploy && index < repeat) {
      try {
        await target.undeploy(request);
      } catch (error) {
        logger.warning(`undeploy after sample ${index} failed: ${errorMessage(error)}`);
      }
    }
  }
  return samples;
}

// src/bench/run.ts
function everySampleFailed(bench) {
  if (bench.failed < bench.samples.length) return void 0;
  return new UserError(
    `Every one of the ${bench.samples.length} deploys to \`${bench.target}\` failed; the first: ${bench.samples[0]?.error ?? "no sample ran"}`
  );
}
async function runBenchmark(config, logger, options = {}) {
  if (config.deploy.target === "none")
    throw new UserError(
      "Input `deploy` is `none`; a benchmark deploys: choose a target (`local` for the embedded runtime)"
    );
  return withOptimizedBuild(
    config,
    logger,
    (built) => benchmarkBuild(built, config, logger, options)
  );
}
async function benchmarkBuild(built, config, logger, options) {
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const samples = await stage(
    logger,
    "deploy",
    () => deploySamples(built.project, built.optimized.components, config, logger)
  );
  return stage(logger, "report", async () => {
    const sum = (pick) => built.optimized.components.reduce((s, c) => s + pick(c), 0);
    const summary = summarizeSamples(samples);
    const app = deployProjectOf(built.project).appName;
    let historyError;
    const historyFailed = (error) => {
      if (!(error instanceof UserError)) throw error;
      historyError = error;
      logger.warning(`The run is not in the history: ${error.message}`);
      return void 0;
    };
    const before = options.history ? await readHistory(options.history, app, config.deploy.target).catch(historyFailed) : void 0;
    const runId = runIdOf(startedAt, options.source?.commit);
    const alert = before ? checkRegression(before.runs, summary.warm.readySeconds, {
      window: config.benchmark.alertWindow,
      threshold: config.benchmark.alertThreshold
    }) : void 0;
    const benchmark = {
      target: config.deploy.target,
      app,
      runId,
      startedAt,
      repeat: config.benchmark.repeat,
      minIntervalSeconds: config.benchmark.minIntervalSeconds,
      samples,
      ...summary,
      sizes: {
        bytes: sum((c) => c.final.bytes),
        gzipBytes: sum((c) => c.final.gzipBytes),
        brotliBytes: sum((c) => c.final.brotliBytes)
      },
      ...alert ? { alert } : {}
    };
    const source = options.source?.commit || options.source?.ref ? options.source : void 0;
    const finished = await finishReport(
      { ...buildReport(built, config), ...source ? { source } : {}, benchmark },
      { ...config, output: { jsonPath: config.output.jsonPath } },
      logger
    );
    const report = finished.report;
    let history;
    let transition;
    let charts;
    let mermaid;
    if (options.history && before && alert)
      try {
        const next = nextAlertState(before.alert, alert, runId);
        transition = next.transition;
        let state = next.state;
        if (transition && state && options.onAlert) {
          const issue = await options.onAlert(transition, alert, state, report);
          if (issue !== void 0) state = { ...state, issue };
        }
        ({ index: history } = await appendRun(
          options.history,
          report,
          config.benchmark.historyLimit,
          state
        ));
        const dir = historyDir(app, config.deploy.target);
        const files = { trend: `${dir}/trend.svg`, scatter: `${dir}/scatter.svg` };
        const drawn = history;
        await options.history.update(
          files.trend,
          `spinwash: benchmark ${dir} trend`,
          () => trendSvg(drawn)
        );
        await options.history.update(
          files.scatter,
          `spinwash: benchmark ${dir} scatter`,
          () => scatterSvg(drawn)
        );
        const link = options.chartLink ?? ((file) => file);
        charts = { trend: link(files.trend), scatter: link(files.scatter) };
        mermaid = trendMermaid(history);
        logger.info(
          `history: ${history.runs.length} run${history.runs.length === 1 ? "" : "s"} of ${dir} in ${options.history.where}`
        );
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        historyError = error;
        logger.warning(`The run is not in the history: ${error.message}`);
      }
    const markdown = `${finished.markdown}
${renderBenchmarkMarkdown(report.benchmark, {
      ...mermaid ? { mermaid } : {},
      ...charts ? { charts } : {}
    })}`;
    if (config.output.markdownPath) await writeFileAtomic(config.output.markdownPath, markdown);
    return {
      report,
      markdown,
      project: built.project,
      ...history ? { history } : {},
      ...transition ? { transition } : {},
      ...historyError ? { historyError } : {}
    };
  });
}

export {
  folderBackend,
  dataBranchBackend,
  everySampleFailed,
  runBenchmark
};
//# sourceMappingURL=chunk-MK5LKF4G.js.map
