/**
 * The JSON report: the contract other tools read (schemaVersion 1). Add fields; never rename.
 * Every stage result the markdown renders comes from here, so the renderer needs nothing else.
 */
import type { FunctionSize, SectionSize, Sizes } from '../wasm/sizes.js';

export type { FunctionSize, SectionSize, Sizes } from '../wasm/sizes.js';

export const SCHEMA_VERSION = 1;

/**
 * One deploy is one sample: without a spread measured by the benchmarks, a change in deploy
 * time within ±20 % of the baseline's is treated as noise (a cold start, a busy runner). 20 %
 * is an assumption, stated in the report next to the figure, not a measurement.
 */
export const DEPLOY_NOISE_FRACTION = 0.2;

export type StageName = 'debug' | 'release-plain' | 'release' | 'stripped' | 'optimized';

/** gzip's highest level: cheap at any size. */
export const GZIP_LEVEL = 9;
/**
 * Brotli quality 9, not 11: q11 costs about 20× the time (a 30 MB module took minutes) for a
 * few percent fewer bytes; q9 keeps a 30 MB file to seconds (`npm run bench` measures it).
 */
export const BROTLI_QUALITY = 9;

export interface StageSizes extends Sizes {
  stage: StageName;
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
  /**
   * Another component (named here) uses the same file: the sizes are that file's, and totals and
   * budgets count it once, under that component.
   */
  sameFileAs?: string;
}

/** The components whose files count in totals: each distinct file once. */
export function countedOnce<T extends Pick<ComponentReport, 'sameFileAs'>>(
  components: readonly T[],
): T[] {
  return components.filter((c) => c.sameFileAs === undefined);
}

/**
 * How a deploy went. A push alone (`deploy: oci`) has no app to probe, so it reports the push
 * in the same fields: `url` is the registry's URL of the pushed manifest, `status` the HTTP
 * status of the manifest request that completed it (the PUT, 201), `readySeconds` the push's
 * span (= `pushSeconds`), `firstResponseSeconds` that manifest request's own span.
 */
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
  /** What a push stored (`oci`, `kubernetes`): the reference pinned by digest, `registry/repo:tag@sha256:…`. */
  image?: string;
  /** Size of the pushed image: manifest + config + layers (blobs the registry had count too). */
  pushedBytes?: number;
  /** Monotonic span of the push, login included. */
  pushSeconds?: number;
  /** Kubernetes: seconds from the apply to the cluster running the new revision (before the HTTP proof). */
  rolloutSeconds?: number;
  /**
   * How far one deploy's readySeconds spreads between runs (± seconds), when benchmarks have
   * measured it; a change against a baseline within it is noise. Absent: one sample, no spread.
   */
  readySpreadSeconds?: number;
  /** A Spin app served by route (embedded runtime): each route's first answer, in manifest order. */
  routes?: RouteAnswer[];
  /** What a reader must know about what was deployed (e.g. it was not the optimized file). */
  note?: string;
}

export interface RouteAnswer {
  /** As written in spin.toml (`/api`, `/static/...`). */
  route: string;
  component: string;
  /** The HTTP status of the first request to the route. */
  status: number;
  /** How long that request took. */
  seconds: number;
}

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'spinwash'; version: string };
  /** `name`: the app's name (Spin's `[application] name`, …), which names its benchmark history. */
  project: { kind: string; path: string; name?: string };
  components: ComponentReport[];
  build: { seconds: number };
  /** Seconds the optimize stage took (strip, wasm-opt, validation). */
  optimize?: { seconds: number; wasmOpt: boolean };
  deploy?: DeployReport;
  /** Where the report was made: commit, ref; filled in CI. */
  source?: { commit?: string; ref?: string };
  /** Against a baseline report (issue 5), when one was found. */
  comparison?: Comparison;
  /**
   * Why there is no comparison although one was looked for (the stored baseline could not be
   * read: a 401/403/429/5xx, a timeout). The report is published without it.
   */
  comparisonUnavailable?: string;
  /** The budgets that were checked and those that broke. */
  budgets?: BudgetResult;
  /** What the run left out and why, shown on top of the summary (a fork PR's skipped preview). */
  notices?: string[];
  /** `mode: benchmark` / `spinwash bench`: repeated deploys of this one build (issue 10). */
  benchmark?: BenchmarkSection;
  /**
   * The run failed after the sizes were measured (the deploy never answered healthy): what
   * failed and why. The sizes stand; there is no `deploy`. The run's exit status is failure.
   */
  failure?: RunFailure;
  /** `cold-start: true`: each size stage on a fresh runtime process (issue 17; src/bench/cold-start.ts). */
  coldStart?: ColdStartStage[];
  /** What the cold start ran on: `wasmtime 48.0.8`, or `embedded` (jco + preview2-shim in Node). */
  coldStartRuntime?: string;
  /** The component the cold start measured (the app's first; the others are not started). */
  coldStartComponent?: string;
}

export interface RunFailure {
  /** The stage that failed: `deploy`. */
  stage: 'deploy';
  /** Its error, as the run printed it. */
  message: string;
}

/** One size stage of the app measured on fresh runtime processes, then under load. */
export interface ColdStartStage {
  stage: StageName;
  /** The stage's file on disk, as measured (the file the runtime was given, before any componentizing). */
  bytes: number;
  /** Samples taken (`repeat`): the first is the cold one, apart; the statistics are over the rest. */
  samples: number;
  /** wasmtime: `wasmtime compile` of the component, a process of its own; embedded: V8's compile of jco's core modules. */
  compileSeconds: SampleStats;
  /** From the runtime's start to the first healthy answer (the readiness clock). */
  firstAnswerSeconds: SampleStats;
  /** The first (cold) sample's own figures. */
  cold: { compileSeconds: number; firstAnswerSeconds: number };
  /** Median of the runtime processes' peak resident memory (VmHWM); absent where not measured (not Linux). */
  rssBytes?: number;
  /** The bounded load on one warm instance. */
  load: ColdStartLoad;
}

export interface ColdStartLoad {
  requests: number;
  connections: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Failed connections, timeouts and answers that were not 2xx. */
  errors: number;
}

/** One deploy of a benchmark run; a failed one keeps its error instead of the timings. */
export interface BenchmarkSample {
  /** 1-based; sample 1 is the cold one. */
  index: number;
  /** When its deploy started (ISO 8601). */
  startedAt: string;
  /** Present when the deploy answered healthy; the timings as in DeployReport. */
  readySeconds?: number;
  firstResponseSeconds?: number;
  commandSeconds?: number;
  status?: number;
  /** Why the sample failed (the deploy's error message). */
  error?: string;
}

/** Order statistics of one measure over the warm samples (src/bench/stats.ts defines each). */
export interface SampleStats {
  /** How many warm samples had this measure. */
  n: number;
  median: number;
  min: number;
  max: number;
  p10: number;
  p90: number;
  /** Median absolute deviation from the median (unscaled). */
  mad: number;
}

export interface BenchmarkSection {
  /** The deploy target's name. */
  target: string;
  /** The app's name: with the target, it names the history (`bench/<app>/<target>/`). */
  app: string;
  /** This run's id in the history (`<start time>-<commit>`). */
  runId: string;
  startedAt: string;
  repeat: number;
  /** Seconds between the starts of two samples, at least (`min-interval`). */
  minIntervalSeconds: number;
  /** Every sample, failed ones included, in the order they ran. */
  samples: BenchmarkSample[];
  /** Sample 1 (the first deploy of this build), apart from the statistics. */
  cold: BenchmarkSample;
  /** Over samples 2..repeat that succeeded; a measure no warm sample had is absent. */
  warm: {
    readySeconds?: SampleStats;
    firstResponseSeconds?: SampleStats;
    commandSeconds?: SampleStats;
  };
  failed: number;
  /** Final sizes summed over the components. */
  sizes: Sizes;
  /** Against the history (absent when there is none yet). */
  alert?: BenchmarkAlert;
}

/** The regression check of a run against the runs before it (src/bench/alert.ts). */
export interface BenchmarkAlert {
  /** `regression`: slower beyond threshold and spread; `ok`; `insufficient`: too few runs. */
  status: 'regression' | 'ok' | 'insufficient';
  /** The runs compared against (ids, oldest first). */
  window: string[];
  /** Median of their medians, in seconds. */
  baselineSeconds?: number;
  /** Median of their p90s: the top of a typical earlier run's spread. */
  baselineHighSeconds?: number;
  medianSeconds?: number;
  /** This run's p10: the bottom of its spread. */
  lowSeconds?: number;
  /** (median − baseline) / baseline, in percent. */
  changePercent?: number;
  thresholdPercent: number;
  message: string;
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
  deploy?: {
    baseReadySeconds: number;
    readySeconds: number;
    deltaSeconds: number;
    /**
     * The band (± seconds around the baseline) within which a change is noise: the baseline's
     * measured spread, else DEPLOY_NOISE_FRACTION of its time.
     */
    noiseSeconds: number;
    /** `measured`: the baseline carries a benchmark spread; `assumed`: one sample, the default band. */
    noiseSource: 'measured' | 'assumed';
    /** True when |deltaSeconds| is within noiseSeconds. */
    withinNoise: boolean;
  };
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
  /**
   * Budgets that were set but could not be checked, and why: `max-increase 1%` without a
   * baseline, `max-deploy-seconds` without a deploy. Never counted as passed.
   */
  notChecked?: { budget: BudgetName; limit: string; reason: string }[];
  breaches: BudgetBreach[];
  /** False when `fail-on-budget: false`: breaches are reported but the run passes. */
  failing: boolean;
}
