import { describe, expect, it } from 'vitest';
import {
  correlation,
  niceTicks,
  scatterSvg,
  trendMermaid,
  trendSvg,
} from '../../src/bench/charts.js';
import type { HistoryEntry, HistoryIndex } from '../../src/report/bench-index.js';
import { summarize } from '../../src/bench/stats.js';
import { parseXml } from '../support/xml.js';

const entry = (i: number, ready: number[] | undefined, bytes: number): HistoryEntry => ({
  id: `2026113${i}T200000000Z-abc${i}`,
  startedAt: `2026-11-3${i}T20:00:00.000Z`,
  commit: `abc${i}def`,
  samples: 5,
  failed: ready ? 0 : 4,
  ...(ready ? { ready: summarize(ready)! } : {}),
  bytes,
  gzipBytes: Math.round(bytes / 3),
});

// `&` and `<` in the app's name must come out escaped
const index: HistoryIndex = {
  app: 'hello <rust> & co',
  target: 'local',
  runs: [
    entry(0, [0.21, 0.22, 0.25, 0.2], 47_335),
    entry(1, [0.3, 0.28, 0.33, 0.29], 52_000),
    entry(2, undefined, 52_000),
    entry(3, [0.19, 0.2, 0.18, 0.21], 40_100),
  ],
};

describe('benchmark charts', () => {
  it('draw the trend as well-formed SVG: one run element per run, a median dot for each run with statistics', () => {
    const svg = trendSvg(index);
    const elements = parseXml(svg);
    expect(elements[0]).toMatchObject({
      name: 'svg',
      attributes: { xmlns: 'http://www.w3.org/2000/svg' },
    });
    const runs = elements.filter((e) => e.name === 'g' && /\brun\b/.test(e.attributes.class ?? ''));
    expect(runs).toHaveLength(4);
    expect(runs.filter((e) => e.attributes.class === 'run failed')).toHaveLength(1);
    expect(elements.filter((e) => e.attributes.class === 'median')).toHaveLength(3);
    expect(elements.filter((e) => e.attributes.class === 'size-point')).toHaveLength(4);
    expect(elements.find((e) => e.name === 'title')!.text).toBe(
      'hello <rust> & co on local: deploy ready time',
    );
    // each run's hover text carries its numbers
    const titles = elements.filter((e) => e.name === 'title').map((e) => e.text);
    expect(titles).toContain(
      '20261130T200000000Z-abc0 (abc0def): median 0.215 s, p10–p90 0.203–0.241 s, min–max 0.2–0.25 s; 46.23 KiB; 5 samples, 0 failed',
    );
  });

  it('put the medians where their values are on the seconds axis', () => {
    const elements = parseXml(trendSvg(index));
    const dots = elements.filter((e) => e.attributes.class === 'median');
    const cy = dots.map((d) => Number(d.attributes.cy));
    // medians 0.215, 0.295, 0.195 on one linear axis: the second highest (smallest y), the third lowest
    expect(cy[1]!).toBeLessThan(cy[0]!);
    expect(cy[2]!).toBeGreaterThan(cy[0]!);
    const a = (cy[0]! - cy[1]!) / (0.295 - 0.215);
    const b = (cy[2]! - cy[0]!) / (0.215 - 0.195);
    expect(Math.abs(a / b - 1)).toBeLessThan(0.02);
  });

  it('draw the scatter as well-formed SVG with one point per run that has statistics, and r in the subtitle', () => {
    const elements = parseXml(scatterSvg(index));
    expect(elements.filter((e) => e.attributes.class === 'run')).toHaveLength(3);
    expect(elements.filter((e) => e.attributes.class === 'median')).toHaveLength(3);
    const r = correlation([47_335, 52_000, 40_100], [0.215, 0.295, 0.195])!;
    expect(
      elements.some(
        (e) =>
          e.text ===
          `${3} runs, newer darker; whiskers p10–p90; Pearson r = ${r.toFixed(2)} (size vs median)`,
      ),
    ).toBe(true);
    // an empty history is a valid picture too
    expect(parseXml(scatterSvg({ ...index, runs: [] })).length).toBeGreaterThan(3);
    expect(parseXml(trendSvg({ ...index, runs: [] })).length).toBeGreaterThan(3);
  });

  it('compute r by hand and ticks that cover the maximum', () => {
    // x 1 2 3, y 2 4 7: means 2 and 13/3; sxy = (−1)(−7/3) + 0 + (1)(8/3) = 5, sxx = 2,
    // syy = 49/9 + 1/9 + 64/9 = 114/9 → r = 5 / √(2·114/9) = 0.99339…
    expect(correlation([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt((2 * 114) / 9), 12);
    expect(correlation([1, 1, 1], [2, 4, 7])).toBeUndefined();
    expect(niceTicks(0.33)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(2.236)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('write the trend as a well-formed mermaid xychart-beta block, one value per run with statistics', () => {
    const block = trendMermaid(index);
    const lines = block.split('\n');
    expect(lines[0]).toBe('```mermaid');
    expect(lines[lines.length - 1]).toBe('```');
    expect(lines[1]).toBe('xychart-beta');
    // the grammar of each statement (https://mermaid.js.org/syntax/xyChart.html)
    expect(lines[2]).toMatch(/^ {2}title "[^"]*"$/);
    const labels = /^ {2}x-axis \[("[^"]*")(, "[^"]*")*\]$/.exec(lines[3]!);
    expect(labels).not.toBeNull();
    const y = /^ {2}y-axis "[^"]*" (\d+(?:\.\d+)?) --> (\d+(?:\.\d+)?)$/.exec(lines[4]!);
    expect(y).not.toBeNull();
    const values = /^ {2}line \[(.*)\]$/.exec(lines[5]!)![1]!.split(', ').map(Number);
    expect(values).toEqual([0.215, 0.295, 0.195]);
    expect(lines[3]!.match(/"[^"]*"/g)).toHaveLength(values.length);
    expect(Math.max(...values)).toBeLessThanOrEqual(Number(y![2]));
    expect(lines).toHaveLength(7);
    // the app's name cannot break out of the quotes
    expect(trendMermaid({ ...index, app: 'a"b' })).toContain('title "ab on local');
    expect(trendMermaid({ ...index, runs: [] })).toBe('');
  });

  it('the XML check refuses what is not well formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/mismatched/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/repeated/);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/entity/);
    expect(() => parseXml('<a/><b/>')).toThrow(/second root/);
    expect(() => parseXml('<a>')).toThrow(/unclosed/);
    expect(() => parseXml('<a x=1/>')).toThrow(/attribute/);
  });
});
