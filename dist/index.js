import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
process.setSourceMapsEnabled(!0);var{runAction:a}=await import("./chunks/main-QWN4HZK2.js"),{installSignalHandlers:t}=await import("./chunks/process-LB3YKBAD.js");t();await a();
//# sourceMappingURL=index.js.map
