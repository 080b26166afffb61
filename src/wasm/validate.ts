import { UserError, errorMessage } from '../errors.js';
import { engineCompileError } from './engine.js';
import { WasmFormatError } from './format-error.js';
import { coreModules, parseWasm, type WasmKind } from './parse.js';

/**
 * Checks that a binary is one a runtime will load: a core module must compile in the JS
 * engine (V8); a component must parse with wasm-tools (jco's build of it), and each of its
 * core modules must compile. `file` names the binary in error messages.
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
    const { print } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    try {
      await print(bytes);
    } catch (error) {
      throw new UserError(
        `${label} is not a valid WebAssembly component (wasm-tools): ${firstLine(errorMessage(error))}`,
        file,
      );
    }
  }
  return { kind: binary.kind };
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? text
  );
}
