import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  engineValidates,
  exportNames,
  imports,
  targetFeatures
} from "./chunk-E4HSM5HB.js";
import {
  rewriteWasm
} from "./chunk-EKUGAD5L.js";
import {
  parseWasm
} from "./chunk-GCGXGLYM.js";
import {
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/wasm/features.ts
var FEATURES = {
  atomics: "Atomics",
  "mutable-globals": "MutableGlobals",
  "nontrapping-fptoint": "NontrappingFPToInt",
  simd128: "SIMD128",
  "bulk-memory": "BulkMemory",
  "bulk-memory-opt": "BulkMemoryOpt",
  "sign-ext": "SignExt",
  "exception-handling": "ExceptionHandling",
  "tail-call": "TailCall",
  "reference-types": "ReferenceTypes",
  multivalue: "Multivalue",
  gc: "GC",
  memory64: "Memory64",
  "relaxed-simd": "RelaxedSIMD",
  "extended-const": "ExtendedConst",
  multimemory: "MultiMemory",
  "call-indirect-overlong": "CallIndirectOverlong",
  fp16: "FP16",
  "wide-arithmetic": "WideArithmetic",
  "custom-page-sizes": "CustomPageSizes"
};
var IMPLIED = {
  "bulk-memory": ["bulk-memory-opt"],
  "reference-types": ["call-indirect-overlong"]
};
var WASM_2_FEATURES = [
  "MutableGlobals",
  "NontrappingFPToInt",
  "SignExt",
  "BulkMemory",
  "BulkMemoryOpt",
  "ReferenceTypes",
  "Multivalue",
  "SIMD128",
  "CallIndirectOverlong"
];
function binaryenFeatures(binaryen, module) {
  const declared = targetFeatures(module);
  if (!declared) {
    return {
      flags: WASM_2_FEATURES.reduce((all, f) => all | binaryen.Features[f], 0),
      source: "default",
      unknown: []
    };
  }
  let flags = binaryen.Features.MutableGlobals;
  const unknown = [];
  const names = new Set(declared.used.flatMap((name) => [name, ...IMPLIED[name] ?? []]));
  for (const name of names) {
    const flag = FEATURES[name];
    if (flag) flags |= binaryen.Features[flag];
    else unknown.push(name);
  }
  return { flags, source: "target_features", unknown };
}

// src/wasm/optimize.ts
var LEVELS = {
  Oz: [2, 2],
  Os: [2, 1],
  O2: [2, 0],
  O3: [3, 0]
};
function isComponentShim(module) {
  return exportNames(module).includes("$imports") || imports(module).some((i) => i.name === "$imports");
}
function withoutDebugInfo(module) {
  const alone = module.bytes.subarray(module.start, module.end);
  return rewriteWasm(parseWasm(alone), { keep: (s) => !s.customName?.startsWith(".debug_") });
}
function optimizeModule(binaryen, module, path, level) {
  const before = module.end - module.start;
  const kept = (reason) => ({
    report: { path, bytesBefore: before, bytesAfter: before, status: "kept", reason }
  });
  if (isComponentShim(module)) return kept("a wit-component shim (only an indirect-call table)");
  const input = withoutDebugInfo(module);
  if (!engineValidates(input))
    return kept("the module does not validate, so wasm-opt was not run on it");
  const features = binaryenFeatures(binaryen, module);
  const [optimizeLevel, shrinkLevel] = LEVELS[level];
  let output;
  let wasmModule;
  try {
    wasmModule = binaryen.readBinaryWithFeatures(input, features.flags);
    wasmModule.setFeatures(features.flags);
    binaryen.setOptimizeLevel(optimizeLevel);
    binaryen.setShrinkLevel(shrinkLevel);
    binaryen.setDebugInfo(false);
    binaryen.setLowMemoryUnused(true);
    binaryen.setGenerateStackIR(true);
    binaryen.setOptimizeStackIR(true);
    wasmModule.optimize();
    output = wasmModule.emitBinary();
  } catch (error) {
    const detail = error instanceof Error ? `: ${errorMessage(error)}` : "";
    return kept(
      `binaryen could not optimize it${detail}${features.unknown.length ? ` (features binaryen does not know: ${features.unknown.join(", ")})` : ""}`
    );
  } finally {
    wasmModule?.dispose();
  }
  if (!engineValidates(output)) return kept("the wasm-opt output did not validate");
  if (output.length >= input.length) {
    return input.length < before ? {
      bytes: input,
      report: {
        path,
        bytesBefore: before,
        bytesAfter: input.length,
        status: "kept",
        reason: "wasm-opt gained nothing (debug info dropped)"
      }
    } : kept("wasm-opt gained nothing");
  }
  return {
    bytes: output,
    report: { path, bytesBefore: before, bytesAfter: output.length, status: "optimized" }
  };
}
async function optimizeWasm(bytes, options = {}) {
  const binary = parseWasm(bytes);
  const binaryen = (await import("binaryen")).default;
  const level = options.level ?? "Oz";
  return rewriteWasm(binary, {
    replaceModule(module, path) {
      const result = optimizeModule(binaryen, module, path, level);
      options.onModule?.(result.report);
      return result.bytes;
    }
  });
}

export {
  optimizeWasm
};
//# sourceMappingURL=chunk-NEQGYPFF.js.map
