import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WASI } from 'node:wasi';

interface Instance {
  exports: Record<string, unknown>;
}
const { WebAssembly: engine } = globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: Instance }> };
};

/**
 * Runs a wasm32-wasip1 command module with Node's WASI and returns what it printed: the
 * proof that a stripped or optimized module still does what the original did.
 */
export async function runWasiCommand(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'spinwash-wasi-'));
  const out = path.join(dir, 'stdout');
  const fd = openSync(out, 'w');
  try {
    const wasi = new WASI({
      version: 'preview1',
      args: ['sized'],
      env: {},
      stdout: fd,
      returnOnExit: true,
    });
    const { instance } = await engine.instantiate(bytes, wasi.getImportObject());
    const code = wasi.start(instance);
    if (code !== 0) throw new Error(`the module exited with ${code}`);
  } finally {
    closeSync(fd);
  }
  const text = readFileSync(out, 'utf8');
  await rm(dir, { recursive: true, force: true });
  return text;
}
