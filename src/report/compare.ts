import { TOP_FUNCTIONS } from '../wasm/analyze.js';
import type {
  ComponentComparison,
  ComponentReport,
  Comparison,
  FunctionDelta,
  FunctionSize,
  Report,
  SectionDelta,
  SizeDelta,
  Sizes,
} from './model.js';
import { DEPLOY_NOISE_FRACTION } from './model.js';
import { percentChange } from './format.js';

/**
 * Compares a report with a baseline report, component by component (matched by name).
 * Pure: the pipeline decides where the baseline came from and passes a label saying so.
 */
export function compareReports(current: Report, baseline: Report, label: string): Comparison {
  const baseByName = new Map(baseline.components.map((c) => [c.name, c]));
  const currentNames = new Set(current.components.map((c) => c.name));
  const components: ComponentComparison[] = current.components.map((component) => {
    const base = baseByName.get(component.name);
    return base
      ? compareComponent(base, component)
      : { name: component.name, status: 'added', current: sizes(component.final) };
  });
  for (const base of baseline.components) {
    if (!currentNames.has(base.name))
      components.push({ name: base.name, status: 'removed', base: sizes(base.final) });
  }

  // A file several components share counts once on each side (under the component that owns it).
  const sharedBase = new Set(baseline.components.filter((c) => c.sameFileAs).map((c) => c.name));
  const sharedNow = new Set(current.components.filter((c) => c.sameFileAs).map((c) => c.name));
  let baseBytes = 0;
  let bytes = 0;
  for (const c of components) {
    if (c.base && c.current) {
      if (!sharedBase.has(c.name)) baseBytes += c.base.bytes;
      if (!sharedNow.has(c.name)) bytes += c.current.bytes;
    }
  }
  const comparison: Comparison = {
    baseline: { label, ...baseline.source },
    components,
    total: { baseBytes, bytes, delta: bytes - baseBytes, percent: percentChange(baseBytes, bytes) },
  };
  if (current.deploy && baseline.deploy) {
    const base = baseline.deploy.readySeconds;
    const deltaSeconds = current.deploy.readySeconds - base;
    // one deploy is one sample: a change inside the spread (measured, or assumed) is noise
    const spread = baseline.deploy.readySpreadSeconds;
    const measured = spread !== undefined && Number.isFinite(spread) && spread >= 0;
    const noiseSeconds = measured ? spread : base * DEPLOY_NOISE_FRACTION;
    comparison.deploy = {
      baseReadySeconds: base,
      readySeconds: current.deploy.readySeconds,
      deltaSeconds,
      noiseSeconds,
      noiseSource: measured ? 'measured' : 'assumed',
      withinNoise: Math.abs(deltaSeconds) <= noiseSeconds,
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
  const comparison: ComponentComparison = {
    name: current.name,
    status: unchanged ? 'unchanged' : 'changed',
    base: sizes(base.final),
    current: sizes(current.final),
    delta,
    sections: unchanged ? [] : sectionDeltas(base, current),
  };
  // A report without names (an older baseline, a build without a name section) says nothing.
  if (base.functions?.length && current.functions?.length) {
    comparison.functions = unchanged ? [] : functionDeltas(base.functions, current.functions);
  }
  return comparison;
}

/** Every section present in either binary whose size changed; the lists are complete. */
function sectionDeltas(base: ComponentReport, current: ComponentReport): SectionDelta[] {
  const before = new Map(base.sections.map((s) => [s.name, s.bytes]));
  const after = new Map(current.sections.map((s) => [s.name, s.bytes]));
  const deltas: SectionDelta[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const baseBytes = before.get(name);
    const bytes = after.get(name);
    if (baseBytes === undefined) deltas.push({ ...changed(name, 0, bytes ?? 0), change: 'added' });
    else if (bytes === undefined)
      deltas.push({ ...changed(name, baseBytes, 0), change: 'removed' });
    else if (bytes !== baseBytes) deltas.push(changed(name, baseBytes, bytes));
  }
  return deltas.sort(growthFirst);
}

/**
 * Functions whose size changed. Each report lists only its largest functions (TOP_FUNCTIONS),
 * so a name missing from a full list is not "new" or "gone": it is at most that list's smallest
 * size there. It is shown only when that bound proves a change, with the least change it proves.
 */
function functionDeltas(
  baseList: readonly FunctionSize[],
  currentList: readonly FunctionSize[],
): FunctionDelta[] {
  const before = byOccurrence(baseList);
  const after = byOccurrence(currentList);
  const baseFloor = smallest(baseList);
  const currentFloor = smallest(currentList);
  const deltas: FunctionDelta[] = [];
  for (const [key, { name, bytes }] of after) {
    const baseBytes = before.get(key)?.bytes;
    if (baseBytes !== undefined) {
      if (bytes !== baseBytes) deltas.push(changed(name, baseBytes, bytes));
    } else if (baseList.length < TOP_FUNCTIONS) {
      deltas.push({ ...changed(name, 0, bytes), change: 'added' });
    } else if (bytes > baseFloor) {
      deltas.push({
        name,
        baseBytes: baseFloor,
        bytes,
        delta: bytes - baseFloor,
        outsideTop: 'base',
      });
    }
  }
  for (const [key, { name, bytes: baseBytes }] of before) {
    if (after.has(key)) continue;
    if (currentList.length < TOP_FUNCTIONS) {
      deltas.push({ ...changed(name, baseBytes, 0), change: 'removed' });
    } else if (baseBytes > currentFloor) {
      deltas.push({
        name,
        baseBytes,
        bytes: currentFloor,
        delta: currentFloor - baseBytes,
        outsideTop: 'current',
      });
    }
  }
  return deltas.sort(growthFirst);
}

/**
 * Functions keyed by name and rank among same-named ones (demangling drops the hash, so two
 * monomorphizations or closures can share a name): the largest `f` pairs with the largest `f`.
 */
function byOccurrence(list: readonly FunctionSize[]): Map<string, FunctionSize> {
  const seen = new Map<string, number>();
  const keyed = new Map<string, FunctionSize>();
  for (const f of [...list].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name))) {
    const rank = seen.get(f.name) ?? 0;
    seen.set(f.name, rank + 1);
    keyed.set(`${rank}\u0000${f.name}`, f);
  }
  return keyed;
}

function smallest(list: readonly FunctionSize[]): number {
  return Math.min(...list.map((f) => f.bytes));
}

function changed(name: string, baseBytes: number, bytes: number): SectionDelta {
  const delta: SectionDelta = { name, baseBytes, bytes, delta: bytes - baseBytes };
  const percent = percentChange(baseBytes, bytes);
  if (percent !== undefined) delta.percent = percent;
  return delta;
}

/** Growth first, largest first; then shrinkage, largest first; ties by name. */
function growthFirst(a: SectionDelta, b: SectionDelta): number {
  const grewA = a.delta > 0;
  const grewB = b.delta > 0;
  if (grewA !== grewB) return grewA ? -1 : 1;
  return Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name);
}

/** A copy holding only the three size fields (the JSON stays free of extra keys). */
function sizes(s: Sizes): Sizes {
  return { bytes: s.bytes, gzipBytes: s.gzipBytes, brotliBytes: s.brotliBytes };
}
