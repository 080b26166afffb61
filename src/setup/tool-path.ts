import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { arch, homedir, tmpdir } from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { execCapture } from '../exec.js';
import type { Logger } from '../log.js';
import { restoreTool } from './actions-cache.js';

/** What an installer did, for the log and the report. */
export interface InstalledTool {
  readonly tool: 'spin' | 'wash' | 'wasmtime';
  /** The resolved version (`v3.4.1`, `canary`). */
  readonly version: string;
  /** Absolute path of the executable. */
  readonly path: string;
  /**
   * `path`: the right version was already on PATH; `tool-cache`: cached earlier in this job;
   * `actions-cache`: restored from an earlier run; `download`: fetched now.
   */
  readonly source: 'path' | 'tool-cache' | 'actions-cache' | 'download';
}

/** The executable `name` the PATH would run, if any. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `spin 3.4.1 (…)` / `wash 0.39.0` → `v3.4.1`; undefined when the tool is missing or says nothing readable. */
export async function versionOnPath(name: string): Promise<string | undefined> {
  if (!findOnPath(name)) return undefined;
  const result = await execCapture(name, ['--version']).catch(() => undefined);
  const version =
    result?.code === 0 ? semver.coerce(result.stdout, { includePrerelease: true }) : null;
  return version ? `v${version.version}` : undefined;
}

/** Puts `dir` first on PATH for this process, and for later steps of the job when in Actions. */
export async function addToPath(dir: string): Promise<void> {
  if (process.env.GITHUB_PATH) (await import('@actions/core')).addPath(dir);
  else process.env.PATH = `${dir}${path.delimiter}${process.env.PATH ?? ''}`;
}

/** @actions/tool-cache keeps tools under RUNNER_TOOL_CACHE; outside Actions that is ~/.cache/spinwash/tools. */
export function ensureToolCacheRoot(): void {
  process.env.RUNNER_TOOL_CACHE ||= path.join(homedir(), '.cache', 'spinwash', 'tools');
}

/**
 * The tool-cache folder of `tool` `version` (`vX.Y.Z`): from this job's tool cache, else restored
 * from the Actions cache of an earlier run; undefined on a miss.
 */
export async function findCached(
  tool: string,
  version: string,
  logger: Logger,
): Promise<{ dir: string; source: 'tool-cache' | 'actions-cache' } | undefined> {
  ensureToolCacheRoot();
  const tc = await import('@actions/tool-cache');
  const semver = version.replace(/^v/, '');
  const found = tc.find(tool, semver);
  if (found) return { dir: found, source: 'tool-cache' };
  // The folder tool-cache's cacheDir/cacheFile create: <root>/<tool>/<version>/<arch>.
  const dir = path.join(process.env.RUNNER_TOOL_CACHE!, tool, semver, arch());
  if (!(await restoreTool(tool, version, dir, logger))) return undefined;
  const restored = tc.find(tool, semver);
  return restored ? { dir: restored, source: 'actions-cache' } : undefined;
}

/** A fresh folder for a download, under RUNNER_TEMP when in Actions. */
export async function downloadDir(): Promise<string> {
  const base = process.env.RUNNER_TEMP || tmpdir();
  await mkdir(base, { recursive: true });
  return mkdtemp(path.join(base, 'spinwash-tool-'));
}
