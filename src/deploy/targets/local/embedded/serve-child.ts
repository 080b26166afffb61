/**
 * The process that serves one transpiled wasi:http component on 127.0.0.1 (or a Spin app's
 * components behind one router, router.ts) for the `local` deploy target (src/deploy/targets/local/embedded/serve.ts starts it; dist/serve-child.js in the bundle).
 * Its own process so a guest that loops or traps cannot block or crash the pipeline, and so
 * stopping it is a kill that leaves nothing behind. It talks to the parent over IPC only
 * (protocol.ts): the guest's stdout and stderr are its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChildMessage, ServeRequest } from './protocol.js';
import { startRouter, type Router } from '../../../routing/router.js';
import { SHIM_INTERFACES, shimExportName } from './wasi-interfaces.js';

type ImportObject = Record<string, unknown>;
/** A compiled core module; opaque here, the generated code instantiates it. */
type CoreModule = object;
type Instantiate = (
  getCoreModule: (name: string) => Promise<CoreModule>,
  imports: ImportObject,
) => Promise<Record<string, unknown>>;

interface HttpServer {
  listen(port: number, host: string): void;
  address(): { port: number };
  stop(): void;
}

/** The members of preview2-shim's Node build used here (its typings resolve to the browser build). */
interface NodeShim {
  cli: { _setEnv(env: Record<string, string>): void; _setArgs(args: string[]): void };
  filesystem: { _setPreopens(preopens: Record<string, string>): void };
  http: { HTTPServer: new (handler: unknown) => HttpServer };
}

/** Node's WebAssembly global, which @types/node does not declare (the DOM lib does). */
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { compile(bytes: Uint8Array): Promise<CoreModule> };
};

const servers: HttpServer[] = [];
let router: Router | undefined;

/** preview2-shim's I/O worker keeps the process alive: every way out is an explicit exit. */
function shutdown(code: number): void {
  void router?.close();
  for (const server of servers) server.stop();
  process.exit(code);
}

/** Sends a message to the parent; resolves once it is handed to the channel. */
function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send?.(message, undefined, {}, () => resolve())) resolve();
  });
}

/** The import object the transpiled component asks for: `wasi:<pkg>/<iface>` → shim object. */
function shimImports(shim: Partial<Record<string, Record<string, unknown>>>): ImportObject {
  const imports: ImportObject = {};
  for (const [pkg, names] of Object.entries(SHIM_INTERFACES)) {
    for (const name of names) imports[`wasi:${pkg}/${name}`] = shim[pkg]?.[shimExportName(name)];
  }
  return imports;
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('serve-child is started by spinwash, with an IPC channel');
  // Listen before anything is awaited, so the request cannot arrive unheard.
  const request = new Promise<ServeRequest>((resolve) => {
    process.on('message', (message: ServeRequest) => {
      if (message.type === 'serve') resolve(message);
    });
  });
  // A guest that traps while answering throws out of the shim's handler: say so in one line
  // (the guest's own stderr, a panic message, is above it), not with Node's stack.
  process.on('uncaughtException', (error) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`the component trapped: ${message}\n`);
    void send({ type: 'trapped', message }).finally(() => shutdown(1));
  });
  // The parent went away without stopping us: do not outlive it.
  process.on('disconnect', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGINT', () => shutdown(0));

  const shim = (await import('@bytecodealliance/preview2-shim')) as unknown as NodeShim;
  // The guest sees no host environment (it may hold tokens), no arguments and no files.
  shim.cli._setEnv({});
  shim.cli._setArgs([]);
  shim.filesystem._setPreopens({});
  await send({ type: 'waiting' });

  const served = await request;
  if (served.routed) {
    // A Spin app: each component on its own server, the router in front picks one per request.
    const upstreams = new Map<string, number>();
    for (const component of served.routed.components) {
      const port = listen(shim, await loadHandler(shim, component.dir, component.entry));
      upstreams.set(component.name, port);
    }
    router = await startRouter(served.routed.routes, upstreams);
    await send({ type: 'listening', port: router.port });
    return;
  }
  const port = listen(shim, await loadHandler(shim, served.dir, served.entry));
  await send({ type: 'listening', port });
}

/** Instantiates a transpiled component and returns its wasi:http/incoming-handler export. */
async function loadHandler(shim: NodeShim, dir: string, entry: string): Promise<unknown> {
  const { instantiate } = (await import(pathToFileURL(path.join(dir, entry)).href)) as {
    instantiate: Instantiate;
  };
  const exports = await instantiate(
    async (name) => wasm.compile(await readFile(path.join(dir, name))),
    shimImports(shim as unknown as Partial<Record<string, Record<string, unknown>>>),
  );
  const handlerName = Object.keys(exports).find((name) =>
    name.startsWith('wasi:http/incoming-handler'),
  );
  const handler = handlerName === undefined ? undefined : exports[handlerName];
  if (handler === undefined)
    throw new Error('the component does not export wasi:http/incoming-handler');
  return handler;
}

/** Serves one handler with preview2-shim's HTTP server on 127.0.0.1; returns its port. */
function listen(shim: NodeShim, handler: unknown): number {
  const server = new shim.http.HTTPServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  return server.address().port;
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  shutdown(1);
});
