import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  SHIM_INTERFACES,
  WELL_KNOWN_PREFIX,
  matchRoute,
  routeTable,
  shimExportName,
  spinHeaders
} from "./chunks/chunk-H3MOW4QF.js";
import "./chunks/chunk-IUDJKI5M.js";

// src/deploy/embedded/serve-child.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

// src/deploy/embedded/router.ts
import http from "node:http";
function startRouter(routes, upstreams) {
  const { table } = routeTable(routes);
  const server = http.createServer((request, response) => {
    const pathWithQuery = request.url ?? "/";
    const path2 = pathWithQuery.replace(/[?#].*$/, "");
    const answer = (status, body) => {
      response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(body);
      request.resume();
    };
    if (path2.startsWith(WELL_KNOWN_PREFIX)) {
      const health = path2 === `${WELL_KNOWN_PREFIX}health`;
      return answer(health ? 200 : 404, health ? "OK" : "Not Found");
    }
    const match = matchRoute(table, path2);
    if (!match) return answer(404, "Not Found");
    const port = upstreams.get(match.entry.component);
    if (port === void 0) {
      return answer(
        502,
        `component "${match.entry.component}" is not served by spinwash's embedded runtime (it was not built here)
`
      );
    }
    const headers = {
      ...request.headers,
      ...spinHeaders(match, {
        pathWithQuery,
        host: request.headers.host ?? "localhost",
        clientAddr: `${request.socket.remoteAddress ?? "127.0.0.1"}:${request.socket.remotePort ?? 0}`
      })
    };
    const outgoing = http.request(
      {
        host: "127.0.0.1",
        port,
        path: pathWithQuery,
        method: request.method,
        headers,
        agent: false
      },
      (upstream) => {
        response.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(response);
      }
    );
    outgoing.on("error", (error) => {
      if (response.headersSent) response.destroy(error);
      else answer(502, `component "${match.entry.component}" failed: ${error.message}
`);
    });
    request.pipe(outgoing);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : 0,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        })
      });
    });
  });
}

// src/deploy/embedded/serve-child.ts
var { WebAssembly: wasm } = globalThis;
var servers = [];
var router;
function shutdown(code) {
  void router?.close();
  for (const server of servers) server.stop();
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
  process.on("uncaughtException", (error) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`the component trapped: ${message}
`);
    void send({ type: "trapped", message }).finally(() => shutdown(1));
  });
  process.on("disconnect", () => shutdown(0));
  process.on("SIGTERM", () => shutdown(0));
  process.on("SIGINT", () => shutdown(0));
  const shim = await import("@bytecodealliance/preview2-shim");
  shim.cli._setEnv({});
  shim.cli._setArgs([]);
  shim.filesystem._setPreopens({});
  await send({ type: "waiting" });
  const served = await request;
  if (served.routed) {
    const upstreams = /* @__PURE__ */ new Map();
    for (const component of served.routed.components) {
      const port2 = listen(shim, await loadHandler(shim, component.dir, component.entry));
      upstreams.set(component.name, port2);
    }
    router = await startRouter(served.routed.routes, upstreams);
    await send({ type: "listening", port: router.port });
    return;
  }
  const port = listen(shim, await loadHandler(shim, served.dir, served.entry));
  await send({ type: "listening", port });
}
async function loadHandler(shim, dir, entry) {
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
  return handler;
}
function listen(shim, handler) {
  const server = new shim.http.HTTPServer(handler);
  servers.push(server);
  server.listen(0, "127.0.0.1");
  return server.address().port;
}
main().catch(async (error) => {
  process.stderr.write(
    `${error instanceof Error ? error.stack ?? error.message : String(error)}
`
  );
  await send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  shutdown(1);
});
//# sourceMappingURL=serve-child.js.map
