import type { ProfileTweaks } from '../config/config.js';
import type { Logger } from '../log.js';
import type { Project } from '../projects/project.js';
import { restoreRelease } from './release-copy.js';

export interface BuildResult {
  seconds: number;
}

/**
 * The release-profile tweaks as Cargo environment variables: they override Cargo.toml for
 * this build only, so the user's files are never edited.
 */
export function profileEnv(profile: ProfileTweaks): Record<string, string> {
  const env: Record<string, string> = {};
  if (profile.lto !== undefined) env.CARGO_PROFILE_RELEASE_LTO = profile.lto;
  if (profile.optLevel !== undefined) env.CARGO_PROFILE_RELEASE_OPT_LEVEL = profile.optLevel;
  if (profile.codegenUnits !== undefined)
    env.CARGO_PROFILE_RELEASE_CODEGEN_UNITS = String(profile.codegenUnits);
  if (profile.panic !== undefined) env.CARGO_PROFILE_RELEASE_PANIC = profile.panic;
  if (profile.strip !== undefined) env.CARGO_PROFILE_RELEASE_STRIP = profile.strip;
  return env;
}

/** Builds every component of the project with the tweaks, and times it. */
export async function buildProject(
  project: Project,
  profile: ProfileTweaks,
  logger: Logger,
): Promise<BuildResult> {
  // A previous run left its optimized file where the build writes; put the build's own back,
  // so an up-to-date build is measured as what it is (and the build tool sees its own output).
  for (const component of project.components) {
    if (!component.built) continue;
    const warning = await restoreRelease(component.wasmPath);
    if (warning) logger.warning(`${component.name}: ${warning}`, component.manifest);
  }
  const started = performance.now();
  await project.build({ env: profileEnv(profile), logger });
  return { seconds: (performance.now() - started) / 1000 };
}
