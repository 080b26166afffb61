import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import type { Logger } from '../log.js';
import { changedApps } from './changed.js';
import { discoverApps } from './discover.js';
import { readJobResults } from './job-results.js';
import { appMatrix, parseAppMatrix, type AppMatrix } from './matrix.js';
import { mergeApps, mergedReport, type MergedMarkdownOptions, renderMerged } from './merge.js';
import type { MergedApp, MergedReport } from './model.js';
import { cell, code } from '../report/markdown.js';

/** `plan` and `merge` as the action and the CLI both run them. */

export interface Planned {
  readonly matrix: AppMatrix;
  /** How many apps were found before `paths-changed` narrowed them. */
  readonly found: number;
}

/** Every app under `root`, narrowed to those changed since `base` when given; paths relative to `cwd`. */
export async function planApps(
  root: string,
  base: string | undefined,
  cwd: string,
  logger: Logger,
): Promise<Planned> {
  const apps = await discoverApps(root, logger);
  const planned = base === undefined ? apps : await changedApps(root, apps, base);
  if (base !== undefined)
    logger.info(`${planned.length} of ${apps.length} apps changed since ${base}`);
  return { matrix: appMatrix(planned, cwd), found: apps.length };
}

/** The plan as markdown (the job summary, the CLI's stderr): one row per app. */
export function planMarkdown(planned: Planned, base?: string): string {
  const n = planned.matrix.include.length;
  const head =
    base === undefined
      ? `## spinwash plan: ${n} app${n === 1 ? '' : 's'}`
      : `## spinwash plan: ${n} of ${planned.found} apps changed since \`${code(base)}\``;
  if (n === 0) return `${head}\n\nNothing to build.\n`;
  const rows = planned.matrix.include.map(
    (e) => `| ${cell(e.name)} | ${e.kind} | \`${code(e.project)}\` |`,
  );
  return [head, '', '| App | Kind | Folder |', '|---|---|---|', ...rows, ''].join('\n');
}

export interface Merged {
  readonly apps: MergedApp[];
  readonly report: MergedReport;
}

/** The job results under `dir`, with the apps `matrix` (the plan's JSON text) planned. */
export async function mergeJobResults(
  dir: string,
  matrix: string | undefined,
  logger: Logger,
  input?: { readonly reports: string; readonly matrix: string },
): Promise<Merged> {
  const planned =
    matrix === undefined ? undefined : parseAppMatrix(matrix, input?.matrix ?? 'Input `matrix`');
  const { results, skipped } = await readJobResults(dir, input?.reports);
  for (const file of skipped) logger.info(`Skipped ${file}: not a spinwash job's report`);
  const apps = mergeApps(results, planned);
  logger.info(
    `Merged ${results.length} job result${results.length === 1 ? '' : 's'}${planned ? ` for ${planned.include.length} planned apps` : ''}`,
  );
  return { apps, report: mergedReport(apps) };
}

/** Writes the merged JSON (atomically). */
export async function writeMergedJson(file: string, report: MergedReport): Promise<string> {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  await writeFileAtomic(file, text);
  return text;
}

/** The merged markdown under a limit, saying in the log how many details gave way. */
export function mergedMarkdown(
  apps: readonly MergedApp[],
  options: MergedMarkdownOptions,
  logger: Logger,
): string {
  const { markdown, shortened } = renderMerged(apps, options);
  if (shortened > 0)
    logger.info(
      `The details of ${shortened} app(s) were shortened to stay under ${options.maxLength} characters`,
    );
  return markdown;
}

/** The error a merge ends with when an app failed or broke a budget that fails; undefined when all passed. */
export function mergeFailure(failing: readonly MergedApp[], total: number): UserError | undefined {
  if (failing.length === 0) return undefined;
  const what = failing.map((a) =>
    a.status === 'failed' ? `${a.app} (its job failed)` : `${a.app} (a budget was broken)`,
  );
  return new UserError(`${failing.length} of ${total} apps did not pass: ${what.join(', ')}`);
}

/** A matrix read from a file (the CLI's `--matrix`). */
export async function readMatrixFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(
      `--matrix is "${file}", which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); accepted: the JSON file \`spinwash plan --json\` wrote`,
    );
  }
}
