import http from 'node:http';
import {
  matchRoute,
  routeTable,
  spinHeaders,
  WELL_KNOWN_PREFIX,
  type HttpRoute,
} from './routes.js';

/**
 * The front door of a Spin app in the embedded runtime (serve-child.ts) and under wasmtime
 * (targets/wasmtime.ts): one HTTP server on 127.0.0.1 that picks the component by Spin's
 * routing rules (routes.ts), adds Spin's spin-* headers and forwards the request to that
 * component's own server. Like `spin up`,
 * it answers `/.well-known/spin/health` itself, and 404 where no route matches.
 */
export interface Router {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the router on 127.0.0.1:0. `upstreams` maps a component id to the port its server
 * listens on; a route naming a component that is not there (a remote `source = { url }` the
 * embedded runtime cannot fetch) answers 502 with a body that says so.
 */
export function startRouter(
  routes: readonly HttpRoute[],
  upstreams: ReadonlyMap<string, number>,
): Promise<Router> {
  const { table } = routeTable(routes);
  const server = http.createServer((request, response) => {
    const pathWithQuery = request.url ?? '/';
    const path = pathWithQuery.replace(/[?#].*$/, '');
    const answer = (status: number, body: string): void => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
      request.resume();
    };
    if (path.startsWith(WELL_KNOWN_PREFIX)) {
      const health = path === `${WELL_KNOWN_PREFIX}health`;
      return answer(health ? 200 : 404, health ? 'OK' : 'Not Found');
    }
    const match = matchRoute(table, path);
    if (!match) return answer(404, 'Not Found');
    const port = upstreams.get(match.entry.component);
    if (port === undefined) {
      return answer(
        502,
        `component "${match.entry.component}" is not served by spinwash here (it was not built here)\n`,
      );
    }
    const headers = {
      ...request.headers,
      ...spinHeaders(match, {
        pathWithQuery,
        host: request.headers.host ?? 'localhost',
        clientAddr: `${request.socket.remoteAddress ?? '127.0.0.1'}:${request.socket.remotePort ?? 0}`,
      }),
    };
    const outgoing = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathWithQuery,
        method: request.method,
        headers,
        agent: false,
      },
      (upstream) => {
        response.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(response);
      },
    );
    outgoing.on('error', (error) => {
      if (response.headersSent) response.destroy(error);
      else answer(502, `component "${match.entry.component}" failed: ${error.message}\n`);
    });
    request.pipe(outgoing);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
