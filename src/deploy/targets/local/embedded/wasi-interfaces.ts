/**
 * What the embedded runtime can give a component: the wasi 0.2 interfaces that
 * @bytecodealliance/preview2-shim implements, by package, as the shim names its exports
 * (`wasi:cli/terminal-input` is `cli.terminalInput`). The parent checks a component's imports
 * against this list before starting anything; the serving child builds its import object from
 * it. test/deploy/wasi-interfaces.test.ts checks it against the installed shim.
 */
export const SHIM_INTERFACES = {
  cli: [
    'environment',
    'exit',
    'stderr',
    'stdin',
    'stdout',
    'terminal-input',
    'terminal-output',
    'terminal-stderr',
    'terminal-stdin',
    'terminal-stdout',
  ],
  clocks: ['monotonic-clock', 'wall-clock'],
  filesystem: ['preopens', 'types'],
  http: ['outgoing-handler', 'types'],
  io: ['error', 'poll', 'streams'],
  random: ['insecure', 'insecure-seed', 'random'],
  sockets: [
    'instance-network',
    'ip-name-lookup',
    'network',
    'tcp',
    'tcp-create-socket',
    'udp',
    'udp-create-socket',
  ],
} as const satisfies Record<string, readonly string[]>;

/** `terminal-input` → `terminalInput`: the shim's export name for a WIT interface. */
export function shimExportName(wasiInterface: string): string {
  return wasiInterface.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Every supported import as `wasi:<package>/<interface>`, without a version. */
export function supportedImports(): Set<string> {
  return new Set(
    Object.entries(SHIM_INTERFACES).flatMap(([pkg, names]) =>
      names.map((name) => `wasi:${pkg}/${name}`),
    ),
  );
}

/** The imports of a component the shim cannot provide; `@version` suffixes are ignored. */
export function unsupportedImports(imports: readonly string[]): string[] {
  const supported = supportedImports();
  return imports.filter((name) => !supported.has(name.replace(/@[^/]*$/, '')));
}
