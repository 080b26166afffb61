import { UserError } from '../errors.js';

/**
 * A wasm binary that does not follow the binary format. The message names the byte offset
 * (from the start of the file, nested modules included) and what was expected there, so a
 * truncated download or a corrupted build output is recognisable at a glance.
 */
export class WasmFormatError extends UserError {
  constructor(
    /** Offset of the offending byte from the start of the outermost binary. */
    readonly offset: number,
    /** What the parser expected at `offset`. */
    readonly expected: string,
    /** What it found instead, when that helps (a value, "end of input"). */
    readonly found?: string,
    file?: string,
  ) {
    super(
      `${file ? `${file}: ` : ''}not a valid wasm binary: at byte offset ${offset} (0x${offset.toString(16)}), expected ${expected}${found ? `, found ${found}` : ''}`,
      file,
    );
  }

  /** The same error, naming the file it came from (parsers work on bytes, callers know the path). */
  inFile(file: string): WasmFormatError {
    return new WasmFormatError(this.offset, this.expected, this.found, file);
  }
}
