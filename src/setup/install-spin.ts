import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { MAX_WAIT_SECONDS } from '../input-parsers.js';
import { setupDeadline, setupExec, type SetupDeadline } from './deadline.js';
import type { Logger } from '../log.js';
import { DEFAULT_RETRY, download, getText, type RequestOptions, type RetryPolicy } from './http.js';
import { currentPlatform, spinAsset, type Platform } from './platform.js';
import { downloadUrl, latestRelease, notFound, releaseSource } from './releases.js';
import { saveTool } from './actions-cache.js';
import {
  addToPath,
  downloadDir,
  findCached,
  versionOnPath,
  type InstalledTool,
} from './tool-path.js';

export const SPIN_REPO = 'spinframework/spin';

export interface InstallOptions {
  /** `latest`, `canary` (spin) or `vX.Y.Z`. */
  readonly version: string;
  /** A mirror serving the GitHub layout (tools-base-url); undefined: GitHub. */
  readonly baseUrl?: string;
  /** A GitHub token for GitHub's releases API only (a header; never sent to a mirror or with downloads). */
  readonly token?: string;
  readonly logger: Logger;
  /** For tests; defaults to this machine's. */
  readonly platform?: Platform;
  readonly retry?: RetryPolicy;
  /** Setup's deadline (`setup-timeout`); none: each download's own retries bound it. */
  readonly deadline?: SetupDeadline;
}

/** How an installer's requests go: its retry policy, within setup's deadline. */
export function requestOptions(options: InstallOptions): RequestOptions {
  return {
    retry: options.retry ?? DEFAULT_RETRY,
    logger: options.logger,
    ...(options.deadline ? { deadline: options.deadline } : {}),
  };
}

/** `checksums-<ver>.txt` in sha256sum format: `<hex>  <asset>`. */
export function checksumFor(checksums: string, asset: string): string | undefined {
  for (const line of checksums.split('\n')) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
    if (match && match[2] === asset) return match[1]!.toLowerCase();
  }
  return undefined;
}

async function resolveSpinVersion(
  options: InstallOptions,
  request: RequestOptions,
): Promise<string> {
  if (options.version !== 'latest') return options.version;
  const release = await latestRelease(
    releaseSource(options.baseUrl, options.token),
    SPIN_REPO,
    request,
    (r) => (r.tag_name.startsWith('v') ? r.tag_name : undefined), // `vX.Y.Z`; not `canary`
  );
  options.logger.info(`spin: latest is ${release.tag_name}`);
  return release.tag_name;
}

/** Downloads the archive and its checksum file, refuses a mismatch, unpacks; returns the folder holding `spin`. */
async function fetchSpin(
  version: string,
  asset: string,
  options: InstallOptions,
  request: RequestOptions,
): Promise<string> {
  const tc = await import('@actions/tool-cache');
  const source = releaseSource(options.baseUrl);
  const work = await downloadDir();
  try {
    const archive = path.join(work, asset);
    const url = downloadUrl(source, SPIN_REPO, version, asset);
    const checksumsName = `checksums-${version}.txt`;
    const checksumsUrl = downloadUrl(source, SPIN_REPO, version, checksumsName);
    options.logger.info(`spin ${version}: downloading ${url}`);
    await download(url, archive, request).catch((error: unknown) => {
      throw notFound('spin', version, asset, url, error);
    });
    const checksums = await getText(checksumsUrl, request).catch((error: unknown) => {
      throw notFound('spin', version, checksumsName, checksumsUrl, error);
    });
    const expected = checksumFor(checksums, asset);
    if (!expected)
      throw new UserError(
        `spin ${version}: ${checksumsName} lists no checksum for ${asset}; refusing to install an unverified archive`,
      );
    const actual = createHash('sha256')
      .update(await readFile(archive))
      .digest('hex');
    if (actual !== expected) {
      throw new UserError(
        `spin ${version}: ${asset} does not match ${checksumsName} (expected sha256 ${expected}, got ${actual}); refusing to install it`,
      );
    }
    const unpacked = await tc.extractTar(archive, path.join(work, 'unpacked'));
    if (!existsSync(path.join(unpacked, 'spin')))
      throw new UserError(`spin ${version}: ${asset} holds no \`spin\` executable`);
    if (version === 'canary') return unpacked; // moves daily: never cached under a version
    return await tc.cacheDir(unpacked, 'spin', version.replace(/^v/, ''));
  } finally {
    if (version !== 'canary') await rm(work, { recursive: true, force: true });
  }
}

/**
 * Makes `spin` <version> the one on PATH: already there, from the tool cache, or downloaded
 * (checksum-verified) and cached; then installs `plugins` with `--yes`.
 */
export async function installSpin(
  options: InstallOptions & { readonly plugins?: readonly string[] },
): Promise<InstalledTool> {
  const platform = options.platform ?? currentPlatform();
  spinAsset('vX', platform); // an OS without an asset fails before any request
  const request = requestOptions(options);
  const version = await resolveSpinVersion(options, request);
  const tool = await locateOrFetchSpin(version, platform, options, request);
  options.logger.info(
    `spin ${version}: ${tool.source === 'download' ? 'installed' : `found (${tool.source})`} at ${tool.path}`,
  );
  if (options.plugins?.length) {
    const deadline = options.deadline ?? setupDeadline(MAX_WAIT_SECONDS);
    await setupExec(tool.path, ['plugins', 'update'], deadline, options.logger);
    for (const plugin of options.plugins)
      await setupExec(tool.path, ['plugins', 'install', plugin, '--yes'], deadline, options.logger);
  }
  return tool;
}

async function locateOrFetchSpin(
  version: string,
  platform: Platform,
  options: InstallOptions,
  request: RequestOptions,
): Promise<InstalledTool> {
  if (version !== 'canary' && (await versionOnPath('spin')) === version) {
    const { findOnPath } = await import('./tool-path.js');
    return { tool: 'spin', version, path: findOnPath('spin')!, source: 'path' };
  }
  const cached =
    version === 'canary' ? undefined : await findCached('spin', version, options.logger);
  if (cached) {
    await addToPath(cached.dir);
    return { tool: 'spin', version, path: path.join(cached.dir, 'spin'), source: cached.source };
  }
  const dir = await fetchSpin(version, spinAsset(version, platform), options, request);
  if (version !== 'canary') await saveTool('spin', version, dir, options.logger);
  await addToPath(dir);
  return { tool: 'spin', version, path: path.join(dir, 'spin'), source: 'download' };
}
