import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  execCapture
} from "./chunk-MFM22RQS.js";
import {
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/setup/tool-path.ts
import { accessSync, constants } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { arch, homedir, tmpdir } from "node:os";
import path from "node:path";

// src/setup/actions-cache.ts
function actionsCacheAvailable() {
  return Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL);
}
function cachePaths(toolDir) {
  return [toolDir, `${toolDir}.complete`];
}
function cacheKey(tool, version) {
  return `spinwash-${tool}-${version}-${process.platform}-${process.arch}`;
}
async function restoreTool(tool, version, toolDir, logger) {
  if (!actionsCacheAvailable()) return false;
  try {
    const cache = await import("./cache-3BDF26V6.js");
    const hit = await cache.restoreCache(cachePaths(toolDir), cacheKey(tool, version));
    if (hit) logger.info(`${tool} ${version}: restored from the Actions cache (${hit})`);
    return hit !== void 0;
  } catch (error) {
    logger.warning(
      `${tool} ${version}: the Actions cache could not be read (${errorMessage(error)}); downloading instead`
    );
    return false;
  }
}
async function saveTool(tool, version, toolDir, logger) {
  if (!actionsCacheAvailable()) return;
  try {
    const cache = await import("./cache-3BDF26V6.js");
    await cache.saveCache(cachePaths(toolDir), cacheKey(tool, version));
    logger.info(`${tool} ${version}: saved to the Actions cache for later runs`);
  } catch (error) {
    logger.warning(`${tool} ${version}: not saved to the Actions cache (${errorMessage(error)})`);
  }
}

// src/setup/tool-path.ts
function findOnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
    }
  }
  return void 0;
}
async function versionOnPath(name) {
  if (!findOnPath(name)) return void 0;
  const result = await execCapture(name, ["--version"]).catch(() => void 0);
  const match = result?.code === 0 ? /(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(result.stdout) : null;
  return match ? `v${match[1]}` : void 0;
}
async function addToPath(dir) {
  if (process.env.GITHUB_PATH) (await import("./core-HVU3E6W4.js")).addPath(dir);
  else process.env.PATH = `${dir}${path.delimiter}${process.env.PATH ?? ""}`;
}
function ensureToolCacheRoot() {
  process.env.RUNNER_TOOL_CACHE ||= path.join(homedir(), ".cache", "spinwash", "tools");
}
async function findCached(tool, version, logger) {
  ensureToolCacheRoot();
  const tc = await import("./tool-cache-RA2QFMVA.js");
  const semver = version.replace(/^v/, "");
  const found = tc.find(tool, semver);
  if (found) return { dir: found, source: "tool-cache" };
  const dir = path.join(process.env.RUNNER_TOOL_CACHE, tool, semver, arch());
  if (!await restoreTool(tool, version, dir, logger)) return void 0;
  const restored = tc.find(tool, semver);
  return restored ? { dir: restored, source: "actions-cache" } : void 0;
}
async function downloadDir() {
  const base = process.env.RUNNER_TEMP || tmpdir();
  await mkdir(base, { recursive: true });
  return mkdtemp(path.join(base, "spinwash-tool-"));
}

export {
  saveTool,
  findOnPath,
  versionOnPath,
  addToPath,
  ensureToolCacheRoot,
  findCached,
  downloadDir
};
//# sourceMappingURL=chunk-K4TL2LEL.js.map
