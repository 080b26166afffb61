import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/deploy/embedded/wasi-interfaces.ts
var SHIM_INTERFACES = {
  cli: [
    "environment",
    "exit",
    "stderr",
    "stdin",
    "stdout",
    "terminal-input",
    "terminal-output",
    "terminal-stderr",
    "terminal-stdin",
    "terminal-stdout"
  ],
  clocks: ["monotonic-clock", "wall-clock"],
  filesystem: ["preopens", "types"],
  http: ["outgoing-handler", "types"],
  io: ["error", "poll", "streams"],
  random: ["insecure", "insecure-seed", "random"],
  sockets: [
    "instance-network",
    "ip-name-lookup",
    "network",
    "tcp",
    "tcp-create-socket",
    "udp",
    "udp-create-socket"
  ]
};
function shimExportName(wasiInterface) {
  return wasiInterface.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
}
function supportedImports() {
  return new Set(
    Object.entries(SHIM_INTERFACES).flatMap(
      ([pkg, names]) => names.map((name) => `wasi:${pkg}/${name}`)
    )
  );
}
function unsupportedImports(imports) {
  const supported = supportedImports();
  return imports.filter((name) => !supported.has(name.replace(/@[^/]*$/, "")));
}

// src/deploy/embedded/routes.ts
var WELL_KNOWN_PREFIX = "/.well-known/spin/";
function based(route) {
  const absolute = route.startsWith("/") ? route : `/${route}`;
  return absolute.endsWith("/") ? absolute.slice(0, -1) : absolute;
}
function splitPath(path) {
  return path.split("/").filter((part) => part !== "");
}
function parseRoute(route) {
  const full = based(route.route);
  const prefix = full.endsWith("/...") ? full.slice(0, -4) : full.endsWith("/*") ? full.slice(0, -2) : void 0;
  const segments = splitPath(prefix ?? full).map(
    (part) => part.startsWith(":") ? { kind: "param", name: part.slice(1) } : { kind: "exact", text: part }
  );
  if (prefix !== void 0) segments.push({ kind: "wildcard" });
  return { ...route, based: full, segments, wildcard: prefix !== void 0 };
}
function routeTable(routes) {
  const byRoute = /* @__PURE__ */ new Map();
  const replaced = [];
  for (const route of routes) {
    const previous = byRoute.get(route.route);
    if (previous) replaced.push(previous);
    byRoute.set(route.route, route);
  }
  return { table: [...byRoute.values()].map(parseRoute), replaced };
}
var RANK = { exact: 3, param: 2, wildcard: 1 };
function specificity(a, b) {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!x || !y) return x ? -1 : 1;
    if (RANK[x.kind] !== RANK[y.kind]) return RANK[x.kind] - RANK[y.kind];
  }
  return 0;
}
function matchOne(entry, parts, path) {
  const params = {};
  for (let i = 0; i < entry.segments.length; i++) {
    const segment = entry.segments[i];
    if (segment.kind === "wildcard") {
      const rest = parts.slice(i).join("/");
      const slash = path.endsWith("/");
      const pathInfo = rest === "" ? slash ? "/" : "" : `/${rest}${slash ? "/" : ""}`;
      return { entry, pathInfo, params };
    }
    const part = parts[i];
    if (part === void 0) return void 0;
    if (segment.kind === "exact" && segment.text !== part) return void 0;
    if (segment.kind === "param") params[segment.name] = part;
  }
  return parts.length === entry.segments.length ? { entry, pathInfo: "", params } : void 0;
}
function matchRoute(table, path) {
  const parts = splitPath(path);
  let best;
  for (const entry of table) {
    const match = matchOne(entry, parts, path);
    if (match && (!best || specificity(match.entry, best.entry) > 0)) best = match;
  }
  return best;
}
function spinHeaders(match, request) {
  const raw = match.entry.route;
  const headers = {
    "spin-path-info": match.pathInfo,
    "spin-full-url": `${request.scheme ?? "http"}://${request.host}${request.pathWithQuery}`,
    "spin-matched-route": match.entry.based,
    "spin-base-path": "/",
    "spin-raw-component-route": raw,
    "spin-component-route": raw.endsWith("/...") ? raw.slice(0, -4) : raw,
    "spin-client-addr": request.clientAddr
  };
  for (const [name, value] of Object.entries(match.params))
    headers[`spin-path-match-${name.toLowerCase()}`] = value;
  return headers;
}
function probePath(table, entry) {
  const literal = entry.segments.filter((s) => s.kind !== "wildcard").map((s) => s.kind === "exact" ? s.text : `:${s.name}`);
  const prefix = `/${literal.join("/")}`;
  const candidates = entry.wildcard ? [prefix, `${prefix === "/" ? "" : prefix}/spinwash-route-probe`] : [prefix];
  return candidates.find((candidate) => matchRoute(table, candidate)?.entry === entry);
}

export {
  WELL_KNOWN_PREFIX,
  routeTable,
  matchRoute,
  spinHeaders,
  probePath,
  SHIM_INTERFACES,
  shimExportName,
  unsupportedImports
};
//# sourceMappingURL=chunk-H3MOW4QF.js.map
