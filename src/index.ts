// a bug's stack trace points into src/ (dist/ ships source maps)
process.setSourceMapsEnabled(true);
// imported after: only modules loaded once maps are on get mapped
const { runAction } = await import('./action/main.js');
const { exitWhenDone, installSignalHandlers } = await import('./process.js');

// A cancelled job stops what spinwash started and cleans up before it exits (130 / 143).
installSignalHandlers();

await runAction();
// done or failed (process.exitCode), the step ends here: nothing left open (a request a dead
// API server never answers) keeps the job running
await exitWhenDone(typeof process.exitCode === 'number' ? process.exitCode : 0);
