import type { RunPlan } from '../config/config.js';
import { DEPLOY_TARGETS } from '../deploy/registry.js';
import { UserError } from '../errors.js';
import type { RunContext } from '../github/context.js';
import type { Logger } from '../log.js';
import { detectProject } from '../projects/detect.js';
import type { Project } from '../projects/project.js';
import { rustTargetsOf } from '../projects/targets.js';
import { setupPlatformTools } from '../setup/index.js';
import { ensureRustTargets } from '../setup/rust-targets.js';
import { findOnPath } from '../setup/tool-path.js';
import { checkBeforeBuild, checkBeforeSetup, type PreflightPlan } from './preflight.js';

/**
 * Checks what needs no build (src/stages/preflight.ts), installs the CLIs the inputs ask for,
 * finds the project, and makes sure rustc has every wasm target the project's builds name,
 * before any build starts.
 */
export async function setupProject(
  config: PreflightPlan & Pick<RunPlan, 'githubToken'>,
  logger: Logger,
  /** The run's event, when it has one (a fork's preview needs no token). */
  context?: RunContext,
): Promise<Project> {
  await checkBeforeSetup(config, context, DEPLOY_TARGETS);
  // the deploy target's CLI and plugins come from setup too (a Spin 4 installs no plugin by itself)
  const target = config.deploy.target;
  const tools = {
    ...config.tools,
    spinPlugins: [...new Set([...config.tools.spinPlugins, ...(target?.spinPlugins ?? [])])],
  };
  if (tools.spinPlugins.length > 0 && !tools.spinVersion)
    requireCli(
      'spin',
      `${target?.spinPlugins?.length ? `\`deploy: ${target.name}\` needs` : 'spin-plugins asks for'} plugins`,
    );
  await setupPlatformTools(tools, {
    logger,
    ...(config.githubToken ? { token: config.githubToken } : {}),
  });
  const project = await detectProject(config.projectDir, tools.projectKind, {
    ...(tools.rustTarget !== undefined ? { rustTarget: tools.rustTarget } : {}),
  });
  checkBeforeBuild(config, project);
  if (project.kind === 'spin') requireCli('spin', 'a Spin app is built with `spin build`');
  if (project.kind === 'wash') requireCli('wash', 'a wasmCloud project is built with `wash build`');
  if (target?.cli) requireCli(target.cli, `\`deploy: ${target.name}\` runs it`);
  await ensureRustTargets(rustTargetsOf(project), project.dir, {
    install: config.tools.installRustTarget,
    logger,
  });
  return project;
}

/**
 * A CLI the run needs must be on PATH (installed by its `*-version` input, or by an earlier
 * step): said before any build starts, naming the input that installs it.
 */
function requireCli(tool: 'spin' | 'wash', why: string): void {
  if (findOnPath(tool)) return;
  const version = tool === 'spin' ? '`v3.4.1`' : '`v0.39.0`';
  throw new UserError(
    (a) =>
      `${tool} was not found on PATH, and ${why}: set ${a.input(`${tool}-version`)} (\`latest\` or a version such as ${version}) to have spinwash install it, or ${a.kind === 'cli' ? `put ${tool} on PATH` : `install ${tool} in an earlier step`}`,
  );
}
