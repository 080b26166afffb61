import { DEPLOY_TARGETS, targetAliases, targetInputs } from '../deploy/registry.js';

/**
 * Every input of the action, with its default. action.yml must list the same names and
 * defaults (a test checks); the CLI's flags map onto these names, so both front ends share
 * one parser.
 */
export const INPUTS = {
  project: {
    default: '.',
    description:
      'Folder of the project: a Spin app (spin.toml), a wasmCloud project (wasmcloud.toml, .wash/config.yaml), or a Cargo package or workspace.',
  },
  deploy: {
    default: 'local',
    description: 'Where to deploy (`none` skips the deploy):',
  },
  'wasm-opt': {
    default: 'false',
    description: 'Run `wasm-opt -Oz` (binaryen, in-process) after stripping.',
  },
  ladder: {
    default: 'false',
    description:
      'Report the size ladder: debug build → plain release (the release profile of Cargo.toml, untweaked) → tweaked release → stripped → wasm-opt. Costs two extra cargo builds; components not built by a single `cargo build` are skipped.',
  },
  lto: {
    default: 'true',
    description:
      'CARGO_PROFILE_RELEASE_LTO: `true`, `false`, `thin`, `fat`, `off`, or `inherit` to leave Cargo.toml in charge.',
  },
  'opt-level': {
    default: 'z',
    description: 'CARGO_PROFILE_RELEASE_OPT_LEVEL: `0`-`3`, `s`, `z`, or `inherit`.',
  },
  'codegen-units': {
    default: '1',
    description: 'CARGO_PROFILE_RELEASE_CODEGEN_UNITS: a whole number from 1 to 256, or `inherit`.',
  },
  panic: {
    default: 'abort',
    description: 'CARGO_PROFILE_RELEASE_PANIC: `abort`, `unwind`, or `inherit`.',
  },
  'cargo-strip': {
    default: 'inherit',
    description:
      'CARGO_PROFILE_RELEASE_STRIP: `none`, `debuginfo`, `symbols`, or `inherit` (the strip stage removes debug sections anyway, and measures what they cost).',
  },
  'keep-sections': {
    default: '',
    description:
      'Custom sections to keep although they would be stripped (comma- or newline-separated; `*` wildcards).',
  },
  'remove-sections': {
    default: '',
    description:
      'Extra custom sections to strip (comma- or newline-separated; `*` wildcards). `component-type:*` is never removed.',
  },
  'health-path': {
    default: '',
    description:
      "Path requested to decide the deployed app is healthy (first HTTP 200 of the new version): a path on the app, such as `/health?ready=1`; never another host. Empty: the app's first route (a Spin app's first `[[trigger.http]]` route, a wildcard `/api/...` at `/api`), else `/`.",
  },
  'health-expect': {
    default: '',
    description:
      "Text the health answer must contain to count as the new version (e.g. a version string), for platforms without Spin's `/.well-known/spin/info` digest.",
  },
  'deploy-timeout': {
    default: '60',
    description:
      "Seconds from the deploy's start to wait for the new version's first healthy answer (at most 3600).",
  },
  preview: {
    default: 'false',
    description:
      'On a pull request, deploy a preview of its own (`<app>-pr-<N>`), put its URL at the top of the comment, and delete it when the PR is closed (run the workflow on `closed` too).',
  },
  'report-path': {
    default: '',
    description:
      'Where to write the JSON report (default: spinwash-report.json in the runner temp folder).',
    cli: '--json',
  },
  comment: {
    default: 'true',
    description: 'Post or update a sticky comment on the pull request.',
    cli: false,
  },
  'github-token': {
    default: '${{ github.token }}',
    description: 'Token for the PR comment (needs `pull-requests: write`).',
    cli: false,
  },
  'comment-key': {
    default: 'sticky',
    description:
      'Key of the sticky comment (`<!-- spinwash:KEY -->`): give each job of a matrix its own to keep one comment per job.',
    cli: false,
  },
  'baseline-file': {
    default: '',
    description:
      'A JSON report to compare against (instead of the report saved for the base commit on `data-branch`).',
  },
  'max-size': {
    default: '',
    description:
      'Size budget on final bytes: a total (`300KiB`) and/or per component (`api=200KiB, web=1MB`); units B, KB, KiB, MB, MiB.',
  },
  'max-increase': {
    default: '',
    description:
      'Growth budget per component against the baseline: a percentage (`1%`) or a size (`2KiB`).',
  },
  'max-deploy-seconds': {
    default: '',
    description: 'Budget on the deploy ready time, in seconds (at most 3600).',
  },
  'fail-on-budget': {
    default: 'true',
    description: 'Fail the step when a budget is broken (`false` only reports it).',
  },
  'data-branch': {
    default: 'spinwash-data',
    description:
      'Branch that stores one JSON report per commit, for PRs to compare against (created when missing; empty turns the store off; needs `contents: write` on push). A branch of its own: never the default branch nor the one the run checked out.',
    cli: false,
  },
  'save-branches': {
    default: '',
    description:
      'Branches whose pushes save their report to `data-branch` (comma-separated; default: the repository default branch).',
    cli: false,
  },
  mode: {
    default: 'run',
    description:
      "`run` builds and reports; `comment` (in a `workflow_run` workflow) posts the comment a fork PR run left in its `spinwash-report` artifact; `benchmark` builds once and deploys `repeat` times, keeps the run in the history on `data-branch`, draws the charts and raises alerts; `plan` finds every app under `project` and sets the `matrix` output; `merge` turns the matrix jobs' reports (`reports`) into one comment.",
    cli: false,
  },
  app: {
    default: '',
    description:
      "This job's app in a monorepo matrix (the matrix entry's `name`): reports are stored and compared per app (`reports/<sha>/<app>.json` on `data-branch`), and a failed run leaves a failure record at `report-path` for `mode: merge`. Lowercase letters, digits, `.`, `_`, `-`.",
  },
  'paths-changed': {
    default: '',
    description:
      '`mode: plan`: a base ref (the base sha of the pull request, `origin/main`): only apps whose files changed since its merge base with HEAD are planned (needs the history: `fetch-depth: 0`).',
  },
  reports: {
    default: '',
    description:
      "`mode: merge`: the folder the matrix jobs' artifacts (each job's `report-path`) were downloaded to.",
  },
  matrix: {
    default: '',
    description:
      '`mode: merge`: the `matrix` output of `mode: plan`; an app it lists that left no report shows as failed.',
  },
  'allow-pull-request-target': {
    default: 'false',
    description:
      "Run on a `pull_request_target` event. That event hands a write token and the secrets to the run, and building a pull request's code there hands them to that code: spinwash refuses it unless this is `true`. Use `pull_request` plus a `workflow_run` workflow with `mode: comment` instead.",
    cli: false,
  },
  repeat: {
    default: '5',
    description:
      '`mode: benchmark`: deploys of the one build (1 to 1000); the first (cold) is reported apart, the others make the statistics.',
  },
  'min-interval': {
    default: '0',
    description:
      '`mode: benchmark`: seconds between the starts of two deploys (0 to 3600), to stay under a platform limit (Fermyon Cloud: 6 for 10 a minute).',
  },
  'history-limit': {
    default: '500',
    description:
      '`mode: benchmark`: runs the history keeps per app and target (1 to 10000); the oldest fall off (their files are deleted).',
  },
  'alert-window': {
    default: '5',
    description:
      '`mode: benchmark`: how many previous runs a run is compared against for an alert (1 to 1000).',
  },
  'alert-threshold': {
    default: '20%',
    description:
      '`mode: benchmark`: a run is a regression when its median ready time is this much above the median of the window (above 0%, at most 1000%) AND its p10 lies above the median of their p90s (spreads that do not overlap).',
  },
  'alert-comment-on': {
    default: '',
    description:
      '`mode: benchmark`: an issue number to comment alerts on; empty opens (and updates) one issue per app and target.',
    cli: false,
  },
  'fail-on-alert': {
    default: 'false',
    description: '`mode: benchmark`: fail the step when the run is a regression.',
  },
  'cold-start': {
    default: 'false',
    description:
      '`mode: benchmark`: also measure each size stage (release, stripped, wasm-opt; debug with `ladder`) on a fresh runtime process `repeat` times (compile, first healthy answer, peak RSS), then a bounded load on one warm instance; on wasmtime when it is the runtime or on PATH, else the embedded runtime.',
  },
  'project-kind': {
    default: 'auto',
    description:
      'Kind of project: `auto` (by its files: spin.toml, wasmcloud.toml or .wash/config.yaml, Cargo.toml), `cargo`, `spin` or `wash`.',
  },
  target: {
    default: '',
    description:
      "Rust target of a Cargo project (e.g. `wasm32-wasip2`); empty uses `[build] target` of the project's .cargo/config.toml, else `wasm32-wasip1`. Spin and wasmCloud projects name theirs in their own build settings.",
  },
  runtime: {
    default: 'embedded',
    // the runtimes are listed from the targets' aliases (allInputs)
    description: 'What serves the app for',
  },
  'spin-version': {
    default: '',
    description:
      'Install this spin CLI (`latest`, `canary`, `vX.Y.Z`), cached by version; empty uses spin from PATH.',
  },
  'wash-version': {
    default: '',
    description:
      'Install this wash CLI (`latest`, `vX.Y.Z`: 0.x or 2.x), cached by version; empty uses wash from PATH.',
  },
  'wasmtime-version': {
    default: '',
    description:
      'Install this wasmtime CLI (`latest`, `vX.Y.Z`) from its GitHub release, checked against the sha256 digest GitHub lists for the archive, cached by version; empty uses wasmtime from PATH.',
  },
  'spin-plugins': {
    default: '',
    description: 'Spin plugins to install with `--yes` (comma-separated, e.g. `cloud, kube`).',
  },
  'setup-timeout': {
    default: '600',
    description:
      'Seconds the setup stage may take installing CLIs and Spin plugins (downloads, `spin plugins update` and `install` together; at most 3600). Past it the step fails, naming what hung, and what it started is stopped.',
  },
  'install-rust-target': {
    default: 'false',
    description:
      "Add a Rust target the project's builds name and rustc lacks with `rustup target add` (a download). By default spinwash says which target is missing and how to add it (the toolchain step's `targets`).",
  },
  'allow-outside-project': {
    default: 'false',
    description:
      'Let a manifest name a wasm file outside the project folder (`source = "../x.wasm"`): spinwash rewrites the file it optimizes, so by default it refuses.',
  },
  'github-timeout': {
    default: '180',
    description:
      'Seconds all GitHub API calls of a run may take together (each request, retries and rate-limit waits included; at most 3600). Past it spinwash warns and publishes what it measured without what it could not get.',
  },
  'tools-base-url': {
    default: '',
    description:
      'Fetch CLI releases from this server instead of GitHub (a mirror or GHES; env SPINWASH_TOOLS_BASE_URL): API under /repos/…, assets under /<owner>/<repo>/releases/download/….',
  },
} as const satisfies Record<string, { default: string; description: string; cli?: string | false }>;

export type InputName = keyof typeof INPUTS;
/** Input values by name: the core inputs above and the deploy targets' own (src/deploy/registry.ts). */
export type RawInputs = Partial<Record<InputName, string>> & Partial<Record<string, string>>;

export interface InputSpec {
  readonly default: string;
  readonly description: string;
  /**
   * The CLI's name for it where that is not `--<name>`: another flag (`report-path` is
   * `--json`), or `false` for an input of the action only (the CLI comments nowhere).
   */
  readonly cli?: string | false;
  /** Masked in the action, never in argv or logs; the CLI reads it from `env`. */
  readonly secret?: boolean;
  /** The environment variable the CLI reads for it (and a platform CLI child gets it in). */
  readonly env?: string;
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** `runtime`'s description: for each `deploy` value with aliases, the runtimes that serve it. */
function runtimeDescription(): string {
  const aliases = targetAliases();
  const deploys = [...new Set(aliases.map((alias) => alias.deploy))];
  const runtimes = deploys.map(
    (deploy) =>
      `\`deploy: ${deploy}\`: ${orList(aliases.filter((a) => a.deploy === deploy).map((a) => a.summary))}`,
  );
  return `${INPUTS.runtime.description} ${runtimes.join('; ')}.`;
}

/**
 * Every input the action and the CLI take: the core ones, then each deploy target's own,
 * with `deploy`'s description listing the targets and `runtime`'s the targets' runtimes.
 * action.yml and the CLI's help read this.
 */
export function allInputs(): Readonly<Record<string, InputSpec>> {
  const deploy = {
    ...INPUTS.deploy,
    description: `${INPUTS.deploy.description} ${DEPLOY_TARGETS.map((t) => t.summary).join('; ')}.`,
  };
  const runtime = { ...INPUTS.runtime, description: runtimeDescription() };
  const own = Object.fromEntries(
    Object.entries(targetInputs()).map(([name, { targets, ...spec }]) => [
      name,
      { ...spec, description: `${spec.description} (deploy: ${targets.join(', ')})` },
    ]),
  );
  return { ...INPUTS, deploy, runtime, ...own };
}

/** Inputs that are switches on the command line (`--wasm-opt`, not `--wasm-opt true`). */
export const CLI_SWITCHES: ReadonlySet<string> = new Set<InputName>([
  'wasm-opt',
  'ladder',
  'preview',
  'fail-on-alert',
  'cold-start',
  'allow-outside-project',
  'install-rust-target',
]);

/**
 * How the CLI names an input: its flag (`--deploy`), or for a secret the environment variable
 * it reads (secrets are never flags). An input of the action only keeps its input name.
 */
export function cliInputName(name: string): string {
  if (name.startsWith('-')) return `\`${name}\``; // a flag of a command's own (`inspect --kind`)
  const spec: InputSpec | undefined = allInputs()[name];
  if (spec?.secret && spec.env) return `the environment variable \`${spec.env}\``;
  if (spec?.cli === false) return `input \`${name}\` (of the action)`;
  return `\`${spec?.cli ?? `--${name}`}\``;
}

/** An input set to a value, as typed on the command line: `--deploy local`, `--wasm-opt`, `SPIN_AUTH_TOKEN=…`. */
export function cliSetting(name: string, value: string): string {
  const spec: InputSpec | undefined = allInputs()[name];
  if (spec?.secret && spec.env) return `\`${spec.env}=${value}\``;
  if (spec?.cli === false) return `\`${name}: ${value}\` (an input of the action)`;
  const flag = spec?.cli ?? `--${name}`;
  return CLI_SWITCHES.has(name) && value === 'true' ? `\`${flag}\`` : `\`${flag} ${value}\``;
}
