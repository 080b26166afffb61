import { parseArgs } from 'node:util';
import path from 'node:path';
import { parseOutputFile } from '../config/config.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { COMMENT_LIMIT } from '../github/comment.js';
import { failingApps } from '../monorepo/merge.js';
import {
  mergeFailure,
  mergedMarkdown,
  mergeJobResults,
  readMatrixFile,
  writeMergedJson,
} from '../monorepo/steps.js';
import type { CommandIO } from './io.js';
import { TerminalLogger } from './terminal-logger.js';

export const MERGE_USAGE = `Usage: spinwash merge --reports DIR [--matrix FILE] [--markdown FILE] [--json FILE]

Merges the JSON reports of a monorepo's matrix jobs (every spinwash report or failure record
under DIR, as actions/download-artifact left them) into one report: a summary table with a
row per app (final size, change against its own baseline, deploy time, budget), failed jobs
and broken budgets on top, then each app's report folded. The markdown is printed, sized for
a PR comment (details are cut before the summary ever is). Exits 1 when an app's job failed
or broke a budget that fails.

Options:
  --reports DIR              The folder holding the jobs' reports (required).
  --matrix FILE              The matrix \`spinwash plan --json\` wrote: an app it lists with no
                             report shows as failed.
  --markdown FILE            Write the merged markdown to FILE.
  --json FILE                Write the merged JSON ({"apps": [...]}) to FILE.
  -h, --help                 Show this help.`;

export async function runMergeCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      reports: { type: 'string' },
      matrix: { type: 'string' },
      markdown: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${MERGE_USAGE}\n`);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  if (values.reports === undefined) throw new UsageError('--reports DIR is required');
  const json = values.json === undefined ? undefined : parseOutputFile('--json', values.json, cwd);
  const markdownFile =
    values.markdown === undefined ? undefined : parseOutputFile('--markdown', values.markdown, cwd);
  const matrix =
    values.matrix === undefined
      ? undefined
      : await readMatrixFile(path.resolve(cwd, values.matrix));
  const logger = new TerminalLogger(io.stderr, false);
  const { apps, report } = await mergeJobResults(
    path.resolve(cwd, values.reports),
    matrix,
    logger,
    {
      reports: '--reports',
      matrix: '--matrix',
    },
  );
  // the size the action's comment takes (its marker aside)
  const markdown = mergedMarkdown(apps, { maxLength: COMMENT_LIMIT - 64 }, logger);
  if (json) await writeMergedJson(json, report);
  if (markdownFile) await writeFileAtomic(markdownFile, markdown);
  io.stdout(markdown);
  const failure = mergeFailure(failingApps(apps), apps.length);
  if (failure) throw failure;
  return 0;
}
