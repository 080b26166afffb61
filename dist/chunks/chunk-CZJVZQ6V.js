import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "spinwash",
  version: "0.1.0",
  private: true,
  description: "Build, shrink, deploy and report Rust WebAssembly apps for Spin and wasmCloud",
  type: "module",
  bin: {
    spinwash: "dist/cli.js"
  },
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/build-dist.mjs",
    "check-dist": "node scripts/build-dist.mjs --check",
    typecheck: "tsc -p tsconfig.json",
    lint: "eslint .",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    test: "vitest run",
    bench: "tsx bench/run.ts",
    demo: "node dist/cli.js run --project examples/hello-rust --deploy local --json r.json",
    "action-yml": "tsx scripts/action-yml.ts",
    "test:unit": "vitest run --project unit",
    "test:e2e": "vitest run --project e2e"
  },
  dependencies: {
    "@actions/cache": "^6.3.0",
    "@actions/core": "^3.0.1",
    "@actions/exec": "^3.0.0",
    "@actions/tool-cache": "^4.0.0",
    "@bytecodealliance/jco-transpile": "^0.15.0",
    "@bytecodealliance/preview2-shim": "^0.26.1",
    "@kubernetes/client-node": "~1.4.0",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "@octokit/rest": "^22.0.1",
    binaryen: "^130.0.0",
    bottleneck: "^2.19.5",
    "smol-toml": "^1.9.1",
    yaml: "^2.9.1"
  },
  devDependencies: {
    "@bytecodealliance/jco": "^1.35.0",
    "@types/node": "^20.19.43",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    prettier: "^3.10.1",
    tsx: "^4.23.15",
    typescript: "~5.9",
    "typescript-eslint": "^8.73.0",
    vitest: "^3.2.7"
  },
  overrides: {
    "content-type": "2.1.0"
  }
};

// src/version.ts
var VERSION = package_default.version;

export {
  VERSION
};
//# sourceMappingURL=chunk-CZJVZQ6V.js.map
