import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  matchRoute,
  probePath,
  routeTable,
  spinHeaders,
  type HttpRoute,
} from '../../src/deploy/routing/routes.js';
import { startRouter, type Router } from '../../src/deploy/routing/router.js';

/** component → route, in manifest order. */
function table(routes: Record<string, string> | [string, string][]) {
  const list: HttpRoute[] = (Array.isArray(routes) ? routes : Object.entries(routes)).map(
    ([component, route]) => ({ component, route }),
  );
  return routeTable(list).table;
}

const componentFor = (t: ReturnType<typeof table>, path: string) =>
  matchRoute(t, path)?.entry.component;

// The cases of Spin's own router tests (crates/http/src/routes.rs), on our implementation.
describe("Spin's routing rules", () => {
  it('exact routes', () => {
    const t = table({ foo: '/foo', foobar: '/foo/bar' });
    expect(componentFor(t, '/foo')).toBe('foo');
    expect(componentFor(t, '/foo/bar')).toBe('foobar');
    expect(componentFor(t, '/foo/')).toBe('foo'); // a trailing slash does not matter
    expect(componentFor(t, '/foo/baz')).toBeUndefined(); // Spin answers 404
    expect(componentFor(t, '/')).toBeUndefined();
  });

  it('a catch-all `/...` takes every path, `/` included', () => {
    const t = table({ all: '/...' });
    for (const path of ['/foo/bar', '/abc/', '/', '/this/should/be/captured'])
      expect(componentFor(t, path)).toBe('all');
  });

  it('the longest wildcard prefix wins, in any manifest order', () => {
    const routes: [string, string][] = [
      ['one_wildcard', '/one/...'],
      ['onetwo_wildcard', '/one/two/...'],
      ['onetwothree_wildcard', '/one/two/three/...'],
    ];
    for (const order of [routes, [...routes].reverse()]) {
      const t = table(order);
      expect(componentFor(t, '/one/two/three/four')).toBe('onetwothree_wildcard');
      expect(componentFor(t, '/one/two')).toBe('onetwo_wildcard');
      expect(componentFor(t, '/one/else')).toBe('one_wildcard');
    }
  });

  it('an exact route beats a wildcard; a literal segment beats a `:name`', () => {
    expect(componentFor(table({ one_exact: '/one', wildcard: '/...' }), '/one')).toBe('one_exact');
    expect(componentFor(table({ wildcard: '/...', one_exact: '/one' }), '/one')).toBe('one_exact');
    const t = table({ user: '/users/:id', me: '/users/me', rest: '/users/...' });
    expect(componentFor(t, '/users/me')).toBe('me');
    expect(componentFor(t, '/users/42')).toBe('user');
    expect(componentFor(t, '/users/42/posts')).toBe('rest');
    expect(componentFor(t, '/users')).toBe('rest');
  });

  it('a route declared twice: the later one wins', () => {
    const { table: t, replaced } = routeTable([
      { component: 'first', route: '/foo' },
      { component: 'second', route: '/foo' },
    ]);
    expect(componentFor(t, '/foo')).toBe('second');
    expect(replaced).toEqual([{ component: 'first', route: '/foo' }]);
  });

  it('captures the trailing wildcard as spin-path-info, trailing slash kept', () => {
    const info = (route: string, path: string) => matchRoute(table({ c: route }), path)?.pathInfo;
    expect(info('/...', '/1/2/3')).toBe('/1/2/3');
    expect(info('/1/...', '/1/2/3')).toBe('/2/3');
    expect(info('/test/...', '/test')).toBe('');
    expect(info('/test/...', '/test/')).toBe('/');
    expect(info('/test/...', '/test/hello')).toBe('/hello');
    expect(info('/test/...', '/test/hello/')).toBe('/hello/');
    expect(info('/exact', '/exact')).toBe('');
  });

  it("sets Spin's headers (crates/trigger-http/src/headers.rs)", () => {
    const match = matchRoute(table({ DUMMY: '/foo/:userid/...' }), '/foo/42/bar')!;
    expect(
      spinHeaders(match, {
        pathWithQuery: '/foo/42/bar?key1=value1&key2=value2',
        host: 'fermyon.dev',
        scheme: 'https',
        clientAddr: '127.0.0.1:8777',
      }),
    ).toEqual({
      'spin-full-url': 'https://fermyon.dev/foo/42/bar?key1=value1&key2=value2',
      'spin-path-info': '/bar',
      'spin-matched-route': '/foo/:userid/...',
      'spin-base-path': '/',
      'spin-raw-component-route': '/foo/:userid/...',
      'spin-component-route': '/foo/:userid',
      'spin-client-addr': '127.0.0.1:8777',
      'spin-path-match-userid': '42',
    });
  });

  it('finds a path that reaches each route for its first answer', () => {
    const t = table([
      ['root', '/'],
      ['all', '/...'],
      ['api', '/api'],
      ['files', '/static/...'],
      ['user', '/users/:id'],
    ]);
    const paths = Object.fromEntries(t.map((entry) => [entry.route, probePath(t, entry)]));
    expect(paths).toEqual({
      '/': '/',
      '/...': '/spinwash-route-probe', // `/` itself goes to the exact `/`
      '/api': '/api',
      '/static/...': '/static',
      '/users/:id': '/users/:id',
    });
    for (const entry of t) expect(matchRoute(t, paths[entry.route]!)?.entry).toBe(entry);
  });
});

describe('the embedded runtime router (real HTTP, stand-in components)', () => {
  const servers: http.Server[] = [];
  let router: Router | undefined;
  afterEach(async () => {
    await router?.close();
    router = undefined;
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  /** A stand-in component: answers with its name and the spin-* headers it was given. */
  async function component(name: string): Promise<number> {
    const server = http.createServer((request, response) => {
      const spin = Object.fromEntries(
        Object.entries(request.headers).filter(([key]) => key.startsWith('spin-')),
      );
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ name, url: request.url, spin }));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as { port: number }).port;
  }

  it("forwards each request to its route's component with Spin's headers; 404, health and unbuilt components answered by the router", async () => {
    const upstreams = new Map([
      ['hello', await component('hello')],
      ['api', await component('api')],
    ]);
    router = await startRouter(
      [
        { route: '/...', component: 'hello' },
        { route: '/api/...', component: 'api' },
        { route: '/static/...', component: 'fileserver' },
      ],
      upstreams,
    );
    const base = `http://127.0.0.1:${router.port}`;
    const api = (await (await fetch(`${base}/api/users?x=1`)).json()) as {
      name: string;
      url: string;
      spin: Record<string, string>;
    };
    expect(api).toMatchObject({
      name: 'api',
      url: '/api/users?x=1',
      spin: {
        'spin-path-info': '/users',
        'spin-matched-route': '/api/...',
        'spin-component-route': '/api',
        'spin-full-url': `http://127.0.0.1:${router.port}/api/users?x=1`,
      },
    });
    expect(api.spin['spin-client-addr']).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(((await (await fetch(`${base}/`)).json()) as { name: string }).name).toBe('hello');

    const unbuilt = await fetch(`${base}/static/logo.png`);
    expect(unbuilt.status).toBe(502);
    expect(await unbuilt.text()).toContain('component "fileserver" is not served');
    const health = await fetch(`${base}/.well-known/spin/health`);
    expect([health.status, await health.text()]).toEqual([200, 'OK']);
    expect((await fetch(`${base}/.well-known/spin/other`)).status).toBe(404);

    await router.close();
    router = undefined;
    await expect(fetch(`${base}/`)).rejects.toThrow();
  });

  it('answers 404 where no route matches', async () => {
    router = await startRouter(
      [{ route: '/api', component: 'api' }],
      new Map([['api', await component('api')]]),
    );
    expect((await fetch(`http://127.0.0.1:${router.port}/nope`)).status).toBe(404);
  });
});
