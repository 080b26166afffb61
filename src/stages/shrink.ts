import { errorMessage } from '../errors.js';
import type { Sizes } from '../report/model.js';
import type { ModuleOptimization } from '../wasm/wasm-opt.js';
import { stripCustomSections, type StripOptions, type StripResult } from '../wasm/strip.js';
import { validateWasm } from '../wasm/validate.js';
import { measureSizes } from './measure.js';
import { checkOnWasmtime, RuntimeRefusal, type RuntimeCheck } from './runtime-check.js';

/**
 * The one shrink sequence, shared by the optimize stage, `spinwash optimize` and the size
 * ladder: strip custom sections → wasm-opt (when asked) → validate → on wasmtime, where it is
 * on PATH, still loads and answers as the build did (./runtime-check.ts) → measure.
 */

export interface ShrinkOptions {
  readonly sections: StripOptions;
  readonly wasmOpt: boolean;
  /** Checks the result loads (default true); the ladder, which replaces nothing, may skip it. */
  readonly validate?: boolean;
  /** Names the binary in validation errors. */
  readonly file?: string;
  /** The path the runtime check asks the build's file and the shrunk one (default `/`). */
  readonly probePath?: string;
}

export interface ShrinkResult {
  readonly strip: StripResult;
  /** What wasm-opt did to each core module; empty when it did not run. */
  readonly modules: readonly ModuleOptimization[];
  /** The smallest valid result: wasm-opt's when it changed anything, else the stripped bytes. */
  readonly final: Uint8Array;
  /** True when wasm-opt ran and its output differs from the stripped bytes. */
  readonly wasmOptChanged: boolean;
  readonly sizes: { readonly stripped: Sizes; readonly optimized?: Sizes };
  /** What wasmtime said of the result; undefined when it is not on PATH (or not validating). */
  readonly runtime?: RuntimeCheck;
}

/** The result does not validate: nothing may be written. */
export class InvalidResultError extends Error {
  override readonly name = 'InvalidResultError';
  constructor(
    message: string,
    /** The input did not validate either: the fault is the input's, not the shrinking's. */
    readonly inputInvalid: boolean,
  ) {
    super(message);
  }
}

export async function shrinkWasm(input: Uint8Array, options: ShrinkOptions): Promise<ShrinkResult> {
  const strip = stripCustomSections(input, options.sections);
  const modules: ModuleOptimization[] = [];
  let final = strip.bytes;
  if (options.wasmOpt) {
    // binaryen loads only when asked for (seconds of start-up for `spinwash optimize` without it)
    const { optimizeWasm } = await import('../wasm/wasm-opt.js');
    final = await optimizeWasm(strip.bytes, { onModule: (m) => modules.push(m) });
  }
  const wasmOptChanged = options.wasmOpt && !sameBytes(final, strip.bytes);
  if (!wasmOptChanged) final = strip.bytes;
  if (options.validate ?? true) {
    const problem = await validateWasm(final, options.file).then(
      () => undefined,
      (error: unknown) => errorMessage(error),
    );
    if (problem !== undefined) {
      // was it broken before spinwash touched it?
      const inputProblem = await validateWasm(input).then(
        () => undefined,
        (error: unknown) => errorMessage(error),
      );
      throw new InvalidResultError(inputProblem ?? problem, inputProblem !== undefined);
    }
  }
  let runtime: RuntimeCheck | undefined;
  if (options.validate ?? true) {
    runtime = await checkOnWasmtime(input, final, {
      ...(options.file !== undefined ? { file: options.file } : {}),
      ...(options.probePath !== undefined ? { probePath: options.probePath } : {}),
    }).catch((error: unknown) => {
      if (error instanceof RuntimeRefusal) throw new InvalidResultError(error.message, false);
      throw error;
    });
  }
  const stripped = measureSizes(strip.bytes);
  return {
    strip,
    modules,
    final,
    wasmOptChanged,
    sizes: { stripped, ...(wasmOptChanged ? { optimized: measureSizes(final) } : {}) },
    ...(runtime ? { runtime } : {}),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a === b || (a.length === b.length && Buffer.compare(a, b) === 0);
}
