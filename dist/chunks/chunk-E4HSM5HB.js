import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  ByteReader,
  WasmFormatError
} from "./chunk-GCGXGLYM.js";

// src/wasm/module-info.ts
function reader(module, section) {
  const r = new ByteReader(module.bytes, section.payloadStart, section.end);
  if (section.customName !== void 0) r.name("the custom section name");
  return r;
}
function sectionById(module, id) {
  return module.sections.find((s) => s.id === id);
}
function customSection(module, name) {
  return module.sections.find((s) => s.customName === name);
}
function skipLeb(r, what) {
  const start = r.pos;
  for (let i = 0; i < 10; i++) {
    if ((r.u8(what) & 128) === 0) return;
  }
  throw new WasmFormatError(start, `${what} (a LEB128 of at most 10 bytes)`, "a longer encoding");
}
function skipValType(r) {
  const at = r.pos;
  const byte = r.u8("a value type");
  if (byte === 99 || byte === 100) {
    r.s33("a heap type");
  } else if (byte < 105 || byte > 127) {
    throw new WasmFormatError(
      at,
      "a value type (0x69 to 0x7f, or 0x63/0x64 and a heap type)",
      `0x${byte.toString(16)}`
    );
  }
}
function skipLimits(r) {
  const at = r.pos;
  const flags = r.u8("limits flags");
  if (flags > 15)
    throw new WasmFormatError(at, "limits flags from 0x00 to 0x0f", `0x${flags.toString(16)}`);
  skipLeb(r, "a minimum size");
  if (flags & 1) skipLeb(r, "a maximum size");
  if (flags & 8) r.u32("a page size exponent");
}
function imports(module) {
  const section = sectionById(module, 2);
  if (!section) return [];
  const r = reader(module, section);
  const entries = [];
  const count = r.u32("the number of imports");
  for (let i = 0; i < count; i++) {
    const from = r.name("an import module name");
    const name = r.name("an import name");
    const at = r.pos;
    const kind = r.u8("an import kind");
    switch (kind) {
      case 0:
        r.u32("a function type index");
        break;
      case 1:
        skipValType(r);
        skipLimits(r);
        break;
      case 2:
        skipLimits(r);
        break;
      case 3:
        skipValType(r);
        r.u8("a global mutability flag");
        break;
      case 4:
        r.u8("a tag attribute");
        r.u32("a tag type index");
        break;
      default:
        throw new WasmFormatError(at, "an import kind from 0 (function) to 4 (tag)", `${kind}`);
    }
    entries.push({ module: from, name, kind });
  }
  return entries;
}
function importedFunctionCount(module) {
  return imports(module).filter((i) => i.kind === 0).length;
}
function functionBodies(module) {
  const section = sectionById(module, 10);
  if (!section) return [];
  const first = importedFunctionCount(module);
  const r = reader(module, section);
  const count = r.u32("the number of function bodies");
  const bodies = [];
  for (let i = 0; i < count; i++) {
    const start = r.pos;
    const size = r.u32("the size of a function body");
    r.skip(size, `a function body of ${size} byte(s)`);
    bodies.push({ index: first + i, bytes: r.pos - start });
  }
  return bodies;
}
function readNameSubsection(module, id, read) {
  const section = customSection(module, "name");
  if (!section) return void 0;
  try {
    const r = reader(module, section);
    while (!r.atEnd) {
      const subId = r.u8("a name subsection id");
      const size = r.u32("the size of a name subsection");
      const start = r.skip(size, `a name subsection of ${size} byte(s)`);
      if (subId === id) return read(new ByteReader(module.bytes, start, start + size));
    }
  } catch (error) {
    if (!(error instanceof WasmFormatError)) throw error;
  }
  return void 0;
}
function functionNames(module) {
  const names = /* @__PURE__ */ new Map();
  readNameSubsection(module, 1, (sub) => {
    const count = sub.u32("the number of function names");
    for (let i = 0; i < count; i++) {
      const index = sub.u32("a function index");
      names.set(index, sub.name("a function name"));
    }
  });
  return names;
}
function targetFeatures(module) {
  const section = customSection(module, "target_features");
  if (!section) return void 0;
  const r = reader(module, section);
  const used = [];
  const disallowed = [];
  const count = r.u32("the number of target features");
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    const prefix = r.u8("a feature prefix");
    const name = r.name("a feature name");
    if (prefix === 43 || prefix === 61) used.push(name);
    else if (prefix === 45) disallowed.push(name);
    else
      throw new WasmFormatError(at, 'a feature prefix "+", "-" or "="', `0x${prefix.toString(16)}`);
  }
  return { used, disallowed };
}
function exportNames(module) {
  const section = sectionById(module, 7);
  if (!section) return [];
  const r = reader(module, section);
  const names = [];
  const count = r.u32("the number of exports");
  for (let i = 0; i < count; i++) {
    names.push(r.name("an export name"));
    r.u8("an export kind");
    r.u32("an export index");
  }
  return names;
}

// src/wasm/engine.ts
var engine = globalThis.WebAssembly;
function engineValidates(bytes) {
  return engine.validate(bytes);
}
function engineCompileError(bytes) {
  if (engine.validate(bytes)) return void 0;
  try {
    new engine.Module(bytes);
    return "rejected by the engine";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export {
  imports,
  functionBodies,
  functionNames,
  targetFeatures,
  exportNames,
  engineValidates,
  engineCompileError
};
//# sourceMappingURL=chunk-E4HSM5HB.js.map
