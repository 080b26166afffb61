/**
 * autocannon is CommonJS: imported statically here and this module lazily (src/projects/yaml.ts
 * says why), so it stays out of start-up and the bundle keeps its default export whole.
 */
import autocannon, { type Instance, type Options, type Result } from 'autocannon';

/**
 * autocannon, without the one warning it makes Node 24 print to the user's terminal: its
 * constructor reads the URL with `url.parse()` (DEP0169, a deprecation about untrusted input;
 * the URL here is ours, `http://127.0.0.1:<port>/<path>`). Only that code is dropped, only while
 * the constructor runs; every other warning passes.
 */
export function startLoad(
  options: Options,
  done: (error: unknown, result: Result) => void,
): Instance {
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning: string | Error, ...rest: unknown[]): void {
    const [options, code] = rest;
    const named =
      typeof options === 'object' && options !== null ? (options as { code?: unknown }).code : code;
    if (named === 'DEP0169') return;
    (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return autocannon(options, done);
  } finally {
    process.emitWarning = emitWarning;
  }
}
