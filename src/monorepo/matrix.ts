import path from 'node:path';
import { UserError, errorMessage } from '../errors.js';
import type { ProjectKind } from '../projects/project.js';
import { checkAppName } from '../safe-names.js';
import type { App } from './discover.js';

/**
 * The GitHub Actions matrix `plan` prints: one entry per app, in path order, each with what
 * its job passes on (`project`, `app: name`, `project-kind: kind`). Pure.
 */

export interface MatrixEntry {
  /** The app's folder, relative to the workspace (POSIX; `.` for the workspace itself). */
  readonly project: string;
  readonly name: string;
  readonly kind: ProjectKind;
}

/** `strategy.matrix` as GitHub reads it (`fromJSON(needs.plan.outputs.matrix)`). */
export interface AppMatrix {
  readonly include: readonly MatrixEntry[];
}

export function appMatrix(apps: readonly App[], cwd: string): AppMatrix {
  return {
    include: apps.map((app) => ({
      project: path.relative(cwd, app.dir).split(path.sep).join('/') || '.',
      name: app.name,
      kind: app.kind,
    })),
  };
}

/** A matrix as `plan` wrote it (the merge's `matrix` input): which apps were planned. */
const KINDS: readonly ProjectKind[] = ['cargo', 'spin', 'wash'];

export function parseAppMatrix(text: string, source: string): AppMatrix {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `${source} is not JSON (${errorMessage(error)}); accepted: the \`matrix\` output of \`mode: plan\``,
    );
  }
  const include = (value as { include?: unknown } | null)?.include;
  if (!Array.isArray(include))
    throw new UserError(
      `${source} has no \`include\` list; accepted: the \`matrix\` output of \`mode: plan\``,
    );
  return {
    include: include.map((entry: unknown, i) => {
      const e = entry as Partial<Record<keyof MatrixEntry, unknown>> | null;
      if (typeof e?.project !== 'string' || typeof e.name !== 'string')
        throw new UserError(`${source}: include[${i}] lacks \`project\` or \`name\``);
      if (!KINDS.includes(e.kind as ProjectKind))
        throw new UserError(
          `${source}: include[${i}].kind is ${JSON.stringify(e.kind)}; accepted: ${KINDS.join(', ')}`,
        );
      return {
        project: e.project,
        name: checkAppName(e.name, `${source}: include[${i}].name`),
        kind: e.kind as ProjectKind,
      };
    }),
  };
}
