import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  dataBranchBackend,
  everySampleFailed,
  runBenchmark
} from "./chunk-MK5LKF4G.js";
import {
  DATA_BRANCH_FOLDER,
  historyDir
} from "./chunk-NYWYU7FS.js";
import "./chunk-WAYFC2HM.js";
import "./chunk-CZJVZQ6V.js";
import "./chunk-K4TL2LEL.js";
import "./chunk-4KJDKNDR.js";
import "./chunk-J4QKFO7O.js";
import "./chunk-UHWQGR37.js";
import "./chunk-7DXSX7HT.js";
import {
  actionDeps,
  githubContextOf,
  outputEntries
} from "./chunk-LCMHUS5G.js";
import {
  budgetError
} from "./chunk-UMZCIWP5.js";
import "./chunk-IRSJQSBA.js";
import {
  pullRequestOf
} from "./chunk-PMUPDPBB.js";
import "./chunk-BPTAPCOJ.js";
import "./chunk-YDEMTISK.js";
import "./chunk-LSLESLRT.js";
import "./chunk-OZ5DNF3A.js";
import "./chunk-EJCTFPHU.js";
import {
  githubError,
  runClient
} from "./chunk-H35N3LII.js";
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
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/github/issues.ts
var BODY_LIMIT = 65536;
var cut = (body) => body.length <= BODY_LIMIT ? body : `${body.slice(0, BODY_LIMIT - 40)}

\u2026(cut to GitHub's limit)`;
async function openIssue(octokit, repo, title, body) {
  try {
    const { data } = await octokit.rest.issues.create({ ...repo, title, body: cut(body) });
    return { number: data.number, url: data.html_url };
  } catch (error) {
    throw githubError(error, "open an issue", "issues: write");
  }
}
async function commentOnIssue(octokit, repo, issue, body) {
  try {
    const { data } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: issue,
      body: cut(body)
    });
    return { number: issue, url: data.html_url };
  } catch (error) {
    throw githubError(error, `comment on issue #${issue}`, "issues: write");
  }
}
async function setIssueState(octokit, repo, issue, state) {
  try {
    await octokit.rest.issues.update({ ...repo, issue_number: issue, state });
  } catch (error) {
    throw githubError(
      error,
      `${state === "open" ? "reopen" : "close"} issue #${issue}`,
      "issues: write"
    );
  }
}

// src/bench/action.ts
async function runBenchmarkAction(config, logger, overrides = {}) {
  const deps = {
    ...await actionDeps(overrides.context?.env ?? overrides.env ?? process.env),
    ...overrides
  };
  const context = await githubContextOf(deps);
  const octokit = deps.octokit ?? runClient(config, logger);
  const repo = context.repository;
  const branch = config.store.branch;
  const isPullRequest = pullRequestOf(context) !== void 0;
  const keep = !isPullRequest && octokit && repo && branch;
  if (!keep) {
    logger.warning(
      isPullRequest ? "A benchmark on a pull request is reported, not added to the history" : !branch ? "Input `data-branch` is empty: the benchmark is not kept in a history" : "No `github-token` or GITHUB_REPOSITORY: the benchmark is not kept in a history"
    );
  }
  const server = (deps.env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  let written;
  const result = await runBenchmark(config, logger, {
    ...keep ? {
      history: dataBranchBackend({ octokit, repo, branch, logger }),
      chartLink: (file) => `${server}/${repo.owner}/${repo.repo}/blob/${encodeURIComponent(branch)}/${DATA_BRANCH_FOLDER}/${file}`,
      onAlert: async (transition, alert, state, report) => {
        try {
          written = await reportAlert(octokit, repo, config, transition, alert, state, report, {
            server,
            branch
          });
          return written?.number;
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          logger.warning(error.message);
          return state.issue;
        }
      }
    } : {},
    source: {
      ...context.sha ? { commit: context.sha } : {},
      ...context.ref ? { ref: context.ref } : {}
    }
  });
  const { benchmark } = result.report;
  const outputs = {
    "size-bytes": String(benchmark.sizes.bytes),
    "gzip-bytes": String(benchmark.sizes.gzipBytes),
    "bench-median-seconds": benchmark.warm.readySeconds === void 0 ? "" : String(benchmark.warm.readySeconds.median),
    "bench-alert": benchmark.alert?.status ?? "insufficient",
    ...config.output.jsonPath ? { "report-path": config.output.jsonPath } : {},
    ...written ? { "alert-issue-url": written.url } : {}
  };
  for (const [name, value] of outputEntries(outputs)) deps.setOutput(name, value);
  await deps.appendSummary(result.markdown);
  const failed = everySampleFailed(benchmark);
  if (failed) throw failed;
  if (result.historyError) throw result.historyError;
  if (config.benchmark.failOnAlert && benchmark.alert?.status === "regression")
    throw new UserError(
      `Benchmark regression on \`${benchmark.target}\`: ${benchmark.alert.message}`
    );
  const breach = result.report.budgets && budgetError(result.report.budgets, result.project.components);
  if (breach) throw breach;
}
function alertBody(report, alert, transition, links) {
  const b = report.benchmark;
  const commit = report.source?.commit ? ` (commit ${report.source.commit.slice(0, 7)})` : "";
  const head = transition === "recovered" ? `\u{1F7E2} **Back in range**: \`${b.app}\` on \`${b.target}\`, run \`${b.runId}\`${commit}.` : `\u{1F534} **Deploy ready time regressed**: \`${b.app}\` on \`${b.target}\`, run \`${b.runId}\`${commit}.`;
  const fmt = (s) => s === void 0 ? "n/a" : `${s.toFixed(3)} s`;
  return [
    `<!-- spinwash-bench:${historyDir(b.app, b.target)} -->`,
    head,
    "",
    "| | this run | the runs compared |",
    "|---|---:|---:|",
    `| median ready time | ${fmt(alert.medianSeconds)} | ${fmt(alert.baselineSeconds)} (median of medians) |`,
    `| spread | p10 ${fmt(alert.lowSeconds)} | median p90 ${fmt(alert.baselineHighSeconds)} |`,
    `| change | ${alert.changePercent === void 0 ? "n/a" : `${alert.changePercent >= 0 ? "+" : ""}${alert.changePercent}%`} | threshold ${alert.thresholdPercent}% |`,
    "",
    `Runs compared: ${alert.window.map((id) => `\`${id}\``).join(", ")}.`,
    `Verdict: ${alert.message}.`,
    ...links.trend ? ["", `[Ready-time trend](${links.trend})`] : [],
    "",
    "<sub>A regression is a median above the median of the last `alert-window` runs by more than `alert-threshold` AND a p10 above the median of their p90s (spreads that do not overlap).</sub>"
  ].join("\n");
}
async function reportAlert(octokit, repo, config, transition, alert, state, report, where) {
  const b = report.benchmark;
  const trend = `${where.server}/${repo.owner}/${repo.repo}/blob/${encodeURIComponent(where.branch)}/${DATA_BRANCH_FOLDER}/${historyDir(b.app, b.target)}/trend.svg`;
  const body = alertBody(report, alert, transition, { trend });
  const target = config.benchmark.alertCommentOn;
  if (target !== void 0) return commentOnIssue(octokit, repo, target, body);
  if (state.issue === void 0) {
    return openIssue(
      octokit,
      repo,
      `spinwash benchmark: ${b.app} on ${b.target} deploys slower`,
      body
    );
  }
  if (transition === "raised") await setIssueState(octokit, repo, state.issue, "open");
  const comment = await commentOnIssue(octokit, repo, state.issue, body);
  if (transition === "recovered") await setIssueState(octokit, repo, state.issue, "closed");
  return comment;
}
export {
  alertBody,
  runBenchmarkAction
};
//# sourceMappingURL=action-K6NKMYZL.js.map
