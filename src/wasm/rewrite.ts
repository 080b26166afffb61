import { encodeU32 } from './leb128.js';
import type { WasmBinary, WasmSection } from './parse.js';

/**
 * Re-encodes a parsed binary with some sections dropped and some nested core modules
 * replaced. Untouched runs of bytes are copied as subarrays of the input; only the headers of
 * the sections that enclose a change are re-encoded (a nested module that shrinks changes
 * its enclosing section's size, and that size's LEB128 may itself get shorter).
 */
export interface RewritePlan {
  /** Return false to drop a section. Nested sections are visited with the path of their module. */
  keep?(section: WasmSection, path: string): boolean;
  /** New bytes for a whole nested core module (or the outermost one), or undefined to leave it. */
  replaceModule?(module: WasmBinary, path: string): Uint8Array | undefined;
}

interface Output {
  parts: Uint8Array[];
  length: number;
}

class Chunks implements Output {
  parts: Uint8Array[] = [];
  length = 0;
  private runStart = -1;
  private runEnd = -1;
  constructor(private readonly source: Uint8Array) {}

  /** Copies source[start, end), merged with the previous copy when contiguous. */
  copy(start: number, end: number): void {
    if (this.runEnd === start) {
      this.runEnd = end;
      return;
    }
    this.flush();
    this.runStart = start;
    this.runEnd = end;
  }

  add(part: Uint8Array): void {
    this.flush();
    this.parts.push(part);
    this.length += part.length;
  }

  addAll(output: Output): void {
    this.flush();
    this.parts.push(...output.parts);
    this.length += output.length;
  }

  flush(): void {
    if (this.runStart >= 0 && this.runEnd > this.runStart) {
      this.parts.push(this.source.subarray(this.runStart, this.runEnd));
      this.length += this.runEnd - this.runStart;
    }
    this.runStart = this.runEnd = -1;
  }
}

/** undefined when nothing in `binary` changes (so its enclosing section is copied as is). */
function rewriteBinary(binary: WasmBinary, plan: RewritePlan, path: string): Output | undefined {
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
    const nestedPath = `${path ? `${path}/` : ''}${nested.kind === 'module' ? `module[${modules++}]` : `component[${components++}]`}`;
    let inner: Output | undefined;
    if (nested.kind === 'module') {
      const replacement = plan.replaceModule?.(nested, nestedPath);
      inner = replacement
        ? { parts: [replacement], length: replacement.length }
        : rewriteBinary(nested, plan, nestedPath);
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
  return changed ? out : undefined;
}

function concat(output: Output): Uint8Array {
  const bytes = new Uint8Array(output.length);
  let at = 0;
  for (const part of output.parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

/**
 * Applies `plan` to `binary` (the outermost one) and returns the new bytes; the input buffer
 * itself is returned when nothing changed. Paths: '' for the outermost binary, `module[0]`,
 * `component[1]/module[0]` … (indices count core modules and components separately, in order).
 */
export function rewriteWasm(binary: WasmBinary, plan: RewritePlan): Uint8Array {
  if (binary.kind === 'module') {
    const replacement = plan.replaceModule?.(binary, '');
    if (replacement) return replacement;
  }
  const output = rewriteBinary(binary, plan, '');
  return output ? concat(output) : binary.bytes.subarray(binary.start, binary.end);
}
