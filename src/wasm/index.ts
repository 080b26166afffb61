/** The wasm binary toolkit: parse, measure, strip, optimize and validate modules and components. */
export { analyzeWasm, TOP_FUNCTIONS, type WasmAnalysis } from './analyze.js';
export { demangle } from './demangle.js';
export { engineValidates } from './engine.js';
export { WasmFormatError } from './format-error.js';
export {
  optimizeWasm,
  type ModuleOptimization,
  type OptimizeLevel,
  type OptimizeOptions,
} from './wasm-opt.js';
export {
  coreModules,
  parseWasm,
  wasmKind,
  type WasmBinary,
  type WasmKind,
  type WasmSection,
} from './parse.js';
export {
  DEFAULT_REMOVED_SECTIONS,
  PROTECTED_SECTIONS,
  stripCustomSections,
  type StripOptions,
  type StripResult,
} from './strip.js';
export { validateWasm } from './validate.js';
