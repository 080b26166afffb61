import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import {
  displayPath,
  findWashConfig,
  SPIN_MANIFEST,
  WASH_V1_CONFIG,
  WASH_V2_CONFIG,
} from './files.js';
import type { Project, ProjectKind, ProjectKindInput } from './project.js';

export { PROJECT_KINDS, type ProjectKindInput } from './project.js';

/** Which kind a folder holds, by its files: spin.toml, then a wasmCloud project file, then Cargo.toml. */
export function detectKind(dir: string): ProjectKind | undefined {
  if (existsSync(path.join(dir, SPIN_MANIFEST))) return 'spin';
  if (findWashConfig(dir)) return 'wash';
  if (existsSync(path.join(dir, 'Cargo.toml'))) return 'cargo';
  return undefined;
}

/**
 * The project in `dir`, of the kind asked for or found. Each kind's module is loaded only when
 * chosen, so a Cargo run never parses YAML.
 */
export async function detectProject(
  dir: string,
  kind: ProjectKindInput = 'auto',
  options: { readonly rustTarget?: string } = {},
): Promise<Project> {
  const root = path.resolve(dir);
  const chosen = kind === 'auto' ? detectKind(root) : kind;
  switch (chosen) {
    case 'spin':
      return (await import('./spin.js')).loadSpinProject(root);
    case 'wash':
      return (await import('./wash.js')).loadWashProject(root);
    case 'cargo':
      return (await import('./cargo.js')).loadCargoProject(root, options.rustTarget);
    case undefined:
      throw noProjectError(root);
  }
}

/** A folder with no project file: what was looked for, and the input to point elsewhere. */
export function noProjectError(root: string): UsageError {
  return new UsageError(
    (a) =>
      `No project found in ${displayPath(root)}: expected ${SPIN_MANIFEST} (Spin), ${WASH_V1_CONFIG} or ` +
      `${WASH_V2_CONFIG} (wasmCloud), or Cargo.toml (Cargo); point ${a.input('project')} at the folder that holds one`,
  );
}
