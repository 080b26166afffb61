import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

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
async function readRunContext(env = process.env) {
  return { env, github: await readGitHubContext(env) };
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
  readGitHubContext,
  readRunContext,
  pullRequestOf,
  pushedBranch,
  record
};
//# sourceMappingURL=chunk-PMUPDPBB.js.map
