import { UserError } from '../errors.js';
import { githubError } from './client.js';
import type { Store } from './store.js';

/**
 * The data branch takes spinwash's commits (reports, benchmark histories), so it must be a
 * branch of its own: never the branch a run checked out (refused with the inputs, see
 * src/config/config.ts) nor the repository's default branch (refused here, before the first
 * write, as only the API knows it when the event does not say).
 */

export function dataBranchClash(branch: string, what: string): string {
  return `Input \`data-branch\` is "${branch}", ${what}: spinwash commits its results to the data branch; name a branch of its own (the default is \`spinwash-data\`)`;
}

/** Default branches already asked for, by client and repository (one request a run). */
const asked = new WeakMap<Store['octokit'], Map<string, Promise<string>>>();

async function defaultBranchOf(store: Store): Promise<string> {
  const { owner, repo } = store.repo;
  const key = `${owner}/${repo}`;
  const defaults = asked.get(store.octokit) ?? new Map<string, Promise<string>>();
  asked.set(store.octokit, defaults);
  let found = defaults.get(key);
  if (!found) {
    found = store.octokit.rest.repos.get({ owner, repo }).then(
      ({ data }) => data.default_branch,
      (error: unknown) => {
        defaults.delete(key);
        throw githubError(error, "read the repository's default branch", 'contents: read');
      },
    );
    defaults.set(key, found);
  }
  return found;
}

/** Throws a UserError when the store's branch is the repository's default branch. */
export async function refuseDefaultBranch(store: Store): Promise<void> {
  if (store.branch === (await defaultBranchOf(store)))
    throw new UserError(dataBranchClash(store.branch, "the repository's default branch"));
}
