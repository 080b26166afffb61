import { UserError, errorMessage } from '../errors.js';
import { SCHEMA_VERSION, type Report } from './model.js';

/**
 * The JSON report's shape check (the contract in model.ts), because a baseline may come from
 * anywhere (an older spinwash, a hand edit). Files are written and read in src/publish/report-file.ts.
 */

/** Parses and checks a report's text; `source` names it in errors (a path, or `artifact x`). */
export function parseReport(text: string, source: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `Report file ${source} is not valid JSON (${errorMessage(error)}); expected a spinwash JSON report`,
      source,
    );
  }
  const problem = reportProblem(value);
  if (problem) {
    throw new UserError(
      `Report file ${source} is not a spinwash report: ${problem}; expected the JSON written by spinwash --json (schemaVersion ${SCHEMA_VERSION})`,
      source,
    );
  }
  return value as Report;
}

/** A shape check: the first thing wrong with `value` (named by `where`), or undefined. */
export type Check = (value: unknown, where: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const number: Check = (v, where) =>
  typeof v === 'number' && Number.isFinite(v)
    ? undefined
    : `${where} is ${describe(v)}, not a number`;
export const string: Check = (v, where) =>
  typeof v === 'string' ? undefined : `${where} is ${describe(v)}, not a string`;

export function fields(spec: Record<string, Check>, optional: readonly string[] = []): Check {
  return (v, where) => {
    if (!isObject(v)) return `${where} is ${describe(v)}, not an object`;
    for (const [key, check] of Object.entries(spec)) {
      if (v[key] === undefined && optional.includes(key)) continue;
      const problem = check(v[key], `${where}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

export function list(item: Check): Check {
  return (v, where) => {
    if (!Array.isArray(v)) return `${where} is ${describe(v)}, not a list`;
    for (const [i, entry] of v.entries()) {
      const problem = item(entry, `${where}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

const sizes = { bytes: number, gzipBytes: number, brotliBytes: number };
const stage = fields({ stage: string, ...sizes });
const named = fields({ name: string, bytes: number });

const component = fields(
  {
    name: string,
    wasm: string,
    stages: list(stage),
    final: fields(sizes),
    sections: list(named),
    functions: list(named),
    ladder: list(stage),
    sameFileAs: string,
  },
  ['functions', 'ladder', 'sameFileAs'],
);

export const stats = fields({
  n: number,
  median: number,
  min: number,
  max: number,
  p10: number,
  p90: number,
  mad: number,
});
const sample = fields(
  {
    index: number,
    startedAt: string,
    readySeconds: number,
    firstResponseSeconds: number,
    commandSeconds: number,
    status: number,
    error: string,
  },
  ['readySeconds', 'firstResponseSeconds', 'commandSeconds', 'status', 'error'],
);
const benchmark = fields({
  target: string,
  app: string,
  runId: string,
  startedAt: string,
  repeat: number,
  samples: list(sample),
  cold: sample,
  warm: fields({ readySeconds: stats, firstResponseSeconds: stats, commandSeconds: stats }, [
    'readySeconds',
    'firstResponseSeconds',
    'commandSeconds',
  ]),
  failed: number,
  sizes: fields(sizes),
});

const coldStage = fields({
  stage: string,
  bytes: number,
  compileSeconds: stats,
  firstAnswerSeconds: stats,
  load: fields({ requests: number, rps: number, p50Ms: number, p99Ms: number, errors: number }),
});

const report = fields(
  {
    tool: fields({ name: string, version: string }),
    project: fields({ kind: string, path: string }),
    components: list(component),
    build: fields({ seconds: number }),
    deploy: fields(
      {
        target: string,
        url: string,
        status: number,
        readySeconds: number,
        firstResponseSeconds: number,
        readySpreadSeconds: number,
      },
      ['readySpreadSeconds'],
    ),
    benchmark,
    coldStart: list(coldStage),
    comparisonUnavailable: string,
    failure: fields({ stage: string, message: string }),
  },
  ['deploy', 'benchmark', 'coldStart', 'comparisonUnavailable', 'failure'],
);

/** The first thing wrong with a would-be report, or undefined when it has the contract's shape. */
export function reportProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `the top level is ${describe(value)}, not an object`;
  const version = value.schemaVersion;
  if (version !== SCHEMA_VERSION) {
    return typeof version === 'number' && version > SCHEMA_VERSION
      ? `schemaVersion ${version} is newer than this spinwash reads (${SCHEMA_VERSION}); upgrade spinwash`
      : `schemaVersion is ${describe(version)}, expected ${SCHEMA_VERSION}`;
  }
  // what a failed matrix job leaves instead (src/monorepo/model.ts)
  if (isObject(value.failure) && value.components === undefined)
    return 'it is the failure record of a failed job (no sizes), not a report';
  return report(value, 'report');
}

export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}
