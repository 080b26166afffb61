import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import { configuredRustTarget } from '../projects/cargo-config.js';
import { findWashConfig, SPIN_MANIFEST } from '../projects/files.js';
import { readTomlManifest } from '../projects/manifest-file.js';
import type { ProjectKind } from '../projects/project.js';
import { toAppName } from '../safe-names.js';
import { cargoFacts, type CargoFacts } from './cargo-manifest.js';
import { globToRegex, isIgnored, parseGitignore, type IgnoreFile } from './gitignore.js';

/**
 * Every app of a monorepo, found by its files as `project-kind: auto` would find it: a Spin
 * app (spin.toml), a wasmCloud project (wasmcloud.toml for wash 0.x, .wash/config.yaml for
 * wash v2), or a Cargo package that builds wasm; a Cargo workspace counts once. Folders named
 * `target` or `node_modules`, hidden ones and what `.gitignore` ignores are never entered.
 */

export interface App {
  /** Absolute folder: what `project` takes. */
  readonly dir: string;
  readonly kind: ProjectKind;
  /** Its key in the matrix, the data branch and the merged report (src/safe-names.ts). */
  readonly name: string;
  /**
   * Absolute folders its build reads: its own, then those of the path dependencies its
   * Cargo.toml files name, followed through the crates the walk read (for what changed).
   */
  readonly sources: readonly string[];
}

/** What the walk saw: every folder's kind markers, and every Cargo.toml read. */
export interface Walked {
  /** Folders holding a Spin or wasmCloud project, with their kind. */
  readonly platformApps: readonly { readonly dir: string; readonly kind: 'spin' | 'wash' }[];
  readonly cargo: readonly CargoFacts[];
}

const SKIPPED = new Set(['target', 'node_modules']);

export async function discoverApps(root: string, logger?: Logger): Promise<App[]> {
  return classify(await walk(path.resolve(root), logger), path.resolve(root));
}

/** The repository's top (the folder holding `.git`) at or above `dir`, else `dir`. */
function repositoryTop(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return dir;
  }
}

async function readIgnoreFile(file: string, base: string): Promise<IgnoreFile | undefined> {
  try {
    return { base, rules: parseGitignore(await readFile(file, 'utf8')) };
  } catch {
    return undefined; // none there
  }
}

const posix = (p: string): string => p.split(path.sep).join('/');

/** Walks `root`, with the `.gitignore` files from the repository's top down to it in force. */
async function walk(root: string, logger?: Logger): Promise<Walked> {
  const top = repositoryTop(root);
  const stack: IgnoreFile[] = [];
  const exclude = await readIgnoreFile(path.join(top, '.git', 'info', 'exclude'), '');
  if (exclude) stack.push(exclude);
  // the .gitignore files of the folders above root, down to the repository's top
  const segments = path.relative(top, root).split(path.sep).filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const d = path.join(top, ...segments.slice(0, i));
    const file = await readIgnoreFile(path.join(d, '.gitignore'), posix(path.relative(top, d)));
    if (file) stack.push(file);
  }
  const platformApps: { dir: string; kind: 'spin' | 'wash' }[] = [];
  const cargo: CargoFacts[] = [];

  const visit = async (dir: string, ignores: IgnoreFile[]): Promise<void> => {
    const own = await readIgnoreFile(path.join(dir, '.gitignore'), posix(path.relative(top, dir)));
    const here = own ? [...ignores, own] : ignores;
    if (existsSync(path.join(dir, SPIN_MANIFEST))) platformApps.push({ dir, kind: 'spin' });
    else if (findWashConfig(dir)) platformApps.push({ dir, kind: 'wash' });
    const manifest = path.join(dir, 'Cargo.toml');
    if (existsSync(manifest)) {
      const facts = await readCargoFacts(manifest, logger);
      if (facts) cargo.push(facts);
    }
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      logger?.warning(`Skipped ${dir}: ${errorMessage(error)}`);
      return;
    }
    // symbolic links are not followed (no loops, nothing outside the tree)
    const folders = entries
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !SKIPPED.has(e.name))
      .map((e) => e.name)
      .sort();
    for (const name of folders) {
      const child = path.join(dir, name);
      if (isIgnored(here, posix(path.relative(top, child)), true)) continue;
      await visit(child, here);
    }
  };
  await visit(root, stack);
  return { platformApps, cargo };
}

/** A Cargo.toml's facts; one that is not valid TOML is skipped with a warning (cargo would refuse it too). */
async function readCargoFacts(manifest: string, logger?: Logger): Promise<CargoFacts | undefined> {
  const dir = path.dirname(manifest);
  try {
    const { data } = await readTomlManifest(manifest);
    const hasMainRs =
      existsSync(path.join(dir, 'src', 'main.rs')) || existsSync(path.join(dir, 'src', 'bin'));
    const bins = hasMainRs || Array.isArray(data.bin);
    const target = bins ? (await configuredRustTarget(dir))?.target : undefined;
    return cargoFacts(data, dir, { hasMainRs, wasmTarget: target?.startsWith('wasm32') ?? false });
  } catch (error) {
    logger?.warning(`Skipped ${manifest}: ${errorMessage(error)}`);
    return undefined;
  }
}

const inside = (dir: string, folder: string): boolean =>
  dir === folder || dir.startsWith(`${folder}${path.sep}`);

/**
 * The workspace a package belongs to: the one its `package.workspace` names, else the nearest
 * workspace above (or at) it, when that lists it as a member; cargo's own rule.
 */
function workspaceOf(
  pkg: CargoFacts,
  workspaces: ReadonlyMap<string, CargoFacts>,
): CargoFacts | undefined {
  const named = pkg.package?.workspaceRoot;
  if (named !== undefined) return workspaces.get(named);
  for (let d = pkg.dir; ; d = path.dirname(d)) {
    const ws = workspaces.get(d);
    if (ws) return isMember(pkg.dir, ws) ? ws : undefined;
    if (path.dirname(d) === d) return undefined;
  }
}

function isMember(dir: string, ws: CargoFacts): boolean {
  const rel = posix(path.relative(ws.dir, dir));
  if (rel === '') return true; // the root package
  const clean = (p: string) => path.posix.normalize(p).replace(/^\.\//, '').replace(/\/+$/, '');
  const excluded = ws.workspace!.exclude.map(clean);
  if (excluded.some((e) => rel === e || rel.startsWith(`${e}/`))) return false;
  return ws.workspace!.members.some((m) => new RegExp(`^${globToRegex(clean(m))}$`).test(rel));
}

/**
 * The apps among what the walk saw: Spin and wasmCloud projects first (nothing inside one is
 * another app: its crates are its components); then each Cargo workspace with a wasm member
 * outside those, once, and each wasm package that belongs to no workspace. Sorted by path.
 */
export function classify(walked: Walked, root: string): App[] {
  const platform = walked.platformApps.filter(
    (app) => !walked.platformApps.some((other) => other !== app && inside(app.dir, other.dir)),
  );
  const inPlatformApp = (dir: string) => platform.some((app) => inside(dir, app.dir));
  const workspaces = new Map(walked.cargo.filter((c) => c.workspace).map((c) => [c.dir, c]));
  const cargoDirs = new Set<string>();
  for (const pkg of walked.cargo) {
    if (!pkg.wasm || inPlatformApp(pkg.dir)) continue;
    const ws = workspaceOf(pkg, workspaces);
    if (ws && inPlatformApp(ws.dir)) continue;
    cargoDirs.add(ws?.dir ?? pkg.dir);
  }
  const found = [
    ...platform,
    ...[...cargoDirs].map((dir) => ({ dir, kind: 'cargo' as const })),
  ].sort((a, b) => comparePaths(path.relative(root, a.dir), path.relative(root, b.dir)));
  const names = appNames(
    found.map((app) => posix(path.relative(root, app.dir))),
    root,
  );
  const byDir = new Map(walked.cargo.map((c) => [c.dir, c]));
  // an app's crates: those in its folder, except those of an app nested in it
  const cratesOf = (dir: string) =>
    walked.cargo.filter(
      (c) =>
        inside(c.dir, dir) &&
        !found.some(
          (other) => other.dir !== dir && inside(other.dir, dir) && inside(c.dir, other.dir),
        ),
    );
  return found.map((app, i) => ({
    dir: app.dir,
    kind: app.kind,
    name: names[i]!,
    sources: sourcesOf(app.dir, cratesOf(app.dir), byDir),
  }));
}

/** The app's folder and, transitively, the folders of the path dependencies outside it. */
function sourcesOf(
  dir: string,
  crates: readonly CargoFacts[],
  byDir: ReadonlyMap<string, CargoFacts>,
): string[] {
  const folders = [dir];
  const queue = [...crates];
  for (let crate = queue.shift(); crate; crate = queue.shift()) {
    for (const dep of crate.pathDependencies) {
      if (folders.some((f) => inside(dep, f))) continue;
      folders.push(dep);
      const facts = byDir.get(dep);
      if (facts) queue.push(facts);
    }
  }
  return folders;
}

/** Path order, one segment at a time (`apps/a` < `apps/a/x` < `apps/a-b`); `.` first. */
export function comparePaths(a: string, b: string): number {
  const x = a === '' || a === '.' ? [] : a.split(/[\\/]/);
  const y = b === '' || b === '.' ? [] : b.split(/[\\/]/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Each app's name: its folder's name (the root's own for an app at the root), made safe; apps
 * whose names collide take their whole relative path (`apps/a/api` → `apps-a-api`), and a
 * collision left after that a number (`-2`, in path order). Names are keys: stable as long
 * as the folders are.
 */
export function appNames(relPaths: readonly string[], root: string): string[] {
  const folderName = (rel: string) =>
    toAppName(rel === '' || rel === '.' ? path.basename(root) : path.posix.basename(rel)) || 'app';
  const short = relPaths.map(folderName);
  const count = (list: string[], name: string) => list.filter((n) => n === name).length;
  const long = relPaths.map((rel, i) =>
    count(short, short[i]!) > 1 ? toAppName(rel.replace(/\//g, '-')) || short[i]! : short[i]!,
  );
  const taken = new Set<string>();
  return long.map((name) => {
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name.slice(0, 60)}-${n}`;
    taken.add(unique);
    return unique;
  });
}
