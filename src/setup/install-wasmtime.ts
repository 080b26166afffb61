import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { saveTool } from './actions-cache.js';
import { download, type RequestOptions } from './http.js';
import { requestOptions, type InstallOptions } from './install-spin.js';
import { currentPlatform, wasmtimeAsset, type Platform } from './platform.js';
import {
  downloadUrl,
  latestRelease,
  notFound,
  releaseByTag,
  releaseSource,
  type GitHubRelease,
} from './releases.js';
import {
  addToPath,
  downloadDir,
  findCached,
  findOnPath,
  versionOnPath,
  type InstalledTool,
} from './tool-path.js';

const WASMTIME_REPO = 'bytecodealliance/wasmtime';

/**
 * The sha256 an archive must have. wasmtime's releases publish no checksum file (its
 * publish-artifacts workflow uploads the tarballs alone), but GitHub computes a digest of
 * every asset at upload and lists it in the release (`"digest": "sha256:<hex>"`).
 */
function assetDigest(
  assets: readonly { name: string; digest?: string | null }[],
  asset: string,
): string | undefined {
  const digest = assets.find((a) => a.name === asset)?.digest ?? '';
  const match = /^sha256:([0-9a-fA-F]{64})$/.exec(digest);
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * Downloads the archive, refuses it unless its sha256 is the digest the release lists, and
 * unpacks it; returns the folder holding `wasmtime`.
 */
async function fetchWasmtime(
  tag: string,
  asset: string,
  expected: string,
  options: InstallOptions,
  request: RequestOptions,
): Promise<string> {
  const tc = await import('@actions/tool-cache');
  const work = await downloadDir();
  try {
    const archive = path.join(work, asset);
    const url = downloadUrl(releaseSource(options.baseUrl), WASMTIME_REPO, tag, asset);
    options.logger.info(`wasmtime ${tag}: downloading ${url}`);
    await download(url, archive, request).catch((error: unknown) => {
      throw notFound('wasmtime', tag, asset, url, error);
    });
    const actual = createHash('sha256')
      .update(await readFile(archive))
      .digest('hex');
    if (actual !== expected) {
      throw new UserError(
        `wasmtime ${tag}: ${asset} does not match the release's digest (expected sha256 ${expected}, got ${actual}); refusing to install it`,
      );
    }
    const unpacked = await tc.extractTar(archive, path.join(work, 'unpacked'), 'xJ');
    const folder = path.join(unpacked, asset.replace(/\.tar\.xz$/, ''));
    if (!existsSync(path.join(folder, 'wasmtime')))
      throw new UserError(
        `wasmtime ${tag}: ${asset} holds no ${path.basename(folder)}/wasmtime executable`,
      );
    return await tc.cacheDir(folder, 'wasmtime', tag.replace(/^v/, ''));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Makes `wasmtime` <version> the one on PATH: already there, from the tool cache, or
 * downloaded from its GitHub release (checked against the release's sha256 digest) and cached.
 */
export async function installWasmtime(options: InstallOptions): Promise<InstalledTool> {
  const platform: Platform = options.platform ?? currentPlatform();
  wasmtimeAsset('vX', platform); // an OS without an asset fails before any request
  // within setup-timeout, as spin's and wash's downloads (`canary` is refused by the input parser)
  const request = requestOptions(options);
  const source = releaseSource(options.baseUrl, options.token);
  const release =
    options.version === 'latest'
      ? await latestRelease(source, WASMTIME_REPO, request, (r) =>
          // `vX.Y.Z`; not `dev` or other moving tags
          /^v\d+\.\d+\.\d+$/.test(r.tag_name) ? r.tag_name : undefined,
        )
      : undefined;
  const tag = release?.tag_name ?? options.version;
  if (release) options.logger.info(`wasmtime: latest is ${tag}`);
  const tool = await locateOrFetch(tag, platform, options, request, release);
  options.logger.info(
    `wasmtime ${tag}: ${tool.source === 'download' ? 'installed' : `found (${tool.source})`} at ${tool.path}`,
  );
  return tool;
}

async function locateOrFetch(
  tag: string,
  platform: Platform,
  options: InstallOptions,
  request: RequestOptions,
  listed: GitHubRelease | undefined,
): Promise<InstalledTool> {
  if ((await versionOnPath('wasmtime')) === tag)
    return { tool: 'wasmtime', version: tag, path: findOnPath('wasmtime')!, source: 'path' };
  const cached = await findCached('wasmtime', tag, options.logger);
  if (cached) {
    await addToPath(cached.dir);
    return {
      tool: 'wasmtime',
      version: tag,
      path: path.join(cached.dir, 'wasmtime'),
      source: cached.source,
    };
  }
  const asset = wasmtimeAsset(tag, platform);
  const release =
    listed ??
    (await releaseByTag(
      releaseSource(options.baseUrl, options.token),
      WASMTIME_REPO,
      tag,
      'wasmtime',
      request,
    ));
  if (!release.assets.some((a) => a.name === asset))
    throw new UserError(
      `wasmtime ${tag}: the release has no ${asset} (it lists ${release.assets.map((a) => a.name).join(', ') || 'no assets'})`,
    );
  const expected = assetDigest(release.assets, asset);
  if (!expected)
    throw new UserError(
      `wasmtime ${tag}: the release lists no sha256 digest for ${asset}; refusing to install an unverified archive (install wasmtime yourself and leave \`wasmtime-version\` empty)`,
    );
  const dir = await fetchWasmtime(tag, asset, expected, options, request);
  await saveTool('wasmtime', tag, dir, options.logger);
  await addToPath(dir);
  return { tool: 'wasmtime', version: tag, path: path.join(dir, 'wasmtime'), source: 'download' };
}
