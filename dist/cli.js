#!/usr/bin/env node
import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunks/chunk-T2F3D47J.js";
import {
  UserError,
  errorMessage
} from "./chunks/chunk-T6ADKWSP.js";
import "./chunks/chunk-ULXDCFAG.js";

// src/cli/main.ts
var USAGE = `spinwash ${VERSION}: build, shrink, deploy and report Rust WebAssembly apps

Usage: spinwash <command> [options]

Commands:
  run        Build, optimize, deploy and report a project (what the action does)
  optimize   Strip and optimize one .wasm file (a core module or a component)
  inspect    Show what spinwash finds in a project: kind, components, build commands

Run \`spinwash <command> --help\` for a command's options.`;
var COMMANDS = {
  run: async () => (await import("./chunks/run-VGE23QAI.js")).runCommand,
  optimize: async () => (await import("./chunks/optimize-7G7ROIIV.js")).runOptimizeCommand,
  inspect: async () => (await import("./chunks/inspect-QVXD472O.js")).runInspectCommand
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
      `spinwash: unknown command "${name}"; commands: ${Object.keys(COMMANDS).join(", ")}
`
    );
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UserError || isArgumentError(error)) {
      io.stderr(`spinwash: error: ${errorMessage(error)}
`);
    } else {
      io.stderr(
        `spinwash: internal error (a bug in spinwash): ${error instanceof Error ? error.stack ?? error.message : errorMessage(error)}
`
      );
    }
    return 1;
  }
}
function isArgumentError(error) {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}

// src/cli.ts
process.exitCode = await cliMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd()
});
