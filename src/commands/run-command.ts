import { parseArgs } from 'node:util';
import { buildConfig, parseOutputFile } from '../config/config.js';
import { allInputs, CLI_SWITCHES, type InputName, type RawInputs } from '../config/inputs.js';
import { cliText } from './cli-words.js';
import { readRunContext } from '../github/context.js';
import { execute } from '../execute.js';
import { budgetError } from '../report/budget.js';
import { TerminalLogger } from './terminal-logger.js';
import type { CommandIO } from './io.js';

/**
 * Inputs that are no flag of `run`: the action's own (`cli: false` in the table: the CLI
 * prints, it does not comment), one the CLI names otherwise (`report-path` is `--json`), and
 * the flags of `spinwash plan` and `spinwash merge`.
 */
const NOT_RUN_FLAGS = new Set<string>(['report-path', 'paths-changed', 'reports', 'matrix']);
/** Inputs of `mode: benchmark` only: flags of `spinwash bench`, not of `run` (alerts open issues: action only). */
export const BENCH_INPUTS = [
  'repeat',
  'min-interval',
  'history-limit',
  'alert-window',
  'alert-threshold',
  'fail-on-alert',
  'cold-start',
] as const satisfies InputName[];

const INPUTS = allInputs();
/** Secrets are never flags (argv is visible to other processes): the CLI reads their env variable. */
export const FLAG_INPUTS = Object.keys(INPUTS).filter(
  (name) =>
    INPUTS[name]!.cli !== false &&
    !NOT_RUN_FLAGS.has(name) &&
    !(BENCH_INPUTS as readonly string[]).includes(name) &&
    !INPUTS[name]!.secret,
);
const SECRET_INPUTS = Object.entries(INPUTS).filter(([, spec]) => spec.secret);

/** The help lines of these inputs' flags. */
export function flagHelp(names: readonly string[]): string {
  return names
    .map((name) => {
      const input = INPUTS[name]!;
      const flag = CLI_SWITCHES.has(name) ? `--${name}` : `--${name} VALUE`;
      const fallback = input.default === '' ? '' : ` (default: ${input.default})`;
      return `  ${flag.padEnd(26)} ${cliText(input.description)}${CLI_SWITCHES.has(name) ? '' : fallback}`;
    })
    .join('\n');
}

/** The parseArgs options of these inputs' flags. */
export function flagOptions(
  names: readonly string[],
): Record<string, { type: 'boolean' | 'string' }> {
  return Object.fromEntries(
    names.map((name) => [name, { type: CLI_SWITCHES.has(name) ? 'boolean' : 'string' }] as const),
  );
}

/** The raw inputs the given flags set (a switch given is `true`). */
export function inputsFromFlags(
  values: Record<string, unknown>,
  names: readonly string[],
): RawInputs {
  const raw: RawInputs = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string') raw[name] = value;
    if (value === true) raw[name] = 'true';
  }
  return raw;
}

/** The help's closing lines about secrets (read from the environment). */
export const SECRETS_HELP =
  SECRET_INPUTS.length === 0
    ? ''
    : `\n\nSecrets come from the environment, never from flags:\n${SECRET_INPUTS.map(
        ([name, spec]) => `  ${(spec.env ?? name).padEnd(26)} ${cliText(spec.description)}`,
      ).join('\n')}`;

export const RUN_USAGE = `Usage: spinwash run [options]

Builds, shrinks, deploys and reports a Rust WebAssembly project, as the action does.

Options:
${flagHelp(FLAG_INPUTS)}
  --baseline FILE            Compare with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${SECRETS_HELP}`;

/** The flags `run` and `bench` share besides the inputs: where the reports go, and help. */
export const REPORT_FLAGS = {
  json: { type: 'string' },
  markdown: { type: 'string' },
  baseline: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: { ...flagOptions(FLAG_INPUTS), ...REPORT_FLAGS },
  });
  if (values.help) {
    io.stdout(`${RUN_USAGE}\n`);
    return 0;
  }
  const raw = inputsFromFlags(values, FLAG_INPUTS);
  if (typeof values.json === 'string') {
    parseOutputFile('--json', values.json, io.cwd ?? process.cwd()); // named as the user typed it
    raw['report-path'] = values.json;
  }
  if (typeof values.baseline === 'string') raw['baseline-file'] = values.baseline;
  const base = buildConfig(raw, io.cwd ?? process.cwd());
  const config = {
    ...base,
    output: {
      ...base.output,
      ...(typeof values.markdown === 'string'
        ? { markdownPath: parseOutputFile('--markdown', values.markdown, io.cwd ?? process.cwd()) }
        : {}),
    },
  };
  const logger = new TerminalLogger(io.stderr, values.verbose === true);
  // a closed pull request's preview (`--preview` in a workflow) is deleted, nothing built
  const outcome = await execute(config, logger, await readRunContext(process.env));
  if (outcome.kind === 'preview-closed') {
    io.stdout(`${outcome.message}\n`);
    return 0;
  }
  const { result } = outcome;
  io.stdout(`${result.markdown}\n`);
  // the reports are written and printed first, so a failed deploy or a broken budget still shows
  if (result.failure) throw result.failure;
  const breach =
    result.report.budgets && budgetError(result.report.budgets, result.project.components);
  if (breach) throw breach;
  return 0;
}
