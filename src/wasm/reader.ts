import { WasmFormatError } from './format-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A cursor over a byte range of one buffer. Positions are absolute offsets into that buffer,
 * so every error names the offset in the file, however deeply nested the reader is.
 */
export class ByteReader {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    /** One past the last byte this reader may read. */
    readonly end: number,
  ) {}

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  private need(count: number, what: string): void {
    if (count > this.end - this.pos) {
      throw new WasmFormatError(
        this.pos,
        what,
        this.pos >= this.end ? 'the end of the input' : `only ${this.end - this.pos} byte(s) left`,
      );
    }
  }

  u8(what = 'a byte'): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  /** An unsigned LEB128 of at most 32 bits (at most 5 bytes; unused high bits zero). */
  u32(what = 'an unsigned LEB128 integer'): number {
    const start = this.pos;
    let result = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) {
        throw new WasmFormatError(this.pos, `${what} (LEB128 continues past the end of the input)`);
      }
      const byte = this.bytes[this.pos++]!;
      if (i === 4 && byte & 0xf0) {
        throw new WasmFormatError(
          start,
          `${what} (an unsigned 32-bit LEB128)`,
          'more than 32 bits',
        );
      }
      result += (byte & 0x7f) * 2 ** (7 * i);
      if ((byte & 0x80) === 0) return result;
    }
    throw new WasmFormatError(
      start,
      `${what} (an unsigned 32-bit LEB128 of at most 5 bytes)`,
      'a longer encoding',
    );
  }

  /** A signed LEB128 of at most 33 bits (block types, heap types); only its extent matters here. */
  s33(what = 'a signed LEB128 integer'): void {
    const start = this.pos;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end)
        throw new WasmFormatError(this.pos, `${what} (LEB128 continues past the end of the input)`);
      if ((this.bytes[this.pos++]! & 0x80) === 0) return;
    }
    throw new WasmFormatError(
      start,
      `${what} (a signed 33-bit LEB128 of at most 5 bytes)`,
      'a longer encoding',
    );
  }

  /** `count` bytes as a subarray (no copy); returns the absolute start. */
  skip(count: number, what: string): number {
    this.need(count, what);
    const start = this.pos;
    this.pos += count;
    return start;
  }

  /** A length-prefixed UTF-8 name. */
  name(what = 'a name'): string {
    const length = this.u32(`the length of ${what}`);
    const start = this.skip(length, `${what} of ${length} byte(s)`);
    try {
      return utf8.decode(this.bytes.subarray(start, start + length));
    } catch {
      throw new WasmFormatError(start, `${what} in UTF-8`, 'invalid UTF-8');
    }
  }
}
