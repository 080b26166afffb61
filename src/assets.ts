import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files spinwash needs at run time besides its code. Each lives in one place in the source
 * tree and in another in the bundle that scripts/build-dist.mjs writes (entries in dist/,
 * shared chunks in dist/chunks/, adapters in dist/adapters/).
 */
const ASSETS = {
  /** jco's preview1 → preview2 adapter for core modules that export functions (not `_start`). */
  'preview1-reactor-adapter': {
    source: 'node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm',
    dist: 'adapters/wasi_snapshot_preview1.reactor.wasm',
  },
  /** The child process that serves a transpiled component (src/deploy/targets/local/embedded/serve-child.ts). */
  'serve-child': {
    source: 'src/deploy/targets/local/embedded/serve-child.ts',
    dist: 'serve-child.js',
  },
} as const;

export type RuntimeAsset = keyof typeof ASSETS;

const here = fileURLToPath(import.meta.url);

/**
 * True when running the TypeScript sources (vitest, tsx), false from the dist/ bundle, where
 * this module has been inlined into a `.js` entry or chunk.
 */
export function runningFromSource(): boolean {
  return here.endsWith('.ts');
}

/** The folder asset paths are relative to: the repository root, or dist/. */
function assetRoot(): string {
  const dir = path.dirname(here);
  if (runningFromSource()) return path.resolve(dir, '..');
  return path.basename(dir) === 'chunks' ? path.dirname(dir) : dir;
}

/**
 * Absolute path of a runtime asset. A missing one means a broken install (a dist/ built
 * without it, node_modules without jco), which is spinwash's fault, not the user's.
 */
export function assetPath(asset: RuntimeAsset): string {
  const entry = ASSETS[asset];
  const file = path.join(assetRoot(), runningFromSource() ? entry.source : entry.dist);
  if (!existsSync(file)) {
    throw new Error(
      `spinwash is missing its runtime file ${file} (${asset}); reinstall or rebuild dist/`,
    );
  }
  return file;
}
