import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';
import { download, type RequestOptions } from './http.js';
import { requestOptions, type InstallOptions } from './install-spin.js';
import { currentPlatform, washAsset, type Platform } from './platform.js';
import { downloadUrl, latestRelease, notFound, releaseSource } from './releases.js';
import { saveTool } from './actions-cache.js';
import {
  addToPath,
  downloadDir,
  findCached,
  findOnPath,
  versionOnPath,
  type InstalledTool,
} from './tool-path.js';

export const WASH_REPO = 'wasmCloud/wasmCloud';

/** wash 0.x is tagged `wash-vX.Y.Z` (older `wash-cli-vX.Y.Z`); wash v2 `vX.Y.Z`. */
export function washTag(version: string): string {
  return version.startsWith('v0.') ? `wash-${version}` : version;
}

function versionOfTag(tag: string): string {
  return tag.replace(/^wash-(cli-)?/, '');
}

async function resolveWashTag(
  options: InstallOptions,
  asset: string,
  request: RequestOptions,
): Promise<string> {
  if (options.version === 'canary')
    throw new UserError('Input `wash-version` has the value "canary"; wash has no canary release');
  if (options.version !== 'latest') return washTag(options.version);
  // The repository also releases the wasmCloud host and providers: only a tag of wash with our asset counts.
  const release = await latestRelease(
    releaseSource(options.baseUrl, options.token),
    WASH_REPO,
    request,
    (r) =>
      /^(wash-(cli-)?)?v/.test(r.tag_name) && r.assets.some((a) => a.name === asset)
        ? versionOfTag(r.tag_name)
        : undefined,
  );
  options.logger.info(`wash: latest is ${release.tag_name}`);
  return release.tag_name;
}

/** Makes `wash` <version> the one on PATH: already there, from the tool cache, or downloaded and cached. */
export async function installWash(options: InstallOptions): Promise<InstalledTool> {
  const platform: Platform = options.platform ?? currentPlatform();
  const asset = washAsset(platform);
  const request = requestOptions(options);
  const tag = await resolveWashTag(options, asset, request);
  const version = versionOfTag(tag);
  if ((await versionOnPath('wash')) === version) {
    options.logger.info(`wash ${version}: already on PATH`);
    return { tool: 'wash', version, path: findOnPath('wash')!, source: 'path' };
  }
  const cached = await findCached('wash', version, options.logger);
  let dir = cached?.dir;
  const source = cached?.source ?? 'download';
  if (!dir) {
    const tc = await import('@actions/tool-cache');
    const url = downloadUrl(releaseSource(options.baseUrl), WASH_REPO, tag, asset);
    const work = await downloadDir();
    try {
      const file = path.join(work, 'wash');
      options.logger.info(`wash ${version}: downloading ${url}`);
      // wash releases publish no checksum file (only a sigstore bundle), so there is nothing to compare here.
      await download(url, file, request).catch((error: unknown) => {
        throw notFound('wash', version, asset, url, error);
      });
      await chmod(file, 0o755);
      dir = await tc.cacheFile(file, 'wash', 'wash', version.replace(/^v/, ''));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    await saveTool('wash', version, dir, options.logger);
  }
  await addToPath(dir);
  options.logger.info(
    `wash ${version}: ${source === 'download' ? 'installed' : `found (${source})`} at ${dir}`,
  );
  return { tool: 'wash', version, path: path.join(dir, 'wash'), source };
}
