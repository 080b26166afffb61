import type { RunPlan } from '../config/config.js';
import { DEPLOY_TARGETS } from '../deploy/registry.js';
import { UserError, type Audience } from '../errors.js';
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
    requireCli('spin', (a) =>
      target?.spinPlugins?.length
        ? `${a.setting('deploy', target.name)} needs plugins`
        : `${a.input('spin-plugins')} asks for plugins`,
    );
  await setupPlatformTools(tools, {
    logger,
    ...(config.githubToken ? { token: config.githubToken } : {}),
  });
  const project = await detectProject(config.projectDir, tools.projectKind, {
    ...(tools.rustTarget !== undefined ? { rustTarget: tools.rustTarget } : {}),
  });
  checkBeforeBuild(config, project);
  // the deploy target's CLI first: without it, building without the build's CLI gains nothing
  if (target?.cli) requireCli(target.cli, (a) => `${a.setting('deploy', target.name)} runs it`);
  const built = withBuildTool(project, logger);
  await ensureRustTargets(rustTargetsOf(project), project.dir, {
    install: config.tools.installRustTarget,
    logger,
  });
  return built;
}

/**
 * The project with the build that will run: its own (the CLI is on PATH, or it runs none), or,
 * when its CLI is missing, the same steps run by spinwash where it can (a Spin app's plain
 * build commands, said in the log); else the one line that names the input installing it.
 */
function withBuildTool(project: Project, logger: Logger): Project {
  const tool = project.buildTool;
  if (!tool || findOnPath(tool.cli)) return project;
  const build = tool.withoutCli;
  if (!build) {
    requireCli(tool.cli, () => tool.why);
    return project;
  }
  logger.info(
    `${tool.cli} is not on PATH: spinwash runs each component's build command itself, as \`${tool.cli} build\` would (in its workdir, through the shell)`,
  );
  return { ...project, build };
}

const EXAMPLE_VERSION = { spin: '`v3.4.1`', wash: '`v0.39.0`', wasmtime: '`v48.0.8`' };

/**
 * A CLI the run needs must be on PATH (installed by its `*-version` input, or by an earlier
 * step): said before any build starts, naming the input that installs it.
 */
function requireCli(tool: 'spin' | 'wash' | 'wasmtime', why: (audience: Audience) => string): void {
  if (findOnPath(tool)) return;
  throw new UserError(
    (a) =>
      `${tool} was not found on PATH, and ${why(a)}: set ${a.input(`${tool}-version`)} (\`latest\` or a version such as ${EXAMPLE_VERSION[tool]}) to have spinwash install it, or ${a.kind === 'cli' ? `put ${tool} on PATH` : `install ${tool} in an earlier step`}`,
  );
}
