import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  DEFAULT_RETRY,
  currentPlatform,
  download,
  downloadUrl,
  getText,
  latestRelease,
  notFound,
  releaseSource,
  spinAsset
} from "./chunk-VEYXY5YS.js";
import {
  addToPath,
  downloadDir,
  findCached,
  saveTool,
  versionOnPath
} from "./chunk-K4TL2LEL.js";
import {
  exec
} from "./chunk-MFM22RQS.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/setup/install-spin.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
var SPIN_REPO = "spinframework/spin";
function checksumFor(checksums, asset) {
  for (const line of checksums.split("\n")) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
    if (match && match[2] === asset) return match[1].toLowerCase();
  }
  return void 0;
}
async function resolveSpinVersion(options, request) {
  if (options.version !== "latest") return options.version;
  const release = await latestRelease(
    releaseSource(options.baseUrl, options.token),
    SPIN_REPO,
    request,
    (r) => /^v\d+\.\d+\.\d+$/.test(r.tag_name)
  );
  options.logger.info(`spin: latest is ${release.tag_name}`);
  return release.tag_name;
}
async function fetchSpin(version, asset, options, request) {
  const tc = await import("./tool-cache-RA2QFMVA.js");
  const source = releaseSource(options.baseUrl);
  const work = await downloadDir();
  try {
    const archive = path.join(work, asset);
    const url = downloadUrl(source, SPIN_REPO, version, asset);
    const checksumsName = `checksums-${version}.txt`;
    const checksumsUrl = downloadUrl(source, SPIN_REPO, version, checksumsName);
    options.logger.info(`spin ${version}: downloading ${url}`);
    await download(url, archive, request).catch((error) => {
      throw notFound("spin", version, asset, url, error);
    });
    const checksums = await getText(checksumsUrl, request).catch((error) => {
      throw notFound("spin", version, checksumsName, checksumsUrl, error);
    });
    const expected = checksumFor(checksums, asset);
    if (!expected)
      throw new UserError(
        `spin ${version}: ${checksumsName} lists no checksum for ${asset}; refusing to install an unverified archive`
      );
    const actual = createHash("sha256").update(await readFile(archive)).digest("hex");
    if (actual !== expected) {
      throw new UserError(
        `spin ${version}: ${asset} does not match ${checksumsName} (expected sha256 ${expected}, got ${actual}); refusing to install it`
      );
    }
    const unpacked = await tc.extractTar(archive, path.join(work, "unpacked"));
    if (!existsSync(path.join(unpacked, "spin")))
      throw new UserError(`spin ${version}: ${asset} holds no \`spin\` executable`);
    if (version === "canary") return unpacked;
    return await tc.cacheDir(unpacked, "spin", version.replace(/^v/, ""));
  } finally {
    if (version !== "canary") await rm(work, { recursive: true, force: true });
  }
}
async function installSpin(options) {
  const platform = options.platform ?? currentPlatform();
  spinAsset("vX", platform);
  const request = { retry: options.retry ?? DEFAULT_RETRY, logger: options.logger };
  const version = await resolveSpinVersion(options, request);
  const tool = await locateOrFetchSpin(version, platform, options, request);
  options.logger.info(
    `spin ${version}: ${tool.source === "download" ? "installed" : `found (${tool.source})`} at ${tool.path}`
  );
  if (options.plugins?.length) {
    await exec(tool.path, ["plugins", "update"], { onOutput: (c) => options.logger.output(c) });
    for (const plugin of options.plugins) {
      await exec(tool.path, ["plugins", "install", plugin, "--yes"], {
        onOutput: (c) => options.logger.output(c)
      });
    }
  }
  return tool;
}
async function locateOrFetchSpin(version, platform, options, request) {
  if (version !== "canary" && await versionOnPath("spin") === version) {
    const { findOnPath } = await import("./tool-path-CODPSETL.js");
    return { tool: "spin", version, path: findOnPath("spin"), source: "path" };
  }
  const cached = version === "canary" ? void 0 : await findCached("spin", version, options.logger);
  if (cached) {
    await addToPath(cached.dir);
    return { tool: "spin", version, path: path.join(cached.dir, "spin"), source: cached.source };
  }
  const dir = await fetchSpin(version, spinAsset(version, platform), options, request);
  if (version !== "canary") await saveTool("spin", version, dir, options.logger);
  await addToPath(dir);
  return { tool: "spin", version, path: path.join(dir, "spin"), source: "download" };
}
export {
  SPIN_REPO,
  checksumFor,
  installSpin
};
//# sourceMappingURL=install-spin-KD6FMNGO.js.map
