// a bug's stack trace points into src/ (dist/ ships source maps)
process.setSourceMapsEnabled(true);
// imported after: only modules loaded once maps are on get mapped
const { runAction } = await import('./action/main.js');
await runAction();
