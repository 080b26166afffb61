import type { RunPlan } from '../config/config.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import { ensureRustTarget } from '../projects/cargo.js';
import { detectProject } from '../projects/detect.js';
import type { Project } from '../projects/project.js';
import { rustTargetsOf } from '../projects/targets.js';
import { setupPlatformTools } from '../setup/index.js';
import { findOnPath } from '../setup/tool-path.js';

/**
 * Installs the CLIs the inputs ask for, finds the project, and makes sure rustc has every
 * wasm target the project's builds name, before any build starts.
 */
export async function setupProject(
  config: Pick<RunPlan, 'projectDir' | 'tools' | 'githubToken'> & {
    readonly deploy?: Pick<RunPlan['deploy'], 'target'>;
  },
  logger: Logger,
): Promise<Project> {
  // the deploy target's CLI and plugins come from setup too (a Spin 4 installs no plugin by itself)
  const target = config.deploy?.target;
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
  if (project.kind === 'spin') requireCli('spin', 'a Spin app is built with `spin build`');
  if (project.kind === 'wash') requireCli('wash', 'a wasmCloud project is built with `wash build`');
  if (target?.cli) requireCli(target.cli, `\`deploy: ${target.name}\` runs it`);
  for (const target of rustTargetsOf(project)) await ensureRustTarget(target, project.dir);
  return project;
}

const EXAMPLE_VERSION = { spin: '`v3.4.1`', wash: '`v0.39.0`', wasmtime: '`v48.0.8`' };

/**
 * A CLI the run needs must be on PATH (installed by its `*-version` input, or by an earlier
 * step): said before any build starts, naming the input that installs it.
 */
function requireCli(tool: 'spin' | 'wash' | 'wasmtime', why: string): void {
  if (findOnPath(tool)) return;
  throw new UserError(
    `${tool} was not found on PATH, and ${why}: set the \`${tool}-version\` input (\`latest\` or a version such as ${EXAMPLE_VERSION[tool]}) to have spinwash install it, or install ${tool} in an earlier step`,
  );
}
