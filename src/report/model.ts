/**
 * The JSON report: the contract other tools read (schemaVersion 1). Add fields; never rename.
 * Every stage result the markdown renders comes from here, so the renderer needs nothing else.
 */
export const SCHEMA_VERSION = 1;

export type StageName = 'debug' | 'release-plain' | 'release' | 'stripped' | 'optimized';

export interface Sizes {
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export interface StageSizes extends Sizes {
  stage: StageName;
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

export interface ComponentReport {
  name: string;
  /** The final wasm file, relative to the project folder. */
  wasm: string;
  /** `module` for a core module, `component` for a component-model binary. */
  binaryKind?: 'module' | 'component';
  stages: StageSizes[];
  final: Sizes;
  /** Largest first, of the final binary. */
  sections: SectionSize[];
  /** Largest functions of the release build, where a `name` section allowed naming them. */
  functions?: FunctionSize[];
  /** The size ladder (ladder: true): one row per build or shrink step. */
  ladder?: StageSizes[];
}

export interface DeployReport {
  target: string;
  url: string;
  status: number;
  /** From the start of the deploy to the first healthy answer. */
  readySeconds: number;
  /** How long that first healthy request took. */
  firstResponseSeconds: number;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'spinwash'; version: string };
  project: { kind: string; path: string };
  components: ComponentReport[];
  build: { seconds: number };
  /** Seconds the optimize stage took (strip, wasm-opt, validation). */
  optimize?: { seconds: number; wasmOpt: boolean };
  deploy?: DeployReport;
  /** Where the report was made: commit, ref; filled in CI. */
  source?: { commit?: string; ref?: string };
}
