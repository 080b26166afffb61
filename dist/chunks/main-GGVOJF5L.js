import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  reportCliError
} from "./chunk-HA33TRQG.js";
import {
  VERSION
} from "./chunk-CZJVZQ6V.js";
import {
  errorMessage
} from "./chunk-OQSE6Z6X.js";
import "./chunk-IUDJKI5M.js";

// src/commands/main.ts
var USAGE = `spinwash ${VERSION}: build, shrink, deploy and report Rust WebAssembly apps

Usage: spinwash <command> [options]

Commands:
  run        Build, optimize, deploy and report a project (what the action does)
  optimize   Strip and optimize one .wasm file (a core module or a component)
  inspect    Show what spinwash finds in a project: kind, components, build commands
  bench      Build once, deploy N times: deploy-time statistics, history, charts, alerts

Run \`spinwash <command> --help\` for a command's options.`;
var COMMANDS = {
  run: async () => (await import("./run-SNWU67H4.js")).runCommand,
  optimize: async () => (await import("./optimize-OBAFPA6F.js")).runOptimizeCommand,
  inspect: async () => (await import("./inspect-MJI44I77.js")).runInspectCommand,
  bench: async () => (await import("./bench-TZEDHUVS.js")).runBenchCommand
};
async function cliMain(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${USAGE}
`);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-V") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(
      `spinwash: error: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")} (see \`spinwash --help\`)
`
    );
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    try {
      return reportCliError(error, io, name);
    } catch {
      io.stderr(
        `spinwash: internal error (a bug in spinwash): ${error instanceof Error ? error.stack ?? error.message : errorMessage(error)}
`
      );
      return 1;
    }
  }
}
export {
  cliMain
};
//# sourceMappingURL=main-GGVOJF5L.js.map
