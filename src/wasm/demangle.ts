/**
 * Rust symbol names as a person reads them, for the largest-functions table: the `name`
 * section of a Rust build holds mangled symbols (`_RNvNtCs…_4core3fmt5write`, or the legacy
 * `_ZN4core3fmt5write17h…E`), which twiggy shows demangled. Anything that is not a Rust
 * symbol, or that does not decode, is returned as it was: a name is never an error.
 */

const MAX_OUTPUT = 300;
const MAX_DEPTH = 64;
/** Backrefs can make a short symbol expand exponentially; give up after this many steps. */
const MAX_STEPS = 20_000;

export function demangle(name: string): string {
  try {
    if (name.startsWith('_R')) return new V0(name).symbol();
    if (name.startsWith('_ZN')) return legacy(name);
  } catch {
    // not a symbol we can read: show it as it is
  }
  return name;
}

const LEGACY_ESCAPES: Readonly<Record<string, string>> = {
  SP: '@',
  BP: '*',
  RF: '&',
  LT: '<',
  GT: '>',
  LP: '(',
  RP: ')',
  C: ',',
};

/** `_ZN` {<length><identifier>} `E`, the last identifier a hash `h` + 16 hex digits. */
function legacy(name: string): string {
  let at = 3;
  const parts: string[] = [];
  while (name[at] !== 'E') {
    const digits = /^\d+/.exec(name.slice(at));
    if (!digits) throw new Error('not a legacy symbol');
    at += digits[0].length;
    const length = Number(digits[0]);
    if (at + length > name.length) throw new Error('truncated');
    parts.push(name.slice(at, at + length));
    at += length;
  }
  if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(parts.at(-1)!)) parts.pop();
  return parts
    .map((part) =>
      part
        .replace(/^_\$/, '$')
        .replace(/\.\./g, '::')
        .replace(/\$([A-Z]+|u[0-9a-f]+)\$/g, (whole, code: string) =>
          code.startsWith('u')
            ? String.fromCodePoint(parseInt(code.slice(1), 16))
            : (LEGACY_ESCAPES[code] ?? whole),
        ),
    )
    .join('::');
}

const BASIC_TYPES: Readonly<Record<string, string>> = {
  a: 'i8',
  b: 'bool',
  c: 'char',
  d: 'f64',
  e: 'str',
  f: 'f32',
  h: 'u8',
  i: 'isize',
  j: 'usize',
  l: 'i32',
  m: 'u32',
  n: 'i128',
  o: 'u128',
  s: 'i16',
  t: 'u16',
  u: '()',
  v: '...',
  x: 'i64',
  y: 'u64',
  z: '!',
  p: '_',
};

/** The v0 mangling (RFC 2603), read by recursive descent; backrefs re-read earlier positions. */
class V0 {
  private at = 2;
  private depth = 0;
  private steps = 0;
  constructor(private readonly s: string) {}

  symbol(): string {
    if (/\d/.test(this.peek())) this.decimal(); // encoding version
    const path = this.path();
    // an instantiating crate and a vendor suffix may follow; they add nothing readable
    return path.length > MAX_OUTPUT ? `${path.slice(0, MAX_OUTPUT)}…` : path;
  }

  private peek(): string {
    return this.s[this.at] ?? '';
  }

  private next(): string {
    const c = this.s[this.at];
    if (c === undefined) throw new Error('truncated symbol');
    this.at++;
    return c;
  }

  private eat(c: string): boolean {
    if (this.peek() !== c) return false;
    this.at++;
    return true;
  }

  /** A decimal number; `0` stands alone (a number never has leading zeros). */
  private decimal(): number {
    const digits = /^(0|[1-9]\d*)/.exec(this.s.slice(this.at));
    if (!digits) throw new Error('expected a number');
    this.at += digits[0].length;
    return Number(digits[0]);
  }

  /** base-62 digits then `_`; `_` alone is 0, otherwise the value + 1. */
  private base62(): number {
    if (this.eat('_')) return 0;
    let value = 0;
    for (;;) {
      const c = this.next();
      if (c === '_') return value + 1;
      const digit = /\d/.test(c)
        ? c.charCodeAt(0) - 48
        : /[a-z]/.test(c)
          ? c.charCodeAt(0) - 87
          : /[A-Z]/.test(c)
            ? c.charCodeAt(0) - 29
            : -1;
      if (digit < 0) throw new Error('bad base-62 number');
      value = value * 62 + digit;
    }
  }

  private optionalBase62(tag: string): number {
    return this.eat(tag) ? this.base62() + 1 : 0;
  }

  /** [`u`] <length> [`_`] <bytes>; punycode names (non-ASCII) are shown encoded. */
  private name(): string {
    const punycode = this.eat('u');
    const length = this.decimal();
    this.eat('_');
    if (this.at + length > this.s.length) throw new Error('truncated identifier');
    const ident = this.s.slice(this.at, this.at + length);
    this.at += length;
    return punycode ? `punycode{${ident}}` : ident;
  }

  private identifier(): string {
    this.optionalBase62('s'); // disambiguator
    return this.name();
  }

  /** Parses at a backref's target and comes back. */
  private backref<T>(read: () => T): T {
    const start = this.at - 1;
    const target = this.base62() + 2; // positions count from after "_R"
    if (target >= start) throw new Error('backref does not point backwards');
    const saved = this.at;
    this.at = target;
    try {
      return read();
    } finally {
      this.at = saved;
    }
  }

  private guard<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH || ++this.steps > MAX_STEPS) throw new Error('too deep');
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  /** In a type, generic arguments read `Vec<T>`; in a value path, `size_of::<T>` (as rustc). */
  path(inType = false): string {
    return this.guard(() => {
      const tag = this.next();
      switch (tag) {
        case 'C':
          return this.identifier();
        case 'M': {
          this.implPath();
          return `<${this.type()}>`;
        }
        case 'X': {
          this.implPath();
          const self = this.type();
          return `<${self} as ${this.path(true)}>`;
        }
        case 'Y': {
          const self = this.type();
          return `<${self} as ${this.path(true)}>`;
        }
        case 'N': {
          const namespace = this.next();
          const parent = this.path(inType);
          const ident = this.identifier();
          if (/[A-Z]/.test(namespace)) {
            const kind = namespace === 'C' ? 'closure' : namespace === 'S' ? 'shim' : namespace;
            return `${parent}::{${kind}${ident ? `:${ident}` : ''}}`;
          }
          return `${parent}::${ident}`;
        }
        case 'I': {
          const base = this.path(inType);
          const args: string[] = [];
          while (!this.eat('E')) {
            const arg = this.genericArg();
            if (arg !== undefined) args.push(arg);
          }
          return `${base}${inType ? '' : '::'}<${args.join(', ')}>`;
        }
        case 'B':
          return this.backref(() => this.path(inType));
        default:
          throw new Error(`unexpected path tag ${tag}`);
      }
    });
  }

  private implPath(): void {
    this.optionalBase62('s');
    this.path();
  }

  /** A lifetime prints nothing (as rustc-demangle's short form), so it may return undefined. */
  private genericArg(): string | undefined {
    if (this.eat('L')) {
      this.base62();
      return undefined;
    }
    if (this.eat('K')) return this.constant();
    return this.type();
  }

  private lifetime(): void {
    if (this.eat('L')) this.base62();
  }

  type(): string {
    return this.guard(() => {
      const c = this.peek();
      const basic = BASIC_TYPES[c];
      if (basic !== undefined) {
        this.at++;
        return basic;
      }
      this.at++;
      switch (c) {
        case 'R':
        case 'Q': {
          this.lifetime();
          return `&${c === 'Q' ? 'mut ' : ''}${this.type()}`;
        }
        case 'P':
          return `*const ${this.type()}`;
        case 'O':
          return `*mut ${this.type()}`;
        case 'A': {
          const element = this.type();
          return `[${element}; ${this.constant()}]`;
        }
        case 'S':
          return `[${this.type()}]`;
        case 'T': {
          const types: string[] = [];
          while (!this.eat('E')) types.push(this.type());
          return `(${types.join(', ')}${types.length === 1 ? ',' : ''})`;
        }
        case 'F': {
          this.optionalBase62('G');
          const unsafe = this.eat('U');
          let abi = '';
          if (this.eat('K')) abi = this.eat('C') ? 'extern "C" ' : `extern "${this.name()}" `;
          const params: string[] = [];
          while (!this.eat('E')) params.push(this.type());
          const result = this.type();
          return `${unsafe ? 'unsafe ' : ''}${abi}fn(${params.join(', ')})${result === '()' ? '' : ` -> ${result}`}`;
        }
        case 'D': {
          this.optionalBase62('G');
          const traits: string[] = [];
          while (!this.eat('E')) {
            let trait = this.path(true);
            while (this.eat('p')) {
              const assoc = this.name();
              trait += `<${assoc} = ${this.type()}>`;
            }
            traits.push(trait);
          }
          this.lifetime();
          return `dyn ${traits.join(' + ')}`;
        }
        case 'B':
          return this.backref(() => this.type());
        default:
          this.at--;
          return this.path(true);
      }
    });
  }

  private constant(): string {
    return this.guard(() => {
      if (this.eat('p')) return '_';
      if (this.eat('B')) return this.backref(() => this.constant());
      const type = this.type();
      const negative = this.eat('n');
      let hex = '';
      while (!this.eat('_')) {
        const c = this.next();
        if (!/[0-9a-f]/.test(c)) throw new Error('bad constant');
        hex += c;
      }
      if (type === 'bool') return hex === '1' ? 'true' : 'false';
      if (type === 'char') return `'${String.fromCodePoint(parseInt(hex || '0', 16))}'`;
      return `${negative ? '-' : ''}${hex.length > 12 ? `0x${hex}` : parseInt(hex || '0', 16)}`;
    });
  }
}
