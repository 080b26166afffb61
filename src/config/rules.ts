import { UserError } from '../errors.js';
import type { Config } from './config.js';

/**
 * Rules between inputs, each valid alone: a combination that cannot do what it says is one
 * clear error before anything runs, instead of a setting silently ignored.
 */
export interface CrossInputRule {
  /** The inputs involved, as the message names them. */
  readonly inputs: readonly string[];
  /** The problem, or undefined when the combination is fine. */
  check(config: Config, raw: (name: string) => string): string | undefined;
}

/** Targets that run the app on this machine: nothing for a pull request to preview. */
const LOCAL_TARGETS = new Set(['local', 'spin-up', 'wash', 'wasmtime', 'none']);

export const CROSS_INPUT_RULES: readonly CrossInputRule[] = [
  {
    inputs: ['max-deploy-seconds', 'deploy'],
    check: (config) =>
      config.budgets.maxDeploySeconds !== undefined && config.deploy.target === 'none'
        ? 'Input `max-deploy-seconds` is set but `deploy` is `none`: there is no deploy to time; remove the budget or choose a deploy target'
        : undefined,
  },
  {
    inputs: ['runtime', 'deploy'],
    check: (config, raw) =>
      config.tools.runtime !== 'embedded' && raw('deploy') !== 'local'
        ? `Input \`runtime\` is \`${config.tools.runtime}\` but \`deploy\` is \`${raw('deploy')}\`: \`runtime\` chooses what serves \`deploy: local\` only`
        : undefined,
  },
  {
    inputs: ['preview', 'deploy'],
    check: (config) =>
      config.deploy.preview && LOCAL_TARGETS.has(config.deploy.target)
        ? `Input \`preview\` is \`true\` but \`deploy\` is \`${config.deploy.target}\`, which keeps nothing running after the step; previews need a remote target`
        : undefined,
  },
  {
    inputs: ['health-expect', 'deploy'],
    check: (config) =>
      config.deploy.healthExpect !== undefined && config.deploy.target === 'none'
        ? 'Input `health-expect` is set but `deploy` is `none`: nothing answers to check it against'
        : undefined,
  },
  {
    inputs: ['mode', 'ladder'],
    check: (config) =>
      config.mode === 'comment' && config.ladder
        ? 'Input `ladder` is `true` with `mode: comment`, which builds nothing; set it in the run that builds'
        : undefined,
  },
];

/** Throws the first broken rule as one UserError. */
export function checkCrossInputRules(config: Config, raw: (name: string) => string): void {
  for (const rule of CROSS_INPUT_RULES) {
    const problem = rule.check(config, raw);
    if (problem) throw new UserError(problem);
  }
}
