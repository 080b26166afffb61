import { describe, expect, it } from 'vitest';
import {
  formatByteDelta,
  formatByteDeltaExact,
  formatBytes,
  formatBytesExact,
  formatPercent,
  formatSeconds,
  percentChange,
} from '../../src/report/format.js';

describe('formatting', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.00 KiB'],
    [12_601, '12.3 KiB'],
    [204_800, '200 KiB'],
    [1_048_576, '1.00 MiB'],
    [5_500_000, '5.25 MiB'],
  ])('formatBytes(%i) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('keeps the exact count next to the friendly one', () => {
    expect(formatBytesExact(12_601)).toBe('12.3 KiB (12,601 B)');
    expect(formatBytesExact(512)).toBe('512 B');
    expect(formatByteDeltaExact(-33_684)).toBe('−32.9 KiB (−33,684 B)');
    expect(formatByteDeltaExact(1_234)).toBe('+1.21 KiB (+1,234 B)');
    expect(formatByteDelta(0)).toBe('±0 B');
  });

  it.each([
    [undefined, 'n/a'],
    [0, '±0%'],
    [0.04, '+<0.1%'],
    [-72.83, '−72.8%'],
    [2.5, '+2.5%'],
  ])('formatPercent(%s) = %s', (percent, text) => expect(formatPercent(percent)).toBe(text));

  it('formats seconds and percent changes', () => {
    expect(formatSeconds(0.0123)).toBe('12 ms');
    expect(formatSeconds(31.42)).toBe('31.4 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(percentChange(0, 10)).toBeUndefined();
    expect(percentChange(200, 150)).toBe(-25);
  });
});
