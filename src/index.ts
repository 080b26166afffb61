import { runAction } from './action/main.js';
import { installSignalHandlers } from './process.js';

// A cancelled job stops what spinwash started and cleans up before it exits (130 / 143).
installSignalHandlers();

await runAction();
