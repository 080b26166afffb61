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
  /** From the start of the deploy command to the new version's first healthy answer. */
  readySeconds: number;
  /** How long that first healthy request took. */
  firstResponseSeconds: number;
  /** How long the platform's deploy command itself ran (remote targets). */
  commandSeconds?: number;
  /** The digest of what was deployed (pushed image, or Spin's info), when known. */
  digest?: string;
  /**
   * How the answer was shown to be the new version: Spin's info digest, the `health-expect`
   * text in the body, or `none` (the first 200; not proven). Absent for a fresh local server.
   */
  versionProof?: 'spin-info' | 'body' | 'none';
  /** The pull request preview this deploy was (`<app>-pr-<N>`). */
  preview?: { name: string; number: number };
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
  /** Against a baseline report (issue 5), when one was found. */
  comparison?: Comparison;
  /** The budgets that were checked and those that broke. */
  budgets?: BudgetResult;
  /** What the run left out and why, shown on top of the summary (a fork PR's skipped preview). */
  notices?: string[];
}

/** What a component looks like next to the baseline. */
export type ComparisonStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface SizeDelta {
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Percent of the baseline's bytes; absent when the baseline was 0 bytes. */
  bytesPercent?: number;
  gzipPercent?: number;
}

/** A section (or function) whose size differs from the baseline's. */
export interface SectionDelta {
  name: string;
  /** 0 when the baseline did not have it. */
  baseBytes: number;
  /** 0 when it is gone now. */
  bytes: number;
  delta: number;
  /** Percent of baseBytes; absent when there is no base size to divide by. */
  percent?: number;
  /** `added`: not in the baseline; `removed`: gone now; absent when in both. */
  change?: 'added' | 'removed';
}

/**
 * A function of the release build next to the baseline. Reports list only the largest
 * functions, so a name missing from one list may just be below that list's smallest entry.
 */
export interface FunctionDelta extends SectionDelta {
  /**
   * The side whose list lacks the function although it may have had it under the cut:
   * `base` → baseBytes is the most it can have been (the smallest listed there) and delta the
   * least it grew; `current` → bytes is the most it can be now and delta the least it shrank.
   */
  outsideTop?: 'base' | 'current';
}

export interface ComponentComparison {
  name: string;
  status: ComparisonStatus;
  /** Final sizes in the baseline (absent for an added component). */
  base?: Sizes;
  /** Final sizes now (absent for a removed component). */
  current?: Sizes;
  delta?: SizeDelta;
  /** Sections that changed size: growth first (largest first), then shrinkage (largest first). */
  sections?: SectionDelta[];
  /**
   * Functions of the release build that changed size, in the same order; absent when either
   * report has no function list (a baseline without names says nothing about functions).
   */
  functions?: FunctionDelta[];
}

export interface Comparison {
  /** Which report was compared against: a file, or a commit of the base branch. */
  baseline: { label: string; commit?: string; ref?: string };
  components: ComponentComparison[];
  /** Sum of final bytes over components present in both. */
  total: { baseBytes: number; bytes: number; delta: number; percent?: number };
  deploy?: { baseReadySeconds: number; readySeconds: number; deltaSeconds: number };
}

export type BudgetName = 'max-size' | 'max-increase' | 'max-deploy-seconds';

export interface BudgetBreach {
  budget: BudgetName;
  /** The component that broke it; absent for a total or whole-app budget. */
  component?: string;
  /** The limit, as a reader should see it (`200 KiB`, `1%`, `5 s`). */
  limit: string;
  /** The measured value in the same terms. */
  actual: string;
  /** By how much the limit was exceeded (`by 1.2 KiB`). */
  excess: string;
}

export interface BudgetResult {
  /** One line per budget checked, e.g. `max-size 200 KiB (api)`. */
  checked: string[];
  breaches: BudgetBreach[];
  /** False when `fail-on-budget: false`: breaches are reported but the run passes. */
  failing: boolean;
}
