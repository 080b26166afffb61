import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildConfig } from '../config/config.js';
import { allInputs, type InputName, type RawInputs } from '../config/inputs.js';
import { runPipeline } from '../pipeline.js';
import { closePreview } from '../stages/preview.js';
import { budgetError } from '../report/budget.js';
import { TerminalLogger } from '../cli/logger.js';
import type { CommandIO } from '../cli/io.js';

/** Action inputs that make no sense on a laptop (the CLI prints; it does not comment). */
const ACTION_ONLY = new Set<string>([
  'comment',
  'comment-key',
  'github-token',
  'report-path',
  'data-branch',
  'save-branches',
  'mode',
]);
/** Inputs that are switches on the command line (`--wasm-opt`, not `--wasm-opt true`). */
const SWITCHES = new Set<string>(['wasm-opt', 'ladder', 'preview'] satisfies InputName[]);

const INPUTS = allInputs();
/** Secrets are never flags (argv is visible to other processes): the CLI reads their env variable. */
const FLAG_INPUTS = Object.keys(INPUTS).filter(
  (name) => !ACTION_ONLY.has(name) && !INPUTS[name]!.secret,
);
const SECRET_INPUTS = Object.entries(INPUTS).filter(([, spec]) => spec.secret);

export const RUN_USAGE = `Usage: spinwash run [options]

Builds, shrinks, deploys and reports a Rust WebAssembly project, as the action does.

Options:
${FLAG_INPUTS.map((name) => {
  const input = INPUTS[name]!;
  const flag = SWITCHES.has(name) ? `--${name}` : `--${name} VALUE`;
  const fallback = input.default === '' ? '' : ` (default: ${input.default})`;
  return `  ${flag.padEnd(26)} ${input.description}${SWITCHES.has(name) ? '' : fallback}`;
}).join('\n')}
  --baseline FILE            Compare with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${
    SECRET_INPUTS.length === 0
      ? ''
      : `\n\nSecrets come from the environment, never from flags:\n${SECRET_INPUTS.map(
          ([name, spec]) => `  ${(spec.env ?? name).padEnd(26)} ${name}: ${spec.description}`,
        ).join('\n')}`
  }`;

export async function runCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      ...Object.fromEntries(
        FLAG_INPUTS.map(
          (name) => [name, { type: SWITCHES.has(name) ? 'boolean' : 'string' }] as const,
        ),
      ),
      json: { type: 'string' },
      markdown: { type: 'string' },
      baseline: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${RUN_USAGE}\n`);
    return 0;
  }
  const raw: RawInputs = {};
  for (const name of FLAG_INPUTS) {
    const value = (values as Record<string, string | boolean | undefined>)[name];
    if (typeof value === 'string') raw[name] = value;
    if (value === true) raw[name] = 'true';
  }
  if (typeof values.json === 'string') raw['report-path'] = values.json;
  if (typeof values.baseline === 'string') raw['baseline-file'] = values.baseline;
  const base = buildConfig(raw, io.cwd ?? process.cwd());
  const config = {
    ...base,
    output: {
      ...base.output,
      ...(typeof values.markdown === 'string'
        ? { markdownPath: path.resolve(io.cwd ?? process.cwd(), values.markdown) }
        : {}),
    },
  };
  const logger = new TerminalLogger(io.stderr, values.verbose === true);
  // a closed pull request's preview (`--preview` in a workflow): delete it, build nothing
  const closed = await closePreview(config, logger);
  if (closed !== undefined) {
    io.stdout(`${closed}\n`);
    return 0;
  }
  const result = await runPipeline(config, logger);
  io.stdout(`${result.markdown}\n`);
  // the reports are written and printed first, so a broken budget still shows what broke
  const breach =
    result.report.budgets && budgetError(result.report.budgets, result.project.components);
  if (breach) throw breach;
  return 0;
}
