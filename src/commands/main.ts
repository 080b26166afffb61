import { errorMessage } from '../errors.js';
import { VERSION } from '../version.js';
import { reportCliError } from '../commands/cli-errors.js';
import type { CommandIO } from './io.js';

const USAGE = `spinwash ${VERSION}: build, shrink, deploy and report Rust WebAssembly apps

Usage: spinwash <command> [options]

Commands:
  run        Build, optimize, deploy and report a project (what the action does)
  optimize   Strip and optimize one .wasm file (a core module or a component)
  inspect    Show what spinwash finds in a project: kind, components, build commands
  bench      Build once, deploy N times: deploy-time statistics, history, charts, alerts
  plan       Find every app of a monorepo: a GitHub Actions matrix, one job per app
  merge      Merge a matrix's reports into one report: a row per app, details folded

Run \`spinwash <command> --help\` for a command's options.`;

type Command = (args: string[], io: CommandIO) => Promise<number>;

/** Commands load their code on demand: `--help` and `inspect` never load the wasm stages. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run-command.js')).runCommand,
  optimize: async () => (await import('./optimize-command.js')).runOptimizeCommand,
  inspect: async () => (await import('./inspect-command.js')).runInspectCommand,
  bench: async () => (await import('./bench-command.js')).runBenchCommand,
  plan: async () => (await import('./plan-command.js')).runPlanCommand,
  merge: async () => (await import('./merge-command.js')).runMergeCommand,
};

/** The CLI, with its I/O injected; returns the exit code. */
export async function cliMain(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(
      `spinwash: error: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(', ')} (see \`spinwash --help\`)\n`,
    );
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    try {
      return reportCliError(error, io, name);
    } catch {
      io.stderr(
        `spinwash: internal error (a bug in spinwash): ${error instanceof Error ? (error.stack ?? error.message) : errorMessage(error)}\n`,
      );
      return 1;
    }
  }
}
