import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-OQSE6Z6X.js";

// src/wasm/format-error.ts
var WasmFormatError = class _WasmFormatError extends UserError {
  constructor(offset, expected, found, file) {
    super(
      `${file ? `${file}: ` : ""}not a valid wasm binary: at byte offset ${offset} (0x${offset.toString(16)}), expected ${expected}${found ? `, found ${found}` : ""}`,
      file
    );
    this.offset = offset;
    this.expected = expected;
    this.found = found;
  }
  offset;
  expected;
  found;
  /** The same error, naming the file it came from (parsers work on bytes, callers know the path). */
  inFile(file) {
    return new _WasmFormatError(this.offset, this.expected, this.found, file);
  }
};

// src/wasm/reader.ts
var utf8 = new TextDecoder("utf-8", { fatal: true });
var ByteReader = class {
  constructor(bytes, pos, end) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
  }
  bytes;
  pos;
  end;
  get atEnd() {
    return this.pos >= this.end;
  }
  need(count, what) {
    if (count > this.end - this.pos) {
      throw new WasmFormatError(
        this.pos,
        what,
        this.pos >= this.end ? "the end of the input" : `only ${this.end - this.pos} byte(s) left`
      );
    }
  }
  u8(what = "a byte") {
    this.need(1, what);
    return this.bytes[this.pos++];
  }
  /** An unsigned LEB128 of at most 32 bits (at most 5 bytes; unused high bits zero). */
  u32(what = "an unsigned LEB128 integer") {
    const start = this.pos;
    let result = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) {
        throw new WasmFormatError(this.pos, `${what} (LEB128 continues past the end of the input)`);
      }
      const byte = this.bytes[this.pos++];
      if (i === 4 && byte & 240) {
        throw new WasmFormatError(
          start,
          `${what} (an unsigned 32-bit LEB128)`,
          "more than 32 bits"
        );
      }
      result += (byte & 127) * 2 ** (7 * i);
      if ((byte & 128) === 0) return result;
    }
    throw new WasmFormatError(
      start,
      `${what} (an unsigned 32-bit LEB128 of at most 5 bytes)`,
      "a longer encoding"
    );
  }
  /** A signed LEB128 of at most 33 bits (block types, heap types); only its extent matters here. */
  s33(what = "a signed LEB128 integer") {
    const start = this.pos;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end)
        throw new WasmFormatError(this.pos, `${what} (LEB128 continues past the end of the input)`);
      if ((this.bytes[this.pos++] & 128) === 0) return;
    }
    throw new WasmFormatError(
      start,
      `${what} (a signed 33-bit LEB128 of at most 5 bytes)`,
      "a longer encoding"
    );
  }
  /** `count` bytes as a subarray (no copy); returns the absolute start. */
  skip(count, what) {
    this.need(count, what);
    const start = this.pos;
    this.pos += count;
    return start;
  }
  /** A length-prefixed UTF-8 name. */
  name(what = "a name") {
    const length = this.u32(`the length of ${what}`);
    const start = this.skip(length, `${what} of ${length} byte(s)`);
    try {
      return utf8.decode(this.bytes.subarray(start, start + length));
    } catch {
      throw new WasmFormatError(start, `${what} in UTF-8`, "invalid UTF-8");
    }
  }
};

// src/wasm/parse.ts
var DEFAULT_MAX_DEPTH = 16;
var MODULE_SECTION_NAMES = [
  "custom",
  "type",
  "import",
  "function",
  "table",
  "memory",
  "global",
  "export",
  "start",
  "element",
  "code",
  "data",
  "datacount",
  "tag"
];
var COMPONENT_SECTION_NAMES = [
  "custom",
  "core-module",
  "core-instance",
  "core-type",
  "component",
  "instance",
  "alias",
  "type",
  "canon",
  "start",
  "import",
  "export",
  "value"
];
var CORE_MODULE_SECTION = 1;
var COMPONENT_SECTION = 4;
var MAGIC = [0, 97, 115, 109];
var MODULE_VERSION = [1, 0, 0, 0];
var COMPONENT_VERSION = [13, 0, 1, 0];
function hex(bytes, start, end) {
  return Array.from(bytes.subarray(start, end), (b) => b.toString(16).padStart(2, "0")).join(" ");
}
function matches(bytes, at, expected) {
  return expected.every((b, i) => bytes[at + i] === b);
}
function readKind(bytes, start, end, want) {
  const available = Math.max(0, end - start);
  if (!MAGIC.slice(0, Math.min(4, available)).every((b, i) => bytes[start + i] === b)) {
    throw new WasmFormatError(
      start,
      'the wasm magic bytes 00 61 73 6d ("\\0asm")',
      hex(bytes, start, Math.min(end, start + 4))
    );
  }
  if (available < 8) {
    throw new WasmFormatError(
      start + available,
      'an 8-byte header (the magic bytes "\\0asm" and a version)',
      `only ${available} byte(s)`
    );
  }
  const kind = matches(bytes, start + 4, MODULE_VERSION) ? "module" : matches(bytes, start + 4, COMPONENT_VERSION) ? "component" : void 0;
  if (kind === void 0 || want !== void 0 && kind !== want) {
    const expected = want === "module" ? "version 1, layer 0 (01 00 00 00: a core module)" : want === "component" ? "version 0x0d, layer 1 (0d 00 01 00: a component)" : "version 1, layer 0 (01 00 00 00: a core module) or version 0x0d, layer 1 (0d 00 01 00: a component)";
    throw new WasmFormatError(start + 4, expected, hex(bytes, start + 4, start + 8));
  }
  return kind;
}
function parseRange(bytes, start, end, depth, want, maxDepth) {
  const kind = readKind(bytes, start, end, want);
  const names = kind === "module" ? MODULE_SECTION_NAMES : COMPONENT_SECTION_NAMES;
  const reader = new ByteReader(bytes, start + 8, end);
  const sections = [];
  while (!reader.atEnd) {
    const sectionStart = reader.pos;
    const id = reader.u8("a section id");
    const idName = names[id];
    if (idName === void 0) {
      throw new WasmFormatError(
        sectionStart,
        `a ${kind} section id from 0 to ${names.length - 1}`,
        `${id}`
      );
    }
    const size = reader.u32(`the size of the ${idName} section`);
    const payloadStart = reader.pos;
    if (size > end - payloadStart) {
      throw new WasmFormatError(
        payloadStart,
        `${size} byte(s) of the ${idName} section`,
        `only ${end - payloadStart} byte(s) left in the ${depth === 0 ? "file" : `nested ${kind}`}`
      );
    }
    const sectionEnd = payloadStart + size;
    reader.pos = sectionEnd;
    if (id === 0) {
      const customName = new ByteReader(bytes, payloadStart, sectionEnd).name(
        "the custom section name"
      );
      sections.push({
        id,
        name: `custom:${customName}`,
        customName,
        start: sectionStart,
        payloadStart,
        end: sectionEnd
      });
    } else if (kind === "component" && (id === CORE_MODULE_SECTION || id === COMPONENT_SECTION)) {
      const nestedKind = id === CORE_MODULE_SECTION ? "module" : "component";
      if (depth + 1 > maxDepth) {
        throw new WasmFormatError(
          payloadStart,
          `components nested at most ${maxDepth} deep (real components nest 2-3 deep)`,
          `a ${nestedKind} at depth ${depth + 1}`
        );
      }
      const nested = parseRange(bytes, payloadStart, sectionEnd, depth + 1, nestedKind, maxDepth);
      sections.push({
        id,
        name: idName,
        start: sectionStart,
        payloadStart,
        end: sectionEnd,
        nested
      });
    } else {
      sections.push({ id, name: idName, start: sectionStart, payloadStart, end: sectionEnd });
    }
  }
  return { kind, bytes, start, end, depth, sections };
}
function parseWasm(bytes, options = {}) {
  return parseRange(bytes, 0, bytes.length, 0, void 0, options.maxDepth ?? DEFAULT_MAX_DEPTH);
}
function wasmKind(bytes) {
  return readKind(bytes, 0, bytes.length, void 0);
}
function coreModules(binary) {
  if (binary.kind === "module") return [{ path: "", module: binary }];
  const found = [];
  const walk = (component, prefix) => {
    let modules = 0;
    let components = 0;
    for (const section of component.sections) {
      if (!section.nested) continue;
      if (section.nested.kind === "module") {
        found.push({ path: `${prefix}module[${modules++}]`, module: section.nested });
      } else {
        walk(section.nested, `${prefix}component[${components++}]/`);
      }
    }
  };
  walk(binary, "");
  return found;
}

export {
  WasmFormatError,
  ByteReader,
  parseWasm,
  wasmKind,
  coreModules
};
//# sourceMappingURL=chunk-GCGXGLYM.js.map
