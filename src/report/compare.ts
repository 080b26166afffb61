import type {
  ComponentComparison,
  ComponentReport,
  Comparison,
  Report,
  SectionDelta,
  SizeDelta,
  Sizes,
} from './model.js';
import { percentChange } from './format.js';

/** How many changed sections a component's comparison keeps (the rest is noise in a comment). */
const SECTION_DELTAS = 8;

/**
 * Compares a report with a baseline report, component by component (matched by name).
 * Pure: the pipeline decides where the baseline came from and passes a label saying so.
 */
export function compareReports(
  current: Report,
  baseline: Report,
  label: string,
): Comparison {
  const baseByName = new Map(baseline.components.map((c) => [c.name, c]));
  const currentNames = new Set(current.components.map((c) => c.name));
  const components: ComponentComparison[] = current.components.map((component) => {
    const base = baseByName.get(component.name);
    return base ? compareComponent(base, component) : { name: component.name, status: 'added', current: sizes(component.final) };
  });
  for (const base of baseline.components) {
    if (!currentNames.has(base.name)) components.push({ name: base.name, status: 'removed', base: sizes(base.final) });
  }

  let baseBytes = 0;
  let bytes = 0;
  for (const c of components) {
    if (c.base && c.current) {
      baseBytes += c.base.bytes;
      bytes += c.current.bytes;
    }
  }
  const comparison: Comparison = {
    baseline: { label, ...baseline.source },
    components,
    total: { baseBytes, bytes, delta: bytes - baseBytes, percent: percentChange(baseBytes, bytes) },
  };
  if (current.deploy && baseline.deploy) {
    comparison.deploy = {
      baseReadySeconds: baseline.deploy.readySeconds,
      readySeconds: current.deploy.readySeconds,
      deltaSeconds: current.deploy.readySeconds - baseline.deploy.readySeconds,
    };
  }
  return comparison;
}

function compareComponent(base: ComponentReport, current: ComponentReport): ComponentComparison {
  const delta: SizeDelta = {
    bytes: current.final.bytes - base.final.bytes,
    gzipBytes: current.final.gzipBytes - base.final.gzipBytes,
    brotliBytes: current.final.brotliBytes - base.final.brotliBytes,
    bytesPercent: percentChange(base.final.bytes, current.final.bytes),
    gzipPercent: percentChange(base.final.gzipBytes, current.final.gzipBytes),
  };
  const unchanged = delta.bytes === 0 && delta.gzipBytes === 0;
  return {
    name: current.name,
    status: unchanged ? 'unchanged' : 'changed',
    base: sizes(base.final),
    current: sizes(current.final),
    delta,
    sections: unchanged ? [] : sectionDeltas(base, current),
  };
}

/** Sections present in either binary whose size changed, largest absolute change first. */
function sectionDeltas(base: ComponentReport, current: ComponentReport): SectionDelta[] {
  const before = new Map(base.sections.map((s) => [s.name, s.bytes]));
  const after = new Map(current.sections.map((s) => [s.name, s.bytes]));
  const names = new Set([...before.keys(), ...after.keys()]);
  const deltas: SectionDelta[] = [];
  for (const name of names) {
    const baseBytes = before.get(name) ?? 0;
    const bytes = after.get(name) ?? 0;
    if (bytes !== baseBytes) deltas.push({ name, baseBytes, bytes, delta: bytes - baseBytes });
  }
  return deltas
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name))
    .slice(0, SECTION_DELTAS);
}

/** A copy holding only the three size fields (the JSON stays free of extra keys). */
function sizes(s: Sizes): Sizes {
  return { bytes: s.bytes, gzipBytes: s.gzipBytes, brotliBytes: s.brotliBytes };
}
