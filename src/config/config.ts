import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, UsageError, UserError } from '../errors.js';
import { parseBudgets, type Budgets } from './budgets.js';
import { parseToolsConfig, type ToolsConfig } from '../config/tools-config.js';
import { chooseDeployTarget, DEPLOY_CHOICES } from '../deploy/registry.js';
import type { DeploySettings, DeployTarget } from '../deploy/target.js';
import { allInputs, type InputName, type RawInputs } from './inputs.js';
import { parseMonorepoConfig, type MonorepoConfig } from './monorepo.js';
import { checkCrossInputRules } from './rules.js';
import { dataBranchClash } from '../github/data-branch.js';
import {
  invalidInput,
  MAX_WAIT_SECONDS,
  parseBoolean,
  parseBranchName,
  parseChoice,
  parseList,
  parsePositiveInt,
  parsePositiveNumber,
} from '../input-parsers.js';

/** Release-profile overrides; `undefined` leaves the project's own Cargo.toml setting. */
export interface ProfileTweaks {
  readonly lto?: string;
  readonly optLevel?: string;
  readonly codegenUnits?: number;
  readonly panic?: string;
  readonly strip?: string;
}

/**
 * The run plan: every input read and checked once, the deploy target resolved to itself
 * (`deploy.target`), frozen. Built by `buildConfig` from the action's inputs or the CLI's
 * flags; every stage and `execute` take it, and nothing after it looks a target up by name.
 */
export interface RunPlan {
  /** Absolute path of the project folder. */
  readonly projectDir: string;
  readonly profile: ProfileTweaks;
  readonly sections: { readonly keep: readonly string[]; readonly remove: readonly string[] };
  readonly wasmOpt: boolean;
  /** Extra debug and plain-release builds for the size ladder (src/stages/ladder.ts). */
  readonly ladder: boolean;
  readonly deploy: DeployPlan;
  /** A manifest may name a wasm file outside the project folder (which the run then rewrites). */
  readonly allowOutsideProject: boolean;
  /** Seconds all GitHub API calls of the run may take together. */
  readonly githubTimeoutSeconds: number;
  readonly output: { readonly jsonPath?: string; readonly markdownPath?: string };
  readonly comment: boolean;
  readonly githubToken?: string;
  /** Which sticky comment this job owns (`<!-- spinwash:KEY -->`). */
  readonly commentKey: string;
  /** Absolute path of a report to compare against, instead of the data branch's. */
  readonly baselineFile?: string;
  readonly budgets: Budgets;
  /** The results store (issue 5); `branch` undefined turns it off. */
  readonly store: { readonly branch?: string; readonly saveBranches: readonly string[] };
  /**
   * `run` the pipeline, `comment`: post what a fork PR run left in its artifact, `benchmark`,
   * `plan`: a monorepo's matrix of apps, `merge`: the matrix jobs' reports as one comment.
   */
  readonly mode: (typeof MODES)[number];
  /** A matrix job's app and the plan and merge inputs (src/config/monorepo.ts). */
  readonly monorepo: MonorepoConfig;
  /** Run on `pull_request_target` although a pull request's code would get a write token. */
  readonly allowPullRequestTarget: boolean;
  /** `mode: benchmark` / `spinwash bench` (issue 10). */
  readonly benchmark: BenchmarkConfig;
  /** Project kind, local runtime, CLIs to install (issue 4). */
  readonly tools: ToolsConfig;
}

export interface DeployPlan<Options = unknown> extends Omit<DeploySettings, 'healthPath'> {
  /**
   * `health-path`; undefined: the app's first route, known once the project is read
   * (src/stages/deploy.ts), else `/`.
   */
  readonly healthPath?: string;
  /**
   * The target that deploys, resolved once (an alias such as `local` with `runtime: spin` is
   * the target it names, `spin-up`); undefined for `deploy: none`.
   */
  readonly target?: DeployTarget<Options>;
  /** `preview: true`: a pull request gets its own app, deleted when it closes. */
  readonly preview: boolean;
  /** The target's own inputs, as its parseOptions returned them. */
  readonly options: Options;
  /**
   * The target's secret inputs under the environment names its CLI reads (`SPIN_AUTH_TOKEN`):
   * for a child's environment only. The action masks each value.
   */
  readonly secrets: Readonly<Record<string, string>>;
}

export interface BenchmarkConfig {
  readonly repeat: number;
  readonly minIntervalSeconds: number;
  readonly historyLimit: number;
  readonly alertWindow: number;
  /** `20%` → 0.2. */
  readonly alertThreshold: number;
  /** An issue to comment alerts on, instead of an issue of their own. */
  readonly alertCommentOn?: number;
  readonly failOnAlert: boolean;
  /** `cold-start: true`: each size stage on a fresh runtime process, then a bounded load (issue 17). */
  readonly coldStart: boolean;
}

const INHERIT = 'inherit';
export const MODES = ['run', 'comment', 'benchmark', 'plan', 'merge'] as const;

/** The benchmark's bounds: past them a value is a typo (a million deploys, a 30-year pause). */
const BENCH_LIMITS = {
  repeat: 1000,
  historyLimit: 10_000,
  alertWindow: 1000,
  thresholdPercent: 1000,
  /** GitHub's issue numbers are 32-bit. */
  issue: 2_147_483_647,
} as const;

function parseBenchmark(get: (name: InputName) => string): BenchmarkConfig {
  const interval = get('min-interval');
  const seconds = Number(interval);
  if (interval === '' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_WAIT_SECONDS)
    throw invalidInput(
      'min-interval',
      interval,
      `a number of seconds from 0 to ${MAX_WAIT_SECONDS}`,
    );
  const threshold = get('alert-threshold');
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(threshold);
  const thresholdPercent = Number(percent?.[1]);
  if (!percent || !(thresholdPercent > 0) || thresholdPercent > BENCH_LIMITS.thresholdPercent)
    throw invalidInput(
      'alert-threshold',
      threshold,
      `a percentage above 0 and at most ${BENCH_LIMITS.thresholdPercent}%, such as \`20%\``,
    );
  const issue = get('alert-comment-on').replace(/^#/, '');
  return Object.freeze({
    repeat: parsePositiveInt('repeat', get('repeat'), BENCH_LIMITS.repeat),
    minIntervalSeconds: seconds,
    historyLimit: parsePositiveInt(
      'history-limit',
      get('history-limit'),
      BENCH_LIMITS.historyLimit,
    ),
    alertWindow: parsePositiveInt('alert-window', get('alert-window'), BENCH_LIMITS.alertWindow),
    alertThreshold: thresholdPercent / 100,
    ...(issue === ''
      ? {}
      : { alertCommentOn: parsePositiveInt('alert-comment-on', issue, BENCH_LIMITS.issue) }),
    failOnAlert: parseBoolean('fail-on-alert', get('fail-on-alert')),
    coldStart: parseBoolean('cold-start', get('cold-start')),
  });
}

function tweak<T>(value: string, parse: (v: string) => T): T | undefined {
  return value === INHERIT ? undefined : parse(value);
}

/** `project` / `--project`: an existing folder, resolved against `cwd`. */
export function parseProjectDir(value: string, cwd: string): string {
  const dir = path.resolve(cwd, value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(
      (audience) =>
        `${audience.subject('project')} has the value "${value}": no such folder (${dir})`,
    );
  }
  return dir;
}

/**
 * Where a file spinwash writes goes (`report-path`, `--json`, `--markdown`, `optimize -o`), one
 * rule for all: missing folders are made when it is written; a path that cannot be a file (a
 * folder, or below a file) is refused before any work, so it fails at once, not after the build.
 */
export function outputFileProblem(file: string): string | undefined {
  if (existsSync(file) && statSync(file).isDirectory()) return `${file} is a folder`;
  return folderProblem(path.dirname(file));
}

/**
 * Why spinwash cannot make or write in `folder`, or undefined: the nearest part of it that
 * exists must be a folder a file can be made in (tried: permissions say little to root, and a
 * folder under /proc made mkdir hang).
 */
export function folderProblem(folder: string): string | undefined {
  let existing = folder;
  while (!existsSync(existing)) existing = path.dirname(existing);
  if (!statSync(existing).isDirectory()) return `${existing} is a file, not a folder`;
  const probe = path.join(
    existing,
    `.spinwash-probe-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
  } catch (error) {
    return `cannot write in ${existing} (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)})`;
  }
  return undefined;
}

/** `input`: the input (`report-path`) or the command's own flag (`--markdown`) that names it. */
export function parseOutputFile(input: string, value: string, cwd: string): string {
  const file = path.resolve(cwd, value);
  const problem = outputFileProblem(file);
  if (problem !== undefined) {
    throw new UsageError(
      (audience) =>
        `${audience.subject(input)} has the value "${value}": ${problem}; accepted: a file path (missing folders are made)`,
    );
  }
  return file;
}

function parseCommentKey(value: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(value))
    throw invalidInput('comment-key', value, 'letters, digits, `.`, `_` and `-`');
  return value;
}

function parseBaselineFile(value: string, cwd: string): string {
  const file = path.resolve(cwd, value);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UsageError(
      (audience) =>
        `${audience.subject('baseline-file')} has the value "${value}": no such file (${file}); accepted: a JSON report written by spinwash`,
    );
  }
  return file;
}

/** cargo takes any count; past 256 (its incremental default) a value is a typo. */
const MAX_CODEGEN_UNITS = 256;

/**
 * A path on the app, never a URL: `//host/x` (scheme-relative) or a backslash, which URL
 * parsing turns into a host, would send the probe elsewhere and report that host's answer.
 */
function parseHealthPath(value: string): string | undefined {
  if (value === '') return undefined;
  const accepted = 'a path starting with a single `/` (such as `/health`), on the deployed app';
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value))
    throw invalidInput('health-path', value, accepted);
  const probe = new URL(value, 'http://127.0.0.1:1/');
  if (probe.host !== '127.0.0.1:1') throw invalidInput('health-path', value, accepted);
  return value;
}

/** The `deploy` value of the plan's target: its name, or `none`. */
export function deployName(deploy: Pick<DeployPlan, 'target'>): string {
  return deploy.target?.name ?? 'none';
}

/**
 * The data branch takes spinwash's commits: a valid branch name, never the branch this run
 * checked out (the repository's default branch is refused on the first write, see
 * src/github/store.ts, as only the API knows it). Empty turns the store off.
 */
function parseDataBranch(value: string, env: NodeJS.ProcessEnv): string | undefined {
  if (value === '') return undefined;
  const branch = parseBranchName('data-branch', value);
  const checkedOut = [
    env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined,
    env.GITHUB_HEAD_REF,
  ];
  if (checkedOut.includes(branch))
    throw new UserError(dataBranchClash(branch, 'the branch this run checked out'));
  return branch;
}

/**
 * The deploy part: the shared settings, then the chosen target's own inputs through its
 * parseOptions, and its secrets (the input, else the environment variable the CLI reads).
 */
function parseDeploy(
  get: (name: string) => string,
  runtime: ToolsConfig['runtime'],
  env: NodeJS.ProcessEnv,
): DeployPlan {
  const choice = parseChoice('deploy', get('deploy'), DEPLOY_CHOICES);
  // the one lookup of a target: from here on the plan carries the target itself
  const target = chooseDeployTarget(choice, runtime);
  const secrets: Record<string, string> = {};
  const read = (name: string): string => {
    const spec = target?.inputs[name];
    if (!spec) throw new Error(`deploy target ${target?.name} reads undeclared input ${name}`);
    const value = get(name) || (spec.env ? (env[spec.env] ?? '').trim() : '');
    if (spec.secret && value !== '') secrets[spec.env ?? name] = value;
    return value;
  };
  const healthExpect = get('health-expect');
  const healthPath = parseHealthPath(get('health-path'));
  return Object.freeze({
    ...(target ? { target } : {}),
    ...(healthPath !== undefined ? { healthPath } : {}),
    ...(healthExpect !== '' ? { healthExpect } : {}),
    timeoutSeconds: parsePositiveNumber('deploy-timeout', get('deploy-timeout'), MAX_WAIT_SECONDS),
    preview: parseBoolean('preview', get('preview')),
    options: target ? target.parseOptions(read) : undefined,
    secrets: Object.freeze(secrets),
  });
}

/**
 * Builds the read-only run plan from raw input strings (action inputs or CLI flags).
 * Missing inputs take the defaults of INPUTS; every value is checked here, once.
 */
export function buildConfig(
  raw: RawInputs,
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): RunPlan {
  const inputs = allInputs();
  const get = (name: InputName | (string & {})): string =>
    (raw[name] ?? inputs[name]?.default ?? '').trim();
  const tools = parseToolsConfig(get);
  const token = get('github-token');
  const reportPath = get('report-path');
  const config: RunPlan = Object.freeze({
    projectDir: parseProjectDir(get('project'), cwd),
    profile: Object.freeze({
      lto: tweak(get('lto'), (v) =>
        parseChoice('lto', v, ['true', 'false', 'thin', 'fat', 'off', INHERIT] as const),
      ),
      optLevel: tweak(get('opt-level'), (v) =>
        parseChoice('opt-level', v, ['0', '1', '2', '3', 's', 'z', INHERIT] as const),
      ),
      codegenUnits: tweak(get('codegen-units'), (v) =>
        parsePositiveInt('codegen-units', v, MAX_CODEGEN_UNITS),
      ),
      panic: tweak(get('panic'), (v) =>
        parseChoice('panic', v, ['abort', 'unwind', INHERIT] as const),
      ),
      strip: tweak(get('cargo-strip'), (v) =>
        parseChoice('cargo-strip', v, ['none', 'debuginfo', 'symbols', INHERIT] as const),
      ),
    }),
    sections: Object.freeze({
      keep: parseList(get('keep-sections')),
      remove: parseList(get('remove-sections')),
    }),
    wasmOpt: parseBoolean('wasm-opt', get('wasm-opt')),
    ladder: parseBoolean('ladder', get('ladder')),
    deploy: parseDeploy(get, tools.runtime, env),
    allowOutsideProject: parseBoolean('allow-outside-project', get('allow-outside-project')),
    githubTimeoutSeconds: parsePositiveNumber(
      'github-timeout',
      get('github-timeout'),
      MAX_WAIT_SECONDS,
    ),
    output: Object.freeze({
      jsonPath: reportPath === '' ? undefined : parseOutputFile('report-path', reportPath, cwd),
    }),
    comment: parseBoolean('comment', get('comment')),
    githubToken: token === '' || token.startsWith('${{') ? undefined : token,
    commentKey: parseCommentKey(get('comment-key')),
    baselineFile:
      get('baseline-file') === '' ? undefined : parseBaselineFile(get('baseline-file'), cwd),
    budgets: parseBudgets({
      maxSize: get('max-size'),
      maxIncrease: get('max-increase'),
      maxDeploySeconds: get('max-deploy-seconds'),
      failOnBudget: parseBoolean('fail-on-budget', get('fail-on-budget')),
    }),
    store: Object.freeze({
      branch: parseDataBranch(get('data-branch'), env),
      saveBranches: parseList(get('save-branches')),
    }),
    mode: parseChoice('mode', get('mode'), MODES),
    monorepo: parseMonorepoConfig(get, cwd),
    allowPullRequestTarget: parseBoolean(
      'allow-pull-request-target',
      get('allow-pull-request-target'),
    ),
    benchmark: parseBenchmark(get),
    tools,
  });
  checkCrossInputRules(config, get);
  return config;
}
