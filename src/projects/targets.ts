import { parseCargoBuild } from './cargo-output.js';
import type { Project } from './project.js';

/**
 * The Rust targets a project's builds name (`--target wasm32-wasip2` in a spin.toml build
 * command, a wash config …), so setup can make sure rustc has each before the build runs.
 */
export function rustTargetsOf(project: Pick<Project, 'components'>): string[] {
  const targets = new Set<string>();
  for (const component of project.components) {
    for (const step of component.buildCommand?.split('&&') ?? []) {
      const target = parseCargoBuild(step)?.target ?? /--target[ =](wasm32-[\w-]+)/.exec(step)?.[1];
      if (target) targets.add(target);
    }
  }
  return [...targets];
}
