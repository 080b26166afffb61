import { WasmFormatError } from './format-error.js';
import { parseWasm, type WasmBinary, type WasmSection } from './parse.js';
import { ByteReader } from './reader.js';

/**
 * The names a component imports and exports at its top level (`wasi:http/incoming-handler@0.2.0`,
 * a plain function name …): its world as a runtime sees it, read from the component's own
 * import (id 10) and export (id 11) sections. Registries list them in the CNCF Wasm OCI
 * artifact's config (`component: {imports, exports}`).
 */
export interface ComponentWorld {
  readonly imports: string[];
  readonly exports: string[];
}

const IMPORT_SECTION = 10;
const EXPORT_SECTION = 11;

export function componentWorld(bytes: Uint8Array): ComponentWorld {
  const binary = parseWasm(bytes);
  if (binary.kind !== 'component') {
    throw new WasmFormatError(0, 'a component (component-model layer)', 'a core module');
  }
  const imports: string[] = [];
  const exports: string[] = [];
  for (const section of binary.sections) {
    if (section.id === IMPORT_SECTION) readImports(binary, section, imports);
    else if (section.id === EXPORT_SECTION) readExports(binary, section, exports);
  }
  return { imports, exports };
}

function reader(binary: WasmBinary, section: WasmSection): ByteReader {
  return new ByteReader(binary.bytes, section.payloadStart, section.end);
}

/** `importname'`/`exportname'`: 0x00 name, or 0x01 name plus a version suffix (older: a URL). */
function externName(r: ByteReader, what: string): string {
  const at = r.pos;
  const tag = r.u8(`the tag of ${what}`);
  if (tag !== 0x00 && tag !== 0x01) throw new WasmFormatError(at, `the tag of ${what}`, `${tag}`);
  const name = r.name(what);
  if (tag === 0x01) r.name(`the suffix of ${what}`);
  return name;
}

/** `externdesc`: a sort byte, then a type index or a bound. */
function skipExternDesc(r: ByteReader): void {
  const at = r.pos;
  const sort = r.u8('the kind of an extern description');
  switch (sort) {
    case 0x00: // core module: 0x11 then a core type index
      r.u8('the core sort of an extern description');
      r.u32('a core type index');
      return;
    case 0x01: // func
    case 0x04: // component
    case 0x05: // instance
      r.u32('a type index');
      return;
    case 0x02: // value bound: 0x00 value index | 0x01 value type
    case 0x03: {
      // type bound: 0x00 eq type index | 0x01 sub resource
      const bound = r.u8('a bound');
      if (sort === 0x02) r.s33('a value type');
      else if (bound === 0x00) r.u32('a type index');
      return;
    }
    default:
      throw new WasmFormatError(at, 'the kind of an extern description (0x00-0x05)', `${sort}`);
  }
}

function readImports(binary: WasmBinary, section: WasmSection, into: string[]): void {
  const r = reader(binary, section);
  const count = r.u32('the number of imports');
  for (let i = 0; i < count; i++) {
    into.push(externName(r, 'an import name'));
    skipExternDesc(r);
  }
}

function readExports(binary: WasmBinary, section: WasmSection, into: string[]): void {
  const r = reader(binary, section);
  const count = r.u32('the number of exports');
  for (let i = 0; i < count; i++) {
    into.push(externName(r, 'an export name'));
    if (r.u8('the sort of an export') === 0x00) r.u8('the core sort of an export');
    r.u32('the index of an export');
    if (r.u8('the optional type of an export') === 0x01) skipExternDesc(r);
  }
}
