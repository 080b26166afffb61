/** Sizes of one binary: on disk, gzipped and brotli-compressed (what a registry or CDN ships). */
export interface Sizes {
  bytes: number;
  /** gzip at the report's GZIP_LEVEL (src/report/model.ts) */
  gzipBytes: number;
  /** brotli at the report's BROTLI_QUALITY */
  brotliBytes: number;
}

export interface SectionSize {
  /** `code`, `data`, `custom:.debug_info`, `component-type:…` … */
  name: string;
  bytes: number;
}

export interface FunctionSize {
  name: string;
  bytes: number;
}

/** Named byte counts as a list, largest first (ties by name, so output is stable). */
export function bySize(sizes: Map<string, number>): SectionSize[] {
  return [...sizes]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}
