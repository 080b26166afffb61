import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticImportClosure } from './support/dist-graph.js';

const dist = path.resolve(import.meta.dirname, '../dist');
const HEAVY = ['binaryen', '@bytecodealliance/jco-transpile', '@bytecodealliance/preview2-shim'];

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
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(bytes).toBeLessThan(2_000_000);
  });
});
