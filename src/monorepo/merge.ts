import { describeBreach } from '../report/budget.js';
import {
  formatBytesExact,
  formatDeltaWithPercent,
  formatSeconds,
  formatSecondsDelta,
} from '../report/format.js';
import { cell, code, escapeHtml, renderMarkdown } from '../report/markdown.js';
import { countedOnce, type Report } from '../report/model.js';
import { VERSION } from '../version.js';
import { comparePaths } from './discover.js';
import type { JobResult } from './job-results.js';
import type { AppMatrix } from './matrix.js';
import type { AppStatus, MergedApp, MergedReport } from './model.js';

/**
 * `merge`: the matrix jobs' results as one report. One summary table (a row per app: final
 * size, change against its own baseline, deploy time, budget), problems on top, then each
 * app's own report folded in a `<details>`. Under a size limit the details give way (cut, then
 * left out); the summary never does. Pure.
 */

/** Why an app planned in the matrix has no result. */
export const NO_RESULT =
  'Its job left no report: it failed before spinwash wrote one (or before spinwash ran), was cancelled, or did not upload its `report-path`.';

const STATUS_ORDER: Record<AppStatus, number> = { failed: 0, 'over-budget': 1, passed: 2 };

function statusOf(report: Report): AppStatus {
  if (report.failure) return 'failed'; // its deploy failed: the sizes stand, the job did not pass
  return (report.budgets?.breaches.length ?? 0) > 0 ? 'over-budget' : 'passed';
}

/**
 * One entry per app: each result, and each app the matrix planned that left none (failed).
 * Failed apps first, then those over budget, then the rest; each group in path order.
 */
export function mergeApps(results: readonly JobResult[], planned?: AppMatrix): MergedApp[] {
  const apps: MergedApp[] = results.map((result) =>
    'report' in result
      ? {
          app: result.app,
          project: result.report.project.path,
          status: statusOf(result.report),
          report: result.report,
          ...(result.report.failure ? { failure: { message: result.report.failure.message } } : {}),
        }
      : {
          app: result.app,
          project: result.failure.project.path,
          status: 'failed',
          failure: { message: result.failure.failure.message },
        },
  );
  for (const entry of planned?.include ?? []) {
    if (apps.some((a) => a.app === entry.name)) continue;
    apps.push({
      app: entry.name,
      project: entry.project,
      status: 'failed',
      failure: { message: NO_RESULT },
    });
  }
  return apps.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      comparePaths(a.project, b.project) ||
      (a.app < b.app ? -1 : 1),
  );
}

export function mergedReport(apps: MergedApp[]): MergedReport {
  return { schemaVersion: 1, tool: { name: 'spinwash', version: VERSION }, apps };
}

/** The apps that should fail the merge: failed jobs and budgets that fail (`fail-on-budget`). */
export function failingApps(apps: readonly MergedApp[]): MergedApp[] {
  return apps.filter((a) => a.status === 'failed' || a.report?.budgets?.failing === true);
}

export interface MergedMarkdownOptions {
  /** Characters the whole text stays under (a PR comment: 65,536 with its marker). */
  readonly maxLength: number;
  readonly title?: string;
}

/** The merged markdown, and how many apps' details were cut or left out to fit. */
export function renderMerged(
  apps: readonly MergedApp[],
  options: MergedMarkdownOptions,
): { markdown: string; shortened: number } {
  const summary = summaryLines(apps, options.title ?? 'spinwash report').join('\n');
  const footer = `<sub>spinwash ${VERSION} · ${apps.length} app${apps.length === 1 ? '' : 's'} merged from the matrix jobs · the JSON report has every app in full</sub>\n`;
  const heads = apps.map(detailsHead);
  const wrappers = heads.reduce((sum, head) => sum + head.length + DETAILS_CLOSE.length, 0);
  const fixed = summary.length + 2 + wrappers + footer.length;
  const full = apps.map((app) => detailBody(app, Number.POSITIVE_INFINITY));
  let budgets = allocate(
    full.map((body) => body.length),
    options.maxLength - fixed,
  );
  // not even the folded headings fit: the summary alone, whole
  const withDetails = options.maxLength - fixed >= 0;
  if (!withDetails) budgets = apps.map(() => 0);
  let shortened = 0;
  const blocks = apps.map((app, i) => {
    const body = full[i]!.length <= budgets[i]! ? full[i]! : detailBody(app, budgets[i]!);
    if (body !== full[i]) shortened += 1;
    return withDetails ? `${heads[i]}${body}${DETAILS_CLOSE}` : '';
  });
  const markdown = `${summary}\n\n${blocks.join('')}${footer}`;
  return { markdown, shortened };
}

const DETAILS_CLOSE = '\n</details>\n\n';

/** The headline, the problems (broken budgets and failed jobs first) and the summary table. */
function summaryLines(apps: readonly MergedApp[], title: string): string[] {
  const failed = apps.filter((a) => a.status === 'failed');
  const over = apps.filter((a) => a.status === 'over-budget');
  const out = [`## ${escapeHtml(title)}: ${apps.length} app${apps.length === 1 ? '' : 's'}`, ''];
  if (failed.length + over.length === 0) {
    out.push(
      apps.length === 0
        ? '⚪ No app reported: the matrix ran no job, or no artifact was downloaded.'
        : `✅ ${apps.length === 1 ? 'The app' : `All ${apps.length} apps`} reported, no budget broken.`,
      '',
    );
  } else {
    const parts = [
      over.length > 0 ? `${over.length} broke a budget` : '',
      failed.length > 0 ? `${failed.length} failed` : '',
    ].filter(Boolean);
    out.push(`❌ **${parts.join(', ')}** (of ${apps.length} apps)`, '');
    for (const app of over)
      for (const breach of app.report!.budgets!.breaches)
        out.push(`- **${cell(app.app)}**: ${cell(describeBreach(breach))}`);
    for (const app of failed) out.push(`- **${cell(app.app)}**: failed: ${cell(firstLine(app))}`);
    out.push('');
  }
  if (apps.length === 0) return out;
  out.push(
    '| App | Final size | vs base | Deploy | Budget |',
    '|---|--:|--:|--:|---|',
    ...apps.map(summaryRow),
  );
  return out;
}

/** A failure's gist for one line: its first line, and the next when the first only leads in (`…failed:`). */
function firstLine(app: MergedApp): string {
  const lines = (app.failure?.message ?? '').split('\n').filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  const line =
    first.endsWith(':') && lines[1] !== undefined ? `${first} ${lines[1].trim()}` : first;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function finalBytes(report: Report): number {
  return countedOnce(report.components).reduce((sum, c) => sum + c.final.bytes, 0);
}

function summaryRow(app: MergedApp): string {
  const name = `**${cell(app.app)}** \`${code(app.project)}\``;
  const report = app.report;
  if (!report) return `| ❌ ${name} | — | — | — | ❌ job failed |`;
  const comparison = report.comparison;
  const change = comparison
    ? `${comparison.total.delta > 0 ? '🔺' : comparison.total.delta < 0 ? '🔻' : '⚪'} ${formatDeltaWithPercent(comparison.total.delta, comparison.total.percent)}`
    : report.comparisonUnavailable !== undefined
      ? '⚠️ baseline unreadable'
      : 'no baseline';
  const deploy = report.deploy
    ? `${formatSeconds(report.deploy.readySeconds)}${
        comparison?.deploy
          ? ` (${formatSecondsDelta(comparison.deploy.deltaSeconds)}${comparison.deploy.withinNoise ? ', within noise' : ''})`
          : ''
      }`
    : 'not deployed';
  const marker = app.status === 'over-budget' ? (report.budgets?.failing ? '❌ ' : '⚠️ ') : '';
  return `| ${marker}${name} | ${formatBytesExact(finalBytes(report))} | ${change} | ${deploy} | ${budgetCell(report)} |`;
}

/** The budget column: which budgets broke (the lines above the table say by how much). */
function budgetCell(report: Report): string {
  const budgets = report.budgets;
  if (!budgets || budgets.checked.length === 0) return '—';
  const broken = [...new Set(budgets.breaches.map((b) => b.budget))];
  if (broken.length === 0) return `✅ within (${budgets.checked.length} checked)`;
  return budgets.failing
    ? `❌ ${broken.join(', ')} broken`
    : `⚠️ ${broken.join(', ')} broken (not failing)`;
}

function detailsHead(app: MergedApp): string {
  const what = app.report ? formatBytesExact(finalBytes(app.report)) : 'failed';
  return `<details><summary><b>${escapeHtml(app.app)}</b> · ${escapeHtml(app.project)} · ${escapeHtml(what)}</summary>\n\n`;
}

const LEFT_OUT =
  '<sub>Details left out to stay under the size limit: see this app\u2019s job summary, or the JSON report.</sub>\n';

/** One app's detail in at most `max` characters: its report, shortened, else a note. */
function detailBody(app: MergedApp, max: number): string {
  if (!app.report) {
    const message = app.failure?.message ?? '';
    // a fence longer than any run of backticks in the message keeps it one block
    const fence = '`'.repeat(
      Math.max(3, ...[...message.matchAll(/`+/g)].map((m) => m[0].length + 1)),
    );
    const text = `The job failed:\n\n${fence}text\n${message}\n${fence}\n`;
    if (text.length <= max) return text;
    const room = max - (text.length - message.length) - 1;
    return room > 200
      ? `The job failed:\n\n${fence}text\n${message.slice(0, room)}…\n${fence}\n`
      : fitOrNothing(LEFT_OUT, max);
  }
  if (max === Number.POSITIVE_INFINITY) return renderMarkdown(app.report, { heading: false });
  const shortened = renderMarkdown(app.report, { heading: false, maxLength: max });
  return shortened.length <= max ? shortened : fitOrNothing(LEFT_OUT, max);
}

function fitOrNothing(text: string, max: number): string {
  return text.length <= max ? text : '';
}

/**
 * Shares `budget` among texts needing `needs` characters: the smallest get all they need, the
 * rest split what is left evenly (water-filling).
 */
export function allocate(needs: readonly number[], budget: number): number[] {
  const order = needs.map((need, i) => ({ need, i })).sort((a, b) => a.need - b.need);
  const shares = needs.map(() => 0);
  let left = Math.max(budget, 0);
  order.forEach(({ need, i }, k) => {
    const give = Math.min(need, Math.floor(left / (order.length - k)));
    shares[i] = give;
    left -= give;
  });
  return shares;
}
