import type { Config } from '../config/config.js';
import type { Logger } from '../log.js';
import { ensureRustTarget } from '../projects/cargo.js';
import { detectProject } from '../projects/detect.js';
import type { Project } from '../projects/project.js';
import { rustTargetsOf } from '../projects/targets.js';
import { setupPlatformTools } from '../setup/index.js';

/**
 * Installs the CLIs the inputs ask for, finds the project, and makes sure rustc has every
 * wasm target the project's builds name, before any build starts.
 */
export async function setupProject(
  config: Pick<Config, 'projectDir' | 'tools' | 'githubToken'>,
  logger: Logger,
): Promise<Project> {
  await setupPlatformTools(config.tools, {
    logger,
    ...(config.githubToken ? { token: config.githubToken } : {}),
  });
  const project = await detectProject(config.projectDir, config.tools.projectKind, {
    ...(config.tools.rustTarget !== undefined ? { rustTarget: config.tools.rustTarget } : {}),
  });
  for (const target of rustTargetsOf(project)) await ensureRustTarget(target, project.dir);
  return project;
}
