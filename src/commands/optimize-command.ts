import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIO } from './io.js';
import { outputFileProblem } from '../config/config.js';
import { parseList } from '../input-parsers.js';
import { reportCliError } from './cli-errors.js';
import { UsageError, UserError, errorMessage } from '../errors.js';
import { writeFileAtomic } from '../fsutil.js';
import type { SectionSize, Sizes } from '../report/model.js';
import { measureSizes } from '../stages/measure.js';
import { InvalidResultError, shrinkWasm } from '../stages/shrink.js';
import { analyzeWasm } from '../wasm/analyze.js';
import { WasmFormatError } from '../wasm/format-error.js';
import type { ModuleOptimization } from '../wasm/wasm-opt.js';
import { DEFAULT_REMOVED_SECTIONS } from '../wasm/strip.js';

export const OPTIMIZE_USAGE = `Usage: spinwash optimize IN.wasm -o OUT.wasm [options]

Strips custom sections from a core module or a component (inside every nested module too),
optionally runs wasm-opt -Oz on it, checks the result still validates, and writes OUT.wasm
(only then, and never partially). Prints the sizes before and after.

Options:
  -o, --output FILE   Where the result goes (may be IN.wasm itself).
  --wasm-opt          Also run wasm-opt -Oz (binaryen, in-process) on every core module.
  --keep NAME         Keep custom sections matching NAME although they would be removed
                      (repeatable, or comma-separated; * wildcards).
  --remove NAME       Also remove custom sections matching NAME (repeatable; * wildcards).
                      Removed by default: ${DEFAULT_REMOVED_SECTIONS.join(', ')}.
                      component-type:* sections are never removed.
  --json FILE         Write what was done as JSON to FILE.
  -h, --help          Show this help.`;

/** What `--json` writes. */
export interface OptimizeCommandReport {
  input: { path: string; kind: 'module' | 'component'; bytes: number };
  output: { path: string } & Sizes;
  stages: { stage: 'input' | 'stripped' | 'optimized'; bytes: number }[];
  removed: SectionSize[];
  modules?: ModuleOptimization[];
  notes: string[];
}

interface OptimizeArgs {
  input: string;
  output: string;
  wasmOpt: boolean;
  keep: string[];
  remove: string[];
  json?: string;
}

/** Bad arguments (exit code 2), as opposed to a bad input file (exit code 1). */
function usageError(message: string): UsageError {
  return new UsageError(message);
}

function readArgs(args: string[], cwd: string): OptimizeArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        'wasm-opt': { type: 'boolean' },
        keep: { type: 'string', multiple: true },
        remove: { type: 'string', multiple: true },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageError(errorMessage(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw usageError(
      positionals.length === 0
        ? 'optimize needs one input .wasm file'
        : `optimize takes one input .wasm file, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  if (!values.output) throw usageError('optimize needs an output file: -o OUT.wasm');
  const resolve = (file: string): string => path.resolve(cwd, file);
  return {
    input: resolve(positionals[0]!),
    output: resolve(values.output),
    wasmOpt: values['wasm-opt'] === true,
    keep: (values.keep ?? []).flatMap(parseList),
    remove: (values.remove ?? []).flatMap(parseList),
    ...(values.json ? { json: resolve(values.json) } : {}),
  };
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'a folder, not a .wasm file'
          : errorMessage(error);
    throw new UserError(`Input ${file}: ${why}`, file);
  }
}

function percent(before: number, after: number): string {
  if (before === 0) return '';
  const change = ((after - before) / before) * 100;
  return ` (${change <= 0 ? '' : '+'}${change.toFixed(1)}%)`;
}

function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B`;
}

/**
 * `spinwash optimize`: strip (and optionally wasm-opt) one .wasm file. Returns the exit code:
 * 0 done, 1 bad input or a failure (one line on stderr), 2 bad arguments.
 */
export async function runOptimizeCommand(args: string[], io: CommandIO): Promise<number> {
  try {
    const parsedArgs = readArgs(args, io.cwd ?? process.cwd());
    if (parsedArgs === 'help') {
      io.stdout(`${OPTIMIZE_USAGE}\n`);
      return 0;
    }
    await optimizeFile(parsedArgs, io);
    return 0;
  } catch (error) {
    return reportCliError(error, io, 'optimize');
  }
}

/** Checked before any work, so a path that cannot be written fails at once and never half-way. */
function checkOutput(file: string): void {
  const problem = outputFileProblem(file);
  if (problem !== undefined) throw new UserError(`Cannot write ${file}: ${problem}`, file);
}

async function optimizeFile(args: OptimizeArgs, io: CommandIO): Promise<void> {
  checkOutput(args.output);
  if (args.json) checkOutput(args.json);
  const input = await readInput(args.input);
  let kind;
  try {
    kind = analyzeWasm(input).kind;
  } catch (error) {
    throw error instanceof WasmFormatError ? error.inFile(args.input) : error;
  }
  io.stdout(
    `${args.input} (${kind === 'module' ? 'core module' : 'component'}): ${formatBytes(input.length)}\n`,
  );

  // Nothing is written unless the result is one a runtime will load.
  let shrunk;
  try {
    shrunk = await shrinkWasm(input, {
      sections: { keep: args.keep, remove: args.remove },
      wasmOpt: args.wasmOpt,
      file: args.output,
    });
  } catch (error) {
    if (error instanceof WasmFormatError) throw error.inFile(args.input);
    if (error instanceof InvalidResultError) {
      throw new UserError(
        error.inputInvalid
          ? `Input ${args.input} is not valid WebAssembly, so ${args.output} was not written: ${error.message}`
          : `the result does not validate, so ${args.output} was not written: ${error.message}`,
        args.input,
      );
    }
    throw error;
  }
  const stripped = shrunk.strip;
  const stages: OptimizeCommandReport['stages'] = [
    { stage: 'input', bytes: input.length },
    { stage: 'stripped', bytes: stripped.bytes.length },
  ];
  const removed = stripped.removed.map((s) => `${s.name} ${formatBytes(s.bytes)}`).join(', ');
  io.stdout(
    `  stripped:  ${formatBytes(stripped.bytes.length)}${percent(input.length, stripped.bytes.length)}` +
      `${removed ? `; removed ${removed}` : '; no custom section to remove'}\n`,
  );
  for (const note of stripped.notes) io.stderr(`note: ${note}\n`);

  const final = shrunk.final;
  const modules = args.wasmOpt ? [...shrunk.modules] : undefined;
  if (args.wasmOpt) {
    if (shrunk.wasmOptChanged) {
      stages.push({ stage: 'optimized', bytes: final.length });
      io.stdout(
        `  optimized: ${formatBytes(final.length)}${percent(stripped.bytes.length, final.length)}\n`,
      );
    } else {
      io.stdout('  wasm-opt:  changed nothing\n');
    }
    for (const m of shrunk.modules) {
      if (m.status === 'kept' && kind === 'component') {
        io.stdout(`    ${m.path}: kept as it was: ${m.reason ?? ''}\n`);
      } else if (m.status === 'kept') {
        io.stderr(`note: wasm-opt: ${m.reason ?? 'kept as it was'}\n`);
      }
    }
  }

  if (shrunk.runtime)
    io.stdout(`  checked on ${shrunk.runtime.runtime}: ${shrunk.runtime.detail}\n`);
  await writeOutput(args.output, final);
  io.stdout(
    `${args.output}: ${formatBytes(final.length)}${percent(input.length, final.length)}, valid ${kind}\n`,
  );

  if (args.json) {
    const report: OptimizeCommandReport = {
      input: { path: args.input, kind, bytes: input.length },
      output: { path: args.output, ...measureSizes(final) },
      stages,
      removed: stripped.removed,
      ...(modules ? { modules } : {}),
      notes: stripped.notes,
    };
    await writeOutput(args.json, `${JSON.stringify(report, null, 2)}\n`);
  }
}

async function writeOutput(file: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFileAtomic(file, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : errorMessage(error);
    throw new UserError(`Cannot write ${file}: ${why}`, file);
  }
}
