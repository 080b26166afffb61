import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  rewriteWasm
} from "./chunk-EKUGAD5L.js";
import {
  parseWasm
} from "./chunk-GCGXGLYM.js";

// src/wasm/sizes.ts
function bySize(sizes) {
  return [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
}

// src/wasm/strip.ts
var DEFAULT_REMOVED_SECTIONS = [
  ".debug_*",
  "name",
  // the component model's `name` section: names for debugging, read by no runtime
  "component-name",
  "producers",
  "sourceMappingURL",
  "external_debug_info"
];
var PROTECTED_SECTIONS = ["component-type:*"];
function sectionPattern(pattern) {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`);
}
function matcher(patterns) {
  const regexps = patterns.map(sectionPattern);
  return (name) => regexps.some((r) => r.test(name));
}
function stripCustomSections(bytes, options = {}) {
  const removeByDefault = matcher(DEFAULT_REMOVED_SECTIONS);
  const removeAsked = matcher(options.remove ?? []);
  const keep = matcher(options.keep ?? []);
  const isProtected = matcher(PROTECTED_SECTIONS);
  const removed = /* @__PURE__ */ new Map();
  const refused = /* @__PURE__ */ new Set();
  const keepSection = (section, path) => {
    const name = section.customName;
    if (name === void 0) return true;
    const asked = removeAsked(name);
    if (isProtected(name)) {
      if (asked) refused.add(name);
      return true;
    }
    if (keep(name) || !(asked || removeByDefault(name))) return true;
    const key = `${path ? `${path}/` : ""}${section.name}`;
    removed.set(key, (removed.get(key) ?? 0) + (section.end - section.start));
    return false;
  };
  const output = rewriteWasm(parseWasm(bytes), { keep: keepSection });
  const notes = [...refused].map(
    (name) => `custom section "${name}" was not removed: component-type:* sections are never stripped (runtimes read the component's world from them)`
  );
  return { bytes: output, removed: bySize(removed), notes };
}

export {
  bySize,
  DEFAULT_REMOVED_SECTIONS,
  sectionPattern,
  stripCustomSections
};
//# sourceMappingURL=chunk-IRSJQSBA.js.map
