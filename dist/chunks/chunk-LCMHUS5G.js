import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  breachAnnotations,
  budgetError,
  isLocalUrl
} from "./chunk-UMZCIWP5.js";
import {
  sectionPattern
} from "./chunk-IRSJQSBA.js";
import {
  pullRequestOf,
  pushedBranch,
  readGitHubContext,
  record
} from "./chunk-PMUPDPBB.js";
import {
  writeFileAtomic
} from "./chunk-BPTAPCOJ.js";
import {
  saveReport
} from "./chunk-LSLESLRT.js";
import {
  countedOnce
} from "./chunk-EJCTFPHU.js";
import {
  githubError,
  httpStatus,
  isForbidden,
  runClient
} from "./chunk-H35N3LII.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/publish/publish.ts
import path2 from "node:path";
import { tmpdir } from "node:os";

// src/github/comment.ts
var COMMENT_LIMIT = 65536;
var DEFAULT_COMMENT_KEY = "sticky";
function commentMarker(key = DEFAULT_COMMENT_KEY) {
  if (!/^[A-Za-z0-9._-]+$/.test(key)) {
    throw new UserError(
      `Input \`comment-key\` has the value "${key}"; accepted: letters, digits, \`.\`, \`_\` and \`-\``
    );
  }
  return `<!-- spinwash:${key} -->`;
}
var TRUNCATION_NOTE = "\n\n---\n> [!WARNING]\n> This report was cut to fit GitHub\u2019s 65,536-character comment limit; the job summary and the JSON report have all of it.\n";
function commentBody(markdown, key, limit = COMMENT_LIMIT) {
  const full = `${commentMarker(key)}
${markdown}`;
  if (full.length <= limit) return { body: full, truncated: false };
  let kept = full.slice(0, limit - TRUNCATION_NOTE.length - 200);
  kept = kept.slice(0, Math.max(kept.lastIndexOf("\n"), 0));
  const open = (kept.match(/<details>/g)?.length ?? 0) - (kept.match(/<\/details>/g)?.length ?? 0);
  const closing = "\n\n</details>".repeat(Math.max(open, 0));
  return { body: `${kept}${closing}${TRUNCATION_NOTE}`, truncated: true };
}
var ACTIONS_BOT = "github-actions[bot]";
async function commentAuthor(octokit) {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch (error) {
    if (isForbidden(error)) return ACTIONS_BOT;
    throw error;
  }
}
async function findStickyComment(octokit, pr, marker, author) {
  return (await findSticky(octokit, pr, marker, author))?.id;
}
async function findSticky(octokit, pr, marker, author) {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100
  });
  for await (const page of pages) {
    const found = page.data.find(
      (comment) => comment.user?.login === author && comment.body?.includes(marker)
    );
    if (found) return { id: found.id, body: found.body ?? "" };
  }
  return void 0;
}
async function upsertStickyComment(octokit, pr, markdown, key) {
  const marker = commentMarker(key);
  const { body, truncated } = commentBody(markdown, key);
  const where = `${pr.owner}/${pr.repo}#${pr.number}`;
  try {
    const author = await commentAuthor(octokit);
    const existing = await findStickyComment(octokit, pr, marker, author);
    if (existing !== void 0) {
      const { data: data2 } = await octokit.rest.issues.updateComment({
        owner: pr.owner,
        repo: pr.repo,
        comment_id: existing,
        body
      });
      return { outcome: "updated", id: data2.id, url: data2.html_url, truncated };
    }
    const { data } = await octokit.rest.issues.createComment({
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      body
    });
    return { outcome: "created", id: data.id, url: data.html_url, truncated };
  } catch (error) {
    if (isForbidden(error)) {
      return {
        outcome: "forbidden",
        message: `The token cannot comment on ${where} (${errorMessage(error)}): a pull request from a fork, or a job without \`pull-requests: write\``
      };
    }
    throw githubError(error, `comment on ${where}`, "pull-requests: write");
  }
}

// src/github/fork.ts
import path from "node:path";

// src/github/unzip.ts
import { inflateRawSync } from "node:zlib";
function unzip(archive, source, maxBytes = 20 * 1024 * 1024) {
  const end = archive.lastIndexOf(Buffer.from([80, 75, 5, 6]));
  if (end === -1 || end + 22 > archive.length)
    throw new UserError(`${source} is not a zip archive`);
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = /* @__PURE__ */ new Map();
  for (let i = 0; i < count; i++) {
    if (at + 46 > archive.length || archive.readUInt32LE(at) !== 33639248)
      throw new UserError(`${source} has a damaged zip directory`);
    const method = archive.readUInt16LE(at + 10);
    const packedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (size > maxBytes)
      throw new UserError(
        `${source}: ${name} is ${size} bytes, more than the ${maxBytes} spinwash reads`
      );
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const packed = archive.subarray(start, start + packedSize);
    if (method === 0) files.set(name, Buffer.from(packed));
    else if (method === 8) files.set(name, inflateRawSync(packed, { maxOutputLength: maxBytes }));
    else
      throw new UserError(
        `${source}: ${name} uses zip compression method ${method}; only stored and deflated entries are read`
      );
  }
  return files;
}

// src/github/fork.ts
var ARTIFACT_NAME = "spinwash-report";
var COMMENT_FILE = "comment.md";
var PR_FILE = "pr.json";
var REPORT_FILE = "report.json";
async function writeForkFiles(dir, pr, key, markdown, reportJson) {
  const pending = {
    owner: pr.owner,
    repo: pr.repo,
    number: pr.number,
    headSha: pr.headSha,
    key
  };
  await writeFileAtomic(path.join(dir, COMMENT_FILE), markdown);
  await writeFileAtomic(path.join(dir, PR_FILE), `${JSON.stringify(pending, null, 2)}
`);
  await writeFileAtomic(path.join(dir, REPORT_FILE), reportJson);
  return `The comment and the JSON report are in ${dir} (output \`comment-dir\`). To post them: upload that folder as an artifact named \`${ARTIFACT_NAME}\` (actions/upload-artifact), and run spinwash with \`mode: comment\` in a \`workflow_run\` workflow (permissions: \`pull-requests: write\`, \`actions: read\`).`;
}
async function postCommentFromArtifact(octokit, context, logger) {
  if (context.eventName !== "workflow_run") {
    throw new UserError(
      `Input \`mode\` has the value "comment", which runs in a \`workflow_run\` workflow; this run is a \`${context.eventName ?? "unknown"}\` event`
    );
  }
  const run = record(context.payload.workflow_run);
  const repo = context.repository;
  if (!run || typeof run.id !== "number" || !repo)
    throw new UserError(
      "The workflow_run event payload has no run id or repository (GITHUB_EVENT_PATH)"
    );
  const runId = run.id;
  const headSha = String(run.head_sha ?? "");
  let artifactId;
  try {
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({
      ...repo,
      run_id: runId,
      name: ARTIFACT_NAME,
      per_page: 100
    });
    artifactId = data.artifacts.find((a) => a.name === ARTIFACT_NAME && !a.expired)?.id;
  } catch (error) {
    throw githubError(error, `list the artifacts of run ${runId}`, "actions: read");
  }
  if (artifactId === void 0) {
    const reason = `Run ${runId} left no \`${ARTIFACT_NAME}\` artifact: nothing to post (not a fork PR run, or the upload step is missing)`;
    logger.info(reason);
    return { posted: false, reason };
  }
  let files;
  try {
    const { data } = await octokit.rest.actions.downloadArtifact({
      ...repo,
      artifact_id: artifactId,
      archive_format: "zip"
    });
    files = unzip(Buffer.from(data), `artifact ${ARTIFACT_NAME} of run ${runId}`);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw githubError(
      error,
      `download the ${ARTIFACT_NAME} artifact of run ${runId}`,
      "actions: read"
    );
  }
  const markdown = files.get(COMMENT_FILE)?.toString("utf8");
  const prText = files.get(PR_FILE)?.toString("utf8");
  if (markdown === void 0 || prText === void 0) {
    throw new UserError(
      `The ${ARTIFACT_NAME} artifact of run ${runId} lacks ${COMMENT_FILE} or ${PR_FILE}; upload the whole \`comment-dir\` folder`
    );
  }
  const pending = parsePending(prText, `${ARTIFACT_NAME}/${PR_FILE}`);
  const number = await trustedPullRequest(octokit, repo, run, pending, headSha);
  commentMarker(pending.key);
  const comment = await upsertStickyComment(octokit, { ...repo, number }, markdown, pending.key);
  if (comment.outcome === "forbidden") {
    throw new UserError(
      `${comment.message}; the \`workflow_run\` job needs \`permissions: pull-requests: write\``
    );
  }
  logger.info(`Posted the report of run ${runId} on #${number} (${comment.outcome})`);
  return { posted: true, comment, pr: number };
}
async function trustedPullRequest(octokit, repo, run, pending, headSha) {
  const listed = Array.isArray(run.pull_requests) ? run.pull_requests.map((p) => record(p)?.number).filter((n) => typeof n === "number") : [];
  if (listed.length > 0) {
    if (!listed.includes(pending.number)) {
      throw new UserError(
        `The artifact names PR #${pending.number}, but run ${String(run.id)} belongs to #${listed.join(", #")}; not posting`
      );
    }
    return pending.number;
  }
  let prHead;
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: pending.number });
    prHead = data.head.sha;
  } catch (error) {
    if (httpStatus(error) === 404)
      throw new UserError(
        `The artifact names PR #${pending.number}, which does not exist in ${repo.owner}/${repo.repo}; not posting`
      );
    throw githubError(error, `read PR #${pending.number}`, "pull-requests: write");
  }
  if (prHead !== headSha) {
    throw new UserError(
      `The artifact names PR #${pending.number}, whose head is ${prHead.slice(0, 7)}, but the run built ${headSha.slice(0, 7)}; not posting (a newer push will post its own)`
    );
  }
  return pending.number;
}
function parsePending(text, source) {
  try {
    const value = JSON.parse(text);
    if (typeof value.number === "number" && typeof value.key === "string" && typeof value.headSha === "string") {
      return value;
    }
  } catch (error) {
    throw new UserError(
      `${source} is not valid JSON (${errorMessage(error)}); expected what spinwash wrote for a fork PR`
    );
  }
  throw new UserError(
    `${source} lacks number, key or headSha; expected what spinwash wrote for a fork PR`
  );
}

// src/publish/publish.ts
async function githubContextOf(deps) {
  return deps.context?.github ?? readGitHubContext(deps.env ?? process.env);
}
function reportOutputs(input, reportPath) {
  const { report, project } = input;
  const sum = (pick) => String(countedOnce(report.components).reduce((s, c) => s + pick(c), 0));
  const outputs = {
    "wasm-path": [...new Set(project.components.map((c) => c.wasmPath))].join("\n"),
    "size-bytes": sum((c) => c.final.bytes),
    "gzip-bytes": sum((c) => c.final.gzipBytes)
  };
  if (report.deploy) {
    outputs["deploy-seconds"] = String(report.deploy.readySeconds);
    if (!isLocalUrl(report.deploy.url)) outputs["app-url"] = report.deploy.url;
  }
  if (reportPath) outputs["report-path"] = reportPath;
  return outputs;
}
function outputEntries(outputs) {
  return Object.entries(outputs);
}
async function publishReport(input, config, logger, overrides = {}) {
  const deps = {
    ...await actionDeps(overrides.context?.env ?? overrides.env ?? process.env),
    ...overrides
  };
  const outputs = reportOutputs(input, config.output.jsonPath);
  const output = (name, value) => {
    outputs[name] = value;
    deps.setOutput(name, value);
  };
  for (const [name, value] of outputEntries(outputs)) deps.setOutput(name, value);
  await deps.appendSummary(input.markdown);
  const context = await githubContextOf(deps);
  const octokit = deps.octokit ?? runClient(config, logger);
  let comment;
  let commentDir;
  const pr = pullRequestOf(context);
  if (pr && config.comment) {
    comment = octokit ? await upsertStickyComment(octokit, pr, input.markdown, config.commentKey).catch(
      (error) => {
        if (!(error instanceof UserError)) throw error;
        return {
          outcome: "forbidden",
          message: `The PR comment was not posted: ${error.message}`
        };
      }
    ) : { outcome: "forbidden", message: "No `github-token`: cannot comment on the pull request" };
    if (comment.outcome === "forbidden") {
      const reportDir = config.output.jsonPath ? path2.dirname(config.output.jsonPath) : deps.env.RUNNER_TEMP ?? tmpdir();
      commentDir = path2.join(reportDir, "spinwash-comment");
      const how = await writeForkFiles(
        commentDir,
        pr,
        config.commentKey,
        input.markdown,
        `${JSON.stringify(input.report, null, 2)}
`
      );
      logger.warning(`${comment.message}. The report is in the job summary. ${how}`);
      output("comment-dir", commentDir);
    } else {
      logger.info(
        `PR comment ${comment.outcome}: ${comment.url}${comment.truncated ? " (cut to the size limit)" : ""}`
      );
      output("comment-url", comment.url);
    }
  }
  const saved = await saveOnPush(input.report, config, context, octokit, logger);
  const budgets = input.report.budgets;
  if (budgets?.failing) {
    for (const a of breachAnnotations(budgets, input.project.components))
      deps.annotateError(a.message, a.file);
    throw new UserError(
      budgetError(budgets, input.project.components)?.message ?? "A budget was broken"
    );
  }
  return {
    outputs,
    ...comment ? { comment } : {},
    ...commentDir ? { commentDir } : {},
    ...saved ? { saved } : {}
  };
}
async function saveOnPush(report, config, context, octokit, logger) {
  const branch = pushedBranch(context);
  const dataBranch = config.store.branch;
  if (!branch || !dataBranch || !context.sha || !context.repository) return void 0;
  const defaultBranch = context.payload.repository?.default_branch;
  const saveBranches = config.store.saveBranches.length > 0 ? config.store.saveBranches : [typeof defaultBranch === "string" ? defaultBranch : "main"];
  if (!saveBranches.some((pattern) => sectionPattern(pattern).test(branch)) || branch === dataBranch)
    return void 0;
  if (!octokit) {
    logger.warning(
      `No \`github-token\`: the report of ${branch} is not saved to ${dataBranch}, so PRs have no baseline`
    );
    return void 0;
  }
  try {
    await saveReport(
      { octokit, repo: context.repository, branch: dataBranch, logger },
      context.sha,
      branch,
      { ...report, source: { commit: context.sha, ref: context.ref } }
    );
    return context.sha;
  } catch (error) {
    if (error instanceof UserError) logger.warning(error.message);
    else throw error;
    return void 0;
  }
}
async function markPreviewDeleted(config, logger, overrides = {}) {
  const pr = pullRequestOf(await githubContextOf(overrides));
  const octokit = overrides.octokit ?? runClient(config, logger);
  if (!pr || !octokit || !config.comment) return false;
  try {
    const found = await findSticky(
      octokit,
      pr,
      commentMarker(config.commentKey),
      await commentAuthor(octokit)
    );
    const body = found?.body.replace(
      /^\*\*Preview:\*\* <([^>\n]+)> \(`([^`\n]+)`\)$/m,
      "**Preview:** ~~$1~~ (`$2`): deleted when the pull request was closed."
    );
    if (!found || body === found.body) return false;
    await octokit.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: found.id,
      body
    });
    return true;
  } catch (error) {
    logger.warning(`The PR comment still shows the deleted preview's URL: ${errorMessage(error)}`);
    return false;
  }
}
async function publishFromArtifact(config, logger, overrides = {}) {
  const octokit = overrides.octokit ?? runClient(config, logger);
  if (!octokit)
    throw new UserError(
      "Input `github-token` is empty; `mode: comment` needs a token with `pull-requests: write` and `actions: read`"
    );
  return postCommentFromArtifact(octokit, await githubContextOf(overrides), logger);
}
async function actionDeps(env) {
  const core = await import("./core-HVU3E6W4.js");
  return {
    env,
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    // Annotations attach to a file by its path in the repository.
    annotateError: (message, file) => core.error(
      message,
      file ? { file: path2.relative(env.GITHUB_WORKSPACE ?? process.cwd(), file) } : {}
    )
  };
}

export {
  githubContextOf,
  reportOutputs,
  outputEntries,
  publishReport,
  markPreviewDeleted,
  publishFromArtifact,
  actionDeps
};
//# sourceMappingURL=chunk-LCMHUS5G.js.map
