import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Actions cache service (v1 REST protocol, as @actions/cache speaks it with
 * ACTIONS_CACHE_URL) on 127.0.0.1, keeping entries in memory: lookup, reserve, chunked
 * upload, commit, and archive download.
 */
export interface CacheServer {
  /** For ACTIONS_CACHE_URL (ends with `/`). */
  readonly url: string;
  /** Committed entries by key. */
  readonly entries: Map<string, { version: string; archive: Buffer }>;
  close(): Promise<void>;
}

export async function startCacheServer(): Promise<CacheServer> {
  const entries = new Map<string, { version: string; archive: Buffer }>();
  const pending = new Map<
    number,
    { key: string; version: string; chunks: { start: number; data: Buffer }[] }
  >();
  let nextId = 1;
  let base = '';
  const server = http.createServer((request, response) => {
    const body: Buffer[] = [];
    request.on('data', (chunk: Buffer) => body.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://x');
      const json = (status: number, value?: unknown): void => {
        response
          .writeHead(status, { 'content-type': 'application/json' })
          .end(value === undefined ? undefined : JSON.stringify(value));
      };
      // The API wants the runtime token; archive URLs are pre-signed, fetched without it.
      if (
        !url.pathname.startsWith('/archives/') &&
        request.headers.authorization !== 'Bearer runtime-token'
      ) {
        return json(401, { message: 'no token' });
      }
      const id = Number(/\/caches\/(\d+)$/.exec(url.pathname)?.[1]);
      if (request.method === 'GET' && url.pathname === '/_apis/artifactcache/cache') {
        const version = url.searchParams.get('version');
        for (const key of (url.searchParams.get('keys') ?? '').split(',')) {
          const entry = entries.get(key);
          if (entry && entry.version === version)
            return json(200, {
              cacheKey: key,
              archiveLocation: `${base}archives/${encodeURIComponent(key)}`,
            });
        }
        return json(204);
      }
      if (request.method === 'GET' && url.pathname.startsWith('/archives/')) {
        const entry = entries.get(decodeURIComponent(url.pathname.slice('/archives/'.length)));
        if (!entry) return json(404);
        response
          .writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': entry.archive.length,
          })
          .end(entry.archive);
        return;
      }
      if (request.method === 'POST' && url.pathname === '/_apis/artifactcache/caches') {
        const { key, version } = JSON.parse(Buffer.concat(body).toString('utf8')) as {
          key: string;
          version: string;
        };
        if (entries.has(key)) return json(409, { message: `Cache already exists: ${key}` });
        const cacheId = nextId++;
        pending.set(cacheId, { key, version, chunks: [] });
        return json(201, { cacheId });
      }
      if (request.method === 'PATCH' && pending.has(id)) {
        const start = Number(
          /bytes (\d+)-/.exec(String(request.headers['content-range']))?.[1] ?? 0,
        );
        pending.get(id)!.chunks.push({ start, data: Buffer.concat(body) });
        return json(204);
      }
      if (request.method === 'POST' && pending.has(id)) {
        const entry = pending.get(id)!;
        pending.delete(id);
        const archive = Buffer.concat(
          entry.chunks.sort((a, b) => a.start - b.start).map((c) => c.data),
        );
        entries.set(entry.key, { version: entry.version, archive });
        return json(204);
      }
      json(404, { message: `no route ${request.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    entries,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
