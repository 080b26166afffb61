import { parseWasm, type WasmSection } from './parse.js';
import { rewriteWasm } from './rewrite.js';
import { bySize, type SectionSize } from './sizes.js';

/**
 * Custom sections removed by default: debug info (DWARF), function names, toolchain
 * metadata and source-map pointers. None of them changes what the binary does.
 *
 * `target_features` is kept on purpose: it is a few dozen bytes that tell wasm-opt (ours and
 * the binaryen CLI) which features the module uses (bulk-memory, reference-types …); without
 * it a later optimization has to guess. Name it in `remove` to drop it anyway.
 */
export const DEFAULT_REMOVED_SECTIONS: readonly string[] = [
  '.debug_*',
  'name',
  // the component model's `name` section: names for debugging, read by no runtime
  'component-name',
  'producers',
  'sourceMappingURL',
  'external_debug_info',
];

/** Never removed: runtimes and `wasm-tools component new` read the world from them. */
export const PROTECTED_SECTIONS: readonly string[] = ['component-type:*'];

export interface StripOptions {
  /** Custom sections kept although `remove` or the defaults match them (`*` wildcards). */
  readonly keep?: readonly string[];
  /** Custom sections removed besides DEFAULT_REMOVED_SECTIONS (`*` wildcards). */
  readonly remove?: readonly string[];
}

export interface StripResult {
  /** The stripped binary; the input itself (not a copy) when nothing was removed. */
  readonly bytes: Uint8Array;
  /** What went, largest first; nested ones prefixed with their module's path (`module[0]/custom:name`). */
  readonly removed: SectionSize[];
  /** Requests that were not honoured (a `remove` pattern that matches a protected section). */
  readonly notes: string[];
}

/** `*` matches any run of characters; everything else is literal. */
export function sectionPattern(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

function matcher(patterns: readonly string[]): (name: string) => boolean {
  const regexps = patterns.map(sectionPattern);
  return (name) => regexps.some((r) => r.test(name));
}

/**
 * Removes custom sections from a core module or a component, inside every nested core module
 * and component too. Works on byte ranges, so a large debug build takes milliseconds.
 * Throws a WasmFormatError when `bytes` is not a well-formed wasm binary.
 */
export function stripCustomSections(bytes: Uint8Array, options: StripOptions = {}): StripResult {
  const removeByDefault = matcher(DEFAULT_REMOVED_SECTIONS);
  const removeAsked = matcher(options.remove ?? []);
  const keep = matcher(options.keep ?? []);
  const isProtected = matcher(PROTECTED_SECTIONS);
  const removed = new Map<string, number>();
  const refused = new Set<string>();

  const keepSection = (section: WasmSection, path: string): boolean => {
    const name = section.customName;
    if (name === undefined) return true;
    const asked = removeAsked(name);
    if (isProtected(name)) {
      if (asked) refused.add(name);
      return true;
    }
    if (keep(name) || !(asked || removeByDefault(name))) return true;
    const key = `${path ? `${path}/` : ''}${section.name}`;
    removed.set(key, (removed.get(key) ?? 0) + (section.end - section.start));
    return false;
  };

  const output = rewriteWasm(parseWasm(bytes), { keep: keepSection });
  const notes = [...refused].map(
    (name) =>
      `custom section "${name}" was not removed: component-type:* sections are never stripped (runtimes read the component's world from them)`,
  );
  return { bytes: output, removed: bySize(removed), notes };
}
