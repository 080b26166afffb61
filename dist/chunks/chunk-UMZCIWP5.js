import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  countedOnce
} from "./chunk-EJCTFPHU.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";

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
function isLocalUrl(url) {
  let host;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

// src/report/budget.ts
function hasBudgets(budgets) {
  return budgets.maxTotalBytes !== void 0 || Object.keys(budgets.maxComponentBytes).length > 0 || budgets.maxIncrease !== void 0 || budgets.maxDeploySeconds !== void 0;
}
function checkBudgets(report, budgets) {
  const checked = [];
  const notChecked = [];
  const breaches = [];
  const names = report.components.map((c) => c.name);
  if (budgets.maxTotalBytes !== void 0) {
    const limit = budgets.maxTotalBytes;
    const total = countedOnce(report.components).reduce((sum, c) => sum + c.final.bytes, 0);
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
  const increaseLimit = increase && (increase.kind === "percent" ? `${increase.percent}%` : formatBytes(increase.bytes));
  if (increase && increaseLimit && !report.comparison) {
    notChecked.push({ budget: "max-increase", limit: increaseLimit, reason: "no baseline" });
  }
  if (increase && report.comparison) {
    checked.push(`max-increase ${increaseLimit}`);
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
  if (budgets.maxDeploySeconds !== void 0 && !report.deploy) {
    notChecked.push({
      budget: "max-deploy-seconds",
      limit: formatSeconds(budgets.maxDeploySeconds),
      reason: "no deploy"
    });
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
  return {
    checked,
    ...notChecked.length > 0 ? { notChecked } : {},
    breaches,
    failing: budgets.failOnBudget && breaches.length > 0
  };
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
function describeNotChecked(entry) {
  return `${entry.budget} ${entry.limit}: not checked (${entry.reason})`;
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
  isLocalUrl,
  hasBudgets,
  checkBudgets,
  describeNotChecked,
  describeBreach,
  breachAnnotations,
  budgetError
};
//# sourceMappingURL=chunk-UMZCIWP5.js.map
