import { formatBytes, formatBytesExact } from '../report/format.js';
import type { ColdStartStage, SampleStats } from '../report/model.js';
import { coldStartVerdict } from './cold-verdict.js';

const ms = (seconds: number): string => {
  const value = seconds * 1000;
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ms`;
};
const spread = (s: SampleStats): string => `**${ms(s.median)}** (${ms(s.p10)}–${ms(s.p90)})`;

/** What a cold start ran: the runtime, the component measured and the app's component count. */
export interface ColdStartSubject {
  readonly runtime: string;
  readonly component?: string;
  readonly components: number;
}

/** The cold-start part of the summary (pure): the verdict, then one row per size stage. */
export function renderColdStartMarkdown(
  stages: readonly ColdStartStage[],
  subject: ColdStartSubject,
  extra: { chart?: string; trend?: string } = {},
): string {
  const repeat = stages[0]?.samples ?? 0;
  const of = subject.component ? ` of \`${subject.component}\`` : '';
  const lines = [
    `### Cold start${of} per size stage on ${subject.runtime}`,
    '',
    // an app of several components: only its first is started (a reader must not take it for the app's)
    ...(subject.components > 1 && subject.component
      ? [
          `The app has ${subject.components} components; the cold start measures the first, \`${subject.component}\`.`,
          '',
        ]
      : []),
    coldStartVerdict(stages),
    '',
    `Each stage: ${repeat} fresh runtime processes (the first, cold, apart${repeat > 1 ? '' : '; the only one here'}); median (p10–p90). Then one warm instance under a bounded load.`,
    '',
    '| stage | file size | compile | start → first answer | cold first answer | peak RSS | load: requests | rps | p50 | p99 | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...stages.map(
      (s) =>
        `| ${s.stage} | ${formatBytesExact(s.bytes)} | ${spread(s.compileSeconds)} | ${spread(s.firstAnswerSeconds)} | ${ms(s.cold.firstAnswerSeconds)} | ${s.rssBytes === undefined ? 'not measured' : formatBytes(s.rssBytes)} | ${s.load.requests} (×${s.load.connections}) | ${s.load.rps.toFixed(0)} | ${s.load.p50Ms} ms | ${s.load.p99Ms} ms | ${s.load.errors} |`,
    ),
    '',
  ];
  if (extra.chart || extra.trend)
    lines.push(
      `Charts: ${[
        ...(extra.chart ? [`[size against first answer](${extra.chart})`] : []),
        ...(extra.trend ? [`[first answer per stage over the runs](${extra.trend})`] : []),
      ].join(' · ')}`,
      '',
    );
  return lines.join('\n');
}
