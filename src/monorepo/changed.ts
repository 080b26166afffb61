import { realpathSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, UserError, type Audience } from '../errors.js';
import { execCapture, tail } from '../exec.js';
import type { App } from './discover.js';

/**
 * `paths-changed`: which apps a pull request touches. A file changed since the merge base with
 * the base ref (committed, staged, unstaged or untracked) touches an app when it lies in one
 * of the app's source folders (its own and its path dependencies'), or is a Cargo or Rust
 * setting in a folder above it (Cargo.toml, Cargo.lock, rust-toolchain, .cargo/config), which
 * its build reads too.
 */

/** The files in a folder above an app that its build reads. */
const SETTINGS = new Set([
  'Cargo.toml',
  'Cargo.lock',
  'rust-toolchain',
  'rust-toolchain.toml',
  '.cargo/config',
  '.cargo/config.toml',
]);

/** One app as what-changed sees it: POSIX paths relative to the repository's top (`''` is the top). */
export interface AppSources {
  readonly name: string;
  readonly folders: readonly string[];
  /** The app's folder: the folders above it hold settings it reads. */
  readonly dir: string;
}

/** Whether `file` (relative to the top) touches the app. Pure. */
export function touches(app: AppSources, file: string): boolean {
  if (app.folders.some((f) => f === '' || file.startsWith(`${f}/`))) return true;
  for (let above = app.dir; above !== '';) {
    above = above.includes('/') ? above.slice(0, above.lastIndexOf('/')) : '';
    const local =
      above === '' ? file : file.startsWith(`${above}/`) ? file.slice(above.length + 1) : undefined;
    if (local !== undefined && SETTINGS.has(local)) return true;
  }
  return false;
}

/** The names of the apps that `files` touch. Pure. */
export function touchedApps(apps: readonly AppSources[], files: readonly string[]): Set<string> {
  return new Set(apps.filter((app) => files.some((file) => touches(app, file))).map((a) => a.name));
}

const INPUT = (a: Audience): string => a.subject('paths-changed');

async function git(args: string[], cwd: string, what: string): Promise<string> {
  const result = await execCapture('git', args, { cwd }).catch((error: unknown) => {
    throw new UserError(
      (a) => `${INPUT(a)} needs git, which could not run: ${errorMessage(error)}`,
    );
  });
  if (result.code !== 0) {
    const said = tail(result.stderr.trim(), 300);
    throw new UserError((a) => `${INPUT(a)}: ${what}${said ? ` (git ${args[0]}: ${said})` : ''}`);
  }
  return result.stdout;
}

/**
 * The files changed in the work tree at `root` since its merge base with `base` (a branch,
 * tag or commit), relative to the repository's top, with that top.
 */
export async function changedFiles(
  root: string,
  base: string,
): Promise<{ top: string; files: string[] }> {
  // a value git would read as an option is refused before it reaches git
  if (base.startsWith('-') || /[\s\0]/.test(base))
    throw new UserError(
      (a) =>
        `${INPUT(a)} has the value "${base}"; accepted: a branch, tag or commit of this clone (such as \`origin/main\` or the base commit's sha)`,
    );
  const top = (
    await git(['rev-parse', '--show-toplevel'], root, `${root} is not in a git work tree`)
  ).trim();
  const commit = (
    await git(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`],
      root,
      `"${base}" is not a commit in this clone; fetch it (actions/checkout with \`fetch-depth: 0\`)`,
    )
  ).trim();
  const mergeBase = (
    await git(
      ['merge-base', commit, 'HEAD'],
      root,
      `"${base}" and HEAD have no common commit in this clone (a shallow checkout? use \`fetch-depth: 0\`)`,
    )
  ).trim();
  const split = (out: string) => out.split('\0').filter((f) => f !== '');
  const changed = split(
    await git(['diff', '--name-only', '--no-renames', '-z', mergeBase], top, 'git diff failed'),
  );
  const untracked = split(
    await git(['ls-files', '--others', '--exclude-standard', '-z'], top, 'git ls-files failed'),
  );
  return { top: realpathSync(top), files: [...new Set([...changed, ...untracked])].sort() };
}

function realPath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir); // a path dependency that does not exist (cargo will say so)
  }
}

/** The apps the changes since `base` touch, in the order given. */
export async function changedApps(
  root: string,
  apps: readonly App[],
  base: string,
): Promise<App[]> {
  const { top, files } = await changedFiles(root, base);
  // git names the top by its real path: the apps' folders are compared the same way
  const rel = (dir: string) => path.relative(top, realPath(dir)).split(path.sep).join('/');
  const touched = touchedApps(
    apps.map((app) => ({ name: app.name, dir: rel(app.dir), folders: app.sources.map(rel) })),
    files,
  );
  return apps.filter((app) => touched.has(app.name));
}
