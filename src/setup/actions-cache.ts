import { errorMessage } from '../errors.js';
import type { Logger } from '../log.js';

/**
 * Keeps an installed CLI across workflow runs with @actions/cache (the tool cache only lasts a
 * job). Off outside Actions (no cache service URL); a cache failure never fails the setup.
 */
export function actionsCacheAvailable(): boolean {
  return Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL);
}

/** The tool-cache folder of a tool version and its `.complete` marker, which tc.find requires. */
function cachePaths(toolDir: string): string[] {
  return [toolDir, `${toolDir}.complete`];
}

export function cacheKey(tool: string, version: string): string {
  return `spinwash-${tool}-${version}-${process.platform}-${process.arch}`;
}

/** Restores `toolDir` from the Actions cache; true on a hit. */
export async function restoreTool(
  tool: string,
  version: string,
  toolDir: string,
  logger: Logger,
): Promise<boolean> {
  if (!actionsCacheAvailable()) return false;
  try {
    const cache = await import('@actions/cache');
    const hit = await cache.restoreCache(cachePaths(toolDir), cacheKey(tool, version));
    if (hit) logger.info(`${tool} ${version}: restored from the Actions cache (${hit})`);
    return hit !== undefined;
  } catch (error) {
    logger.warning(
      `${tool} ${version}: the Actions cache could not be read (${errorMessage(error)}); downloading instead`,
    );
    return false;
  }
}

/** Saves `toolDir` for later runs; another job saving the same key first is fine. */
export async function saveTool(
  tool: string,
  version: string,
  toolDir: string,
  logger: Logger,
): Promise<void> {
  if (!actionsCacheAvailable()) return;
  try {
    const cache = await import('@actions/cache');
    await cache.saveCache(cachePaths(toolDir), cacheKey(tool, version));
    logger.info(`${tool} ${version}: saved to the Actions cache for later runs`);
  } catch (error) {
    logger.warning(`${tool} ${version}: not saved to the Actions cache (${errorMessage(error)})`);
  }
}
