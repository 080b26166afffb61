import { parseArgs } from 'node:util';
import { parseOutputFile, parseProjectDir } from '../config/config.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { planApps, planMarkdown } from '../monorepo/steps.js';
import type { CommandIO } from './io.js';
import { TerminalLogger } from './terminal-logger.js';

export const PLAN_USAGE = `Usage: spinwash plan [--project ROOT] [--paths-changed REF] [--json FILE]

Finds every app under ROOT (Spin apps, wasmCloud projects for wash 0.x and v2, Cargo packages
that build wasm; a Cargo workspace counts once; target/, node_modules/, hidden folders and
what .gitignore ignores are skipped) and prints them as a GitHub Actions matrix, in path order:
{"include":[{"project":"apps/a","name":"a","kind":"cargo"}, …]}. Each job passes
\`project\`, \`app: name\` and \`project-kind: kind\` on to spinwash.

Options:
  --project ROOT             The monorepo's folder (default: .).
  --paths-changed REF        Only the apps whose files changed since the merge base of REF and
                             HEAD (committed or not): their folders, their path dependencies,
                             and Cargo/Rust settings in the folders above them.
  --json FILE                Also write the matrix to FILE.
  -h, --help                 Show this help.`;

export async function runPlanCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      project: { type: 'string' },
      'paths-changed': { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${PLAN_USAGE}\n`);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  const root = parseProjectDir(values.project ?? '.', cwd);
  const json = values.json === undefined ? undefined : parseOutputFile('--json', values.json, cwd);
  const base = values['paths-changed'];
  if (base === '')
    throw new UsageError('--paths-changed is empty; accepted: a branch, tag or commit');
  const logger = new TerminalLogger(io.stderr, false);
  const planned = await planApps(root, base, cwd, logger);
  const text = JSON.stringify(planned.matrix);
  if (json) await writeFileAtomic(json, `${text}\n`);
  io.stderr(planMarkdown(planned, base));
  io.stdout(`${text}\n`);
  return 0;
}
