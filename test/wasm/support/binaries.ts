/**
 * Hand-assembled wasm binaries for the parser's tests: each byte is spelled out, so a test
 * can say exactly at which offset a malformed one goes wrong.
 */

export function leb(value: number): number[] {
  const out: number[] = [];
  do {
    const byte = value & 0x7f;
    value >>>= 7;
    out.push(value === 0 ? byte : byte | 0x80);
  } while (value !== 0);
  return out;
}

export function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...leb(bytes.length), ...bytes];
}

export function section(id: number, payload: readonly number[]): number[] {
  return [id, ...leb(payload.length), ...payload];
}

export function custom(sectionName: string, data: readonly number[] = []): number[] {
  return section(0, [...name(sectionName), ...data]);
}

export const MODULE_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
export const COMPONENT_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

/** `(module (func (export "answer") (result i32) i32.const 42))` plus the given extra sections. */
export function answerModule(...extra: number[][]): number[] {
  return [
    ...MODULE_HEADER,
    ...section(1, [0x01, 0x60, 0x00, 0x01, 0x7f]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, ...name('answer'), 0x00, 0x00]),
    // one body of 4 bytes: no locals, i32.const 42, end
    ...section(10, [0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b]),
    ...extra.flat(),
  ];
}

export function module(...sections: number[][]): number[] {
  return [...MODULE_HEADER, ...sections.flat()];
}

export function component(...sections: number[][]): number[] {
  return [...COMPONENT_HEADER, ...sections.flat()];
}

/** A component section holding a core module (id 1) or a component (id 4). */
export function nested(binary: readonly number[]): number[] {
  return section(binary[4] === 0x01 ? 1 : 4, binary);
}

/** Components nested so that the core module inside sits at `depth` (the outermost binary is 0). */
export function nestedComponents(depth: number, inner: number[] = answerModule()): number[] {
  let binary = component(nested(inner));
  for (let i = 1; i < depth; i++) binary = component(nested(binary));
  return binary;
}

export function bytes(values: readonly number[]): Uint8Array {
  return Uint8Array.from(values);
}
