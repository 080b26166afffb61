import type binaryenModule from 'binaryen';
import { targetFeatures } from './module-info.js';
import type { WasmBinary } from './parse.js';

type Binaryen = typeof binaryenModule;
type FeatureName = Exclude<keyof Binaryen['Features'], 'MVP' | 'All'>;

/** `target_features` names (as LLVM writes them) → binaryen's feature flags. */
const FEATURES: Readonly<Record<string, FeatureName>> = {
  atomics: 'Atomics',
  'mutable-globals': 'MutableGlobals',
  'nontrapping-fptoint': 'NontrappingFPToInt',
  simd128: 'SIMD128',
  'bulk-memory': 'BulkMemory',
  'bulk-memory-opt': 'BulkMemoryOpt',
  'sign-ext': 'SignExt',
  'exception-handling': 'ExceptionHandling',
  'tail-call': 'TailCall',
  'reference-types': 'ReferenceTypes',
  multivalue: 'Multivalue',
  gc: 'GC',
  memory64: 'Memory64',
  'relaxed-simd': 'RelaxedSIMD',
  'extended-const': 'ExtendedConst',
  multimemory: 'MultiMemory',
  'call-indirect-overlong': 'CallIndirectOverlong',
  fp16: 'FP16',
  'wide-arithmetic': 'WideArithmetic',
  'custom-page-sizes': 'CustomPageSizes',
};

/**
 * Features a declared feature implies, as LLVM ≥ 20 and binaryen define them. Older toolchains
 * (Rust ≤ 1.86, LLVM 19) declared `bulk-memory` and `reference-types` before the `-opt` and
 * `-overlong` parts were split off, and binaryen aborts reading such a module with the part
 * missing ("Assertion failed: has || !hasBulkMemory()"): the module's own features say it has them.
 */
const IMPLIED: Readonly<Record<string, readonly string[]>> = {
  'bulk-memory': ['bulk-memory-opt'],
  'reference-types': ['call-indirect-overlong'],
};

/**
 * Used when a module has no `target_features` section (the preview1 adapter, shims, modules
 * from other toolchains): the WebAssembly 2.0 features every current runtime has and current
 * Rust and clang emit by default. Enabling a feature the module does not use is harmless to
 * reading it; it only lets binaryen use that feature's instructions in its output.
 */
const WASM_2_FEATURES: readonly FeatureName[] = [
  'MutableGlobals',
  'NontrappingFPToInt',
  'SignExt',
  'BulkMemory',
  'BulkMemoryOpt',
  'ReferenceTypes',
  'Multivalue',
  'SIMD128',
  'CallIndirectOverlong',
];

export interface ModuleFeatures {
  /** binaryen's Features bit set. */
  readonly flags: number;
  /** Where they came from, for the report. */
  readonly source: 'target_features' | 'default';
  /** Feature names in `target_features` that binaryen has no flag for. */
  readonly unknown: string[];
}

/** The binaryen features to read and optimize `module` with: what it declares, else the WebAssembly 2.0 set. */
export function binaryenFeatures(binaryen: Binaryen, module: WasmBinary): ModuleFeatures {
  const declared = targetFeatures(module);
  if (!declared) {
    return {
      flags: WASM_2_FEATURES.reduce((all, f) => all | binaryen.Features[f], 0),
      source: 'default',
      unknown: [],
    };
  }
  let flags: number = binaryen.Features.MutableGlobals;
  const unknown: string[] = [];
  const names = new Set(declared.used.flatMap((name) => [name, ...(IMPLIED[name] ?? [])]));
  for (const name of names) {
    const flag = FEATURES[name];
    if (flag) flags |= binaryen.Features[flag];
    else unknown.push(name);
  }
  return { flags, source: 'target_features', unknown };
}
