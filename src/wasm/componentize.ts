import { readFile } from 'node:fs/promises';
import { assetPath } from '../assets.js';
import { errorMessage, UserError } from '../errors.js';
import { WasmFormatError } from './format-error.js';
import { parseWasm } from './parse.js';

/** wit-component lifts a module through any custom section whose name starts with this. */
const COMPONENT_TYPE_PREFIX = 'component-type';

/** Names every message after the file when the caller knows it. */
function subject(source: string | undefined): string {
  return source ?? 'the wasm module';
}

/**
 * Returns a component for `bytes`: a component as it is; a core module that carries its WIT
 * world (a `component-type:*` custom section, as wit-bindgen and examples/hello-rust emit)
 * wrapped into one with jco's `componentNew` and the preview1 reactor adapter, which turns
 * the module's wasi_snapshot_preview1 imports into wasi 0.2 imports.
 *
 * @param source the file the bytes came from, for error messages
 */
export async function toComponent(bytes: Uint8Array, source?: string): Promise<Uint8Array> {
  let binary;
  try {
    binary = parseWasm(bytes);
  } catch (error) {
    throw error instanceof WasmFormatError && source ? error.inFile(source) : error;
  }
  if (binary.kind === 'component') return bytes;

  const worlds = binary.sections.filter((section) =>
    section.customName?.startsWith(COMPONENT_TYPE_PREFIX),
  );
  if (worlds.length === 0) {
    throw new UserError(
      `${subject(source)} is a core wasm module without a \`component-type:*\` custom section, so it cannot be made ` +
        'a component: nothing says which WIT world its imports and exports belong to. Build it with wit-bindgen ' +
        '(or `cargo build --target wasm32-wasip2`, which emits a component), or embed the world as ' +
        'examples/hello-rust does',
      source,
    );
  }

  const [{ componentNew }, adapter] = await Promise.all([
    import('@bytecodealliance/jco-transpile/wasm-tools'),
    readFile(assetPath('preview1-reactor-adapter')),
  ]);
  try {
    return await componentNew(bytes, [['wasi_snapshot_preview1', adapter]]);
  } catch (error) {
    // wit-component explains what does not fit (an import missing from the world, a
    // signature that differs from the WIT); pass that on.
    throw new UserError(
      `${subject(source)} could not be made a component: ${errorMessage(error)}`,
      source,
    );
  }
}
