import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The files Node loads at start-up from a bundle entry: the entry and every file it imports
 * statically, transitively (`import … from "./x.js"`, not `await import()`), plus the bare
 * package names those files import statically.
 */
export function staticImportClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    // esbuild writes static imports as `import … from "spec";` or `import "spec";` at statement start
    for (const match of code.matchAll(
      /(?:^|[;\n])\s*import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g,
    )) {
      const spec = match[1]!;
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(path.resolve(entry));
  return { files: [...files], packages: [...packages] };
}
