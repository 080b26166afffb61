import path from 'node:path';
import { UserError } from '../errors.js';
import { execCapture } from '../exec.js';
import { compilerLocation, lastCargoError } from './cargo.js';
import type { BuildEnvironment, ComponentSpec } from './project.js';

/**
 * A Spin app built without `spin`: each component's `[component.x.build] command` run the way
 * `spin build` runs it (spinframework/spin crates/build/src/lib.rs, read, not linked): every
 * command through the platform's shell (subprocess's `Exec::shell`: `sh -c` here, `cmd.exe /c`
 * on Windows), in the component's `workdir` (relative to spin.toml, which is the default), with
 * the environment inherited as it is (Spin adds nothing), the components one after another in
 * manifest order and each one's commands in turn, stopping at the first that fails.
 *
 * Only a plain build is run so: `spin build` also generates the WIT of a component's
 * `dependencies` and checks the app against its `[application] targets`, which spinwash does
 * not do; a manifest with either needs `spin` (see `whyBuildNeedsSpin`).
 */

/** A component's build as `spin build` runs it. */
export interface SpinBuildSteps {
  readonly component: string;
  readonly commands: readonly string[];
  readonly workdir: string;
  readonly manifest: string;
}

/** The platform shell and its arguments for one command. */
function shell(command: string): [string, string[]] {
  return process.platform === 'win32'
    ? [process.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', command]]
    : ['/bin/sh', ['-c', command]];
}

/** Runs every component's build commands; a failure is one UserError with the compiler's last error. */
export async function runSpinBuildCommands(
  builds: readonly SpinBuildSteps[],
  environment: BuildEnvironment,
): Promise<void> {
  const { logger } = environment;
  for (const build of builds) {
    for (const [index, command] of build.commands.entries()) {
      const step = build.commands.length > 1 ? ` (step ${index + 1}/${build.commands.length})` : '';
      const [program, args] = shell(command);
      const result = await logger.group(`${build.component}${step}: ${command}`, () =>
        execCapture(program, args, {
          cwd: build.workdir,
          env: environment.env,
          onOutput: (chunk) => logger.output(chunk),
        }),
      );
      if (result.code === 0) continue;
      const error = lastCargoError(result.stderr || result.stdout);
      const at = compilerLocation(error, [build.workdir]);
      throw new UserError(
        `Build command for component ${build.component} failed (exit code ${result.code}): \`${command}\` in ${path.relative(path.dirname(build.manifest), build.workdir) || '.'}:\n${error}`,
        at?.file ?? build.manifest,
        at?.line,
      );
    }
  }
}

/** The builds of the components that have one, in manifest order. */
export function spinBuildsOf(
  components: readonly ComponentSpec[],
  steps: ReadonlyMap<string, readonly string[]>,
): SpinBuildSteps[] {
  return components.flatMap((c) => {
    const commands = steps.get(c.name);
    return commands && c.workdir
      ? [{ component: c.name, commands, workdir: c.workdir, manifest: c.manifest }]
      : [];
  });
}
