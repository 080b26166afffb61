import { WasmFormatError } from './format-error.js';
import { ByteReader } from './reader.js';

/**
 * The structure of a wasm binary down to its sections, for core modules and component-model
 * binaries alike. Nested core modules and components (component sections 1 and 4) are parsed
 * recursively. Nothing is copied: every section is a pair of offsets into the one buffer, so
 * stripping and measuring a large debug build costs a walk over a few dozen headers.
 */

export type WasmKind = 'module' | 'component';

export interface WasmSection {
  /** The section id byte. */
  readonly id: number;
  /** `code`, `data`, `core-module` …; a custom section is `custom:<its name>`. */
  readonly name: string;
  /** The name inside a custom section (id 0). */
  readonly customName?: string;
  /** Offset of the id byte. */
  readonly start: number;
  /** Offset of the first payload byte (after the id and the size). */
  readonly payloadStart: number;
  /** One past the last payload byte. */
  readonly end: number;
  /** A nested core module (component section 1) or component (section 4). */
  readonly nested?: WasmBinary;
}

export interface WasmBinary {
  readonly kind: WasmKind;
  /** The outermost buffer; every offset below is into it. */
  readonly bytes: Uint8Array;
  /** Offset of this binary's magic bytes (0 for the outermost one). */
  readonly start: number;
  readonly end: number;
  /** Nesting depth: 0 for the outermost binary. */
  readonly depth: number;
  readonly sections: readonly WasmSection[];
}

export interface ParseOptions {
  /** Deepest nesting accepted; real components nest 2-3 deep. */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 16;

export const MODULE_SECTION_NAMES = [
  'custom',
  'type',
  'import',
  'function',
  'table',
  'memory',
  'global',
  'export',
  'start',
  'element',
  'code',
  'data',
  'datacount',
  'tag',
] as const;

export const COMPONENT_SECTION_NAMES = [
  'custom',
  'core-module',
  'core-instance',
  'core-type',
  'component',
  'instance',
  'alias',
  'type',
  'canon',
  'start',
  'import',
  'export',
  'value',
] as const;

export const CORE_MODULE_SECTION = 1;
export const COMPONENT_SECTION = 4;

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
/** version (u16) and layer (u16), little-endian */
const MODULE_VERSION = [0x01, 0x00, 0x00, 0x00];
const COMPONENT_VERSION = [0x0d, 0x00, 0x01, 0x00];

function hex(bytes: Uint8Array, start: number, end: number): string {
  return Array.from(bytes.subarray(start, end), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function matches(bytes: Uint8Array, at: number, expected: readonly number[]): boolean {
  return expected.every((b, i) => bytes[at + i] === b);
}

function readKind(
  bytes: Uint8Array,
  start: number,
  end: number,
  want: WasmKind | undefined,
): WasmKind {
  const available = Math.max(0, end - start);
  // A short file that is not wasm at all is named as such, not as a short header.
  if (!MAGIC.slice(0, Math.min(4, available)).every((b, i) => bytes[start + i] === b)) {
    throw new WasmFormatError(
      start,
      'the wasm magic bytes 00 61 73 6d ("\\0asm")',
      hex(bytes, start, Math.min(end, start + 4)),
    );
  }
  if (available < 8) {
    throw new WasmFormatError(
      start + available,
      'an 8-byte header (the magic bytes "\\0asm" and a version)',
      `only ${available} byte(s)`,
    );
  }
  const kind = matches(bytes, start + 4, MODULE_VERSION)
    ? 'module'
    : matches(bytes, start + 4, COMPONENT_VERSION)
      ? 'component'
      : undefined;
  if (kind === undefined || (want !== undefined && kind !== want)) {
    const expected =
      want === 'module'
        ? 'version 1, layer 0 (01 00 00 00: a core module)'
        : want === 'component'
          ? 'version 0x0d, layer 1 (0d 00 01 00: a component)'
          : 'version 1, layer 0 (01 00 00 00: a core module) or version 0x0d, layer 1 (0d 00 01 00: a component)';
    throw new WasmFormatError(start + 4, expected, hex(bytes, start + 4, start + 8));
  }
  return kind;
}

function parseRange(
  bytes: Uint8Array,
  start: number,
  end: number,
  depth: number,
  want: WasmKind | undefined,
  maxDepth: number,
): WasmBinary {
  const kind = readKind(bytes, start, end, want);
  const names: readonly string[] =
    kind === 'module' ? MODULE_SECTION_NAMES : COMPONENT_SECTION_NAMES;
  const reader = new ByteReader(bytes, start + 8, end);
  const sections: WasmSection[] = [];
  while (!reader.atEnd) {
    const sectionStart = reader.pos;
    const id = reader.u8('a section id');
    const idName = names[id];
    if (idName === undefined) {
      throw new WasmFormatError(
        sectionStart,
        `a ${kind} section id from 0 to ${names.length - 1}`,
        `${id}`,
      );
    }
    const size = reader.u32(`the size of the ${idName} section`);
    const payloadStart = reader.pos;
    if (size > end - payloadStart) {
      throw new WasmFormatError(
        payloadStart,
        `${size} byte(s) of the ${idName} section`,
        `only ${end - payloadStart} byte(s) left in the ${depth === 0 ? 'file' : `nested ${kind}`}`,
      );
    }
    const sectionEnd = payloadStart + size;
    reader.pos = sectionEnd;
    if (id === 0) {
      const customName = new ByteReader(bytes, payloadStart, sectionEnd).name(
        'the custom section name',
      );
      sections.push({
        id,
        name: `custom:${customName}`,
        customName,
        start: sectionStart,
        payloadStart,
        end: sectionEnd,
      });
    } else if (kind === 'component' && (id === CORE_MODULE_SECTION || id === COMPONENT_SECTION)) {
      const nestedKind: WasmKind = id === CORE_MODULE_SECTION ? 'module' : 'component';
      if (depth + 1 > maxDepth) {
        throw new WasmFormatError(
          payloadStart,
          `components nested at most ${maxDepth} deep (real components nest 2-3 deep)`,
          `a ${nestedKind} at depth ${depth + 1}`,
        );
      }
      const nested = parseRange(bytes, payloadStart, sectionEnd, depth + 1, nestedKind, maxDepth);
      sections.push({
        id,
        name: idName,
        start: sectionStart,
        payloadStart,
        end: sectionEnd,
        nested,
      });
    } else {
      sections.push({ id, name: idName, start: sectionStart, payloadStart, end: sectionEnd });
    }
  }
  return { kind, bytes, start, end, depth, sections };
}

/**
 * Parses the section structure of a core module or a component (nested binaries included).
 * Throws a WasmFormatError naming the offset and what was expected for anything malformed.
 */
export function parseWasm(bytes: Uint8Array, options: ParseOptions = {}): WasmBinary {
  return parseRange(bytes, 0, bytes.length, 0, undefined, options.maxDepth ?? DEFAULT_MAX_DEPTH);
}

/** Reads just the header: is this a core module or a component? */
export function wasmKind(bytes: Uint8Array): WasmKind {
  return readKind(bytes, 0, bytes.length, undefined);
}

/** Every core module in a binary, depth first, with a path like `module[0]` or `component[1]/module[0]`. */
export function coreModules(binary: WasmBinary): { path: string; module: WasmBinary }[] {
  if (binary.kind === 'module') return [{ path: '', module: binary }];
  const found: { path: string; module: WasmBinary }[] = [];
  const walk = (component: WasmBinary, prefix: string): void => {
    let modules = 0;
    let components = 0;
    for (const section of component.sections) {
      if (!section.nested) continue;
      if (section.nested.kind === 'module') {
        found.push({ path: `${prefix}module[${modules++}]`, module: section.nested });
      } else {
        walk(section.nested, `${prefix}component[${components++}]/`);
      }
    }
  };
  walk(binary, '');
  return found;
}
