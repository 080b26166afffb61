import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
process.setSourceMapsEnabled(!0);var{runAction:e}=await import("./chunks/main-I3DV5735.js"),{exitWhenDone:t,installSignalHandlers:a}=await import("./chunks/process-S5LWPXJP.js");a();await e();await t(typeof process.exitCode=="number"?process.exitCode:0);
//# sourceMappingURL=index.js.map
