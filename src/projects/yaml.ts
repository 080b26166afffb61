/**
 * yaml is CommonJS: `await import('yaml')` in the bundle yields a chunk with only `default`
 * (esbuild), so its named exports come through this module, which imports them statically and
 * is itself imported lazily (yaml stays out of start-up).
 */
export { parseDocument } from 'yaml';
