import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/wasm/leb128.ts
function encodeU32(value) {
  const out = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 127;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 128);
  } while (rest !== 0);
  return Uint8Array.from(out);
}

// src/wasm/rewrite.ts
var Chunks = class {
  constructor(source) {
    this.source = source;
  }
  source;
  parts = [];
  length = 0;
  runStart = -1;
  runEnd = -1;
  /** Copies source[start, end), merged with the previous copy when contiguous. */
  copy(start, end) {
    if (this.runEnd === start) {
      this.runEnd = end;
      return;
    }
    this.flush();
    this.runStart = start;
    this.runEnd = end;
  }
  add(part) {
    this.flush();
    this.parts.push(part);
    this.length += part.length;
  }
  addAll(output) {
    this.flush();
    this.parts.push(...output.parts);
    this.length += output.length;
  }
  flush() {
    if (this.runStart >= 0 && this.runEnd > this.runStart) {
      this.parts.push(this.source.subarray(this.runStart, this.runEnd));
      this.length += this.runEnd - this.runStart;
    }
    this.runStart = this.runEnd = -1;
  }
};
function rewriteBinary(binary, plan, path) {
  const out = new Chunks(binary.bytes);
  let changed = false;
  out.copy(binary.start, binary.start + 8);
  let modules = 0;
  let components = 0;
  for (const section of binary.sections) {
    if (plan.keep && !plan.keep(section, path)) {
      changed = true;
      continue;
    }
    const nested = section.nested;
    if (!nested) {
      out.copy(section.start, section.end);
      continue;
    }
    const nestedPath = `${path ? `${path}/` : ""}${nested.kind === "module" ? `module[${modules++}]` : `component[${components++}]`}`;
    let inner;
    if (nested.kind === "module") {
      const replacement = plan.replaceModule?.(nested, nestedPath);
      inner = replacement ? { parts: [replacement], length: replacement.length } : rewriteBinary(nested, plan, nestedPath);
    } else {
      inner = rewriteBinary(nested, plan, nestedPath);
    }
    if (!inner) {
      out.copy(section.start, section.end);
      continue;
    }
    changed = true;
    out.add(Uint8Array.of(section.id));
    out.add(encodeU32(inner.length));
    out.addAll(inner);
  }
  out.flush();
  return changed ? out : void 0;
}
function concat(output) {
  const bytes = new Uint8Array(output.length);
  let at = 0;
  for (const part of output.parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
function rewriteWasm(binary, plan) {
  if (binary.kind === "module") {
    const replacement = plan.replaceModule?.(binary, "");
    if (replacement) return replacement;
  }
  const output = rewriteBinary(binary, plan, "");
  return output ? concat(output) : binary.bytes.subarray(binary.start, binary.end);
}

export {
  rewriteWasm
};
//# sourceMappingURL=chunk-EKUGAD5L.js.map
