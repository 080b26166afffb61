import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  DEFAULT_RETRY,
  currentPlatform,
  download,
  downloadUrl,
  latestRelease,
  notFound,
  releaseSource,
  washAsset
} from "./chunk-VEYXY5YS.js";
import {
  addToPath,
  downloadDir,
  findCached,
  findOnPath,
  saveTool,
  versionOnPath
} from "./chunk-K4TL2LEL.js";
import "./chunk-MFM22RQS.js";
import "./chunk-DN5XC3XO.js";
import "./chunk-P2OAGGZH.js";
import {
  UserError
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/setup/install-wash.ts
import { chmod, rm } from "node:fs/promises";
import path from "node:path";
var WASH_REPO = "wasmCloud/wasmCloud";
function washTag(version) {
  return version.startsWith("v0.") ? `wash-${version}` : version;
}
function versionOfTag(tag) {
  return tag.replace(/^wash-(cli-)?/, "");
}
async function resolveWashTag(options, asset, request) {
  if (options.version === "canary")
    throw new UserError('Input `wash-version` has the value "canary"; wash has no canary release');
  if (options.version !== "latest") return washTag(options.version);
  const release = await latestRelease(
    releaseSource(options.baseUrl, options.token),
    WASH_REPO,
    request,
    (r) => /^(wash-(cli-)?)?v\d+\.\d+\.\d+$/.test(r.tag_name) && r.assets.some((a) => a.name === asset)
  );
  options.logger.info(`wash: latest is ${release.tag_name}`);
  return release.tag_name;
}
async function installWash(options) {
  const platform = options.platform ?? currentPlatform();
  const asset = washAsset(platform);
  const request = { retry: options.retry ?? DEFAULT_RETRY, logger: options.logger };
  const tag = await resolveWashTag(options, asset, request);
  const version = versionOfTag(tag);
  if (await versionOnPath("wash") === version) {
    options.logger.info(`wash ${version}: already on PATH`);
    return { tool: "wash", version, path: findOnPath("wash"), source: "path" };
  }
  const cached = await findCached("wash", version, options.logger);
  let dir = cached?.dir;
  const source = cached?.source ?? "download";
  if (!dir) {
    const tc = await import("./tool-cache-RA2QFMVA.js");
    const url = downloadUrl(releaseSource(options.baseUrl), WASH_REPO, tag, asset);
    const work = await downloadDir();
    try {
      const file = path.join(work, "wash");
      options.logger.info(`wash ${version}: downloading ${url}`);
      await download(url, file, request).catch((error) => {
        throw notFound("wash", version, asset, url, error);
      });
      await chmod(file, 493);
      dir = await tc.cacheFile(file, "wash", "wash", version.replace(/^v/, ""));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    await saveTool("wash", version, dir, options.logger);
  }
  await addToPath(dir);
  options.logger.info(
    `wash ${version}: ${source === "download" ? "installed" : `found (${source})`} at ${dir}`
  );
  return { tool: "wash", version, path: path.join(dir, "wash"), source };
}
export {
  WASH_REPO,
  installWash,
  washTag
};
//# sourceMappingURL=install-wash-6NAUMUGE.js.map
