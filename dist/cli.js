#!/usr/bin/env node
import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
process.setSourceMapsEnabled(!0);var{cliMain:e}=await import("./chunks/main-DT7MOOKR.js"),{installSignalHandlers:r}=await import("./chunks/process-LB3YKBAD.js");r();process.exitCode=await e(process.argv.slice(2),{stdout:s=>process.stdout.write(s),stderr:s=>process.stderr.write(s),cwd:process.cwd()});
//# sourceMappingURL=cli.js.map
