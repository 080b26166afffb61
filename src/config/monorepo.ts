import path from 'node:path';
import { checkAppName } from '../safe-names.js';

/** The monorepo inputs (issue 18): a matrix job's app, and what `mode: plan` and `mode: merge` read. */
export interface MonorepoConfig {
  /**
   * This job's app in a monorepo's matrix (`${{ matrix.name }}`): its reports are stored and
   * compared per app (`reports/<sha>/<app>.json`), it names the report and the benchmark
   * history, and a failed run leaves a failure record at `report-path` for `merge`.
   */
  readonly app?: string;
  /** `mode: plan`: only the apps whose files changed since this base ref. */
  readonly pathsChanged?: string;
  /** `mode: merge`: absolute folder of the downloaded artifacts. */
  readonly reportsDir?: string;
  /** `mode: merge`: the plan's `matrix` output (JSON text; parsed by src/monorepo/matrix.ts). */
  readonly matrix?: string;
}

export function parseMonorepoConfig(get: (name: string) => string, cwd: string): MonorepoConfig {
  const app = get('app');
  const pathsChanged = get('paths-changed');
  const reports = get('reports');
  const matrix = get('matrix');
  return Object.freeze({
    ...(app === '' ? {} : { app: checkAppName(app, (a) => a.subject('app')) }),
    ...(pathsChanged === '' ? {} : { pathsChanged }),
    ...(reports === '' ? {} : { reportsDir: path.resolve(cwd, reports) }),
    ...(matrix === '' ? {} : { matrix }),
  });
}
