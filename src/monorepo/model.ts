import type { Report } from '../report/model.js';

/**
 * The monorepo's data contracts: the failure record a matrix job leaves when it fails before
 * its report, and the merged JSON of `merge`. Like the report's, these names only grow.
 */

/**
 * What a matrix job (`app` set) writes at `report-path` instead of its report when the run
 * fails before the report is written (a build error, a deploy that never answered): enough for
 * `merge` to show the app as failed, with why. A run that breaks a budget writes its report.
 */
export interface FailureRecord {
  schemaVersion: 1;
  tool: { name: 'spinwash'; version: string };
  app: string;
  project: { path: string };
  failure: {
    /** The error the job failed with (cut to FAILURE_MESSAGE_MAX characters). */
    message: string;
  };
}

export const FAILURE_MESSAGE_MAX = 4000;

/** `passed`; `over-budget`: a budget broke (failing the job or not); `failed`: no report, or its deploy failed. */
export type AppStatus = 'passed' | 'over-budget' | 'failed';

export interface MergedApp {
  app: string;
  /** The app's folder as its job named it (`apps/a`). */
  project: string;
  status: AppStatus;
  /** The job's report (absent when it failed before it; present when its deploy failed). */
  report?: Report;
  /** Why it failed: its failure record's or report's message, or that its job left no report. */
  failure?: { message: string };
}

/** What `merge --json` writes: every app of the matrix, problems first, then in path order. */
export interface MergedReport {
  schemaVersion: 1;
  tool: { name: 'spinwash'; version: string };
  apps: MergedApp[];
}
