import path from 'node:path';
import { parseArgs } from 'node:util';
import { folderBackend } from '../bench/backends.js';
import { coldStartChart, everySampleFailed, runBenchmark } from '../bench/benchmark.js';
import { writeFileAtomic } from '../fsutil.js';
import type { CommandIO } from './io.js';
import { TerminalLogger } from './terminal-logger.js';
import { buildConfig, folderProblem, parseOutputFile } from '../config/config.js';
import { UsageError, UserError } from '../errors.js';
import { execCapture } from '../exec.js';
import { budgetError } from '../report/budget.js';
import {
  BENCH_INPUTS,
  FLAG_INPUTS,
  SECRETS_HELP,
  flagHelp,
  flagOptions,
  inputsFromFlags,
  REPORT_FLAGS,
} from './run-command.js';

const NAMES = [...FLAG_INPUTS, ...BENCH_INPUTS];

export const BENCH_USAGE = `Usage: spinwash bench [options]

Builds and shrinks a project once, then deploys it --repeat times (stopping it in between):
the first deploy is reported apart (cold), the others give median, min, max, p90 and MAD of
the ready time, the first answer's latency and the deploy command. With --history DIR, the
run is added to DIR/<app>/<target>/ (capped), the trend and scatter SVGs are redrawn there,
and the run is checked for a regression against the runs before it.

With --cold-start, each size stage (release, stripped, wasm-opt's; the ladder's debug build) is
also started --repeat times on a fresh runtime process (wasmtime when it is on PATH, else the
embedded runtime): compile, start → first healthy answer, peak RSS; then a bounded load.

Options:
${flagHelp(NAMES)}
  --history DIR              Keep the benchmark history in DIR (the data branch's bench/ layout).
  --baseline FILE            Compare the sizes with this JSON report (same as --baseline-file).
  --json FILE                Write the JSON report (with its benchmark section) to FILE.
  --markdown FILE            Write the markdown report to FILE.
  --cold-start-svg FILE      With --cold-start: write the chart of size against first answer to FILE.
  --verbose                  Show the build's own output.
  -h, --help                 Show this help.${SECRETS_HELP}`;

/** The commit checked out in the project folder, when it is a git work tree. */
async function headCommit(dir: string): Promise<string | undefined> {
  try {
    const { stdout } = await execCapture('git', ['rev-parse', 'HEAD'], { cwd: dir });
    const sha = stdout.trim();
    return /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined; // not a git work tree, or no git: the run is named by its time only
  }
}

export async function runBenchCommand(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      ...flagOptions(NAMES),
      history: { type: 'string' },
      'cold-start-svg': { type: 'string' },
      ...REPORT_FLAGS,
    },
  });
  if (values.help) {
    io.stdout(`${BENCH_USAGE}\n`);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  const raw = { ...inputsFromFlags(values, NAMES), mode: 'benchmark' };
  if (typeof values.json === 'string') {
    parseOutputFile('--json', values.json, cwd); // named as the user typed it
    raw['report-path'] = values.json;
  }
  if (typeof values.baseline === 'string') raw['baseline-file'] = values.baseline;
  const base = buildConfig(raw, cwd);
  const config = {
    ...base,
    output: {
      ...base.output,
      ...(typeof values.markdown === 'string'
        ? { markdownPath: parseOutputFile('--markdown', values.markdown, cwd) }
        : {}),
    },
  };
  const svgPath =
    typeof values['cold-start-svg'] === 'string'
      ? parseOutputFile('--cold-start-svg', values['cold-start-svg'], cwd)
      : undefined;
  if (svgPath && !config.benchmark.coldStart)
    throw new UsageError('Flag `--cold-start-svg` draws the cold start: add `--cold-start`');
  if (values.history === '') throw new UsageError('Flag `--history` needs a folder');
  // found before the build, not after every deploy
  const historyProblem =
    typeof values.history === 'string'
      ? folderProblem(path.resolve(cwd, values.history))
      : undefined;
  if (historyProblem)
    throw new UsageError(
      `\`--history\` has the value "${values.history}": ${historyProblem}; accepted: a folder spinwash may write in (missing folders are made)`,
    );
  const history =
    typeof values.history === 'string'
      ? folderBackend(path.resolve(cwd, values.history))
      : undefined;
  const commit = await headCommit(config.projectDir);
  const result = await runBenchmark(
    config,
    new TerminalLogger(io.stderr, values.verbose === true),
    {
      ...(history ? { history } : {}),
      ...(commit ? { source: { commit } } : {}),
      ...(history ? { chartLink: (file: string) => path.join(values.history!, file) } : {}),
    },
  );
  io.stdout(`${result.markdown}\n`);
  if (svgPath && result.report.coldStart)
    await writeFileAtomic(svgPath, coldStartChart(result.report));
  const failed = everySampleFailed(result.report.benchmark);
  if (failed) throw failed;
  if (result.historyError) throw result.historyError;
  if (config.benchmark.failOnAlert && result.report.benchmark.alert?.status === 'regression')
    throw new UserError(`Benchmark regression: ${result.report.benchmark.alert.message}`);
  const breach =
    result.report.budgets && budgetError(result.report.budgets, result.project.components);
  if (breach) throw breach;
  return 0;
}
