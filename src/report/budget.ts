import { UserError } from '../errors.js';
import type { ComponentSpec } from '../projects/project.js';
import { formatBytes, formatBytesExact, formatPercent, formatSeconds } from './format.js';
import { countedOnce, type BudgetBreach, type BudgetResult, type Report } from './model.js';

/**
 * Size and time budgets (issue 5), checked against a report as a pure function (they are
 * parsed in src/config/budgets.ts). A breach is data; the pipeline decides whether it fails
 * the run.
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
  const notChecked: NonNullable<BudgetResult['notChecked']> = [];
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
  const increaseLimit =
    increase &&
    (increase.kind === 'percent' ? `${increase.percent}%` : formatBytes(increase.bytes));
  if (increase && increaseLimit && !report.comparison) {
    // nothing to compare against: the budget is not checked, and must not read as passed
    notChecked.push({ budget: 'max-increase', limit: increaseLimit, reason: 'no baseline' });
  }
  if (increase && report.comparison) {
    checked.push(`max-increase ${increaseLimit}`);
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

  if (budgets.maxDeploySeconds !== undefined && !report.deploy) {
    notChecked.push({
      budget: 'max-deploy-seconds',
      limit: formatSeconds(budgets.maxDeploySeconds),
      reason: 'no deploy',
    });
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
  return {
    checked,
    ...(notChecked.length > 0 ? { notChecked } : {}),
    breaches,
    failing: budgets.failOnBudget && breaches.length > 0,
  };
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

/** `max-increase 1%: not checked (no baseline)`. */
export function describeNotChecked(entry: {
  budget: string;
  limit: string;
  reason: string;
}): string {
  return `${entry.budget} ${entry.limit}: not checked (${entry.reason})`;
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
