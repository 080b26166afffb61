/**
 * How small spinwash's optimize makes real binaries, against the best of the manual tools on
 * the same input: `wasm-opt -Oz --strip-debug` (binaryen's CLI from npm) on core modules and
 * `jco opt` on components. Also: whether every output still validates, how long our
 * wasm-opt takes, and the strip-only throughput on a large debug build.
 *
 * `npx tsx bench/wasm.ts` runs it alone on default inputs (the `sized` fixture built for
 * wasip1 and wasip2, debug and release, and wasm modules shipped inside npm packages).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execCapture, tail } from '../src/exec.js';
import { errorMessage } from '../src/errors.js';
import { optimizeWasm } from '../src/wasm/wasm-opt.js';
import { parseWasm, type WasmKind } from '../src/wasm/parse.js';
import { stripCustomSections } from '../src/wasm/strip.js';
import { validateWasm } from '../src/wasm/validate.js';

const root = path.resolve(import.meta.dirname, '..');
const WASM_OPT = path.join(root, 'node_modules/binaryen/bin/wasm-opt');
const JCO = path.join(root, 'node_modules/.bin/jco');

export interface WasmBenchInput {
  name: string;
  path: string;
  /** How long the build that made it took, to put wasm-opt's cost beside it. */
  buildSeconds?: number;
}

export interface BaselineResult {
  tool: string;
  bytes?: number;
  valid?: boolean;
  seconds?: number;
  error?: string;
}

export interface WasmBenchRow {
  name: string;
  kind: WasmKind;
  inputBytes: number;
  buildSeconds?: number;
  /** strip + wasm-opt, as `spinwash optimize --wasm-opt` does. */
  ours: {
    bytes: number;
    valid: boolean;
    stripSeconds: number;
    wasmOptSeconds: number;
    error?: string;
  };
  baselines: BaselineResult[];
  /** ours / the smallest valid baseline output; ≤ 1.00 is the goal. */
  ratio?: number;
}

export interface StripThroughput {
  name: string;
  bytes: number;
  medianMs: number;
  mbPerSecond: number;
}

export interface WasmBenchResult {
  rows: WasmBenchRow[];
  strip?: StripThroughput;
}

async function isValid(bytes: Uint8Array): Promise<boolean> {
  try {
    await validateWasm(bytes);
    return true;
  } catch {
    return false;
  }
}

async function runBaseline(
  tool: string,
  command: string,
  args: string[],
  output: string,
): Promise<BaselineResult> {
  const started = performance.now();
  const result = await execCapture(command, args, { timeoutMs: 600_000 });
  const seconds = (performance.now() - started) / 1000;
  if (result.code !== 0 || !existsSync(output)) {
    return {
      tool,
      seconds,
      error: tail(result.stderr || result.stdout, 300) || `exit code ${result.code}`,
    };
  }
  const bytes = new Uint8Array(await readFile(output));
  await rm(output, { force: true });
  return { tool, bytes: bytes.length, valid: await isValid(bytes), seconds };
}

/** The manual tools on one input, in a scratch folder. */
async function baselines(
  input: string,
  kind: WasmKind,
  scratch: string,
): Promise<BaselineResult[]> {
  const out = path.join(scratch, 'baseline.wasm');
  if (kind === 'component') {
    return [await runBaseline('jco opt', JCO, ['opt', input, '-o', out, '--quiet'], out)];
  }
  const plain = await runBaseline(
    'wasm-opt -Oz --strip-debug',
    WASM_OPT,
    [input, '-Oz', '--strip-debug', '-o', out],
    out,
  );
  if (plain.bytes !== undefined) return [plain];
  // Without a target_features section the CLI assumes its default features and may refuse
  // the input; retry with the WebAssembly 2.0 features our optimize assumes then, and last
  // with all of them (whose output may use what no engine here runs).
  const wasm2 = await runBaseline(
    'wasm-opt -Oz --strip-debug (wasm 2.0 features)',
    WASM_OPT,
    [input, '-Oz', '--strip-debug', ...WASM_2_FLAGS, '-o', out],
    out,
  );
  if (wasm2.bytes !== undefined && wasm2.valid) return [plain, wasm2];
  const all = await runBaseline(
    'wasm-opt -Oz --strip-debug --all-features',
    WASM_OPT,
    [input, '-Oz', '--strip-debug', '--all-features', '-o', out],
    out,
  );
  return [plain, wasm2, all];
}

/** The CLI flags for the features src/wasm/features.ts assumes when a module declares none. */
const WASM_2_FLAGS = [
  '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-bulk-memory',
  '--enable-bulk-memory-opt',
  '--enable-reference-types',
  '--enable-multivalue',
  '--enable-simd',
  '--enable-call-indirect-overlong',
];

async function ours(bytes: Uint8Array): Promise<WasmBenchRow['ours']> {
  let started = performance.now();
  const stripped = stripCustomSections(bytes).bytes;
  const stripSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  try {
    const optimized = await optimizeWasm(stripped);
    const wasmOptSeconds = (performance.now() - started) / 1000;
    return {
      bytes: optimized.length,
      valid: await isValid(optimized),
      stripSeconds,
      wasmOptSeconds,
    };
  } catch (error) {
    return {
      bytes: stripped.length,
      valid: await isValid(stripped),
      stripSeconds,
      wasmOptSeconds: 0,
      error: errorMessage(error),
    };
  }
}

/** Median time to strip `bytes`, after a warm-up. */
function stripThroughput(name: string, bytes: Uint8Array): StripThroughput {
  for (let i = 0; i < 3; i++) stripCustomSections(bytes);
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const started = performance.now();
    stripCustomSections(bytes);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  return {
    name,
    bytes: bytes.length,
    medianMs,
    mbPerSecond: bytes.length / 1e6 / (medianMs / 1000),
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Runs the comparison on each input and prints one line per input (and a summary) through
 * `log`; returns the figures for a caller that wants them (bench/suite.ts).
 */
export async function benchWasm(
  inputs: WasmBenchInput[],
  log: (line: string) => void,
): Promise<WasmBenchResult> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'spinwash-bench-wasm-'));
  const rows: WasmBenchRow[] = [];
  try {
    for (const input of inputs) {
      const bytes = new Uint8Array(await readFile(input.path));
      const kind = parseWasm(bytes).kind;
      const mine = await ours(bytes);
      const tools = await baselines(input.path, kind, scratch);
      const valid = tools.filter((t) => t.bytes !== undefined && t.valid);
      const best = valid.sort((a, b) => a.bytes! - b.bytes!)[0];
      const row: WasmBenchRow = {
        name: input.name,
        kind,
        inputBytes: bytes.length,
        ...(input.buildSeconds !== undefined ? { buildSeconds: input.buildSeconds } : {}),
        ours: mine,
        baselines: tools,
        ...(best ? { ratio: mine.bytes / best.bytes! } : {}),
      };
      rows.push(row);
      const baseline = tools
        .map((t) =>
          t.bytes !== undefined
            ? `${t.tool} ${kb(t.bytes)}${t.valid ? '' : ' (INVALID)'} in ${t.seconds!.toFixed(1)} s`
            : `${t.tool} failed: ${(t.error ?? '').split('\n').pop()}`,
        )
        .join('; ');
      log(
        `${input.name} (${kind}, ${kb(bytes.length)}): ours ${kb(mine.bytes)} ${mine.valid ? 'valid' : 'INVALID'}` +
          ` (strip ${(mine.stripSeconds * 1000).toFixed(1)} ms, wasm-opt ${mine.wasmOptSeconds.toFixed(1)} s` +
          `${input.buildSeconds ? ` = ${((mine.wasmOptSeconds / input.buildSeconds) * 100).toFixed(0)}% of its ${input.buildSeconds.toFixed(1)} s build` : ''})` +
          `${mine.error ? ` [wasm-opt failed: ${mine.error}]` : ''}; ${baseline}; ratio ${row.ratio?.toFixed(3) ?? 'n/a'}`,
      );
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  const ratios = rows.filter((r) => r.ratio !== undefined);
  if (ratios.length > 0) {
    const worst = ratios.reduce((a, b) => (a.ratio! >= b.ratio! ? a : b));
    log(
      `size ratio vs best baseline: worst ${worst.ratio!.toFixed(3)} (${worst.name}); ` +
        `${ratios.filter((r) => r.ratio! <= 1).length}/${ratios.length} inputs at ≤ 1.00; ` +
        `${rows.filter((r) => r.ours.valid).length}/${rows.length} of our outputs valid`,
    );
  }

  let strip: StripThroughput | undefined;
  // rows[i] is inputs[i]; strip speed matters most on the biggest (a debug build)
  const largest = rows.reduce<number>(
    (best, row, i) => (row.inputBytes > (rows[best]?.inputBytes ?? -1) ? i : best),
    -1,
  );
  const largestInput = inputs[largest];
  if (largestInput) {
    strip = stripThroughput(largestInput.name, new Uint8Array(await readFile(largestInput.path)));
    log(
      `strip throughput on ${strip.name} (${(strip.bytes / 1e6).toFixed(1)} MB): median ${strip.medianMs.toFixed(2)} ms, ` +
        `${strip.mbPerSecond.toFixed(0)} MB/s (target: a 7 MB debug build in < 100 ms)`,
    );
  }
  return { rows, ...(strip ? { strip } : {}) };
}

/** Wasm binaries shipped inside npm packages: real-world inputs built by other toolchains. */
const NPM_WASM = [
  [
    'preview1 adapter (jco)',
    'node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.command.wasm',
  ],
  [
    'wasm-tools (jco-transpile)',
    'node_modules/@bytecodealliance/jco-transpile/vendor/wasm-tools.core.wasm',
  ],
] as const;

/** The inputs `npx tsx bench/wasm.ts` uses: the sized fixture, built here, and npm's wasm. */
export async function defaultWasmBenchInputs(): Promise<WasmBenchInput[]> {
  // the test setup puts the offline wasm toolchain on PATH and picks the shared target folder
  const { default: setup } = await import('../test/support/global-setup.js');
  setup();
  const { buildSized } = await import('../test/wasm/support/sized.js');
  const inputs: WasmBenchInput[] = [];
  for (const target of ['wasm32-wasip1', 'wasm32-wasip2'] as const) {
    for (const profile of ['debug', 'release'] as const) {
      const build = await buildSized(target, profile, { fresh: true });
      inputs.push({ name: build.name, path: build.path, buildSeconds: build.seconds });
    }
  }
  for (const [name, file] of NPM_WASM) {
    const full = path.join(root, file);
    if (existsSync(full) && (await stat(full)).isFile()) inputs.push({ name, path: full });
  }
  return inputs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const inputs = await defaultWasmBenchInputs();
  await benchWasm(inputs, (line) => console.log(line));
}
