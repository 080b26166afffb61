import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/setup/http.ts
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
var DEFAULT_RETRY = { attempts: 4, baseDelayMs: 1e3, timeoutMs: 6e4 };
var HttpStatusError = class extends Error {
  constructor(url, status) {
    super(`${url} answered HTTP ${status}`);
    this.url = url;
    this.status = status;
  }
  url;
  status;
};
var retryable = (error) => !(error instanceof HttpStatusError) || error.status >= 500 || error.status === 408 || error.status === 429;
async function withRetry(url, options, attempt) {
  for (let n = 1; ; n++) {
    try {
      return await attempt(AbortSignal.timeout(options.retry.timeoutMs));
    } catch (error) {
      if (!retryable(error) || n >= options.retry.attempts) throw unreachable(url, error, n);
      const delay = options.retry.baseDelayMs * 2 ** (n - 1);
      const why = error instanceof HttpStatusError ? `answered HTTP ${error.status}` : `failed (${errorMessage(error)})`;
      options.logger.info(
        `${url} ${why}; retrying in ${(delay / 1e3).toFixed(1)} s (attempt ${n + 1} of ${options.retry.attempts})`
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
function unreachable(url, error, attempts) {
  if (error instanceof HttpStatusError || error instanceof UserError) return error;
  const cause = error instanceof Error && error.cause !== void 0 ? ` (${errorMessage(error.cause)})` : "";
  return new UserError(
    `Cannot fetch ${url} after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${errorMessage(error)}${cause}`
  );
}
function headers(options) {
  return {
    "user-agent": "spinwash",
    ...options.accept ? { accept: options.accept } : {},
    ...options.token ? { authorization: `Bearer ${options.token}` } : {}
  };
}
function getText(url, options) {
  return withRetry(url, options, async (signal) => {
    const response = await fetch(url, { headers: headers(options), signal });
    if (!response.ok) {
      await response.body?.cancel();
      throw new HttpStatusError(url, response.status);
    }
    return response.text();
  });
}
async function getJson(url, options) {
  const text = await getText(url, options);
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError(
      `${url} did not answer JSON (it starts with ${JSON.stringify(text.slice(0, 60))})`
    );
  }
}
function download(url, file, options) {
  return withRetry(url, options, async (signal) => {
    try {
      const response = await fetch(url, { headers: headers(options), signal, redirect: "follow" });
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new HttpStatusError(url, response.status);
      }
      await pipeline(
        Readable.fromWeb(response.body),
        createWriteStream(file)
      );
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
  });
}

// src/setup/platform.ts
var currentPlatform = () => ({ os: process.platform, arch: process.arch });
function unsupported(tool, platform, offered) {
  return new UserError(
    `${tool} has no release asset for ${platform.os}/${platform.arch}; its releases offer ${offered}. Install ${tool} yourself and put it on PATH, or leave the ${tool}-version input empty`
  );
}
function spinAsset(version, platform) {
  const os = platform.os === "linux" ? "linux" : platform.os === "darwin" ? "macos" : void 0;
  const arch = platform.arch === "x64" ? "amd64" : platform.arch === "arm64" ? "aarch64" : void 0;
  if (!os || !arch) throw unsupported("spin", platform, "linux and macOS on x64 and arm64");
  return `spin-${version}-${os}-${arch}.tar.gz`;
}
function washAsset(platform) {
  const arch = platform.arch === "x64" ? "x86_64" : platform.arch === "arm64" ? "aarch64" : void 0;
  const triple = platform.os === "linux" ? "unknown-linux-musl" : platform.os === "darwin" ? "apple-darwin" : void 0;
  if (!arch || !triple) throw unsupported("wash", platform, "linux and macOS on x64 and arm64");
  return `wash-${arch}-${triple}`;
}

// src/setup/releases.ts
function releaseSource(baseUrl, token) {
  if (baseUrl) return { apiBase: baseUrl, downloadBase: baseUrl };
  return {
    apiBase: process.env.GITHUB_API_URL ?? "https://api.github.com",
    downloadBase: process.env.GITHUB_SERVER_URL ?? "https://github.com",
    apiToken: token
  };
}
function downloadUrl(source, repo, tag, asset) {
  return `${source.downloadBase}/${repo}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(asset)}`;
}
async function latestRelease(source, repo, options, accept) {
  const url = `${source.apiBase}/repos/${repo}/releases?per_page=100`;
  let releases;
  try {
    releases = await getJson(url, {
      ...options,
      accept: "application/vnd.github+json",
      token: source.apiToken
    });
  } catch (error) {
    if (error instanceof HttpStatusError) {
      throw new UserError(
        `Cannot resolve \`latest\` for ${repo}: ${url} answered HTTP ${error.status}; give an explicit version instead`
      );
    }
    throw error;
  }
  const found = Array.isArray(releases) ? releases.find((r) => !r.draft && !r.prerelease && accept(r)) : void 0;
  if (!found)
    throw new UserError(
      `Cannot resolve \`latest\` for ${repo}: ${url} lists no matching stable release; give an explicit version`
    );
  return found;
}
function notFound(tool, version, asset, url, error) {
  if (error instanceof HttpStatusError && error.status === 404) {
    return new UserError(
      `${tool} ${version}: the release asset ${asset} was not found (HTTP 404 from ${url}); check that ${version} is a released version of ${tool}`
    );
  }
  if (error instanceof HttpStatusError)
    return new UserError(`${tool} ${version}: downloading ${asset} failed: ${error.message}`);
  return error;
}

export {
  DEFAULT_RETRY,
  getText,
  download,
  currentPlatform,
  spinAsset,
  washAsset,
  releaseSource,
  downloadUrl,
  latestRelease,
  notFound
};
//# sourceMappingURL=chunk-VEYXY5YS.js.map
