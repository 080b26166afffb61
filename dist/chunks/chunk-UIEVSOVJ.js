import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/deploy/local/wasi-interfaces.ts
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

export {
  SHIM_INTERFACES,
  shimExportName,
  unsupportedImports
};
