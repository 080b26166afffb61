/** Encodings the rewriter needs when a section's size changes. */

/** The unsigned LEB128 encoding of `value` (a 32-bit size), in its shortest form. */
export function encodeU32(value: number): Uint8Array {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return Uint8Array.from(out);
}
