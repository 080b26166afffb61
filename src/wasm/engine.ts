/**
 * Node's WebAssembly global, typed: @types/node declares no WebAssembly global (the DOM lib does)
 * and the tsconfig has no DOM lib.
 */
interface WasmEngine {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
}

const engine = (globalThis as unknown as { WebAssembly: WasmEngine }).WebAssembly;

/** Whether the JS engine (V8) accepts `bytes` as a core module. */
export function engineValidates(bytes: Uint8Array): boolean {
  return engine.validate(bytes);
}

/** Why the engine rejects `bytes` (its CompileError message), or undefined when it accepts them. */
export function engineCompileError(bytes: Uint8Array): string | undefined {
  if (engine.validate(bytes)) return undefined;
  try {
    new engine.Module(bytes);
    return 'rejected by the engine';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
