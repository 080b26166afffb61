import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import { parseReport } from '../report/json.js';
import type { Report } from '../report/model.js';
import { checkAppName } from '../safe-names.js';
import { githubError, httpStatus, type GitHubClient } from './client.js';
import type { RepoRef } from './context.js';
import { refuseDefaultBranch } from './data-branch.js';

/**
 * The results store: JSON reports kept on a data branch of the repository itself (through the
 * contents API, so no checkout and no second build), one file per commit — one per app and
 * commit in a monorepo's matrix (`reports/<sha>/<app>.json`) — plus an index per branch. A PR
 * compares against the report of its base commit, or of the nearest ancestor that has one.
 */

export interface Store {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  /** The data branch, e.g. `spinwash-data`. */
  readonly branch: string;
  readonly logger: Logger;
}

/** The index of one source branch: the commits that have a report, newest first. */
export interface BranchIndex {
  branch: string;
  /** `apps`: the apps with a report of that commit (`reports/<sha>/<app>.json`); absent: the single-app file only. */
  commits: { sha: string; savedAt: string; apps?: string[] }[];
}

/** A matrix job's app: its key, and its folder (a single-app report of that folder stands in for it). */
export interface StoredApp {
  readonly name: string;
  /** As the report names it (`project.path`). */
  readonly path: string;
}

export interface FoundBaseline {
  report: Report;
  /** The commit whose report it is. */
  commit: string;
  /** False when an ancestor's report stood in for the base commit's. */
  exact: boolean;
}

/** Entries an index keeps (older commits drop off; their report files stay). */
const INDEX_LIMIT = 500;
/** Attempts at a write that keeps meeting a concurrent writer (409). */
const CONFLICT_ATTEMPTS = 5;
/** How far back the ancestor fallback looks. */
const ANCESTOR_DEPTH = 100;

/** `reports/<sha>.json` (one app), or `reports/<sha>/<app>.json` (an app of a monorepo). */
export const reportPath = (sha: string, app?: string): string =>
  app === undefined
    ? `reports/${sha}.json`
    : `reports/${sha}/${checkAppName(app, 'The app name of a stored report')}.json`;
/** `feature/x` → `index/feature_x.json` (the file keeps the real name inside). */
export const indexPath = (branch: string): string =>
  `index/${branch.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;

/**
 * Saves a commit's report (an app's, with `app`) and adds the commit (and the app) to its
 * branch's index. Two matrix jobs of one commit write two files, and both land in the index.
 */
export async function saveReport(
  store: Store,
  commit: string,
  sourceBranch: string,
  report: Report,
  app?: string,
): Promise<void> {
  if (!/^[0-9a-f]{7,64}$/i.test(commit))
    throw new UserError(`Cannot save the report: "${commit}" is not a commit sha`);
  await ensureBranch(store);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const what = app === undefined ? commit.slice(0, 7) : `${app} at ${commit.slice(0, 7)}`;
  await writeFile(store, reportPath(commit, app), `spinwash: report of ${what}`, () => text);
  await writeFile(
    store,
    indexPath(sourceBranch),
    `spinwash: index ${sourceBranch} += ${commit.slice(0, 7)}`,
    (old) => {
      const index: BranchIndex = old
        ? parseIndex(old, sourceBranch)
        : { branch: sourceBranch, commits: [] };
      const previous = index.commits.find((c) => c.sha === commit);
      const apps =
        app === undefined ? previous?.apps : [...new Set([...(previous?.apps ?? []), app])].sort();
      index.commits = [
        { sha: commit, savedAt: new Date().toISOString(), ...(apps ? { apps } : {}) },
        ...index.commits.filter((c) => c.sha !== commit),
      ].slice(0, INDEX_LIMIT);
      return `${JSON.stringify(index, null, 2)}\n`;
    },
  );
  store.logger.info(`Saved the report of ${what} (${sourceBranch}) to the ${store.branch} branch`);
}

/**
 * The report of `baseSha`, or of its nearest ancestor that has one (first-parent history,
 * through the commits API, checked against the base branch's index). Undefined when none.
 * With `app`, that app's report (`reports/<sha>/<app>.json`), or a single-app report of the
 * same folder (the layout before the monorepo's), so each app compares with its own baseline.
 */
export async function findBaseReport(
  store: Store,
  baseSha: string,
  baseBranch?: string,
  app?: StoredApp,
): Promise<FoundBaseline | undefined> {
  if (!(await branchExists(store))) return undefined;
  const exact = await reportOf(store, baseSha, app, undefined);
  if (exact !== undefined) return { ...exact, exact: true };

  const indexed = baseBranch ? await readFile(store, indexPath(baseBranch)) : undefined;
  const saved = indexed
    ? new Map(parseIndex(indexed.text, baseBranch ?? '').commits.map((c) => [c.sha, c]))
    : undefined;
  let history: { sha: string }[];
  try {
    ({ data: history } = await store.octokit.rest.repos.listCommits({
      owner: store.repo.owner,
      repo: store.repo.repo,
      sha: baseSha,
      per_page: ANCESTOR_DEPTH,
    }));
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 422) return undefined; // base commit unknown (force-pushed away)
    throw githubError(error, `list the history of ${baseSha.slice(0, 7)}`, 'contents: read');
  }
  for (const { sha } of history.slice(1)) {
    // Without an index, probe each ancestor's file (a few GETs, each a 404 until one is found).
    if (saved && !saved.has(sha)) continue;
    const found = await reportOf(store, sha, app, saved?.get(sha));
    if (found !== undefined) return { ...found, exact: false };
  }
  return undefined;
}

/**
 * The report a commit has for `app` (or its single report without one): the app's file, else
 * the commit's single-app file when it is of the app's folder. `entry` (the index's) says
 * which files exist; without it both are tried.
 */
async function reportOf(
  store: Store,
  sha: string,
  app: StoredApp | undefined,
  entry: BranchIndex['commits'][number] | undefined,
): Promise<Omit<FoundBaseline, 'exact'> | undefined> {
  const read = async (file: string) => {
    const found = await readFile(store, file);
    return found && parseReport(found.text, `${store.branch}:${file}`);
  };
  if (app !== undefined && (!entry || entry.apps?.includes(app.name))) {
    const report = await read(reportPath(sha, app.name));
    if (report) return { report, commit: sha };
  }
  const single = await read(reportPath(sha));
  if (single && (app === undefined || samePath(single.project.path, app.path)))
    return { report: single, commit: sha };
  return undefined;
}

/** `apps/a`, `./apps/a/` and `apps\\a` are one folder. */
const samePath = (a: string, b: string): boolean => {
  const clean = (p: string) => p.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '') || '.';
  return clean(a) === clean(b);
};

export async function branchExists(store: Store): Promise<boolean> {
  try {
    await store.octokit.rest.git.getRef({
      owner: store.repo.owner,
      repo: store.repo.repo,
      ref: `heads/${store.branch}`,
    });
    return true;
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw githubError(error, `read the ${store.branch} branch`, 'contents: read');
  }
}

/** Creates the data branch as an orphan (a commit of its own README), unless it exists; never the default branch. */
export async function ensureBranch(store: Store): Promise<void> {
  await refuseDefaultBranch(store);
  if (await branchExists(store)) return;
  const { owner, repo } = store.repo;
  try {
    const readme = `# spinwash results\n\nJSON reports written by spinwash: \`reports/<commit>.json\` (one app) or \`reports/<commit>/<app>.json\` (each app of a monorepo), and \`index/<branch>.json\` listing the commits of a branch that have one. Pull requests compare against these. Benchmarks (\`mode: benchmark\`) keep their runs, index and charts under \`bench/<app>/<target>/\`.\n`;
    const tree = await store.octokit.rest.git.createTree({
      owner,
      repo,
      tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: readme }],
    });
    const commit = await store.octokit.rest.git.createCommit({
      owner,
      repo,
      message: 'spinwash: results store',
      tree: tree.data.sha,
      parents: [],
    });
    await store.octokit.rest.git.createRef({
      owner,
      repo,
      ref: `refs/heads/${store.branch}`,
      sha: commit.data.sha,
    });
    store.logger.info(`Created the ${store.branch} branch for spinwash results`);
  } catch (error) {
    // Another job created it at the same moment: fine.
    if (httpStatus(error) === 422 && (await branchExists(store))) return;
    throw githubError(error, `create the ${store.branch} branch`, 'contents: write');
  }
}

export async function readFile(
  store: Store,
  path: string,
): Promise<{ text: string; sha: string } | undefined> {
  try {
    const { data } = await store.octokit.rest.repos.getContent({
      owner: store.repo.owner,
      repo: store.repo.repo,
      path,
      ref: store.branch,
    });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
      throw new UserError(
        `${store.branch}:${path} is not a file; the ${store.branch} branch holds something other than spinwash results`,
      );
    }
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    if (error instanceof UserError) throw error;
    throw githubError(error, `read ${path} from the ${store.branch} branch`, 'contents: read');
  }
}

/**
 * Writes a file from its previous text (undefined when new), with the sha it replaces; on a
 * 409/422 (someone wrote in between) reads again and retries.
 */
export async function writeFile(
  store: Store,
  path: string,
  message: string,
  content: (old: string | undefined) => string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const old = await readFile(store, path);
    try {
      await store.octokit.rest.repos.createOrUpdateFileContents({
        owner: store.repo.owner,
        repo: store.repo.repo,
        path,
        branch: store.branch,
        message,
        content: Buffer.from(content(old?.text)).toString('base64'),
        ...(old ? { sha: old.sha } : {}),
      });
      return;
    } catch (error) {
      const status = httpStatus(error);
      if ((status === 409 || status === 422) && attempt < CONFLICT_ATTEMPTS) {
        store.logger.info(
          `${path} on ${store.branch} changed while writing (${status}); retrying (${attempt}/${CONFLICT_ATTEMPTS - 1})`,
        );
        continue;
      }
      throw githubError(error, `write ${path} to the ${store.branch} branch`, 'contents: write');
    }
  }
}

/** Deletes a file from the data branch (gone already: fine); retries on a concurrent write. */
export async function deleteFile(store: Store, path: string, message: string): Promise<void> {
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
        sha: old.sha,
      });
      return;
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404) return;
      if ((status === 409 || status === 422) && attempt < CONFLICT_ATTEMPTS) continue;
      throw githubError(error, `delete ${path} from the ${store.branch} branch`, 'contents: write');
    }
  }
}

function parseIndex(text: string, branch: string): BranchIndex {
  try {
    const value = JSON.parse(text) as BranchIndex;
    if (Array.isArray(value.commits) && value.commits.every((c) => typeof c.sha === 'string'))
      return value;
  } catch {
    // fall through to the error below
  }
  throw new UserError(
    `The index of ${branch} (${indexPath(branch)}) on the data branch is not a spinwash index; delete it to start afresh`,
  );
}
