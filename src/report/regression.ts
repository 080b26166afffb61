import { checkBudgets, hasBudgets, type Budgets } from './budget.js';
import { compareReports } from './compare.js';
import type { Report } from './model.js';

/**
 * Size regressions (issue 5): the report with its comparison and budget results filled in,
 * ready to render and write. Where the baseline comes from: src/publish/baseline.ts.
 */

export interface Baseline {
  readonly report: Report;
  /** Says in the report which baseline was used (`r1.json`, `main (base commit)` …). */
  readonly label: string;
}

/** The report with `comparison` (when there is a baseline) and `budgets` (when any is set). */
export function assessReport(report: Report, budgets: Budgets, baseline?: Baseline): Report {
  const assessed: Report = { ...report };
  if (baseline) assessed.comparison = compareReports(report, baseline.report, baseline.label);
  if (hasBudgets(budgets)) assessed.budgets = checkBudgets(assessed, budgets);
  return assessed;
}
