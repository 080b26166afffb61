import type { SectionSize } from '../report/model.js';

/** Named byte counts as a list, largest first (ties by name, so output is stable). */
export function bySize(sizes: Map<string, number>): SectionSize[] {
  return [...sizes]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}
