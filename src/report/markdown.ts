import { describeBreach, describeNotChecked } from './budget.js';
import {
  formatByteDelta,
  formatByteDeltaExact,
  formatBytes,
  formatBytesExact,
  formatDeltaWithPercent,
  formatPercent,
  formatSeconds,
  formatSecondsDelta,
  percentChange,
} from './format.js';
import { isLocalUrl } from './format.js';
import {
  BROTLI_QUALITY,
  countedOnce,
  DEPLOY_NOISE_FRACTION,
  GZIP_LEVEL,
  type ComponentComparison,
  type ComponentReport,
  type Comparison,
  type FunctionDelta,
  type Report,
  type StageSizes,
} from './model.js';

/**
 * The report as GitHub-flavoured markdown: job summary, PR comment and the CLI's terminal
 * output. Pure (report in, text out) so it is snapshot-tested and the same everywhere.
 */

export interface MarkdownOptions {
  /** First heading; default `spinwash report`. */
  title?: string;
  /** False leaves the heading out (a merged report folds each app under a summary line of its own). */
  heading?: boolean;
  /** Rows of the section table per component; default 10. */
  topSections?: number;
  /** Rows of the largest-functions table; default 10. */
  topFunctions?: number;
  /** Rows of each "what changed against the baseline" table (sections, functions); default 10. */
  changeRows?: number;
  /**
   * Characters the text should stay under (a PR comment takes 65,536). Detail is dropped in
   * steps until it fits: the "what changed" tables first (fewer rows, then none), then fewer
   * rows elsewhere, then per-component details of unchanged components.
   */
  maxLength?: number;
}

/** Detail levels tried in turn until the text fits maxLength. */
interface Detail {
  /** Rows of each "what changed" table; 0 leaves the block out. */
  changes: number;
  sections: number;
  functions: number;
  ladder: boolean;
  /** Which components get a details block. */
  components: 'all' | 'changed' | 'none';
}

const DEFAULT_MAX_LENGTH = 60_000;
/** Components shown openly (headings) rather than each folded in a `<details>`. */
const OPEN_COMPONENTS = 3;
const NAME_MAX = 80;

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const sections = options.topSections ?? 10;
  const functions = options.topFunctions ?? 10;
  const changes = options.changeRows ?? 10;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  // What changed against the baseline is dropped first: the overview already has every delta.
  const levels: Detail[] = [
    { changes, sections, functions, ladder: true, components: 'all' },
    { changes: Math.min(changes, 3), sections, functions, ladder: true, components: 'all' },
    { changes: 0, sections, functions, ladder: true, components: 'all' },
    {
      changes: 0,
      sections: Math.min(sections, 5),
      functions: Math.min(functions, 5),
      ladder: false,
      components: 'all',
    },
    {
      changes: 0,
      sections: Math.min(sections, 5),
      functions: 0,
      ladder: false,
      components: 'changed',
    },
    { changes: 0, sections: 0, functions: 0, ladder: false, components: 'none' },
  ];
  let text = '';
  for (const detail of levels) {
    text = render(
      report,
      options.heading === false ? undefined : (options.title ?? 'spinwash report'),
      detail,
    );
    if (text.length <= maxLength) break;
  }
  return text;
}

function render(report: Report, title: string | undefined, detail: Detail): string {
  const out: string[] = [
    ...(title === undefined ? [] : [`## ${title}`, '']),
    ...previewLines(report),
  ];
  out.push(
    report.comparison
      ? verdict(report.comparison)
      : report.comparisonUnavailable !== undefined
        ? `⚠️ No comparison with the base branch: its stored report could not be read (${escapeHtml(report.comparisonUnavailable)}). The sizes below are this run's alone.`
        : NO_BASELINE,
    '',
  );
  out.push(...budgetLines(report), ...overview(report), ...runLines(report));

  const byName = new Map(report.comparison?.components.map((c) => [c.name, c]));
  const open = report.components.length <= OPEN_COMPONENTS;
  // In a monorepo's comparison, what did not change is listed once, folded, without its details.
  const onlyChanged = detail.components === 'changed' || (report.comparison !== undefined && !open);
  const shown = report.components.filter((c) => {
    if (detail.components === 'none') return false;
    return !onlyChanged || byName.get(c.name)?.status !== 'unchanged';
  });
  for (const component of shown)
    out.push(...componentBlock(component, byName.get(component.name), detail, open));
  if (shown.length < report.components.length) {
    const why =
      detail.components === 'all' ? 'unchanged' : 'unchanged, or to stay under the size limit';
    out.push(
      `<sub>Details of ${report.components.length - shown.length} component(s) left out (${why}); the JSON report has everything.</sub>`,
      '',
    );
  }
  out.push(
    `<sub>spinwash ${report.tool.version} · ${report.project.kind} project \`${code(report.project.path)}\` · gzip -${GZIP_LEVEL}, brotli q${BROTLI_QUALITY}</sub>`,
  );
  return out.join('\n') + '\n';
}

/** The verdict line when there was no baseline report: no change is claimed, none was measured. */
export const NO_BASELINE =
  '⚪ No baseline: nothing to compare against (no report for the base commit, and no `baseline-file`), so no change is shown.';

/** A failure, then a pull request's preview URL, first thing under the title; then any notice of the run. */
function previewLines(report: Report): string[] {
  const out: string[] = [];
  if (report.failure)
    out.push(
      `❌ **The ${report.failure.stage} failed**: ${escapeHtml(report.failure.message)}`,
      '',
      'The sizes below were measured before it failed.',
      '',
    );
  const preview = report.deploy?.preview;
  if (preview && report.deploy)
    out.push(`**Preview:** <${report.deploy.url}> (\`${code(preview.name)}\`)`, '');
  for (const notice of report.notices ?? []) out.push(`> ${notice}`, '');
  return out;
}

/** One line on top: how the total moved against the baseline and how many components did what. */
export function verdict(comparison: Comparison): string {
  const counts = { grew: 0, shrank: 0, unchanged: 0, added: 0, removed: 0 };
  for (const c of comparison.components) {
    if (c.status === 'changed') counts[(c.delta?.bytes ?? 0) > 0 ? 'grew' : 'shrank'] += 1;
    else counts[c.status] += 1;
  }
  const { delta, percent } = comparison.total;
  const marker = delta > 0 ? '🔺' : delta < 0 ? '🔻' : '⚪';
  const parts = (Object.keys(counts) as (keyof typeof counts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k}`);
  const base = comparison.baseline.commit
    ? `${comparison.baseline.label} (\`${comparison.baseline.commit.slice(0, 7)}\`)`
    : comparison.baseline.label;
  // Added and removed components have no counterpart: the total is over the ones in both.
  const scope = counts.added + counts.removed > 0 ? ' (components in both)' : '';
  return `${marker} **${formatDeltaWithPercent(delta, percent)}** against ${base}${scope}: ${parts.join(', ')}.`;
}

function budgetLines(report: Report): string[] {
  const budgets = report.budgets;
  const notChecked = (budgets?.notChecked ?? []).map(describeNotChecked);
  const skipped = notChecked.length > 0 ? [`⚠️ ${notChecked.join('; ')}.`, ''] : [];
  if (!budgets || budgets.checked.length === 0) return skipped;
  if (budgets.breaches.length === 0)
    return [`✅ Within budget: ${budgets.checked.join(', ')}.`, '', ...skipped];
  const head = budgets.failing
    ? '❌ **Budget broken**'
    : '⚠️ **Budget broken** (not failing the run: `fail-on-budget: false`)';
  return [head, '', ...budgets.breaches.map((b) => `- ${describeBreach(b)}`), '', ...skipped];
}

/** One row per component (and per removed component): final sizes and, with a baseline, deltas. */
function overview(report: Report): string[] {
  const comparison = report.comparison;
  const rows: string[] = [];
  if (!comparison) {
    rows.push('| Component | Final size | Gzip | Brotli |', '|---|--:|--:|--:|');
    for (const c of report.components) {
      rows.push(
        `| ${cell(c.name)}${sharedNote(c)} | ${formatBytesExact(c.final.bytes)} | ${formatBytes(c.final.gzipBytes)} | ${formatBytes(c.final.brotliBytes)} |`,
      );
    }
    const files = countedOnce(report.components);
    if (files.length < report.components.length) {
      const sum = (pick: (c: ComponentReport) => number): number =>
        files.reduce((s, c) => s + pick(c), 0);
      rows.push(
        `| **Total** (${report.components.length} components, ${files.length} file${files.length === 1 ? '' : 's'}: each counted once) | ${formatBytesExact(sum((c) => c.final.bytes))} | ${formatBytes(sum((c) => c.final.gzipBytes))} | ${formatBytes(sum((c) => c.final.brotliBytes))} |`,
      );
    }
    return [...rows, ''];
  }
  rows.push('| Component | Final size | Δ size | Gzip | Δ gzip |', '|---|--:|--:|--:|--:|');
  const unchanged: ComponentComparison[] = [];
  for (const c of comparison.components) {
    if (c.status === 'unchanged') unchanged.push(c);
    else rows.push(comparisonRow(c));
  }
  const out = [...rows, ''];
  if (unchanged.length > 0) {
    out.push(
      `<details><summary>${unchanged.length} unchanged component(s)</summary>`,
      '',
      unchanged.map((c) => `\`${code(c.name)}\` ${formatBytes(c.current?.bytes ?? 0)}`).join(' · '),
      '',
      '</details>',
      '',
    );
  }
  return out;
}

/** ` (same file as web)` for a component whose file another one owns (counted once, there). */
function sharedNote(c: Pick<ComponentReport, 'sameFileAs'>): string {
  return c.sameFileAs === undefined ? '' : ` (same file as ${cell(c.sameFileAs)})`;
}

function comparisonRow(c: ComponentComparison): string {
  const name = cell(c.name);
  if (c.status === 'removed') {
    return `| ${name} (removed) | — | ${formatByteDelta(-(c.base?.bytes ?? 0))} | — | ${formatByteDelta(-(c.base?.gzipBytes ?? 0))} |`;
  }
  const now = c.current ?? { bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  if (c.status === 'added') {
    return `| 🆕 ${name} (new) | ${formatBytesExact(now.bytes)} | new | ${formatBytes(now.gzipBytes)} | new |`;
  }
  const d = c.delta ?? { bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  const marker = d.bytes > 0 ? '🔺' : d.bytes < 0 ? '🔻' : '⚪';
  return `| ${marker} ${name} | ${formatBytesExact(now.bytes)} | ${formatDeltaWithPercent(d.bytes, d.bytesPercent)} | ${formatBytes(now.gzipBytes)} | ${formatByteDelta(d.gzipBytes)} (${formatPercent(d.gzipPercent)}) |`;
}

/** Build and optimize times, and the deploy table. */
function runLines(report: Report): string[] {
  const times = [`Build **${formatSeconds(report.build.seconds)}**`];
  if (report.optimize) {
    // "wasm-opt" only where it changed a file: a run where it gained nothing says so
    const optimized = report.components.some((c) => c.stages.some((s) => s.stage === 'optimized'));
    const what = optimized
      ? 'strip + wasm-opt'
      : report.optimize.wasmOpt
        ? 'strip; wasm-opt changed nothing'
        : 'strip';
    times.push(`optimize **${formatSeconds(report.optimize.seconds)}** (${what})`);
  }
  const out = [`${times.join(' · ')}`, ''];
  const deploy = report.deploy;
  if (deploy) {
    const baseDeploy = report.comparison?.deploy;
    const head = ['Target', 'URL', 'Status', 'Ready', 'First response'];
    const row = [
      cell(deploy.target),
      urlCell(deploy.url),
      String(deploy.status),
      formatSeconds(deploy.readySeconds),
      formatSeconds(deploy.firstResponseSeconds),
    ];
    if (baseDeploy) {
      head.push('Ready vs base');
      row.push(deployChange(baseDeploy));
    }
    out.push(
      '**Deploy**',
      '',
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      `| ${row.join(' | ')} |`,
      '',
      ...deployNote(deploy),
    );
    if (deploy.note) out.push(`> ${cell(deploy.note)}`, '');
    if (deploy.routes && deploy.routes.length > 0) {
      out.push('| Route | Component | Status | First answer |', '|---|---|---|---|');
      for (const r of deploy.routes)
        out.push(
          `| \`${code(r.route)}\` | ${cell(r.component)} | ${r.status} | ${formatSeconds(r.seconds)} |`,
        );
      out.push('');
    }
    if (deploy.image) {
      const size =
        deploy.pushedBytes !== undefined ? ` · ${formatBytesExact(deploy.pushedBytes)}` : '';
      const time =
        deploy.pushSeconds !== undefined ? ` in ${formatSeconds(deploy.pushSeconds)}` : '';
      const rollout =
        deploy.rolloutSeconds !== undefined
          ? ` · rolled out in ${formatSeconds(deploy.rolloutSeconds)}`
          : '';
      // the whole reference (no shortening): it is what a cluster pulls
      out.push(`Pushed \`${deploy.image.replace(/`/g, "'")}\`${size}${time}${rollout}`, '');
    }
  }
  return out;
}

/**
 * A loopback URL is gone when the run ends: shown as where it was served, never as a link
 * (GitHub would link a bare `http://127.0.0.1…` too, so no scheme is written).
 */
function urlCell(url: string): string {
  if (!url) return '—';
  if (isLocalUrl(url))
    return `served locally (\`${code(new URL(url).host)}\`, stopped when the run ended)`;
  return `<${url}>`;
}

/** The change in deploy time, called noise unless it is beyond the spread (measured, or assumed). */
function deployChange(d: NonNullable<Comparison['deploy']>): string {
  const change = `${formatSecondsDelta(d.deltaSeconds)} (${formatPercent(percentChange(d.baseReadySeconds, d.readySeconds))})`;
  const band =
    d.noiseSource === 'measured'
      ? `± ${formatSeconds(d.noiseSeconds)} measured spread`
      : `± ${Math.round(DEPLOY_NOISE_FRACTION * 100)}%, one sample`;
  return d.withinNoise
    ? `⚪ ${change}: within noise (${band})`
    : `${change}, beyond noise (${band})`;
}

/** How the remote deploy's time was measured: the command's own time, and the version proof. */
function deployNote(deploy: NonNullable<Report['deploy']>): string[] {
  const parts: string[] = [];
  if (deploy.commandSeconds !== undefined)
    parts.push(`the deploy command itself took ${formatSeconds(deploy.commandSeconds)}`);
  if (deploy.versionProof === 'spin-info')
    parts.push(
      `the new version was told by Spin's info digest${deploy.digest ? ` \`${code(deploy.digest.slice(0, 19))}…\`` : ''}`,
    );
  else if (deploy.versionProof === 'body')
    parts.push('the new version was told by `health-expect` in the body');
  else if (deploy.versionProof === 'none')
    parts.push('the version was not proven (first HTTP 200; set `health-expect` to prove it)');
  if (parts.length === 0) return [];
  const text = parts.join('; ');
  return [`<sub>Ready counts from the deploy command's start; ${text}.</sub>`, ''];
}

function componentBlock(
  component: ComponentReport,
  comparison: ComponentComparison | undefined,
  detail: Detail,
  open: boolean,
): string[] {
  const summary = `${code(component.name)}: ${formatBytesExact(component.final.bytes)}${component.binaryKind ? ` ${component.binaryKind}` : ''}`;
  const out: string[] = open
    ? [
        `### ${cell(component.name)}`,
        '',
        `Final size **${formatBytesExact(component.final.bytes)}** (gzip ${formatBytes(component.final.gzipBytes)}, brotli ${formatBytes(component.final.brotliBytes)}) · \`${code(component.wasm)}\`${component.sameFileAs === undefined ? '' : ` · the same file as ${cell(component.sameFileAs)}, counted once`}`,
        '',
      ]
    : [
        `<details><summary><b>${escapeHtml(summary)}</b></summary>`,
        '',
        `\`${code(component.wasm)}\``,
        '',
      ];
  out.push(...stageTable(component.stages));
  if (comparison && detail.changes > 0) out.push(...whatChanged(comparison, detail.changes));
  if (detail.sections > 0 && component.sections.length > 0) {
    const total = component.final.bytes;
    const top = component.sections.slice(0, detail.sections);
    const rest = component.sections.length - top.length;
    out.push(
      ...folded(`Top sections (${top.length} of ${component.sections.length})`, [
        '| Section | Size | Share |',
        '|---|--:|--:|',
        ...top.map(
          (s) =>
            `| \`${code(s.name)}\` | ${formatBytesExact(s.bytes)} | ${share(s.bytes, total)} |`,
        ),
        ...(rest > 0 ? [`| *${rest} more* | | |`] : []),
      ]),
    );
  }
  if (detail.functions > 0 && component.functions && component.functions.length > 0) {
    const top = component.functions.slice(0, detail.functions);
    out.push(
      ...folded(`Largest functions (release build, ${top.length})`, [
        '| Function | Size |',
        '|---|--:|',
        ...top.map((f) => `| \`${code(f.name)}\` | ${formatBytesExact(f.bytes)} |`),
      ]),
    );
  }
  if (detail.ladder && component.ladder && component.ladder.length > 0) {
    out.push(...folded('Size ladder', stageTable(component.ladder).slice(0, -1)));
  }
  if (!open) out.push('</details>', '');
  return out;
}

/**
 * The sections and functions that grew or shrank against the baseline, growth first (the
 * comparison's order), at most `rows` of each; nothing when nothing changed.
 */
function whatChanged(comparison: ComponentComparison, rows: number): string[] {
  const sections = comparison.sections ?? [];
  const functions = comparison.functions ?? [];
  if (sections.length === 0 && functions.length === 0) return [];
  const counts = [count(sections.length, 'section'), count(functions.length, 'function')];
  const body: string[] = [];
  if (sections.length > 0) body.push(...changeTable('Section', sections, rows), '');
  if (functions.length > 0) {
    body.push(...changeTable('Function (release build)', functions, rows), '');
    if (functions.slice(0, rows).some((f) => f.outsideTop)) {
      body.push(
        '<sub>≤: not among the largest functions that report lists, so at most the smallest one listed there; the change is then the least it can be.</sub>',
        '',
      );
    }
  }
  const summary = `What changed against the baseline (${counts.filter(Boolean).join(', ')})`;
  return folded(summary, body.slice(0, -1));
}

/** `1 section`, `3 functions`; empty for none. */
function count(n: number, noun: string): string {
  return n === 0 ? '' : `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function changeTable(head: string, deltas: readonly FunctionDelta[], rows: number): string[] {
  const shown = deltas.slice(0, rows);
  const rest = deltas.length - shown.length;
  return [
    `| ${head} | Baseline | Now | Δ |`,
    '|---|--:|--:|--:|',
    ...shown.map((d) => {
      const name = `\`${code(d.name)}\`${d.change === 'added' ? ' 🆕 *new*' : d.change === 'removed' ? ' *gone*' : ''}`;
      const before =
        d.change === 'added'
          ? '—'
          : `${d.outsideTop === 'base' ? '≤ ' : ''}${formatBytesExact(d.baseBytes)}`;
      const after =
        d.change === 'removed'
          ? '—'
          : `${d.outsideTop === 'current' ? '≤ ' : ''}${formatBytesExact(d.bytes)}`;
      return `| ${name} | ${before} | ${after} | ${changeCell(d)} |`;
    }),
    ...(rest > 0 ? [`| *${rest} more* | | | |`] : []),
  ];
}

function changeCell(d: FunctionDelta): string {
  if (d.change === 'added') return `${formatByteDeltaExact(d.delta)} (new)`;
  if (d.outsideTop) return `${formatByteDeltaExact(d.delta)} or more`;
  return formatDeltaWithPercent(d.delta, d.percent);
}

/** Stages in order with the change against the step before (a saving shows as a minus). */
function stageTable(stages: readonly StageSizes[]): string[] {
  const rows = ['| Stage | Size | Gzip | Brotli | vs previous step |', '|---|--:|--:|--:|--:|'];
  let previous: StageSizes | undefined;
  for (const s of stages) {
    const change = previous
      ? formatDeltaWithPercent(s.bytes - previous.bytes, percentChange(previous.bytes, s.bytes))
      : '—';
    rows.push(
      `| ${s.stage} | ${formatBytesExact(s.bytes)} | ${formatBytes(s.gzipBytes)} | ${formatBytes(s.brotliBytes)} | ${change} |`,
    );
    previous = s;
  }
  return [...rows, ''];
}

function folded(summary: string, body: string[]): string[] {
  return [`<details><summary>${escapeHtml(summary)}</summary>`, '', ...body, '', '</details>', ''];
}

function share(bytes: number, total: number): string {
  return total === 0 ? '—' : `${((bytes / total) * 100).toFixed(1)}%`;
}

/** Text for a table cell: pipes and HTML would break the table. */
export function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|');
}

/** Text inside backticks in a table: long mangled names shortened, no backticks or pipes. */
export function code(text: string): string {
  const short = text.length > NAME_MAX ? `${text.slice(0, NAME_MAX - 1)}…` : text;
  return short.replace(/`/g, "'").replace(/\|/g, '\\|');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
