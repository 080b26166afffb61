import type { HistoryEntry, HistoryIndex } from '../report/bench-index.js';

/**
 * The benchmark charts, drawn as SVG text in-process (no browser, no package): the ready-time
 * trend with each run's spread and the final size on a second axis, and size against ready
 * time over the history. Pure: the history index in, SVG out. Every run is one element with
 * class `run` (a circle on its median), whose <title> gives its numbers on hover.
 */

const WIDTH = 900;
const HEIGHT = 440;
const MARGIN = { left: 72, right: 84, top: 56, bottom: 72 };
const PLOT = {
  width: WIDTH - MARGIN.left - MARGIN.right,
  height: HEIGHT - MARGIN.top - MARGIN.bottom,
};
const COLORS = { ready: '#3b5bdb', spread: '#748ffc', size: '#e8590c', failed: '#c92a2a' };

/** Escapes text for an XML text node or attribute value. */
export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Round tick values from 0 up to at least `max`: steps of 1, 2 or 5 × 10^k, about five of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step * 1e-9 || ticks.length < 2; i++)
    ticks.push(Number((i * step).toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

const fmt = (n: number): string => Number(n.toPrecision(4)).toString();
const kib = (bytes: number): number => bytes / 1024;
const px = (n: number): string => n.toFixed(1);
const shortDate = (iso: string): string => `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;

function frame(title: string, subtitle: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="16" font-weight="600" fill="#212529">${xmlEscape(title)}</text>`,
    `<text x="${MARGIN.left}" y="42" fill="#495057">${xmlEscape(subtitle)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Horizontal grid lines with tick labels on the left (or right) axis. */
function axis(
  ticks: number[],
  y: (v: number) => number,
  side: 'left' | 'right',
  label: string,
  color: string,
): string[] {
  const x = side === 'left' ? MARGIN.left - 8 : MARGIN.left + PLOT.width + 8;
  const anchor = side === 'left' ? 'end' : 'start';
  const lines = ticks.flatMap((t) => [
    ...(side === 'left'
      ? [
          `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#e9ecef"/>`,
        ]
      : []),
    `<text x="${x}" y="${px(y(t) + 4)}" text-anchor="${anchor}" fill="${color}">${fmt(t)}</text>`,
  ]);
  const lx = side === 'left' ? 18 : WIDTH - 14;
  const ly = MARGIN.top + PLOT.height / 2;
  return [
    ...lines,
    `<text x="${lx}" y="${ly}" text-anchor="middle" fill="${color}" transform="rotate(-90 ${lx} ${ly})">${xmlEscape(label)}</text>`,
  ];
}

function runTitle(run: HistoryEntry): string {
  const r = run.ready;
  const spread = r
    ? `median ${fmt(r.median)} s, p10–p90 ${fmt(r.p10)}–${fmt(r.p90)} s, min–max ${fmt(r.min)}–${fmt(r.max)} s`
    : 'no warm sample succeeded';
  return `${run.id}${run.commit ? ` (${run.commit.slice(0, 7)})` : ''}: ${spread}; ${fmt(kib(run.bytes))} KiB; ${run.samples} samples, ${run.failed} failed`;
}

/**
 * Ready time per run, oldest left: a dot on the median, a thick whisker p10–p90 and a thin
 * line min–max (warm samples), and the final size (KiB, right axis) as a line. A run whose
 * every warm sample failed is a red cross at the bottom.
 */
export function trendSvg(index: HistoryIndex): string {
  const runs = index.runs;
  const n = Math.max(runs.length, 1);
  const x = (i: number) => MARGIN.left + ((i + 0.5) * PLOT.width) / n;
  const secondsTicks = niceTicks(Math.max(0, ...runs.map((r) => r.ready?.max ?? 0)));
  const sizeTicks = niceTicks(Math.max(0, ...runs.map((r) => kib(r.bytes))));
  const top = (ticks: number[]) => ticks[ticks.length - 1]!;
  const y = (s: number) => MARGIN.top + PLOT.height * (1 - s / top(secondsTicks));
  const ySize = (k: number) => MARGIN.top + PLOT.height * (1 - k / top(sizeTicks));
  const labelEvery = Math.max(1, Math.ceil(runs.length / 8));
  const body = [
    ...axis(secondsTicks, y, 'left', 'ready time (s)', COLORS.ready),
    ...axis(sizeTicks, ySize, 'right', 'final size (KiB)', COLORS.size),
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#868e96"/>`,
    runs.length > 1
      ? `<polyline class="size" fill="none" stroke="${COLORS.size}" stroke-width="1.5" points="${runs.map((r, i) => `${px(x(i))},${px(ySize(kib(r.bytes)))}`).join(' ')}"/>`
      : '',
    ...runs.map(
      (r, i) =>
        `<rect class="size-point" x="${px(x(i) - 2.5)}" y="${px(ySize(kib(r.bytes)) - 2.5)}" width="5" height="5" fill="${COLORS.size}"/>`,
    ),
    ...runs.map((r, i) => {
      const cx = px(x(i));
      const title = `<title>${xmlEscape(runTitle(r))}</title>`;
      if (!r.ready) {
        const cy = y(0) - 8;
        return `<g class="run failed">${title}<path d="M${px(x(i) - 5)},${px(cy - 5)}l10,10m0,-10l-10,10" stroke="${COLORS.failed}" stroke-width="2"/></g>`;
      }
      const s = r.ready;
      return [
        `<g class="run">${title}`,
        `<line x1="${cx}" x2="${cx}" y1="${px(y(s.min))}" y2="${px(y(s.max))}" stroke="${COLORS.spread}" stroke-width="1"/>`,
        `<line x1="${cx}" x2="${cx}" y1="${px(y(s.p10))}" y2="${px(y(s.p90))}" stroke="${COLORS.spread}" stroke-width="4"/>`,
        `<line x1="${px(x(i) - 5)}" x2="${px(x(i) + 5)}" y1="${px(y(s.p90))}" y2="${px(y(s.p90))}" stroke="${COLORS.spread}"/>`,
        `<line x1="${px(x(i) - 5)}" x2="${px(x(i) + 5)}" y1="${px(y(s.p10))}" y2="${px(y(s.p10))}" stroke="${COLORS.spread}"/>`,
        `<circle class="median" cx="${cx}" cy="${px(y(s.median))}" r="4" fill="${r.alert === 'regression' ? COLORS.failed : COLORS.ready}"/>`,
        '</g>',
      ].join('');
    }),
    ...runs.flatMap((r, i) =>
      i % labelEvery === 0 || i === runs.length - 1
        ? [
            `<text x="${px(x(i))}" y="${px(MARGIN.top + PLOT.height + 18)}" text-anchor="middle" fill="#495057">${xmlEscape(shortDate(r.startedAt))}</text>`,
          ]
        : [],
    ),
    `<text x="${MARGIN.left + PLOT.width / 2}" y="${HEIGHT - 30}" text-anchor="middle" fill="#495057">run (start time, UTC), oldest left</text>`,
    `<g font-size="11" fill="#495057"><circle cx="${MARGIN.left + 6}" cy="${HEIGHT - 11}" r="4" fill="${COLORS.ready}"/><text x="${MARGIN.left + 14}" y="${HEIGHT - 7}">median</text>`,
    `<line x1="${MARGIN.left + 76}" x2="${MARGIN.left + 76}" y1="${HEIGHT - 18}" y2="${HEIGHT - 4}" stroke="${COLORS.spread}" stroke-width="4"/><text x="${MARGIN.left + 84}" y="${HEIGHT - 7}">p10–p90</text>`,
    `<line x1="${MARGIN.left + 150}" x2="${MARGIN.left + 150}" y1="${HEIGHT - 20}" y2="${HEIGHT - 2}" stroke="${COLORS.spread}"/><text x="${MARGIN.left + 158}" y="${HEIGHT - 7}">min–max</text>`,
    `<rect x="${MARGIN.left + 222}" y="${HEIGHT - 14}" width="5" height="5" fill="${COLORS.size}"/><text x="${MARGIN.left + 232}" y="${HEIGHT - 7}">final size</text>`,
    `<circle cx="${MARGIN.left + 306}" cy="${HEIGHT - 11}" r="4" fill="${COLORS.failed}"/><text x="${MARGIN.left + 314}" y="${HEIGHT - 7}">alert (regression)</text></g>`,
  ];
  return frame(
    `${index.app} on ${index.target}: deploy ready time`,
    `${runs.length} run${runs.length === 1 ? '' : 's'}; warm deploys only (the cold first one of each run is left out)`,
    body.filter((line) => line !== ''),
  );
}

/** Pearson's correlation of two equally long lists; undefined when either does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return undefined;
  const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? undefined : sxy / Math.sqrt(sxx * syy);
}

/** Round ticks inside [from, to]: steps of 1, 2 or 5 × 10^k, about six of them. */
function rangeTicks(from: number, to: number): number[] {
  const rough = (to - from) / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.ceil(from / step) * step;
  return Array.from({ length: Math.floor((to - first) / step + 1e-9) + 1 }, (_, i) =>
    Number((first + i * step).toPrecision(12)),
  );
}

/**
 * Does size matter? Each run's final size (KiB) against its median ready time, with its
 * p10–p90 whisker; newer runs darker. The subtitle gives Pearson's r over the runs.
 */
export function scatterSvg(index: HistoryIndex): string {
  const runs = index.runs.filter((r) => r.ready !== undefined);
  const sizes = runs.map((r) => kib(r.bytes));
  const low = Math.min(...sizes, Infinity);
  const high = Math.max(...sizes, 0);
  // the size axis spans the sizes seen (±5%), so small differences are visible
  const pad = Math.max((high - low) * 0.05, high * 0.02, 0.5);
  const from = runs.length === 0 ? 0 : Math.max(0, low - pad);
  const to = runs.length === 0 ? 1 : high + pad;
  const x = (k: number) => MARGIN.left + ((k - from) / (to - from)) * PLOT.width;
  const secondsTicks = niceTicks(Math.max(0, ...runs.map((r) => r.ready!.p90)));
  const y = (s: number) =>
    MARGIN.top + PLOT.height * (1 - s / secondsTicks[secondsTicks.length - 1]!);
  const sizeTicks = rangeTicks(from, to);
  const r = correlation(
    sizes,
    runs.map((run) => run.ready!.median),
  );
  const body = [
    ...axis(secondsTicks, y, 'left', 'median ready time (s)', COLORS.ready),
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#868e96"/>`,
    ...sizeTicks.map(
      (k) =>
        `<text x="${px(x(k))}" y="${px(MARGIN.top + PLOT.height + 18)}" text-anchor="middle" fill="${COLORS.size}">${fmt(k)}</text>`,
    ),
    `<text x="${MARGIN.left + PLOT.width / 2}" y="${HEIGHT - 30}" text-anchor="middle" fill="${COLORS.size}">final size (KiB)</text>`,
    ...runs.map((run, i) => {
      const s = run.ready!;
      const cx = px(x(kib(run.bytes)));
      const opacity = (0.3 + (0.7 * (i + 1)) / runs.length).toFixed(2);
      return [
        `<g class="run" opacity="${opacity}"><title>${xmlEscape(runTitle(run))}</title>`,
        `<line x1="${cx}" x2="${cx}" y1="${px(y(s.p10))}" y2="${px(y(s.p90))}" stroke="${COLORS.spread}" stroke-width="2"/>`,
        `<circle class="median" cx="${cx}" cy="${px(y(s.median))}" r="5" fill="${COLORS.ready}"/>`,
        '</g>',
      ].join('');
    }),
  ];
  const subtitle =
    runs.length === 0
      ? 'no run with a successful warm deploy yet'
      : `${runs.length} run${runs.length === 1 ? '' : 's'}, newer darker; whiskers p10–p90; ${
          r === undefined
            ? 'correlation: n/a (size or time did not vary)'
            : `Pearson r = ${r.toFixed(2)} (size vs median)`
        }`;
  return frame(`${index.app} on ${index.target}: does size matter?`, subtitle, body);
}

/** The trend as a mermaid `xychart-beta` block (GitHub renders it inline): the last `last` runs' medians. */
export function trendMermaid(index: HistoryIndex, last = 30): string {
  const runs = index.runs.filter((r) => r.ready !== undefined).slice(-last);
  if (runs.length === 0) return '';
  const top = niceTicks(Math.max(...runs.map((r) => r.ready!.median)));
  const label = (text: string) => `"${text.replace(/["\\]/g, '')}"`;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${label(`${index.app} on ${index.target}: median ready time (s)`)}`,
    `  x-axis [${runs.map((r) => label(shortDate(r.startedAt))).join(', ')}]`,
    `  y-axis "seconds" 0 --> ${fmt(top[top.length - 1]!)}`,
    `  line [${runs.map((r) => fmt(r.ready!.median)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** A size on an axis: B, KiB or MiB by its magnitude. */
function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${fmt(bytes / 1024 / 1024)} MiB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} KiB`;
  return `${fmt(bytes)} B`;
}

/** One size stage's point on the cold-start chart (src/report/model.ts ColdStartStage, in short). */
export interface ColdStartPoint {
  readonly stage: string;
  readonly bytes: number;
  readonly firstAnswerSeconds: {
    readonly median: number;
    readonly p10: number;
    readonly p90: number;
  };
}

/**
 * Does size matter to a new instance? Each size stage's file size (x) against its time from
 * the runtime's start to the first healthy answer (y, ms): a dot on the median, a whisker
 * p10–p90, the stage's name beside it. Sizes spanning more than 10× (a debug build beside a
 * stripped one) get a log axis, so the small stages do not pile up on the left.
 */
export function coldStartSvg(
  points: readonly ColdStartPoint[],
  about: { readonly app: string; readonly runtime: string; readonly repeat: number },
): string {
  const sizes = points.map((p) => p.bytes);
  const low = Math.min(...sizes, Infinity);
  const high = Math.max(...sizes, 0);
  const log = points.length > 0 && high / Math.max(low, 1) > 10;
  const [from, to] =
    points.length === 0
      ? [0, 1]
      : log
        ? [Math.log10(low) - 0.1, Math.log10(high) + 0.1]
        : [
            Math.max(0, low - Math.max((high - low) * 0.15, high * 0.05)),
            high + Math.max((high - low) * 0.15, high * 0.05),
          ];
  const pos = (bytes: number) => (log ? Math.log10(Math.max(bytes, 1)) : bytes);
  // linear ticks fall on round KiB (MiB from 1 MiB up)
  const unit = high >= 1024 * 1024 ? 1024 * 1024 : 1024;
  const x = (bytes: number) => MARGIN.left + ((pos(bytes) - from) / (to - from)) * PLOT.width;
  const msTicks = niceTicks(Math.max(0, ...points.map((p) => p.firstAnswerSeconds.p90 * 1000)));
  const y = (ms: number) => MARGIN.top + PLOT.height * (1 - ms / msTicks[msTicks.length - 1]!);
  const sizeTicks = log
    ? [1, 1024, 1024 ** 2, 1024 ** 3]
        .flatMap((u) => [u, 10 * u, 100 * u])
        .filter((b) => Math.log10(b) >= from && Math.log10(b) <= to)
    : rangeTicks(from / unit, to / unit).map((t) => t * unit);
  const body = [
    ...axis(msTicks, y, 'left', 'start → first healthy answer (ms)', COLORS.ready),
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#868e96"/>`,
    ...sizeTicks.map(
      (b) =>
        `<text x="${px(x(b))}" y="${px(MARGIN.top + PLOT.height + 18)}" text-anchor="middle" fill="${COLORS.size}">${xmlEscape(sizeLabel(b))}</text>`,
    ),
    `<text x="${MARGIN.left + PLOT.width / 2}" y="${HEIGHT - 30}" text-anchor="middle" fill="${COLORS.size}">file size${log ? ' (log scale)' : ''}</text>`,
    ...points.map((p) => {
      const s = p.firstAnswerSeconds;
      // stages close in size take turns above and below their dot, so their names do not collide
      const rank = sizes.filter((b) => b < p.bytes).length;
      const labelY = y(s.median * 1000) + (rank % 2 === 0 ? -8 : 18);
      const cx = px(x(p.bytes));
      const title = `${p.stage}: ${sizeLabel(p.bytes)} (${p.bytes} B); first answer median ${fmt(s.median * 1000)} ms, p10–p90 ${fmt(s.p10 * 1000)}–${fmt(s.p90 * 1000)} ms`;
      return [
        `<g class="stage"><title>${xmlEscape(title)}</title>`,
        `<line x1="${cx}" x2="${cx}" y1="${px(y(s.p10 * 1000))}" y2="${px(y(s.p90 * 1000))}" stroke="${COLORS.spread}" stroke-width="3"/>`,
        `<line x1="${px(x(p.bytes) - 6)}" x2="${px(x(p.bytes) + 6)}" y1="${px(y(s.p90 * 1000))}" y2="${px(y(s.p90 * 1000))}" stroke="${COLORS.spread}" stroke-width="2"/>`,
        `<line x1="${px(x(p.bytes) - 6)}" x2="${px(x(p.bytes) + 6)}" y1="${px(y(s.p10 * 1000))}" y2="${px(y(s.p10 * 1000))}" stroke="${COLORS.spread}" stroke-width="2"/>`,
        `<circle class="median" cx="${cx}" cy="${px(y(s.median * 1000))}" r="6" fill="${COLORS.ready}"/>`,
        `<text x="${px(x(p.bytes) + 10)}" y="${px(labelY)}" fill="#212529" font-weight="600">${xmlEscape(p.stage)}</text>`,
        '</g>',
      ].join('');
    }),
    `<g font-size="11" fill="#495057"><circle cx="${MARGIN.left + 6}" cy="${HEIGHT - 11}" r="4" fill="${COLORS.ready}"/><text x="${MARGIN.left + 14}" y="${HEIGHT - 7}">median</text>`,
    `<line x1="${MARGIN.left + 76}" x2="${MARGIN.left + 76}" y1="${HEIGHT - 18}" y2="${HEIGHT - 4}" stroke="${COLORS.spread}" stroke-width="3"/><text x="${MARGIN.left + 84}" y="${HEIGHT - 7}">p10–p90</text></g>`,
  ];
  return frame(
    `${about.app}: size against cold start`,
    points.length === 0
      ? 'no stage measured'
      : `${points.length} size stage${points.length === 1 ? '' : 's'} on ${about.runtime}; ${about.repeat} fresh process${about.repeat === 1 ? '' : 'es'} each${about.repeat > 1 ? ' (the first, cold, left out of the spread)' : ''}`,
    body,
  );
}

const STAGE_COLORS = ['#3b5bdb', '#e8590c', '#2b8a3e', '#862e9c', '#c92a2a'];

/**
 * The scheduled run's cold-start trend: per size stage, the median start → first answer (ms)
 * of each run that measured it, oldest left, one coloured line per stage.
 */
export function coldStartTrendSvg(index: HistoryIndex): string {
  const runs = index.runs.filter((r) => r.coldStart && r.coldStart.length > 0);
  const stages = [...new Set(runs.flatMap((r) => r.coldStart!.map((s) => s.stage)))];
  const n = Math.max(runs.length, 1);
  const x = (i: number) => MARGIN.left + ((i + 0.5) * PLOT.width) / n;
  const msTicks = niceTicks(
    Math.max(0, ...runs.flatMap((r) => r.coldStart!.map((s) => s.firstAnswer.median * 1000))),
  );
  const y = (ms: number) => MARGIN.top + PLOT.height * (1 - ms / msTicks[msTicks.length - 1]!);
  const labelEvery = Math.max(1, Math.ceil(runs.length / 8));
  const body = [
    ...axis(msTicks, y, 'left', 'median start → first answer (ms)', COLORS.ready),
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT.width}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#868e96"/>`,
    ...stages.flatMap((stage, k) => {
      const color = STAGE_COLORS[k % STAGE_COLORS.length]!;
      const points = runs.flatMap((r, i) => {
        const s = r.coldStart!.find((c) => c.stage === stage);
        return s ? [{ i, run: r, s }] : [];
      });
      return [
        points.length > 1
          ? `<polyline class="stage-line" fill="none" stroke="${color}" stroke-width="1.5" points="${points.map((p) => `${px(x(p.i))},${px(y(p.s.firstAnswer.median * 1000))}`).join(' ')}"/>`
          : '',
        ...points.map(
          (p) =>
            `<circle class="run" cx="${px(x(p.i))}" cy="${px(y(p.s.firstAnswer.median * 1000))}" r="4" fill="${color}"><title>${xmlEscape(`${p.run.id}: ${stage} ${p.s.bytes} B, median ${fmt(p.s.firstAnswer.median * 1000)} ms (p10–p90 ${fmt(p.s.firstAnswer.p10 * 1000)}–${fmt(p.s.firstAnswer.p90 * 1000)} ms)`)}</title></circle>`,
        ),
        `<circle cx="${MARGIN.left + 6 + k * 110}" cy="${HEIGHT - 11}" r="4" fill="${color}"/><text x="${MARGIN.left + 14 + k * 110}" y="${HEIGHT - 7}" font-size="11" fill="#495057">${xmlEscape(stage)}</text>`,
      ];
    }),
    ...runs.flatMap((r, i) =>
      i % labelEvery === 0 || i === runs.length - 1
        ? [
            `<text x="${px(x(i))}" y="${px(MARGIN.top + PLOT.height + 18)}" text-anchor="middle" fill="#495057">${xmlEscape(shortDate(r.startedAt))}</text>`,
          ]
        : [],
    ),
    `<text x="${MARGIN.left + PLOT.width / 2}" y="${HEIGHT - 30}" text-anchor="middle" fill="#495057">run (start time, UTC), oldest left</text>`,
  ];
  return frame(
    `${index.app} on ${index.target}: cold start per size stage`,
    runs.length === 0
      ? 'no run measured the cold start yet'
      : `${runs.length} run${runs.length === 1 ? '' : 's'} with cold-start: true; the median of each stage's fresh processes`,
    body.filter((line) => line !== ''),
  );
}
