import { describe, expect, it } from 'vitest';
import { coldStartSvg, coldStartTrendSvg } from '../../src/bench/charts.js';
import { renderColdStartMarkdown } from '../../src/bench/cold-markdown.js';
import {
  coldStartVerdict,
  formatSpan,
  spreadsOverlap,
  summarizeColdSamples,
  type ColdSample,
} from '../../src/bench/cold-verdict.js';
import { entryOf } from '../../src/bench/history.js';
import { summarize } from '../../src/bench/stats.js';
import { parseIndex, type HistoryIndex } from '../../src/report/bench-index.js';
import { parseReport } from '../../src/report/json.js';
import type { ColdStartStage, SampleStats } from '../../src/report/model.js';
import { benchReport } from './bench-report.js';
import { parseXml } from '../support/xml.js';

/** The cold-start benchmark's pure part: statistics, verdict, table, charts, history entry. */

const sample = (
  compileSeconds: number,
  firstAnswerSeconds: number,
  rssBytes?: number,
): ColdSample => ({
  compileSeconds,
  firstAnswerSeconds,
  ...(rssBytes !== undefined ? { rssBytes } : {}),
});
const spread = (values: number[]): SampleStats => summarize(values)!;
const stage = (
  name: ColdStartStage['stage'],
  bytes: number,
  firstAnswers: number[],
): ColdStartStage => ({
  stage: name,
  bytes,
  ...summarizeColdSamples(firstAnswers.map((s) => sample(s / 2, s, 30_000_000))),
  load: { requests: 2000, connections: 10, seconds: 1, rps: 1980, p50Ms: 2, p99Ms: 7, errors: 0 },
});

describe('cold-start statistics', () => {
  it('keep the first (cold) sample apart and summarize the rest: median, p10, p90 in order', () => {
    const summary = summarizeColdSamples([
      sample(0.5, 0.9, 40_000_000),
      sample(0.1, 0.2, 30_000_000),
      sample(0.12, 0.24, 31_000_000),
      sample(0.11, 0.22, 29_000_000),
      sample(0.13, 0.3, 32_000_000),
    ]);
    expect(summary.samples).toBe(5);
    expect(summary.cold).toEqual({ compileSeconds: 0.5, firstAnswerSeconds: 0.9 });
    for (const stats of [summary.compileSeconds, summary.firstAnswerSeconds]) {
      expect(stats.n).toBe(4);
      expect(stats.p10).toBeLessThanOrEqual(stats.median);
      expect(stats.median).toBeLessThanOrEqual(stats.p90);
    }
    expect(summary.firstAnswerSeconds.median).toBeCloseTo(0.23, 10);
    expect(summary.firstAnswerSeconds.max).toBe(0.3); // the cold 0.9 is not in it
    expect(summary.rssBytes).toBe(30_500_000);
  });

  it('with one sample, that sample is all there is; without a readable RSS, none is reported', () => {
    const summary = summarizeColdSamples([sample(0.1, 0.2)]);
    expect(summary.firstAnswerSeconds).toMatchObject({ n: 1, median: 0.2, p10: 0.2, p90: 0.2 });
    expect(summary).not.toHaveProperty('rssBytes');
    expect(() => summarizeColdSamples([])).toThrow(/without samples/);
  });

  it('call two spreads overlapping unless one p10–p90 lies wholly above the other', () => {
    expect(spreadsOverlap(spread([1, 2, 3]), spread([2.5, 3, 4]))).toBe(true);
    expect(spreadsOverlap(spread([1, 1.1, 1.2]), spread([2, 2.1, 2.2]))).toBe(false);
    expect(spreadsOverlap(spread([2, 2.1, 2.2]), spread([1, 1.1, 1.2]))).toBe(false);
  });

  it('write spans as people read them', () => {
    expect(formatSpan(0.0004)).toBe('0.40 ms');
    expect(formatSpan(-0.0031)).toBe('3.1 ms');
    expect(formatSpan(0.062)).toBe('62 ms');
    expect(formatSpan(1.254)).toBe('1.25 s');
  });
});

describe('the cold-start verdict', () => {
  it('says how much smaller and how much faster, and "within noise" when the ranges overlap', () => {
    const release = stage('release', 58_156, [0.1, 0.098, 0.1, 0.097, 0.099]);
    const stripped = stage('stripped', 47_335, [0.1, 0.0985, 0.0996, 0.097, 0.0975]);
    expect(coldStartVerdict([release, stripped])).toBe(
      'stripped is 19% smaller than release and starts 0.50 ms faster (within noise).',
    );
  });

  it('says slower, and beyond noise when the ranges are apart; compares the smallest stage, never debug', () => {
    const debug = stage('debug', 22_514_155, [0.9, 0.9, 1, 1.1, 0.95]);
    const release = stage('release', 328_626, [0.1, 0.1, 0.11, 0.1, 0.1]);
    const stripped = stage('stripped', 274_600, [0.2, 0.2, 0.21, 0.2, 0.22]);
    const optimized = stage('optimized', 202_023, [0.3, 0.3, 0.31, 0.32, 0.31]);
    expect(coldStartVerdict([debug, release, stripped, optimized])).toBe(
      'optimized is 39% smaller than release and starts 210 ms slower (beyond noise: the p10–p90 ranges are apart).',
    );
  });

  it('compares nothing when only one stage was measured', () => {
    expect(coldStartVerdict([stage('release', 1000, [0.1, 0.1])])).toBe(
      'Only release was measured: nothing to compare.',
    );
  });
});

describe('the cold-start table, charts and history', () => {
  const stages = [
    stage('release', 58_156, [0.1, 0.098, 0.1, 0.097, 0.099]),
    stage('stripped', 47_335, [0.1, 0.0985, 0.0996, 0.097, 0.0975]),
  ];

  it('render one row per stage with the verdict above, and RSS "not measured" where it was not', () => {
    const noRss = { ...stages[1]! };
    delete noRss.rssBytes;
    const md = renderColdStartMarkdown(
      [stages[0]!, noRss],
      { runtime: 'wasmtime 48.0.8', component: 'hello', components: 1 },
      { chart: 'h/cold-start.svg' },
    );
    expect(md).toContain('### Cold start of `hello` per size stage on wasmtime 48.0.8');
    expect(md).not.toContain('components; the cold start measures');
    expect(md).toContain('stripped is 19% smaller than release');
    const rows = md.split('\n').filter((line) => /^\| (release|stripped) \|/.test(line));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| release \| 56\.8 KiB \(58,156 B\) \| \*\*[\d.]+ ms\*\* \(/);
    expect(rows[1]).toContain('| not measured |');
    expect(rows[1]).toMatch(/\| 2000 \(×10\) \| 1980 \| 2 ms \| 7 ms \| 0 \|$/);
    expect(md).toContain('[size against first answer](h/cold-start.svg)');
  });

  it('say which component was measured when the app has more than one', () => {
    const md = renderColdStartMarkdown(stages, {
      runtime: 'wasmtime 48.0.8',
      component: 'front',
      components: 2,
    });
    expect(md).toContain('### Cold start of `front` per size stage on wasmtime 48.0.8');
    expect(md).toContain('The app has 2 components; the cold start measures the first, `front`.');
  });

  it('draw size against first answer: one stage group per stage, named, medians placed on the axis', () => {
    const elements = parseXml(
      coldStartSvg(stages, { app: 'a & b', runtime: 'wasmtime', repeat: 5 }),
    );
    expect(elements.find((e) => e.name === 'title')!.text).toBe('a & b: size against cold start');
    const groups = elements.filter((e) => e.name === 'g' && e.attributes.class === 'stage');
    expect(groups).toHaveLength(2);
    const texts = elements.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['release', 'stripped', 'file size']));
    expect(texts.some((t) => t?.includes('first healthy answer (ms)'))).toBe(true);
    const dots = elements.filter((e) => e.attributes.class === 'median');
    // the smaller file is left of the larger one
    expect(Number(dots[1]!.attributes.cx)).toBeLessThan(Number(dots[0]!.attributes.cx));
  });

  it("put a run's stages in its history entry, which the index reads back and the trend draws per stage", () => {
    const report = {
      ...benchReport(1, 'abc1234', [0.3, 0.2, 0.21]),
      coldStart: stages,
      coldStartRuntime: 'wasmtime 48.0.8',
    };
    const entry = entryOf(report);
    expect(entry.coldStart).toEqual([
      { stage: 'release', bytes: 58_156, firstAnswer: stages[0]!.firstAnswerSeconds },
      { stage: 'stripped', bytes: 47_335, firstAnswer: stages[1]!.firstAnswerSeconds },
    ]);
    const index: HistoryIndex = {
      app: 'hello-rust',
      target: 'wasmtime',
      runs: [entry, { ...entry, id: entry.id.replace(/Z-/, 'Z-b') }],
    };
    const warnings: string[] = [];
    expect(
      parseIndex(JSON.stringify(index), 'index.json', (w) => warnings.push(w)).runs,
    ).toHaveLength(2);
    expect(warnings).toEqual([]);
    const elements = parseXml(coldStartTrendSvg(index));
    expect(elements.filter((e) => e.attributes.class === 'stage-line')).toHaveLength(2);
    expect(elements.filter((e) => e.attributes.class === 'run')).toHaveLength(4);
    // and the report check reads the section
    expect(parseReport(JSON.stringify(report), 'r.json').coldStart).toEqual(stages);
  });
});
