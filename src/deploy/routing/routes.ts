/**
 * Spin's HTTP routing, for the embedded runtime serving a Spin app's components behind one
 * port. Written from Spin's own rules (spinframework/spin, crates/http/src/routes.rs and
 * crates/trigger-http/src/headers.rs), not linked to them:
 *
 * - `route = "/a/b"` is exact; `route = "/a/..."` (or `/a/*`) matches `/a` and everything
 *   under it; `route = "/..."` catches all; `:name` segments match any one segment.
 * - The most specific route wins, whatever the manifest's order: segment by segment an exact
 *   segment beats a `:name`, which beats the trailing wildcard (routefinder's best match).
 * - A trailing slash on the request does not matter, except in the wildcard's path info.
 * - `route = { private = true }` components are not routed (src/projects/spin.ts only passes
 *   string routes); two entries with the same route: the last one wins.
 * - Paths under `/.well-known/spin/` are the runtime's own (health), never a component's.
 * - The component gets the match in headers: spin-full-url, spin-path-info,
 *   spin-matched-route, spin-base-path, spin-raw-component-route, spin-component-route,
 *   spin-client-addr, and spin-path-match-<name> per `:name`.
 */

/** One `[[trigger.http]]` entry: which component answers which route. */
export interface HttpRoute {
  readonly route: string;
  readonly component: string;
}

/** Spin's reserved prefix: its runtime answers these itself. */
export const WELL_KNOWN_PREFIX = '/.well-known/spin/';

type Segment =
  | { readonly kind: 'exact'; readonly text: string }
  | { readonly kind: 'param'; readonly name: string }
  | { readonly kind: 'wildcard' };

/** A route of the table, parsed once. */
export interface TableRoute extends HttpRoute {
  /** The route as Spin names it in spin-matched-route (base `/` applied: `/` becomes ``). */
  readonly based: string;
  readonly segments: readonly Segment[];
  readonly wildcard: boolean;
}

export interface RouteMatch {
  readonly entry: TableRoute;
  /** What the wildcard matched, as spin-path-info carries it (`` for an exact route). */
  readonly pathInfo: string;
  /** `:name` → the segment it matched. */
  readonly params: Readonly<Record<string, string>>;
}

/** Spin's sanitize: one trailing slash off, a leading one on. */
function based(route: string): string {
  const absolute = route.startsWith('/') ? route : `/${route}`;
  return absolute.endsWith('/') ? absolute.slice(0, -1) : absolute;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function parseRoute(route: HttpRoute): TableRoute {
  const full = based(route.route);
  const prefix = full.endsWith('/...')
    ? full.slice(0, -4)
    : full.endsWith('/*')
      ? full.slice(0, -2)
      : undefined;
  const segments: Segment[] = splitPath(prefix ?? full).map((part) =>
    part.startsWith(':') ? { kind: 'param', name: part.slice(1) } : { kind: 'exact', text: part },
  );
  if (prefix !== undefined) segments.push({ kind: 'wildcard' });
  return { ...route, based: full, segments, wildcard: prefix !== undefined };
}

/**
 * The routing table of an app: private endpoints are already left out; a later entry with the
 * same route replaces an earlier one, as in Spin (`replaced` lists those for a warning).
 */
export function routeTable(routes: readonly HttpRoute[]): {
  table: TableRoute[];
  replaced: HttpRoute[];
} {
  const byRoute = new Map<string, HttpRoute>();
  const replaced: HttpRoute[] = [];
  for (const route of routes) {
    const previous = byRoute.get(route.route);
    if (previous) replaced.push(previous);
    byRoute.set(route.route, route);
  }
  return { table: [...byRoute.values()].map(parseRoute), replaced };
}

const RANK = { exact: 3, param: 2, wildcard: 1 } as const;

/** >0 when `a` is more specific than `b`. */
function specificity(a: TableRoute, b: TableRoute): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    // Both match the path, so the longer one goes on with a wildcard matching nothing: the
    // route that ends here (exactly) is the more specific.
    if (!x || !y) return x ? -1 : 1;
    if (RANK[x.kind] !== RANK[y.kind]) return RANK[x.kind] - RANK[y.kind];
  }
  return 0;
}

function matchOne(
  entry: TableRoute,
  parts: readonly string[],
  path: string,
): RouteMatch | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < entry.segments.length; i++) {
    const segment = entry.segments[i]!;
    if (segment.kind === 'wildcard') {
      const rest = parts.slice(i).join('/');
      const slash = path.endsWith('/');
      // Spin keeps the request's trailing slash in the path info (routefinder drops it).
      const pathInfo = rest === '' ? (slash ? '/' : '') : `/${rest}${slash ? '/' : ''}`;
      return { entry, pathInfo, params };
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === 'exact' && segment.text !== part) return undefined;
    if (segment.kind === 'param') params[segment.name] = part;
  }
  return parts.length === entry.segments.length ? { entry, pathInfo: '', params } : undefined;
}

/** The route that serves `path` (no query), or undefined: Spin answers 404. */
export function matchRoute(table: readonly TableRoute[], path: string): RouteMatch | undefined {
  const parts = splitPath(path);
  let best: RouteMatch | undefined;
  for (const entry of table) {
    const match = matchOne(entry, parts, path);
    if (match && (!best || specificity(match.entry, best.entry) > 0)) best = match;
  }
  return best;
}

/** The headers Spin adds to the request it hands a component. */
export function spinHeaders(
  match: RouteMatch,
  request: { pathWithQuery: string; host: string; scheme?: string; clientAddr: string },
): Record<string, string> {
  const raw = match.entry.route;
  const headers: Record<string, string> = {
    'spin-path-info': match.pathInfo,
    'spin-full-url': `${request.scheme ?? 'http'}://${request.host}${request.pathWithQuery}`,
    'spin-matched-route': match.entry.based,
    'spin-base-path': '/',
    'spin-raw-component-route': raw,
    'spin-component-route': raw.endsWith('/...') ? raw.slice(0, -4) : raw,
    'spin-client-addr': request.clientAddr,
  };
  for (const [name, value] of Object.entries(match.params))
    headers[`spin-path-match-${name.toLowerCase()}`] = value;
  return headers;
}

/**
 * A path that reaches `entry` (for the report's first answer per route): the route itself,
 * its prefix for a wildcard, or a path below the prefix when a more specific route takes the
 * prefix. Undefined when every candidate goes elsewhere.
 */
export function probePath(table: readonly TableRoute[], entry: TableRoute): string | undefined {
  const literal = entry.segments
    .filter((s) => s.kind !== 'wildcard')
    .map((s) => (s.kind === 'exact' ? s.text : `:${s.name}`));
  const prefix = `/${literal.join('/')}`;
  const candidates = entry.wildcard
    ? [prefix, `${prefix === '/' ? '' : prefix}/spinwash-route-probe`]
    : [prefix];
  return candidates.find((candidate) => matchRoute(table, candidate)?.entry === entry);
}

/**
 * The path a health check asks when none is set: the first route of the manifest that a GET
 * reaches (Spin routes take every method), as `probePath` finds it (`/...` is `/`, `/api/...`
 * is `/api`); `/` for an app without routes.
 */
export function defaultHealthPath(routes: readonly HttpRoute[] | undefined): string {
  const { table } = routeTable(routes ?? []);
  for (const entry of table) {
    const path = probePath(table, entry);
    if (path !== undefined) return path;
  }
  return '/';
}

/** The routes as a message lists them: `/hello/... (hello), /api (api)`. */
export function describeRoutes(routes: readonly HttpRoute[]): string {
  return routeTable(routes)
    .table.map((entry) => `${entry.route} (${entry.component})`)
    .join(', ');
}
