import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  parseReport
} from "./chunk-OZ5DNF3A.js";
import {
  githubError,
  httpStatus
} from "./chunk-H35N3LII.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";

// src/github/store.ts
var INDEX_LIMIT = 500;
var CONFLICT_ATTEMPTS = 5;
var ANCESTOR_DEPTH = 100;
var reportPath = (sha) => `reports/${sha}.json`;
var indexPath = (branch) => `index/${branch.replace(/[^A-Za-z0-9._-]/g, "_")}.json`;
async function saveReport(store, commit, sourceBranch, report) {
  if (!/^[0-9a-f]{7,64}$/i.test(commit))
    throw new UserError(`Cannot save the report: "${commit}" is not a commit sha`);
  await ensureBranch(store);
  const text = `${JSON.stringify(report, null, 2)}
`;
  await writeFile(
    store,
    reportPath(commit),
    `spinwash: report of ${commit.slice(0, 7)}`,
    () => text
  );
  await writeFile(
    store,
    indexPath(sourceBranch),
    `spinwash: index ${sourceBranch} += ${commit.slice(0, 7)}`,
    (old) => {
      const index = old ? parseIndex(old, sourceBranch) : { branch: sourceBranch, commits: [] };
      index.commits = [
        { sha: commit, savedAt: (/* @__PURE__ */ new Date()).toISOString() },
        ...index.commits.filter((c) => c.sha !== commit)
      ].slice(0, INDEX_LIMIT);
      return `${JSON.stringify(index, null, 2)}
`;
    }
  );
  store.logger.info(
    `Saved the report of ${commit.slice(0, 7)} (${sourceBranch}) to the ${store.branch} branch`
  );
}
async function findBaseReport(store, baseSha, baseBranch) {
  if (!await branchExists(store)) return void 0;
  const found = (text, commit) => ({
    report: parseReport(text, `${store.branch}:${reportPath(commit)}`),
    commit,
    exact: commit === baseSha
  });
  const exact = await readFile(store, reportPath(baseSha));
  if (exact !== void 0) return found(exact.text, baseSha);
  const indexed = baseBranch ? await readFile(store, indexPath(baseBranch)) : void 0;
  const saved = indexed ? new Set(parseIndex(indexed.text, baseBranch ?? "").commits.map((c) => c.sha)) : void 0;
  let history;
  try {
    ({ data: history } = await store.octokit.rest.repos.listCommits({
      owner: store.repo.owner,
      repo: store.repo.repo,
      sha: baseSha,
      per_page: ANCESTOR_DEPTH
    }));
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 422) return void 0;
    throw githubError(error, `list the history of ${baseSha.slice(0, 7)}`, "contents: read");
  }
  for (const { sha } of history.slice(1)) {
    if (saved && !saved.has(sha)) continue;
    const file = await readFile(store, reportPath(sha));
    if (file !== void 0) return found(file.text, sha);
  }
  return void 0;
}
async function branchExists(store) {
  try {
    await store.octokit.rest.git.getRef({
      owner: store.repo.owner,
      repo: store.repo.repo,
      ref: `heads/${store.branch}`
    });
    return true;
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw githubError(error, `read the ${store.branch} branch`, "contents: read");
  }
}
async function ensureBranch(store) {
  if (await branchExists(store)) return;
  const { owner, repo } = store.repo;
  try {
    const readme = `# spinwash results

JSON reports written by spinwash: \`reports/<commit>.json\`, and \`index/<branch>.json\` listing the commits of a branch that have one. Pull requests compare against these. Benchmarks (\`mode: benchmark\`) keep their runs, index and charts under \`bench/<app>/<target>/\`.
`;
    const tree = await store.octokit.rest.git.createTree({
      owner,
      repo,
      tree: [{ path: "README.md", mode: "100644", type: "blob", content: readme }]
    });
    const commit = await store.octokit.rest.git.createCommit({
      owner,
      repo,
      message: "spinwash: results store",
      tree: tree.data.sha,
      parents: []
    });
    await store.octokit.rest.git.createRef({
      owner,
      repo,
      ref: `refs/heads/${store.branch}`,
      sha: commit.data.sha
    });
    store.logger.info(`Created the ${store.branch} branch for spinwash results`);
  } catch (error) {
    if (httpStatus(error) === 422 && await branchExists(store)) return;
    throw githubError(error, `create the ${store.branch} branch`, "contents: write");
  }
}
async function readFile(store, path) {
  try {
    const { data } = await store.octokit.rest.repos.getContent({
      owner: store.repo.owner,
      repo: store.repo.repo,
      path,
      ref: store.branch
    });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
      throw new UserError(
        `${store.branch}:${path} is not a file; the ${store.branch} branch holds something other than spinwash results`
      );
    }
    return { text: Buffer.from(data.content, "base64").toString("utf8"), sha: data.sha };
  } catch (error) {
    if (httpStatus(error) === 404) return void 0;
    if (error instanceof UserError) throw error;
    throw githubError(error, `read ${path} from the ${store.branch} branch`, "contents: read");
  }
}
async function writeFile(store, path, message, content) {
  for (let attempt = 1; ; attempt++) {
    const old = await readFile(store, path);
    try {
      await store.octokit.rest.repos.createOrUpdateFileContents({
        owner: store.repo.owner,
        repo: store.repo.repo,
        path,
        branch: store.branch,
        message,
        content: Buffer.from(content(old?.text)).toString("base64"),
        ...old ? { sha: old.sha } : {}
      });
      return;
    } catch (error) {
      const status = httpStatus(error);
      if ((status === 409 || status === 422) && attempt < CONFLICT_ATTEMPTS) {
        store.logger.info(
          `${path} on ${store.branch} changed while writing (${status}); retrying (${attempt}/${CONFLICT_ATTEMPTS - 1})`
        );
        continue;
      }
      throw githubError(error, `write ${path} to the ${store.branch} branch`, "contents: write");
    }
  }
}
async function deleteFile(store, path, message) {
  for (let attempt = 1; ; attempt++) {
    const old = await readFile(store, path);
    if (!old) return;
    try {
      await store.octokit.rest.repos.deleteFile({
        owner: store.repo.owner,
        repo: store.repo.repo,
        path,
        branch: store.branch,
        message,
        sha: old.sha
      });
      return;
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404) return;
      if ((status === 409 || status === 422) && attempt < CONFLICT_ATTEMPTS) continue;
      throw githubError(error, `delete ${path} from the ${store.branch} branch`, "contents: write");
    }
  }
}
function parseIndex(text, branch) {
  try {
    const value = JSON.parse(text);
    if (Array.isArray(value.commits) && value.commits.every((c) => typeof c.sha === "string"))
      return value;
  } catch {
  }
  throw new UserError(
    `The index of ${branch} (${indexPath(branch)}) on the data branch is not a spinwash index; delete it to start afresh`
  );
}

export {
  reportPath,
  indexPath,
  saveReport,
  findBaseReport,
  branchExists,
  ensureBranch,
  readFile,
  writeFile,
  deleteFile
};
//# sourceMappingURL=chunk-LSLESLRT.js.map
