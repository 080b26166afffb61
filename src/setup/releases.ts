import semver from 'semver';
import { UserError } from '../errors.js';
import { getJson, HttpStatusError, type RequestOptions } from './http.js';

/** Where release metadata and assets come from: GitHub, or one mirror that serves both. */
export interface ReleaseSource {
  readonly apiBase: string;
  readonly downloadBase: string;
  /** Sent to GitHub's API only (rate limits): never to a mirror, never with downloads. */
  readonly apiToken?: string;
}

/**
 * A `tools-base-url` serves the GitHub layout under one root: `/repos/<owner>/<repo>/releases`
 * (the REST API) and `/<owner>/<repo>/releases/download/<tag>/<asset>`.
 */
export function releaseSource(baseUrl: string | undefined, token?: string): ReleaseSource {
  if (baseUrl) return { apiBase: baseUrl, downloadBase: baseUrl };
  return {
    apiBase: process.env.GITHUB_API_URL ?? 'https://api.github.com',
    downloadBase: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiToken: token,
  };
}

export interface GitHubRelease {
  tag_name: string;
  prerelease: boolean;
  draft: boolean;
  /** `digest`: `sha256:<hex>`, computed by GitHub for every asset uploaded since June 2025. */
  assets: { name: string; digest?: string | null }[];
}

export function downloadUrl(
  source: ReleaseSource,
  repo: string,
  tag: string,
  asset: string,
): string {
  return `${source.downloadBase}/${repo}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(asset)}`;
}

/**
 * The newest stable release by version, in semver's order (not GitHub's listing order: a fix
 * to an older line is often published after the newer line's release). Drafts, releases marked
 * prerelease and versions with a pre-release part (`v3.5.0-rc.1`) are passed over. `versionOf`
 * reads a release's version, or says undefined for a release that is not the tool's (the
 * wasmCloud repository also releases the host and providers).
 */
export async function latestRelease(
  source: ReleaseSource,
  repo: string,
  options: RequestOptions,
  versionOf: (release: GitHubRelease) => string | undefined,
): Promise<GitHubRelease> {
  const url = `${source.apiBase}/repos/${repo}/releases?per_page=100`;
  let releases: GitHubRelease[];
  try {
    releases = await getJson<GitHubRelease[]>(url, {
      ...options,
      accept: 'application/vnd.github+json',
      token: source.apiToken,
    });
  } catch (error) {
    if (error instanceof HttpStatusError) {
      throw new UserError(
        `Cannot resolve \`latest\` for ${repo}: ${url} answered HTTP ${error.status}; give an explicit version instead`,
      );
    }
    throw error;
  }
  let newest: { release: GitHubRelease; version: string } | undefined;
  for (const release of Array.isArray(releases) ? releases : []) {
    if (release.draft || release.prerelease) continue;
    const version = semver.valid(versionOf(release));
    if (!version || semver.prerelease(version)) continue;
    if (!newest || semver.gt(version, newest.version)) newest = { release, version };
  }
  if (!newest)
    throw new UserError(
      `Cannot resolve \`latest\` for ${repo}: ${url} lists no matching stable release; give an explicit version`,
    );
  return newest.release;
}

/** One release by its tag (`GET /repos/<repo>/releases/tags/<tag>`); a 404 names the version. */
export async function releaseByTag(
  source: ReleaseSource,
  repo: string,
  tag: string,
  tool: string,
  options: RequestOptions,
): Promise<GitHubRelease> {
  const url = `${source.apiBase}/repos/${repo}/releases/tags/${encodeURIComponent(tag)}`;
  try {
    return await getJson<GitHubRelease>(url, {
      ...options,
      accept: 'application/vnd.github+json',
      token: source.apiToken,
    });
  } catch (error) {
    if (error instanceof HttpStatusError && error.status === 404)
      throw new UserError(
        `${tool} ${tag}: no such release (HTTP 404 from ${url}); check that ${tag} is a released version of ${tool}`,
      );
    if (error instanceof HttpStatusError)
      throw new UserError(`${tool} ${tag}: reading the release failed: ${error.message}`);
    throw error;
  }
}

/** A 404 names the version and asset; anything else keeps its own message. */
export function notFound(
  tool: string,
  version: string,
  asset: string,
  url: string,
  error: unknown,
): unknown {
  if (error instanceof HttpStatusError && error.status === 404) {
    return new UserError(
      `${tool} ${version}: the release asset ${asset} was not found (HTTP 404 from ${url}); check that ${version} is a released version of ${tool}`,
    );
  }
  if (error instanceof HttpStatusError)
    return new UserError(`${tool} ${version}: downloading ${asset} failed: ${error.message}`);
  return error;
}
