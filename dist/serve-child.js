import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  SHIM_INTERFACES,
  shimExportName
} from "./chunks/chunk-UIEVSOVJ.js";
import "./chunks/chunk-ULXDCFAG.js";

// src/deploy/local/serve-child.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
var { WebAssembly: wasm } = globalThis;
var server;
function shutdown(code) {
  server?.stop();
  process.exit(code);
}
function send(message) {
  return new Promise((resolve) => {
    if (!process.send?.(message, void 0, {}, () => resolve())) resolve();
  });
}
function shimImports(shim) {
  const imports = {};
  for (const [pkg, names] of Object.entries(SHIM_INTERFACES)) {
    for (const name of names) imports[`wasi:${pkg}/${name}`] = shim[pkg]?.[shimExportName(name)];
  }
  return imports;
}
async function main() {
  if (!process.send) throw new Error("serve-child is started by spinwash, with an IPC channel");
  const request = new Promise((resolve) => {
    process.on("message", (message) => {
      if (message.type === "serve") resolve(message);
    });
  });
  process.on("disconnect", () => shutdown(0));
  process.on("SIGTERM", () => shutdown(0));
  process.on("SIGINT", () => shutdown(0));
  const shim = await import("@bytecodealliance/preview2-shim");
  shim.cli._setEnv({});
  shim.cli._setArgs([]);
  shim.filesystem._setPreopens({});
  await send({ type: "waiting" });
  const { dir, entry } = await request;
  const { instantiate } = await import(pathToFileURL(path.join(dir, entry)).href);
  const exports = await instantiate(
    async (name) => wasm.compile(await readFile(path.join(dir, name))),
    shimImports(shim)
  );
  const handlerName = Object.keys(exports).find(
    (name) => name.startsWith("wasi:http/incoming-handler")
  );
  const handler = handlerName === void 0 ? void 0 : exports[handlerName];
  if (handler === void 0)
    throw new Error("the component does not export wasi:http/incoming-handler");
  server = new shim.http.HTTPServer(handler);
  server.listen(0, "127.0.0.1");
  await send({ type: "listening", port: server.address().port });
}
main().catch(async (error) => {
  process.stderr.write(
    `${error instanceof Error ? error.stack ?? error.message : String(error)}
`
  );
  await send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  shutdown(1);
});
