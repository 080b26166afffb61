import { targetAliases } from '../deploy/registry.js';
import { UsageError, type Audience } from '../errors.js';
import { deployName, type RunPlan } from './config.js';
import { INPUTS } from './inputs.js';

/**
 * Rules between inputs, each valid alone: a combination that cannot do what it says is one
 * clear error before anything runs, instead of a setting silently ignored.
 */
export interface CrossInputRule {
  /** The inputs involved, as the message names them. */
  readonly inputs: readonly string[];
  /**
   * The problem, in the words of whoever prints it (the CLI's `--deploy`, the action's
   * input `deploy`), or undefined when the combination is fine.
   */
  check(
    config: RunPlan,
    raw: (name: string) => string,
  ): ((audience: Audience) => string) | undefined;
}

/** The `deploy` values a `runtime` chooses among (`local`), as the targets' aliases declare them. */
function runtimeDeploys(): string[] {
  return [...new Set(targetAliases().map((alias) => alias.deploy))];
}

export const CROSS_INPUT_RULES: readonly CrossInputRule[] = [
  {
    inputs: ['max-deploy-seconds', 'deploy'],
    check: (config) =>
      config.budgets.maxDeploySeconds !== undefined && !config.deploy.target
        ? (a) =>
            `${a.subject('max-deploy-seconds')} is set but ${a.input('deploy')} is \`none\`: there is no deploy to time; remove the budget or choose a deploy target`
        : undefined,
  },
  {
    inputs: ['runtime', 'deploy'],
    check: (config, raw) =>
      config.tools.runtime !== INPUTS.runtime.default && !runtimeDeploys().includes(raw('deploy'))
        ? (a) =>
            `${a.subject('runtime')} is \`${config.tools.runtime}\` but ${a.input('deploy')} is \`${raw('deploy')}\`: ${a.input('runtime')} chooses what serves ${runtimeDeploys()
              .map((deploy) => a.setting('deploy', deploy))
              .join(', ')} only`
        : undefined,
  },
  {
    inputs: ['preview', 'deploy'],
    check: (config) =>
      // a target that runs the app on this machine (or none) keeps nothing for a PR to preview
      config.deploy.preview && (config.deploy.target?.local ?? true)
        ? (a) =>
            `${a.subject('preview')} is \`true\` but ${a.input('deploy')} is \`${deployName(config.deploy)}\`, which keeps nothing running after the ${a.kind === 'cli' ? 'run' : 'step'}; previews need a remote target`
        : undefined,
  },
  {
    inputs: ['health-expect', 'deploy'],
    check: (config) =>
      config.deploy.healthExpect !== undefined && !config.deploy.target
        ? (a) =>
            `${a.subject('health-expect')} is set but ${a.input('deploy')} is \`none\`: nothing answers to check it against`
        : undefined,
  },
  {
    inputs: ['paths-changed', 'mode'],
    check: (config) =>
      config.monorepo.pathsChanged !== undefined && config.mode !== 'plan'
        ? () =>
            `Input \`paths-changed\` is set but \`mode\` is \`${config.mode}\`: it narrows the matrix of \`mode: plan\`; set it on the plan job`
        : undefined,
  },
  {
    inputs: ['reports', 'matrix', 'mode'],
    check: (config) =>
      (config.monorepo.reportsDir !== undefined || config.monorepo.matrix !== undefined) &&
      config.mode !== 'merge'
        ? () =>
            `Input \`${config.monorepo.reportsDir !== undefined ? 'reports' : 'matrix'}\` is set but \`mode\` is \`${config.mode}\`: it is read by \`mode: merge\` only`
        : config.mode === 'merge' && config.monorepo.reportsDir === undefined
          ? () =>
              "`mode: merge` needs `reports`: the folder the matrix jobs' artifacts were downloaded to (actions/download-artifact `path`)"
          : undefined,
  },
  {
    inputs: ['app', 'mode'],
    check: (config) =>
      config.monorepo.app !== undefined && (config.mode === 'plan' || config.mode === 'merge')
        ? () =>
            `Input \`app\` is set but \`mode\` is \`${config.mode}\`: \`app\` names one matrix job's app; set it on the matrix job (\`mode: run\`)`
        : undefined,
  },
  {
    inputs: ['mode', 'ladder'],
    check: (config) =>
      config.mode === 'comment' && config.ladder
        ? () =>
            'Input `ladder` is `true` with `mode: comment`, which builds nothing; set it in the run that builds'
        : undefined,
  },
  {
    inputs: ['cold-start', 'mode'],
    check: (config) =>
      config.benchmark.coldStart && config.mode !== 'benchmark'
        ? () =>
            `Input \`cold-start\` is \`true\` but \`mode\` is \`${config.mode}\`: the cold start is measured by \`mode: benchmark\` (\`spinwash bench --cold-start\`); set \`mode: benchmark\``
        : undefined,
  },
];

/** Throws the first broken rule as one error of usage. */
export function checkCrossInputRules(config: RunPlan, raw: (name: string) => string): void {
  for (const rule of CROSS_INPUT_RULES) {
    const problem = rule.check(config, raw);
    if (problem) throw new UsageError(problem);
  }
}
