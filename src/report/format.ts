/**
 * Human-friendly numbers for the reports. Binary units (KiB, MiB) because wasm sizes are
 * compared against each other, and the exact byte count where a reader may want to diff it.
 */

const KIB = 1024;
const MIB = 1024 * 1024;

// made on first use: creating an Intl formatter loads ICU data (~20 ms), at start-up otherwise
let groupedFormat: Intl.NumberFormat | undefined;
const grouped = (): Intl.NumberFormat =>
  (groupedFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }));

/** `512 B`, `12.3 KiB`, `4.56 MiB`: three significant digits at most. */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  if (abs < KIB) return `${bytes} B`;
  if (abs < MIB) return `${round3(bytes / KIB)} KiB`;
  return `${round3(bytes / MIB)} MiB`;
}

/** `12.3 KiB (12,601 B)`; small values stay `512 B`. */
export function formatBytesExact(bytes: number): string {
  return Math.abs(bytes) < KIB
    ? `${bytes} B`
    : `${formatBytes(bytes)} (${grouped().format(bytes)} B)`;
}

/** A signed byte delta: `+1.2 KiB`, `−300 B`, `±0 B`. */
export function formatByteDelta(delta: number): string {
  if (delta === 0) return '±0 B';
  const sign = delta > 0 ? '+' : '−';
  return `${sign}${formatBytes(Math.abs(delta))}`;
}

/** A signed byte delta with the exact count: `+1.2 KiB (+1,234 B)`. */
export function formatByteDeltaExact(delta: number): string {
  if (delta === 0 || Math.abs(delta) < KIB) return formatByteDelta(delta);
  const sign = delta > 0 ? '+' : '−';
  return `${formatByteDelta(delta)} (${sign}${grouped().format(Math.abs(delta))} B)`;
}

/** A signed percentage with one decimal: `+2.5%`, `−72.8%`, `±0%`; `n/a` without a base. */
export function formatPercent(percent: number | undefined): string {
  if (percent === undefined || !Number.isFinite(percent)) return 'n/a';
  const rounded = Math.round(percent * 10) / 10;
  if (rounded === 0) return percent === 0 ? '±0%' : percent > 0 ? '+<0.1%' : '−<0.1%';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}%`;
}

/** Seconds: `850 ms` under one second, `1.23 s`, `12.3 s`, `2 min 5 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${round3(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** A signed seconds delta: `+120 ms`, `−1.5 s`. */
export function formatSecondsDelta(delta: number): string {
  if (delta === 0) return '±0 ms';
  return `${delta > 0 ? '+' : '−'}${formatSeconds(Math.abs(delta))}`;
}

/** Percent change from `base` to `value`; undefined when there is no base to divide by. */
export function percentChange(base: number, value: number): number | undefined {
  return base === 0 ? undefined : ((value - base) / base) * 100;
}

function round3(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toFixed(digits);
}

/** A delta with its percentage in one parenthesis: `−4.88 KiB (−5,000 B, −10.0%)`, `+300 B (+5.0%)`. */
export function formatDeltaWithPercent(delta: number, percent: number | undefined): string {
  const exact = formatByteDeltaExact(delta);
  const pct = formatPercent(percent);
  return exact.endsWith(')') ? `${exact.slice(0, -1)}, ${pct})` : `${exact} (${pct})`;
}

/** True for a URL on the machine itself (127.0.0.0/8, ::1, localhost): it is gone when the run ends. */
export function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
