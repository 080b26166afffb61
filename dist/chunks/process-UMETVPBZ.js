import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  STOP_GRACE_MS,
  descendants,
  installSignalHandlers,
  isAlive,
  liveProcessCount,
  onInterrupt,
  startProcess,
  stopEverything,
  stopTree,
  trackProcess
} from "./chunk-P2OAGGZH.js";
import "./chunk-IUDJKI5M.js";
export {
  STOP_GRACE_MS,
  descendants,
  installSignalHandlers,
  isAlive,
  liveProcessCount,
  onInterrupt,
  startProcess,
  stopEverything,
  stopTree,
  trackProcess
};
//# sourceMappingURL=process-UMETVPBZ.js.map
