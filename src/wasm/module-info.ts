import { WasmFormatError } from './format-error.js';
import type { WasmBinary, WasmSection } from './parse.js';
import { ByteReader } from './reader.js';

/**
 * What the size breakdown and wasm-opt need from inside a core module's sections: how many
 * functions are imported (function indices count imports first), the extent of each function
 * body, the names from the `name` section, and the features from `target_features`.
 */

function reader(module: WasmBinary, section: WasmSection): ByteReader {
  const r = new ByteReader(module.bytes, section.payloadStart, section.end);
  if (section.customName !== undefined) r.name('the custom section name');
  return r;
}

function sectionById(module: WasmBinary, id: number): WasmSection | undefined {
  return module.sections.find((s) => s.id === id);
}

function customSection(module: WasmBinary, name: string): WasmSection | undefined {
  return module.sections.find((s) => s.customName === name);
}

/** Skips an LEB128 of up to 64 bits (limits of memory64 tables and memories). */
function skipLeb(r: ByteReader, what: string): void {
  const start = r.pos;
  for (let i = 0; i < 10; i++) {
    if ((r.u8(what) & 0x80) === 0) return;
  }
  throw new WasmFormatError(start, `${what} (a LEB128 of at most 10 bytes)`, 'a longer encoding');
}

/** A value or reference type: one byte, or 0x63/0x64 (nullable/non-null ref) and a heap type. */
function skipValType(r: ByteReader): void {
  const at = r.pos;
  const byte = r.u8('a value type');
  if (byte === 0x63 || byte === 0x64) {
    r.s33('a heap type');
  } else if (byte < 0x69 || byte > 0x7f) {
    throw new WasmFormatError(
      at,
      'a value type (0x69 to 0x7f, or 0x63/0x64 and a heap type)',
      `0x${byte.toString(16)}`,
    );
  }
}

function skipLimits(r: ByteReader): void {
  const at = r.pos;
  const flags = r.u8('limits flags');
  if (flags > 0x0f)
    throw new WasmFormatError(at, 'limits flags from 0x00 to 0x0f', `0x${flags.toString(16)}`);
  skipLeb(r, 'a minimum size');
  if (flags & 0x01) skipLeb(r, 'a maximum size');
  if (flags & 0x08) r.u32('a page size exponent');
}

export interface ImportEntry {
  readonly module: string;
  readonly name: string;
  /** 0 function, 1 table, 2 memory, 3 global, 4 tag. */
  readonly kind: number;
}

/** The module's imports, in order. */
export function imports(module: WasmBinary): ImportEntry[] {
  const section = sectionById(module, 2);
  if (!section) return [];
  const r = reader(module, section);
  const entries: ImportEntry[] = [];
  const count = r.u32('the number of imports');
  for (let i = 0; i < count; i++) {
    const from = r.name('an import module name');
    const name = r.name('an import name');
    const at = r.pos;
    const kind = r.u8('an import kind');
    switch (kind) {
      case 0x00:
        r.u32('a function type index');
        break;
      case 0x01:
        skipValType(r);
        skipLimits(r);
        break;
      case 0x02:
        skipLimits(r);
        break;
      case 0x03:
        skipValType(r);
        r.u8('a global mutability flag');
        break;
      case 0x04:
        r.u8('a tag attribute');
        r.u32('a tag type index');
        break;
      default:
        throw new WasmFormatError(at, 'an import kind from 0 (function) to 4 (tag)', `${kind}`);
    }
    entries.push({ module: from, name, kind });
  }
  return entries;
}

/** The number of imported functions (they come first in the function index space). */
export function importedFunctionCount(module: WasmBinary): number {
  return imports(module).filter((i) => i.kind === 0).length;
}

export interface FunctionBody {
  /** Index in the function index space (imports first). */
  readonly index: number;
  /** Bytes the function takes in the code section: its size prefix and its body. */
  readonly bytes: number;
}

/** The defined functions with the bytes each takes in the code section. */
export function functionBodies(module: WasmBinary): FunctionBody[] {
  const section = sectionById(module, 10);
  if (!section) return [];
  const first = importedFunctionCount(module);
  const r = reader(module, section);
  const count = r.u32('the number of function bodies');
  const bodies: FunctionBody[] = [];
  for (let i = 0; i < count; i++) {
    const start = r.pos;
    const size = r.u32('the size of a function body');
    r.skip(size, `a function body of ${size} byte(s)`);
    bodies.push({ index: first + i, bytes: r.pos - start });
  }
  return bodies;
}

/**
 * Runs `read` on name subsection `id` (0: the module's name, 1: function names). A damaged
 * name section reads as absent rather than as an error: engines ignore it too, and the module
 * still runs.
 */
function readNameSubsection<T>(
  module: WasmBinary,
  id: number,
  read: (sub: ByteReader) => T,
): T | undefined {
  const section = customSection(module, 'name');
  if (!section) return undefined;
  try {
    const r = reader(module, section);
    while (!r.atEnd) {
      const subId = r.u8('a name subsection id');
      const size = r.u32('the size of a name subsection');
      const start = r.skip(size, `a name subsection of ${size} byte(s)`);
      if (subId === id) return read(new ByteReader(module.bytes, start, start + size));
    }
  } catch (error) {
    if (!(error instanceof WasmFormatError)) throw error;
  }
  return undefined;
}

/** Function names from the `name` section; the names read before any damage are kept. */
export function functionNames(module: WasmBinary): Map<number, string> {
  const names = new Map<number, string>();
  readNameSubsection(module, 1, (sub) => {
    const count = sub.u32('the number of function names');
    for (let i = 0; i < count; i++) {
      const index = sub.u32('a function index');
      names.set(index, sub.name('a function name'));
    }
  });
  return names;
}

/**
 * The `target_features` section: the features the toolchain says the module uses
 * (`+name` used, `-name` must not be used, `=name` required). undefined when absent.
 */
export function targetFeatures(
  module: WasmBinary,
): { used: string[]; disallowed: string[] } | undefined {
  const section = customSection(module, 'target_features');
  if (!section) return undefined;
  const r = reader(module, section);
  const used: string[] = [];
  const disallowed: string[] = [];
  const count = r.u32('the number of target features');
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    const prefix = r.u8('a feature prefix');
    const name = r.name('a feature name');
    if (prefix === 0x2b || prefix === 0x3d) used.push(name);
    else if (prefix === 0x2d) disallowed.push(name);
    else
      throw new WasmFormatError(at, 'a feature prefix "+", "-" or "="', `0x${prefix.toString(16)}`);
  }
  return { used, disallowed };
}

/** The names of the module's exports (a wit-component shim exports its table as `$imports`). */
export function exportNames(module: WasmBinary): string[] {
  const section = sectionById(module, 7);
  if (!section) return [];
  const r = reader(module, section);
  const names: string[] = [];
  const count = r.u32('the number of exports');
  for (let i = 0; i < count; i++) {
    names.push(r.name('an export name'));
    r.u8('an export kind');
    r.u32('an export index');
  }
  return names;
}
