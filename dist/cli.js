#!/usr/bin/env node
import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
process.setSourceMapsEnabled(!0);var{cliMain:e}=await import("./chunks/main-BGVTDMB2.js"),{exitWhenDone:t,installSignalHandlers:r}=await import("./chunks/process-S5LWPXJP.js");r();var o=await e(process.argv.slice(2),{stdout:s=>process.stdout.write(s),stderr:s=>process.stderr.write(s),cwd:process.cwd()});await t(o);
//# sourceMappingURL=cli.js.map
