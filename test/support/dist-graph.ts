import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The files Node loads at start-up from a bundle entry: the entry, the module it loads at its
 * top level, and every file they import statically, transitively (`import … from "./x.js"`, not `await import()`), plus the bare
 * package names those files import statically.
 */
export function staticImportClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string, isEntry = false): void => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    // the entry turns source maps on, then loads its main modules with top-level `await import()`s
    if (isEntry)
      for (const match of code.matchAll(/\bawait import\(["'](\.[^"']+)["']\)/g))
        visit(path.resolve(path.dirname(file), match[1]!));
    // esbuild writes static imports as `import … from "spec";` or `import "spec";` at statement start
    for (const match of code.matchAll(
      /(?:^|[;\n])\s*import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g,
    )) {
      const spec = match[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(path.resolve(entry), true);
  return { files: [...files], packages: [...packages] };
}
