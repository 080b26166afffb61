import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticImportClosure } from './support/dist-graph.js';

const dist = path.resolve(import.meta.dirname, '../dist');
const HEAVY = ['binaryen', '@bytecodealliance/jco-transpile', '@bytecodealliance/preview2-shim'];
/** Bundled into our chunks, but only needed once a manifest is read or a cluster is reached. */
const LAZY_BUNDLED = ['yaml', 'smol-toml', '@kubernetes/client-node'];

/** Packages esbuild inlined into these files (it marks each with `// node_modules/<pkg>/…`). */
function inlinedPackages(files: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(
      /^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm,
    ))
      found.add(match[1]!);
  return found;
}

describe('dist/ start-up', () => {
  // Heavy parts load only when a stage needs them: a run that fails on its inputs, `--help`
  // or `inspect` must not pay for binaryen (15 MB of JS) or jco.
  it.each(['index.js', 'cli.js'])('%s imports no heavy package statically', (entry) => {
    const { files, packages } = staticImportClosure(path.join(dist, entry));
    for (const name of HEAVY)
      expect(
        packages.some((p) => p === name || p.startsWith(`${name}/`)),
        name,
      ).toBe(false);
    const inlined = inlinedPackages(files);
    for (const name of LAZY_BUNDLED) expect(inlined.has(name), name).toBe(false);
    // the entry's own top-level import is followed: the closure is more than the entry file
    expect(files.length).toBeGreaterThan(1);
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(2_000_000);
  });
});
