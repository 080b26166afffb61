import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TRANSPILED_NAME } from './protocol.js';
import { throwIfInterrupted } from '../../../../process.js';

export interface TranspiledApp {
  /** The folder holding the ES module and its core wasm files. */
  readonly dir: string;
  /** The ES module to import, relative to `dir`. */
  readonly entry: string;
  /** Interfaces the component imports, e.g. `wasi:http/types` (jco leaves versions off). */
  readonly imports: readonly string[];
  /** Interfaces and functions it exports, e.g. `wasi:http/incoming-handler@0.2.12`. */
  readonly exports: readonly string[];
}

/**
 * Turns a component into an ES module plus core wasm files in `dir` with jco. `async`
 * instantiation leaves the imports open, so the serving process hands in preview2-shim itself
 * and the generated code needs no package resolution from the temp folder.
 */
export async function transpileComponent(
  component: Uint8Array,
  dir: string,
): Promise<TranspiledApp> {
  const { transpileBytes } = await import('@bytecodealliance/jco-transpile');
  const result = await transpileBytes(component, {
    name: TRANSPILED_NAME,
    instantiation: 'async',
    emitTypescriptDeclarations: false,
    minify: false,
    optimize: false,
  });
  for (const [name, bytes] of Object.entries(result.files)) {
    // after a signal its folder is removed: writing on would make it again, left behind
    throwIfInterrupted();
    const file = path.join(dir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
  return {
    dir,
    entry: `${TRANSPILED_NAME}.js`,
    imports: result.imports,
    exports: result.exports.map(([name]) => name),
  };
}
