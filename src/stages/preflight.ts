import path from 'node:path';
import type { RunPlan } from '../config/config.js';
import { missingRequired, type DeployTarget } from '../deploy/target.js';
import { UsageError, type Audience } from '../errors.js';
import type { RunContext } from '../github/context.js';
import { detectKind, noProjectError } from '../projects/detect.js';
import { displayPath, SPIN_MANIFEST, WASH_V1_CONFIG, WASH_V2_CONFIG } from '../projects/files.js';
import type { Project, ProjectKind } from '../projects/project.js';
import { readJsonReport } from '../publish/report-file.js';
import { previewWithoutSecrets } from './preview.js';

/**
 * The one place for what can be checked without building: checked before anything is
 * installed, built or rewritten, so a mistake costs no build and no download. Each problem is
 * one line naming the input (in the words of whoever prints it) and what would work.
 *
 * `beforeSetup` needs nothing but the plan and the project's files (no process is started);
 * `beforeBuild` checks what the loaded project says (its components) against the plan.
 */

/** The plan's parts the checks read. */
export type PreflightPlan = Pick<RunPlan, 'projectDir' | 'tools' | 'budgets' | 'baselineFile'> & {
  readonly deploy: Pick<RunPlan['deploy'], 'target' | 'secrets' | 'preview'>;
};

/** How a kind is called in a message. */
const KIND_NAMES: Readonly<Record<ProjectKind, string>> = {
  spin: `a Spin app (${SPIN_MANIFEST})`,
  wash: `a wasmCloud project (${WASH_V1_CONFIG} or ${WASH_V2_CONFIG})`,
  cargo: 'a Cargo project (Cargo.toml, no spin.toml)',
};
const KIND_PLURALS: Readonly<Record<ProjectKind, string>> = {
  spin: 'Spin apps',
  wash: 'wasmCloud projects',
  cargo: 'Cargo projects',
};

/** The kind of project in the plan's folder, from its files alone; a UsageError when it has none. */
function projectKindOf(plan: Pick<RunPlan, 'projectDir' | 'tools'>): ProjectKind {
  const chosen = plan.tools.projectKind;
  if (chosen !== 'auto') return chosen;
  const found = detectKind(plan.projectDir);
  if (found) return found;
  throw noProjectError(plan.projectDir);
}

/** A target that cannot take this kind of project: which kinds it takes, and which targets would. */
function kindProblem(
  target: DeployTarget,
  kind: ProjectKind,
  others: readonly DeployTarget[],
  dir: string,
): UsageError | undefined {
  const kinds = target.projectKinds;
  if (!kinds || kinds.includes(kind)) return undefined;
  const fitting = others.filter((t) => !t.projectKinds || t.projectKinds.includes(kind));
  return new UsageError(
    (a) =>
      `${a.setting('deploy', target.name)} deploys ${kinds.map((k) => KIND_PLURALS[k]).join(' and ')} only, and ${displayPath(dir)} is ${KIND_NAMES[kind]}; ` +
      `deploy it with ${fitting.map((t) => a.setting('deploy', t.name)).join(', ')}` +
      (a.kind === 'cli' ? '' : `, or point ${a.input('project')} at the app`),
  );
}

function requiredProblem(target: DeployTarget, missing: readonly string[]): UsageError {
  const where = (a: Audience): string =>
    a.kind === 'cli'
      ? 'export it before the run'
      : 'set it from a repository secret (`${{ secrets.… }}`)';
  return new UsageError(
    (a) =>
      `${a.setting('deploy', target.name)} needs ${missing.map((name) => a.input(name)).join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} empty; ${where(a)}`,
  );
}

/**
 * Before setup installs anything: the project's kind (from its files), the deploy target
 * against it, the target's required inputs (unless this pull request's preview is skipped for
 * want of secrets: a fork's run passes without them), and a `baseline-file` that must read as
 * a report. Returns the kind found.
 */
export async function checkBeforeSetup(
  plan: PreflightPlan,
  /** The run's event, when it has one (a preview without secrets needs no token). */
  context: RunContext | undefined,
  allTargets: readonly DeployTarget[],
): Promise<ProjectKind> {
  const kind = projectKindOf(plan);
  const { target } = plan.deploy;
  if (target) {
    const wrongKind = kindProblem(
      target,
      kind,
      allTargets.filter((t) => t !== target),
      plan.projectDir,
    );
    if (wrongKind) throw wrongKind;
    const missing = missingRequired(target, plan.deploy.secrets);
    const skipped = context !== undefined && previewWithoutSecrets(plan, context) !== undefined;
    if (missing.length > 0 && !skipped) throw requiredProblem(target, missing);
  }
  // a baseline file that is not a report would fail the run after the build
  if (plan.baselineFile) await readJsonReport(plan.baselineFile);
  return kind;
}

/**
 * Once the project is loaded, before its build: what the plan names in it must be there (a
 * `max-size` per component names a component the project has).
 */
export function checkBeforeBuild(
  plan: Pick<PreflightPlan, 'budgets'>,
  project: Pick<Project, 'components' | 'dir'>,
): void {
  const names = project.components.map((c) => c.name);
  for (const name of Object.keys(plan.budgets.maxComponentBytes)) {
    if (names.includes(name)) continue;
    throw new UsageError(
      (a) =>
        `${a.subject('max-size')} names the component "${name}", which ${path.basename(project.dir)} does not have; components: ${names.join(', ') || '(none)'}`,
    );
  }
}
