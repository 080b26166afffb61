// a bug's stack trace points into src/ (dist/ ships source maps)
process.setSourceMapsEnabled(true);
// imported after: only modules loaded once maps are on get mapped
const { runAction } = await import('./action/main.js');
const { installSignalHandlers } = await import('./process.js');

// A cancelled job stops what spinwash started and cleans up before it exits (130 / 143).
installSignalHandlers();

await runAction();
