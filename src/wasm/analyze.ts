import { demangle } from './demangle.js';
import { functionBodies, functionNames } from './module-info.js';
import { coreModules, parseWasm, type WasmBinary, type WasmKind } from './parse.js';
import { bySize, type FunctionSize, type SectionSize } from './sizes.js';

/**
 * The size breakdown of a wasm binary, like `twiggy top`.
 *
 * Section sizes count the whole section: its id byte, its size and its payload, so for a core
 * module they add up to the file size minus the 8-byte header. Sections of the same name
 * are summed (a module may carry several `custom:.debug_*` or `type` sections).
 *
 * For a component, a nested core module or component is not listed as one opaque section but
 * broken down into its own sections, named with its path: `module[0]/code`,
 * `module[1]/custom:.debug_info`, `component[0]/module[0]/data` — indices count core modules
 * and components separately, in the order they appear. The component's own sections keep
 * their plain names (`type`, `canon`, `custom:producers` …).
 */
export interface WasmAnalysis {
  kind: WasmKind;
  /** The whole binary. */
  bytes: number;
  /** Largest first. */
  sections: SectionSize[];
  /** The largest defined functions (top 20), named from the `name` section when present (Rust
   * symbols demangled), `func[<index>]` otherwise. */
  functions: FunctionSize[];
}

export const TOP_FUNCTIONS = 20;

function addSections(binary: WasmBinary, prefix: string, sizes: Map<string, number>): void {
  let modules = 0;
  let components = 0;
  for (const section of binary.sections) {
    const nested = section.nested;
    if (nested) {
      const path = `${prefix}${nested.kind === 'module' ? `module[${modules++}]` : `component[${components++}]`}/`;
      addSections(nested, path, sizes);
      continue;
    }
    const key = `${prefix}${section.name}`;
    sizes.set(key, (sizes.get(key) ?? 0) + section.end - section.start);
  }
}

/**
 * Sizes of the sections and of the largest functions of a core module or component.
 * Read it before stripping: stripping removes the `name` section the function names come from.
 * Throws a WasmFormatError when `bytes` is not a well-formed wasm binary.
 */
export function analyzeWasm(bytes: Uint8Array): WasmAnalysis {
  const binary = parseWasm(bytes);
  const sizes = new Map<string, number>();
  addSections(binary, '', sizes);

  const functions: FunctionSize[] = [];
  for (const { path, module } of coreModules(binary)) {
    const names = functionNames(module);
    for (const body of functionBodies(module)) {
      const symbol = names.get(body.index);
      const name = symbol === undefined ? `func[${body.index}]` : demangle(symbol);
      functions.push({ name: path ? `${path}/${name}` : name, bytes: body.bytes });
    }
  }
  functions.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  return {
    kind: binary.kind,
    bytes: bytes.length,
    sections: bySize(sizes),
    functions: functions.slice(0, TOP_FUNCTIONS),
  };
}
