import { formatBytes, formatBytesExact } from '../report/format.js';
import type { BenchmarkSample, BenchmarkSection, SampleStats } from '../report/model.js';

/** Where the charts of a run can be seen: links (data branch) or paths (CLI history folder). */
export interface ChartLinks {
  trend: string;
  scatter: string;
}

const ms = (seconds: number | undefined): string =>
  seconds === undefined ? '—' : `${(seconds * 1000).toFixed(1)} ms`;

function row(label: string, cold: number | undefined, stats: SampleStats | undefined): string {
  if (!stats) return `| ${label} | ${ms(cold)} | — | — | — | — | — | — |`;
  return `| ${label} | ${ms(cold)} | **${ms(stats.median)}** | ${ms(stats.min)} | ${ms(stats.max)} | ${ms(stats.p90)} | ${ms(stats.mad)} | ${stats.n} |`;
}

function sampleRow(s: BenchmarkSample): string {
  return s.error !== undefined
    ? `| ${s.index} | ${s.startedAt} | failed: ${s.error.replace(/\|/g, '\\|').replace(/\n/g, ' ')} | | |`
    : `| ${s.index}${s.index === 1 ? ' (cold)' : ''} | ${s.startedAt} | ${ms(s.readySeconds)} | ${ms(s.firstResponseSeconds)} | ${ms(s.commandSeconds)} |`;
}

/** The benchmark part of the summary (pure): statistics, samples, alert, trend and chart links. */
export function renderBenchmarkMarkdown(
  bench: BenchmarkSection,
  extra: { mermaid?: string; charts?: ChartLinks; history?: string } = {},
): string {
  const warm = bench.samples.length - 1;
  const lines = [
    `## spinwash benchmark: ${bench.app} on \`${bench.target}\``,
    '',
    `${bench.samples.length} deploys of one build (sample 1 cold, ${warm} warm), ${bench.failed} failed${bench.minIntervalSeconds > 0 ? `, started ${bench.minIntervalSeconds} s apart at least` : ''}. Final size ${formatBytesExact(bench.sizes.bytes)} (gzip ${formatBytes(bench.sizes.gzipBytes)}). Run \`${bench.runId}\`.`,
    '',
    '| | cold | median | min | max | p90 | MAD | warm n |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row(
      'ready (deploy start → first healthy answer)',
      bench.cold.readySeconds,
      bench.warm.readySeconds,
    ),
    row('first answer latency', bench.cold.firstResponseSeconds, bench.warm.firstResponseSeconds),
    // targets without a deploy command (the embedded runtime) leave this row out
    ...(bench.cold.commandSeconds !== undefined || bench.warm.commandSeconds
      ? [row('deploy command', bench.cold.commandSeconds, bench.warm.commandSeconds)]
      : []),
    '',
  ];
  if (bench.alert) {
    const icon = { regression: '🔴', ok: '🟢', insufficient: '⚪' }[bench.alert.status];
    lines.push(`${icon} **${bench.alert.status}**: ${bench.alert.message}.`, '');
  }
  if (extra.mermaid) lines.push(extra.mermaid, '');
  if (extra.charts)
    lines.push(
      `Charts: [ready-time trend](${extra.charts.trend}) · [size against ready time](${extra.charts.scatter})${extra.history ? ` · history: ${extra.history}` : ''}`,
      '',
    );
  lines.push(
    '<details><summary>Every sample</summary>',
    '',
    '| sample | started | ready | first answer | deploy command |',
    '|---|---|---:|---:|---:|',
    ...bench.samples.map(sampleRow),
    '',
    '</details>',
    '',
  );
  return lines.join('\n');
}
