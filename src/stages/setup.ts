import { ensureRustTarget } from '../projects/cargo.js';
import type { Project } from '../projects/project.js';

/** Makes sure the toolchain a project's build needs is there before the build starts. */
export async function setupToolchain(project: Project, rustTarget: string): Promise<void> {
  await ensureRustTarget(rustTarget, project.dir);
}
