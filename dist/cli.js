#!/usr/bin/env node
import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/cli.ts
process.setSourceMapsEnabled(true);
var { cliMain } = await import("./chunks/main-GGVOJF5L.js");
var { installSignalHandlers } = await import("./chunks/process-UMETVPBZ.js");
installSignalHandlers();
process.exitCode = await cliMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd()
});
//# sourceMappingURL=cli.js.map
