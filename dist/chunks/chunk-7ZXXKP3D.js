import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  invalidInput,
  parseList,
  parsePositiveNumber
} from "./chunk-4OZ5WGZ4.js";
import {
  UserError,
  errorMessage
} from "./chunk-T6ADKWSP.js";

// src/report/format.ts
var KIB = 1024;
var MIB = 1024 * 1024;
var grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
function formatBytes(bytes) {
  const abs = Math.abs(bytes);
  if (abs < KIB) return `${bytes} B`;
  if (abs < MIB) return `${round3(bytes / KIB)} KiB`;
  return `${round3(bytes / MIB)} MiB`;
}
function formatBytesExact(bytes) {
  return Math.abs(bytes) < KIB ? `${bytes} B` : `${formatBytes(bytes)} (${grouped.format(bytes)} B)`;
}
function formatByteDelta(delta) {
  if (delta === 0) return "\xB10 B";
  const sign = delta > 0 ? "+" : "\u2212";
  return `${sign}${formatBytes(Math.abs(delta))}`;
}
function formatByteDeltaExact(delta) {
  if (delta === 0 || Math.abs(delta) < KIB) return formatByteDelta(delta);
  const sign = delta > 0 ? "+" : "\u2212";
  return `${formatByteDelta(delta)} (${sign}${grouped.format(Math.abs(delta))} B)`;
}
function formatPercent(percent) {
  if (percent === void 0 || !Number.isFinite(percent)) return "n/a";
  const rounded = Math.round(percent * 10) / 10;
  if (rounded === 0) return percent === 0 ? "\xB10%" : percent > 0 ? "+<0.1%" : "\u2212<0.1%";
  return `${rounded > 0 ? "+" : "\u2212"}${Math.abs(rounded).toFixed(1)}%`;
}
function formatSeconds(seconds) {
  if (seconds < 1) return `${Math.round(seconds * 1e3)} ms`;
  if (seconds < 60) return `${round3(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
function formatSecondsDelta(delta) {
  if (delta === 0) return "\xB10 ms";
  return `${delta > 0 ? "+" : "\u2212"}${formatSeconds(Math.abs(delta))}`;
}
function percentChange(base, value) {
  return base === 0 ? void 0 : (value - base) / base * 100;
}
function round3(value) {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toFixed(digits);
}
function formatDeltaWithPercent(delta, percent) {
  const exact = formatByteDeltaExact(delta);
  const pct = formatPercent(percent);
  return exact.endsWith(")") ? `${exact.slice(0, -1)}, ${pct})` : `${exact} (${pct})`;
}

// src/report/budget.ts
var NO_BUDGETS = Object.freeze({
  maxComponentBytes: Object.freeze({}),
  failOnBudget: true
});
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
function hasBudgets(budgets) {
  return budgets.maxTotalBytes !== void 0 || Object.keys(budgets.maxComponentBytes).length > 0 || budgets.maxIncrease !== void 0 || budgets.maxDeploySeconds !== void 0;
}
function checkBudgets(report, budgets) {
  const checked = [];
  const breaches = [];
  const names = report.components.map((c) => c.name);
  if (budgets.maxTotalBytes !== void 0) {
    const limit = budgets.maxTotalBytes;
    const total = report.components.reduce((sum, c) => sum + c.final.bytes, 0);
    checked.push(`max-size ${formatBytes(limit)} (total)`);
    if (total > limit) breaches.push(sizeBreach("max-size", void 0, limit, total));
  }
  for (const [name, limit] of Object.entries(budgets.maxComponentBytes)) {
    const component = report.components.find((c) => c.name === name);
    if (!component) {
      throw new UserError(
        `Input \`max-size\` names the component "${name}", which this project does not have; components: ${names.join(", ") || "(none)"}`
      );
    }
    checked.push(`max-size ${formatBytes(limit)} (${name})`);
    if (component.final.bytes > limit)
      breaches.push(sizeBreach("max-size", name, limit, component.final.bytes));
  }
  const increase = budgets.maxIncrease;
  if (increase && report.comparison) {
    checked.push(
      `max-increase ${increase.kind === "percent" ? `${increase.percent}%` : formatBytes(increase.bytes)}`
    );
    for (const c of report.comparison.components) {
      if (c.status !== "changed" || !c.delta || c.delta.bytes <= 0) continue;
      if (increase.kind === "bytes" && c.delta.bytes > increase.bytes) {
        breaches.push({
          budget: "max-increase",
          component: c.name,
          limit: formatBytesExact(increase.bytes),
          actual: `+${formatBytesExact(c.delta.bytes)}`,
          excess: `by ${formatBytesExact(c.delta.bytes - increase.bytes)}`
        });
      } else if (increase.kind === "percent" && c.delta.bytesPercent !== void 0 && c.delta.bytesPercent > increase.percent) {
        breaches.push({
          budget: "max-increase",
          component: c.name,
          limit: `${increase.percent}%`,
          actual: `${formatPercent(c.delta.bytesPercent)} (+${formatBytesExact(c.delta.bytes)})`,
          excess: `by ${(c.delta.bytesPercent - increase.percent).toFixed(1)} percentage points`
        });
      }
    }
  }
  if (budgets.maxDeploySeconds !== void 0 && report.deploy) {
    const limit = budgets.maxDeploySeconds;
    checked.push(`max-deploy-seconds ${limit}`);
    if (report.deploy.readySeconds > limit) {
      breaches.push({
        budget: "max-deploy-seconds",
        limit: formatSeconds(limit),
        actual: formatSeconds(report.deploy.readySeconds),
        excess: `by ${formatSeconds(report.deploy.readySeconds - limit)}`
      });
    }
  }
  return { checked, breaches, failing: budgets.failOnBudget && breaches.length > 0 };
}
function sizeBreach(budget, component, limit, bytes) {
  return {
    budget,
    ...component === void 0 ? {} : { component },
    limit: formatBytesExact(limit),
    actual: formatBytesExact(bytes),
    excess: `by ${formatBytesExact(bytes - limit)}`
  };
}
function describeBreach(breach) {
  const who = breach.component === void 0 ? "" : ` by ${breach.component}`;
  return `${breach.budget} broken${who}: ${breach.actual} against a limit of ${breach.limit}, ${breach.excess}`;
}
function breachAnnotations(result, components) {
  return result.breaches.map((breach) => {
    const spec = breach.component === void 0 ? void 0 : components.find((c) => c.name === breach.component);
    return spec ? { message: describeBreach(breach), file: spec.manifest } : { message: describeBreach(breach) };
  });
}
function budgetError(result, components) {
  if (!result.failing) return void 0;
  const annotations = breachAnnotations(result, components);
  const count = annotations.length === 1 ? "A budget was" : `${annotations.length} budgets were`;
  const message = `${count} broken: ${annotations.map((a) => a.message).join("; ")}`;
  return new UserError(message, annotations.find((a) => a.file)?.file);
}

// src/github/context.ts
import { readFile } from "node:fs/promises";
async function readGitHubContext(env = process.env) {
  const repository = parseRepository(env.GITHUB_REPOSITORY);
  const file = env.GITHUB_EVENT_PATH;
  let payload = {};
  if (file) {
    try {
      const parsed = JSON.parse(await readFile(file, "utf8"));
      if (typeof parsed === "object" && parsed !== null)
        payload = parsed;
    } catch (error) {
      throw new UserError(
        `The GitHub event payload ${file} (GITHUB_EVENT_PATH) cannot be read as JSON: ${errorMessage(error)}`,
        file
      );
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME,
    repository,
    sha: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    payload
  };
}
function parseRepository(value) {
  if (!value) return void 0;
  const [owner, repo, extra] = value.split("/");
  if (!owner || !repo || extra !== void 0) {
    throw new UserError(`GITHUB_REPOSITORY has the value "${value}"; expected \`owner/name\``);
  }
  return { owner, repo };
}
var PR_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
function pullRequestOf(context) {
  if (!context.eventName || !PR_EVENTS.has(context.eventName) || !context.repository)
    return void 0;
  const pr = record(context.payload.pull_request);
  const base = record(pr?.base);
  const head = record(pr?.head);
  const number = pr?.number;
  if (typeof number !== "number") return void 0;
  const headRepo = record(head?.repo)?.full_name;
  const baseRepo = record(base?.repo)?.full_name ?? `${context.repository.owner}/${context.repository.repo}`;
  return {
    ...context.repository,
    number,
    baseSha: String(base?.sha ?? ""),
    baseRef: String(base?.ref ?? ""),
    headSha: String(head?.sha ?? ""),
    fromFork: typeof headRepo === "string" && headRepo !== baseRepo
  };
}
function pushedBranch(context) {
  if (context.eventName !== "push" || !context.ref?.startsWith("refs/heads/")) return void 0;
  return context.ref.slice("refs/heads/".length);
}
function record(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}

export {
  formatBytes,
  formatBytesExact,
  formatByteDelta,
  formatByteDeltaExact,
  formatPercent,
  formatSeconds,
  formatSecondsDelta,
  percentChange,
  formatDeltaWithPercent,
  parseBudgets,
  hasBudgets,
  checkBudgets,
  describeBreach,
  breachAnnotations,
  budgetError,
  readGitHubContext,
  pullRequestOf,
  pushedBranch,
  record
};
