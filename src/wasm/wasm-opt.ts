import type binaryenModule from 'binaryen';
import { errorMessage } from '../errors.js';
import { importPacked } from '../packed.js';
import { engineValidates } from './engine.js';
import { binaryenFeatures } from './features.js';
import { exportNames, imports } from './module-info.js';
import { parseWasm, type WasmBinary } from './parse.js';
import { rewriteWasm } from './rewrite.js';

type Binaryen = typeof binaryenModule;

/**
 * wasm-opt through the `binaryen` npm package, in-process, on a core module or on every
 * nested core module of a component (which is then reassembled with re-encoded sizes).
 */

export type OptimizeLevel = 'Oz' | 'Os' | 'O2' | 'O3';

/** Optimize and shrink levels as wasm-opt's -O flags set them. */
const LEVELS: Readonly<Record<OptimizeLevel, [optimize: number, shrink: number]>> = {
  Oz: [2, 2],
  Os: [2, 1],
  O2: [2, 0],
  O3: [3, 0],
};

export interface OptimizeOptions {
  /** Default `Oz`, as `wasm-opt -Oz`. */
  readonly level?: OptimizeLevel;
  /** Told what happened to each core module (to report modules kept as they were, and why). */
  readonly onModule?: (result: ModuleOptimization) => void;
}

export interface ModuleOptimization {
  /** '' for a core module; `module[0]`, `component[0]/module[1]` … inside a component. */
  readonly path: string;
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  /** `kept`: left as it was (the reason says why): a shim, a failure, or no gain. */
  readonly status: 'optimized' | 'kept';
  readonly reason?: string;
}

/**
 * A wit-component shim or fixup module: it only moves functions through the `$imports`
 * table, whose layout the component's instantiation relies on; there is nothing to gain.
 */
function isComponentShim(module: WasmBinary): boolean {
  return (
    exportNames(module).includes('$imports') || imports(module).some((i) => i.name === '$imports')
  );
}

/** The module alone, without DWARF: binaryen cannot keep debug info correct through -Oz. */
function withoutDebugInfo(module: WasmBinary): Uint8Array {
  const alone = module.bytes.subarray(module.start, module.end);
  return rewriteWasm(parseWasm(alone), { keep: (s) => !s.customName?.startsWith('.debug_') });
}

function optimizeModule(
  binaryen: Binaryen,
  module: WasmBinary,
  path: string,
  level: OptimizeLevel,
): { bytes?: Uint8Array; report: ModuleOptimization } {
  const before = module.end - module.start;
  const kept = (reason: string): { report: ModuleOptimization } => ({
    report: { path, bytesBefore: before, bytesAfter: before, status: 'kept', reason },
  });
  if (isComponentShim(module)) return kept('a wit-component shim (only an indirect-call table)');
  const input = withoutDebugInfo(module);
  // binaryen aborts on what it cannot read; the engine's validator gives a message instead.
  if (!engineValidates(input))
    return kept('the module does not validate, so wasm-opt was not run on it');
  const features = binaryenFeatures(binaryen, module);
  const [optimizeLevel, shrinkLevel] = LEVELS[level];
  let output: Uint8Array;
  let wasmModule: binaryenModule.Module | undefined;
  try {
    wasmModule = binaryen.readBinaryWithFeatures(input, features.flags);
    wasmModule.setFeatures(features.flags);
    binaryen.setOptimizeLevel(optimizeLevel);
    binaryen.setShrinkLevel(shrinkLevel);
    binaryen.setDebugInfo(false);
    // As `jco opt` does: addresses below 1024 are never used (Rust puts the stack first
    // and data after it), which lets binaryen fold constant offsets into loads and stores.
    binaryen.setLowMemoryUnused(true);
    // The wasm-opt CLI optimizes Stack IR when it writes an optimized module; the library
    // API only does when told (0.3-0.5% of the code section).
    binaryen.setGenerateStackIR(true);
    binaryen.setOptimizeStackIR(true);
    wasmModule.optimize();
    output = wasmModule.emitBinary();
  } catch (error) {
    const detail = error instanceof Error ? `: ${errorMessage(error)}` : '';
    return kept(
      `binaryen could not optimize it${detail}${features.unknown.length ? ` (features binaryen does not know: ${features.unknown.join(', ')})` : ''}`,
    );
  } finally {
    wasmModule?.dispose();
  }
  if (!engineValidates(output)) return kept('the wasm-opt output did not validate');
  if (output.length >= input.length) {
    return input.length < before
      ? {
          bytes: input,
          report: {
            path,
            bytesBefore: before,
            bytesAfter: input.length,
            status: 'kept',
            reason: 'wasm-opt gained nothing (debug info dropped)',
          },
        }
      : kept('wasm-opt gained nothing');
  }
  return {
    bytes: output,
    report: { path, bytesBefore: before, bytesAfter: output.length, status: 'optimized' },
  };
}

/**
 * Runs wasm-opt (`-Oz` by default) with the features each module declares. A nested module
 * binaryen fails on is kept as it was and reported through `onModule`, not fatal. Strip
 * custom sections first: DWARF is dropped here, and the `name` section is not written back.
 * Throws a WasmFormatError when `bytes` is not a well-formed wasm binary.
 */
export async function optimizeWasm(
  bytes: Uint8Array,
  options: OptimizeOptions = {},
): Promise<Uint8Array> {
  const binary = parseWasm(bytes);
  // dist/ ships binaryen packed: unpacked on the first run that optimizes
  const binaryen = (await importPacked('binaryen', () => import('binaryen'))).default;
  const level = options.level ?? 'Oz';
  return rewriteWasm(binary, {
    replaceModule(module, path) {
      const result = optimizeModule(binaryen, module, path, level);
      options.onModule?.(result.report);
      return result.bytes;
    },
  });
}
