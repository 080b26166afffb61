import { UserError } from '../errors.js';
import { invalidInput, parseList, parsePositiveNumber } from '../config/parse.js';
import type { ComponentSpec } from '../projects/project.js';
import { formatBytes, formatBytesExact, formatPercent, formatSeconds } from './format.js';
import { countedOnce, type BudgetBreach, type BudgetResult, type Report } from './model.js';

/**
 * Size and time budgets (issue 5): parsed once from inputs, checked against a report as a pure
 * function. A breach is data; the pipeline decides whether it fails the run.
 */

export type IncreaseLimit =
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'bytes'; readonly bytes: number };

export interface Budgets {
  /** Limit on the sum of every component's final bytes. */
  readonly maxTotalBytes?: number;
  /** Per-component limits on final bytes, by component name. */
  readonly maxComponentBytes: Readonly<Record<string, number>>;
  /** Limit on each component's growth against the baseline. */
  readonly maxIncrease?: IncreaseLimit;
  readonly maxDeploySeconds?: number;
  /** False reports breaches without failing the run. */
  readonly failOnBudget: boolean;
}

export const NO_BUDGETS: Budgets = Object.freeze({
  maxComponentBytes: Object.freeze({}),
  failOnBudget: true,
});

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1000,
  kib: 1024,
  mb: 1000 * 1000,
  mib: 1024 * 1024,
};
const SIZE_ACCEPTED =
  'a size such as `500B`, `200KB`, `200KiB`, `1.5MB` or `2MiB` (a bare number is bytes)';

/** `200KiB` → 204800. Units B, KB (1000), KiB (1024), MB, MiB; case-insensitive. */
export function parseByteSize(input: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = UNITS[(match?.[2] || 'b').toLowerCase()];
  if (!match || unit === undefined) throw invalidInput(input, value, SIZE_ACCEPTED);
  const bytes = Math.round(Number(match[1]) * unit);
  if (bytes <= 0) throw invalidInput(input, value, `${SIZE_ACCEPTED}, greater than 0`);
  return bytes;
}

/** `max-size`: `300KiB` (total), `api=200KiB, web=1MB` (per component), or both mixed. */
export function parseMaxSize(value: string): Pick<Budgets, 'maxTotalBytes' | 'maxComponentBytes'> {
  let maxTotalBytes: number | undefined;
  const maxComponentBytes: Record<string, number> = {};
  for (const entry of parseList(value)) {
    const eq = entry.indexOf('=');
    if (eq === -1) {
      if (maxTotalBytes !== undefined)
        throw invalidInput(
          'max-size',
          value,
          'one total limit and any number of `name=limit` entries',
        );
      maxTotalBytes = parseByteSize('max-size', entry);
      continue;
    }
    const name = entry.slice(0, eq).trim();
    if (name === '' || name in maxComponentBytes) {
      throw invalidInput(
        'max-size',
        value,
        '`name=limit` entries with distinct, non-empty component names',
      );
    }
    maxComponentBytes[name] = parseByteSize('max-size', entry.slice(eq + 1).trim());
  }
  return { maxTotalBytes, maxComponentBytes };
}

/** `max-increase`: `1%`, `0.5%`, or a size (`2KiB`). Empty means no limit. */
export function parseMaxIncrease(value: string): IncreaseLimit | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (trimmed.endsWith('%')) {
    const percent = Number(trimmed.slice(0, -1).trim());
    if (trimmed.length === 1 || !Number.isFinite(percent) || percent < 0) {
      throw invalidInput('max-increase', value, `a percentage such as \`1%\` or ${SIZE_ACCEPTED}`);
    }
    return { kind: 'percent', percent };
  }
  if (!/^\d/.test(trimmed))
    throw invalidInput('max-increase', value, `a percentage such as \`1%\` or ${SIZE_ACCEPTED}`);
  return { kind: 'bytes', bytes: parseByteSize('max-increase', trimmed) };
}

/** Builds Budgets from the raw input strings (empty strings mean "no limit"). */
export function parseBudgets(raw: {
  maxSize: string;
  maxIncrease: string;
  maxDeploySeconds: string;
  failOnBudget: boolean;
}): Budgets {
  return Object.freeze({
    ...parseMaxSize(raw.maxSize),
    maxIncrease: parseMaxIncrease(raw.maxIncrease),
    maxDeploySeconds:
      raw.maxDeploySeconds.trim() === ''
        ? undefined
        : parsePositiveNumber('max-deploy-seconds', raw.maxDeploySeconds.trim()),
    failOnBudget: raw.failOnBudget,
  });
}

/** True when at least one budget is set (nothing to check, nothing to show otherwise). */
export function hasBudgets(budgets: Budgets): boolean {
  return (
    budgets.maxTotalBytes !== undefined ||
    Object.keys(budgets.maxComponentBytes).length > 0 ||
    budgets.maxIncrease !== undefined ||
    budgets.maxDeploySeconds !== undefined
  );
}

/**
 * Checks a report (with its comparison, for `max-increase`) against the budgets.
 * A per-component limit naming a component the report does not have is a UserError (a typo
 * would otherwise pass silently).
 */
export function checkBudgets(report: Report, budgets: Budgets): BudgetResult {
  const checked: string[] = [];
  const breaches: BudgetBreach[] = [];
  const names = report.components.map((c) => c.name);

  if (budgets.maxTotalBytes !== undefined) {
    const limit = budgets.maxTotalBytes;
    // a file several components share counts once
    const total = countedOnce(report.components).reduce((sum, c) => sum + c.final.bytes, 0);
    checked.push(`max-size ${formatBytes(limit)} (total)`);
    if (total > limit) breaches.push(sizeBreach('max-size', undefined, limit, total));
  }
  for (const [name, limit] of Object.entries(budgets.maxComponentBytes)) {
    const component = report.components.find((c) => c.name === name);
    if (!component) {
      throw new UserError(
        `Input \`max-size\` names the component "${name}", which this project does not have; components: ${names.join(', ') || '(none)'}`,
      );
    }
    checked.push(`max-size ${formatBytes(limit)} (${name})`);
    if (component.final.bytes > limit)
      breaches.push(sizeBreach('max-size', name, limit, component.final.bytes));
  }

  const increase = budgets.maxIncrease;
  if (increase && report.comparison) {
    checked.push(
      `max-increase ${increase.kind === 'percent' ? `${increase.percent}%` : formatBytes(increase.bytes)}`,
    );
    for (const c of report.comparison.components) {
      if (c.status !== 'changed' || !c.delta || c.delta.bytes <= 0) continue;
      if (increase.kind === 'bytes' && c.delta.bytes > increase.bytes) {
        breaches.push({
          budget: 'max-increase',
          component: c.name,
          limit: formatBytesExact(increase.bytes),
          actual: `+${formatBytesExact(c.delta.bytes)}`,
          excess: `by ${formatBytesExact(c.delta.bytes - increase.bytes)}`,
        });
      } else if (
        increase.kind === 'percent' &&
        c.delta.bytesPercent !== undefined &&
        c.delta.bytesPercent > increase.percent
      ) {
        breaches.push({
          budget: 'max-increase',
          component: c.name,
          limit: `${increase.percent}%`,
          actual: `${formatPercent(c.delta.bytesPercent)} (+${formatBytesExact(c.delta.bytes)})`,
          excess: `by ${(c.delta.bytesPercent - increase.percent).toFixed(1)} percentage points`,
        });
      }
    }
  }

  if (budgets.maxDeploySeconds !== undefined && report.deploy) {
    const limit = budgets.maxDeploySeconds;
    checked.push(`max-deploy-seconds ${limit}`);
    if (report.deploy.readySeconds > limit) {
      breaches.push({
        budget: 'max-deploy-seconds',
        limit: formatSeconds(limit),
        actual: formatSeconds(report.deploy.readySeconds),
        excess: `by ${formatSeconds(report.deploy.readySeconds - limit)}`,
      });
    }
  }
  return { checked, breaches, failing: budgets.failOnBudget && breaches.length > 0 };
}

function sizeBreach(
  budget: 'max-size',
  component: string | undefined,
  limit: number,
  bytes: number,
): BudgetBreach {
  return {
    budget,
    ...(component === undefined ? {} : { component }),
    limit: formatBytesExact(limit),
    actual: formatBytesExact(bytes),
    excess: `by ${formatBytesExact(bytes - limit)}`,
  };
}

/** One sentence: `max-increase broken by api: +2.5% (+1.2 KiB (1,234 B)) against a limit of 1%, by 1.5 percentage points`. */
export function describeBreach(breach: BudgetBreach): string {
  const who = breach.component === undefined ? '' : ` by ${breach.component}`;
  return `${breach.budget} broken${who}: ${breach.actual} against a limit of ${breach.limit}, ${breach.excess}`;
}

export interface Annotation {
  readonly message: string;
  /** The manifest of the component that broke the budget, when there is one. */
  readonly file?: string;
}

/** One error annotation a breach, on the manifest of the component that broke it. */
export function breachAnnotations(
  result: BudgetResult,
  components: readonly ComponentSpec[],
): Annotation[] {
  return result.breaches.map((breach) => {
    const spec =
      breach.component === undefined
        ? undefined
        : components.find((c) => c.name === breach.component);
    return spec
      ? { message: describeBreach(breach), file: spec.manifest }
      : { message: describeBreach(breach) };
  });
}

/**
 * The error that fails the run, or undefined when nothing broke or `fail-on-budget` is false.
 * Throw it after the reports are written, so they show what broke.
 */
export function budgetError(
  result: BudgetResult,
  components: readonly ComponentSpec[],
): UserError | undefined {
  if (!result.failing) return undefined;
  const annotations = breachAnnotations(result, components);
  const count = annotations.length === 1 ? 'A budget was' : `${annotations.length} budgets were`;
  // One line, so the CLI's one-line failure and the step's error both carry every breach.
  const message = `${count} broken: ${annotations.map((a) => a.message).join('; ')}`;
  return new UserError(message, annotations.find((a) => a.file)?.file);
}
