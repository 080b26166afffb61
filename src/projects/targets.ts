import { cargoBuildOf, commandSteps } from './cargo-command.js';
import type { ComponentSpec, Project } from './project.js';

/**
 * The Rust target a build command names: its `cargo build --target`, else a `--target wasm32-…`
 * of another tool (`cargo component build`, a script's flag).
 */
export function targetInCommand(command: string): string | undefined {
  const cargo = cargoBuildOf(command)?.target;
  if (cargo !== undefined) return cargo;
  for (const step of commandSteps(command)) {
    const named = /--target[ =](wasm32-[\w-]+)/.exec(step)?.[1];
    if (named) return named;
  }
  return undefined;
}

/** A component's Rust target: the one its loader resolved, else the one its command names. */
export function rustTargetOf(component: ComponentSpec): string | undefined {
  return (
    component.rustTarget ??
    (component.buildCommand !== undefined ? targetInCommand(component.buildCommand) : undefined)
  );
}

/**
 * The Rust targets a project's builds name (`--target wasm32-wasip2` in a spin.toml build
 * command, a wash config …), so setup can make sure rustc has each before the build runs.
 */
export function rustTargetsOf(project: Pick<Project, 'components'>): string[] {
  const targets = new Set<string>();
  for (const component of project.components) {
    const target = rustTargetOf(component);
    if (target) targets.add(target);
  }
  return [...targets];
}
