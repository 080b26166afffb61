import type { Logger } from '../log.js';
import type { ComponentWorld } from '../wasm/component-world.js';
import { startServing, type ServingProcess } from './serving.js';

/**
 * `wasmtime serve`: the wasi:http host that Spin embeds, run as its own CLI. Used by the
 * `wasmtime` deploy target and by the optimize stage's check that a shrunk file still loads
 * and answers (src/stages/runtime-check.ts).
 */

/**
 * What `wasmtime serve -Scli` links into a component: the WASI 0.2 packages. Everything else
 * is a host's own API (`fermyon:spin/key-value`, `wasmcloud:bus` …) that only its platform
 * provides: wasmtime refuses to instantiate a component importing one.
 */
const WASMTIME_PACKAGES = new Set([
  'wasi:cli',
  'wasi:clocks',
  'wasi:filesystem',
  'wasi:http',
  'wasi:io',
  'wasi:random',
  'wasi:sockets',
]);

export const WASMTIME_PROVIDES = [...WASMTIME_PACKAGES].join(', ');

/** The imports `wasmtime serve` cannot provide (`fermyon:spin/key-value@2.0.0` …). */
export function wasmtimeMissing(world: ComponentWorld): string[] {
  return world.imports.filter((name) => !WASMTIME_PACKAGES.has(name.split('/')[0] ?? name));
}

export const exportsHttpHandler = (world: ComponentWorld): boolean =>
  world.exports.some((name) => name.startsWith('wasi:http/incoming-handler'));

export interface WasmtimeServer {
  /** `http://127.0.0.1:<port>/`, as wasmtime printed it. */
  readonly url: string;
  readonly port: number;
  readonly process: ServingProcess;
}

/**
 * Starts `wasmtime serve -Scli --addr 127.0.0.1:0 <file>` (the OS picks the port; wasmtime
 * prints it) and resolves once it says it is serving; the caller stops it. `-Scli` links the
 * wasi:cli interfaces, which components built by Rust's std import (environment, stdout …).
 */
export async function serveWithWasmtime(
  file: string,
  options: {
    readonly timeoutMs: number;
    readonly cwd: string;
    readonly logger?: Pick<Logger, 'output'>;
    /** The executable (default: `wasmtime` on PATH). */
    readonly wasmtime?: string;
    /** More options before the file (the cold-start benchmark's `-C cache=n`). */
    readonly flags?: readonly string[];
  },
): Promise<WasmtimeServer> {
  const server = startServing(
    options.wasmtime ?? 'wasmtime',
    ['serve', '-Scli', ...(options.flags ?? []), '--addr', '127.0.0.1:0', file],
    options.cwd,
    (chunk) => options.logger?.output(chunk),
  );
  try {
    const serving = await server.waitFor(
      /Serving HTTP on http:\/\/127\.0\.0\.1:(\d+)\/?/,
      options.timeoutMs,
    );
    const port = Number(serving[1]);
    return { url: `http://127.0.0.1:${port}/`, port, process: server };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
