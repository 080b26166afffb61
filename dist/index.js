import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/index.ts
process.setSourceMapsEnabled(true);
var { runAction } = await import("./chunks/main-OECUWAW3.js");
var { installSignalHandlers } = await import("./chunks/process-UMETVPBZ.js");
installSignalHandlers();
await runAction();
//# sourceMappingURL=index.js.map
