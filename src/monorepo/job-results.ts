import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError, errorMessage } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import { parseReport } from '../report/json.js';
import type { Report } from '../report/model.js';
import { APP_NAME_PATTERN, checkAppName, toAppName } from '../safe-names.js';
import { VERSION } from '../version.js';
import { FAILURE_MESSAGE_MAX, type FailureRecord } from './model.js';

/**
 * What the matrix jobs leave for `merge`: each job's JSON at its `report-path`, uploaded as an
 * artifact — its report, or its failure record (model.ts) when it failed before the report.
 */

/** One job's result, as found in the downloaded artifacts. */
export type JobResult =
  | { readonly file: string; readonly app: string; readonly report: Report }
  | { readonly file: string; readonly app: string; readonly failure: FailureRecord };

/** Writes a failed job's record; never throws (the job is failing already: its own error wins). */
export async function writeFailureRecord(
  file: string,
  app: string,
  projectPath: string,
  error: string,
): Promise<boolean> {
  const record: FailureRecord = {
    schemaVersion: 1,
    tool: { name: 'spinwash', version: VERSION },
    app,
    project: { path: projectPath },
    failure: {
      message:
        error.length > FAILURE_MESSAGE_MAX ? `${error.slice(0, FAILURE_MESSAGE_MAX)}…` : error,
    },
  };
  try {
    await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a matrix job's build-to-report; when it throws before the report is written and the job
 * has an `app`, leaves the failure record at `file` first (then the error goes on as it was).
 * Without `app` (not a matrix job) nothing changes: no file appears where a report was expected.
 */
export async function recordingFailure<T>(
  job: { readonly app?: string; readonly file?: string; readonly projectDir: string },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (job.app !== undefined && job.file !== undefined)
      await writeFailureRecord(
        job.file,
        job.app,
        path.relative(process.cwd(), job.projectDir) || '.',
        errorMessage(error),
      );
    throw error;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `.json` file under `dir`, in path order (symbolic links are not followed). */
async function jsonFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = path.join(folder, e.name);
      if (e.isDirectory()) await visit(file);
      else if (e.isFile() && e.name.endsWith('.json')) found.push(file);
    }
  };
  await visit(dir);
  return found;
}

/**
 * The job results under `dir` (the folder the artifacts were downloaded to). A JSON file that
 * is not spinwash's is skipped (`skipped` names it); one that says it is spinwash's but is
 * broken is an error naming it, and so are two results for one app.
 */
export async function readJobResults(
  dir: string,
  input = '`reports`',
): Promise<{ results: JobResult[]; skipped: string[] }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UserError(
      `${input} is "${dir}": no such folder; accepted: the folder the matrix jobs' artifacts were downloaded to (actions/download-artifact \`path\`)`,
    );
  const results: JobResult[] = [];
  const skipped: string[] = [];
  for (const file of await jsonFiles(dir)) {
    const shown = path.relative(dir, file);
    const text = await readFile(file, 'utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      skipped.push(`${shown} (not JSON: ${errorMessage(error)})`);
      continue;
    }
    const tool = isObject(value) && isObject(value.tool) ? value.tool.name : undefined;
    if (!isObject(value) || tool !== 'spinwash' || Array.isArray(value.apps)) {
      // someone else's file, or a merged report: not a job's result
      skipped.push(shown);
      continue;
    }
    // a failure record has no sizes; a report whose deploy failed has both (its `failure`)
    if (isObject(value.failure) && value.components === undefined) {
      results.push({
        file: shown,
        app: failureApp(value, shown),
        failure: value as unknown as FailureRecord,
      });
    } else {
      const report = parseReport(text, shown);
      results.push({ file: shown, app: appOf(report), report });
    }
  }
  const seen = new Map<string, string>();
  for (const result of results) {
    const other = seen.get(result.app);
    if (other !== undefined)
      throw new UserError(
        `${input} holds two results for app "${result.app}": ${other} and ${result.file}; give each matrix job its own artifact`,
      );
    seen.set(result.app, result.file);
  }
  return { results, skipped };
}

function failureApp(value: Record<string, unknown>, shown: string): string {
  const failure = value.failure as Record<string, unknown>;
  const project = value.project as Record<string, unknown> | undefined;
  if (
    typeof value.app !== 'string' ||
    typeof failure.message !== 'string' ||
    typeof project?.path !== 'string'
  )
    throw new UserError(
      `${shown} is not a spinwash failure record: it needs app, project.path and failure.message`,
    );
  return checkAppName(value.app, `${shown}: app`);
}

/**
 * A report's app: its `project.name` (a matrix job's `app`), else its folder's name; a name
 * that is not an app name (a report made without `app`) is made into one.
 */
function appOf(report: Report): string {
  const name = report.project.name ?? path.posix.basename(report.project.path);
  return APP_NAME_PATTERN.test(name) ? name : toAppName(name) || 'app';
}
