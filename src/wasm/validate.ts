import { UserError, errorMessage } from '../errors.js';
import { engineCompileError } from './engine.js';
import { WasmFormatError } from './format-error.js';
import { coreModules, parseWasm, type WasmKind } from './parse.js';

/**
 * Checks that a binary is one a runtime will load: a core module must compile in the JS
 * engine (V8); each core module of a component must too, and the component itself must pass
 * wasm-tools' validator (jco's build of it: decoding its WIT world validates the whole
 * component, indices and types included, where printing it would only parse it).
 * `file` names the binary in error messages.
 */
export async function validateWasm(bytes: Uint8Array, file?: string): Promise<{ kind: WasmKind }> {
  const label = file ?? 'the wasm binary';
  let binary;
  try {
    binary = parseWasm(bytes);
  } catch (error) {
    throw error instanceof WasmFormatError && file ? error.inFile(file) : error;
  }
  for (const { path, module } of coreModules(binary)) {
    const problem = engineCompileError(module.bytes.subarray(module.start, module.end));
    if (problem !== undefined) {
      const where = path ? `core module ${path} of ${label}` : label;
      throw new UserError(`${where} is not a valid WebAssembly module: ${problem}`, file);
    }
  }
  if (binary.kind === 'component') {
    const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    try {
      await componentWit(bytes);
    } catch (error) {
      throw new UserError(
        `${label} is not a valid WebAssembly component (wasm-tools): ${oneLine(errorMessage(error))}`,
        file,
      );
    }
  }
  return { kind: binary.kind };
}

/** wasm-tools puts the cause on the lines after its summary; a UserError is one line. */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(': ');
}
