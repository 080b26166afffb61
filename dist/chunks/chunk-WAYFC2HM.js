import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  bySize,
  stripCustomSections
} from "./chunk-IRSJQSBA.js";
import {
  BROTLI_QUALITY,
  GZIP_LEVEL
} from "./chunk-EJCTFPHU.js";
import {
  engineCompileError,
  functionBodies,
  functionNames
} from "./chunk-E4HSM5HB.js";
import {
  WasmFormatError,
  coreModules,
  parseWasm
} from "./chunk-GCGXGLYM.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/wasm/demangle.ts
var MAX_OUTPUT = 300;
var MAX_DEPTH = 64;
var MAX_STEPS = 2e4;
function demangle(name) {
  try {
    if (name.startsWith("_R")) return new V0(name).symbol();
    if (name.startsWith("_ZN")) return legacy(name);
  } catch {
  }
  return name;
}
var LEGACY_ESCAPES = {
  SP: "@",
  BP: "*",
  RF: "&",
  LT: "<",
  GT: ">",
  LP: "(",
  RP: ")",
  C: ","
};
function legacy(name) {
  let at = 3;
  const parts = [];
  while (name[at] !== "E") {
    const digits = /^\d+/.exec(name.slice(at));
    if (!digits) throw new Error("not a legacy symbol");
    at += digits[0].length;
    const length = Number(digits[0]);
    if (at + length > name.length) throw new Error("truncated");
    parts.push(name.slice(at, at + length));
    at += length;
  }
  if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.map(
    (part) => part.replace(/^_\$/, "$").replace(/\.\./g, "::").replace(
      /\$([A-Z]+|u[0-9a-f]+)\$/g,
      (whole, code) => code.startsWith("u") ? String.fromCodePoint(parseInt(code.slice(1), 16)) : LEGACY_ESCAPES[code] ?? whole
    )
  ).join("::");
}
var BASIC_TYPES = {
  a: "i8",
  b: "bool",
  c: "char",
  d: "f64",
  e: "str",
  f: "f32",
  h: "u8",
  i: "isize",
  j: "usize",
  l: "i32",
  m: "u32",
  n: "i128",
  o: "u128",
  s: "i16",
  t: "u16",
  u: "()",
  v: "...",
  x: "i64",
  y: "u64",
  z: "!",
  p: "_"
};
var V0 = class {
  constructor(s) {
    this.s = s;
  }
  s;
  at = 2;
  depth = 0;
  steps = 0;
  symbol() {
    if (/\d/.test(this.peek())) this.decimal();
    const path = this.path();
    return path.length > MAX_OUTPUT ? `${path.slice(0, MAX_OUTPUT)}\u2026` : path;
  }
  peek() {
    return this.s[this.at] ?? "";
  }
  next() {
    const c = this.s[this.at];
    if (c === void 0) throw new Error("truncated symbol");
    this.at++;
    return c;
  }
  eat(c) {
    if (this.peek() !== c) return false;
    this.at++;
    return true;
  }
  /** A decimal number; `0` stands alone (a number never has leading zeros). */
  decimal() {
    const digits = /^(0|[1-9]\d*)/.exec(this.s.slice(this.at));
    if (!digits) throw new Error("expected a number");
    this.at += digits[0].length;
    return Number(digits[0]);
  }
  /** base-62 digits then `_`; `_` alone is 0, otherwise the value + 1. */
  base62() {
    if (this.eat("_")) return 0;
    let value = 0;
    for (; ; ) {
      const c = this.next();
      if (c === "_") return value + 1;
      const digit = /\d/.test(c) ? c.charCodeAt(0) - 48 : /[a-z]/.test(c) ? c.charCodeAt(0) - 87 : /[A-Z]/.test(c) ? c.charCodeAt(0) - 29 : -1;
      if (digit < 0) throw new Error("bad base-62 number");
      value = value * 62 + digit;
    }
  }
  optionalBase62(tag) {
    return this.eat(tag) ? this.base62() + 1 : 0;
  }
  /** [`u`] <length> [`_`] <bytes>; punycode names (non-ASCII) are shown encoded. */
  name() {
    const punycode = this.eat("u");
    const length = this.decimal();
    this.eat("_");
    if (this.at + length > this.s.length) throw new Error("truncated identifier");
    const ident = this.s.slice(this.at, this.at + length);
    this.at += length;
    return punycode ? `punycode{${ident}}` : ident;
  }
  identifier() {
    this.optionalBase62("s");
    return this.name();
  }
  /** Parses at a backref's target and comes back. */
  backref(read) {
    const start = this.at - 1;
    const target = this.base62() + 2;
    if (target >= start) throw new Error("backref does not point backwards");
    const saved = this.at;
    this.at = target;
    try {
      return read();
    } finally {
      this.at = saved;
    }
  }
  guard(read) {
    if (++this.depth > MAX_DEPTH || ++this.steps > MAX_STEPS) throw new Error("too deep");
    try {
      return read();
    } finally {
      this.depth--;
    }
  }
  /** In a type, generic arguments read `Vec<T>`; in a value path, `size_of::<T>` (as rustc). */
  path(inType = false) {
    return this.guard(() => {
      const tag = this.next();
      switch (tag) {
        case "C":
          return this.identifier();
        case "M": {
          this.implPath();
          return `<${this.type()}>`;
        }
        case "X": {
          this.implPath();
          const self = this.type();
          return `<${self} as ${this.path(true)}>`;
        }
        case "Y": {
          const self = this.type();
          return `<${self} as ${this.path(true)}>`;
        }
        case "N": {
          const namespace = this.next();
          const parent = this.path(inType);
          const ident = this.identifier();
          if (/[A-Z]/.test(namespace)) {
            const kind = namespace === "C" ? "closure" : namespace === "S" ? "shim" : namespace;
            return `${parent}::{${kind}${ident ? `:${ident}` : ""}}`;
          }
          return `${parent}::${ident}`;
        }
        case "I": {
          const base = this.path(inType);
          const args = [];
          while (!this.eat("E")) {
            const arg = this.genericArg();
            if (arg !== void 0) args.push(arg);
          }
          return `${base}${inType ? "" : "::"}<${args.join(", ")}>`;
        }
        case "B":
          return this.backref(() => this.path(inType));
        default:
          throw new Error(`unexpected path tag ${tag}`);
      }
    });
  }
  implPath() {
    this.optionalBase62("s");
    this.path();
  }
  /** A lifetime prints nothing (as rustc-demangle's short form), so it may return undefined. */
  genericArg() {
    if (this.eat("L")) {
      this.base62();
      return void 0;
    }
    if (this.eat("K")) return this.constant();
    return this.type();
  }
  lifetime() {
    if (this.eat("L")) this.base62();
  }
  type() {
    return this.guard(() => {
      const c = this.peek();
      const basic = BASIC_TYPES[c];
      if (basic !== void 0) {
        this.at++;
        return basic;
      }
      this.at++;
      switch (c) {
        case "R":
        case "Q": {
          this.lifetime();
          return `&${c === "Q" ? "mut " : ""}${this.type()}`;
        }
        case "P":
          return `*const ${this.type()}`;
        case "O":
          return `*mut ${this.type()}`;
        case "A": {
          const element = this.type();
          return `[${element}; ${this.constant()}]`;
        }
        case "S":
          return `[${this.type()}]`;
        case "T": {
          const types = [];
          while (!this.eat("E")) types.push(this.type());
          return `(${types.join(", ")}${types.length === 1 ? "," : ""})`;
        }
        case "F": {
          this.optionalBase62("G");
          const unsafe = this.eat("U");
          let abi = "";
          if (this.eat("K")) abi = this.eat("C") ? 'extern "C" ' : `extern "${this.name()}" `;
          const params = [];
          while (!this.eat("E")) params.push(this.type());
          const result = this.type();
          return `${unsafe ? "unsafe " : ""}${abi}fn(${params.join(", ")})${result === "()" ? "" : ` -> ${result}`}`;
        }
        case "D": {
          this.optionalBase62("G");
          const traits = [];
          while (!this.eat("E")) {
            let trait = this.path(true);
            while (this.eat("p")) {
              const assoc = this.name();
              trait += `<${assoc} = ${this.type()}>`;
            }
            traits.push(trait);
          }
          this.lifetime();
          return `dyn ${traits.join(" + ")}`;
        }
        case "B":
          return this.backref(() => this.type());
        default:
          this.at--;
          return this.path(true);
      }
    });
  }
  constant() {
    return this.guard(() => {
      if (this.eat("p")) return "_";
      if (this.eat("B")) return this.backref(() => this.constant());
      const type = this.type();
      const negative = this.eat("n");
      let hex = "";
      while (!this.eat("_")) {
        const c = this.next();
        if (!/[0-9a-f]/.test(c)) throw new Error("bad constant");
        hex += c;
      }
      if (type === "bool") return hex === "1" ? "true" : "false";
      if (type === "char") return `'${String.fromCodePoint(parseInt(hex || "0", 16))}'`;
      return `${negative ? "-" : ""}${hex.length > 12 ? `0x${hex}` : parseInt(hex || "0", 16)}`;
    });
  }
};

// src/wasm/analyze.ts
var TOP_FUNCTIONS = 20;
function addSections(binary, prefix, sizes) {
  let modules = 0;
  let components = 0;
  for (const section of binary.sections) {
    const nested = section.nested;
    if (nested) {
      const path = `${prefix}${nested.kind === "module" ? `module[${modules++}]` : `component[${components++}]`}/`;
      addSections(nested, path, sizes);
      continue;
    }
    const key = `${prefix}${section.name}`;
    sizes.set(key, (sizes.get(key) ?? 0) + section.end - section.start);
  }
}
function analyzeWasm(bytes) {
  const binary = parseWasm(bytes);
  const sizes = /* @__PURE__ */ new Map();
  addSections(binary, "", sizes);
  const functions = [];
  for (const { path, module } of coreModules(binary)) {
    const names = functionNames(module);
    for (const body of functionBodies(module)) {
      const symbol = names.get(body.index);
      const name = symbol === void 0 ? `func[${body.index}]` : demangle(symbol);
      functions.push({ name: path ? `${path}/${name}` : name, bytes: body.bytes });
    }
  }
  functions.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  return {
    kind: binary.kind,
    bytes: bytes.length,
    sections: bySize(sizes),
    functions: functions.slice(0, TOP_FUNCTIONS)
  };
}

// src/stages/measure.ts
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
function measureSizes(bytes) {
  return {
    bytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes, { level: GZIP_LEVEL }).byteLength,
    brotliBytes: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength
      }
    }).byteLength
  };
}

// src/wasm/validate.ts
async function validateWasm(bytes, file) {
  const label = file ?? "the wasm binary";
  let binary;
  try {
    binary = parseWasm(bytes);
  } catch (error) {
    throw error instanceof WasmFormatError && file ? error.inFile(file) : error;
  }
  for (const { path, module } of coreModules(binary)) {
    const problem = engineCompileError(module.bytes.subarray(module.start, module.end));
    if (problem !== void 0) {
      const where = path ? `core module ${path} of ${label}` : label;
      throw new UserError(`${where} is not a valid WebAssembly module: ${problem}`, file);
    }
  }
  if (binary.kind === "component") {
    const { componentWit } = await import("@bytecodealliance/jco-transpile/wasm-tools");
    try {
      await componentWit(bytes);
    } catch (error) {
      throw new UserError(
        `${label} is not a valid WebAssembly component (wasm-tools): ${oneLine(errorMessage(error))}`,
        file
      );
    }
  }
  return { kind: binary.kind };
}
function oneLine(text) {
  return text.split("\n").map((line) => line.trim()).filter((line) => line !== "").join(": ");
}

// src/stages/shrink.ts
var InvalidResultError = class extends Error {
  constructor(message, inputInvalid) {
    super(message);
    this.inputInvalid = inputInvalid;
  }
  inputInvalid;
  name = "InvalidResultError";
};
async function shrinkWasm(input, options) {
  const strip = stripCustomSections(input, options.sections);
  const modules = [];
  let final = strip.bytes;
  if (options.wasmOpt) {
    const { optimizeWasm } = await import("./optimize-JULYTOLH.js");
    final = await optimizeWasm(strip.bytes, { onModule: (m) => modules.push(m) });
  }
  const wasmOptChanged = options.wasmOpt && !sameBytes(final, strip.bytes);
  if (!wasmOptChanged) final = strip.bytes;
  if (options.validate ?? true) {
    const problem = await validateWasm(final, options.file).then(
      () => void 0,
      (error) => errorMessage(error)
    );
    if (problem !== void 0) {
      const inputProblem = await validateWasm(input).then(
        () => void 0,
        (error) => errorMessage(error)
      );
      throw new InvalidResultError(inputProblem ?? problem, inputProblem !== void 0);
    }
  }
  const stripped = measureSizes(strip.bytes);
  return {
    strip,
    modules,
    final,
    wasmOptChanged,
    sizes: { stripped, ...wasmOptChanged ? { optimized: measureSizes(final) } : {} }
  };
}
function sameBytes(a, b) {
  return a === b || a.length === b.length && Buffer.compare(a, b) === 0;
}

export {
  TOP_FUNCTIONS,
  analyzeWasm,
  measureSizes,
  InvalidResultError,
  shrinkWasm
};
//# sourceMappingURL=chunk-WAYFC2HM.js.map
