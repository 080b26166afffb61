#!/usr/bin/env node
// a bug's stack trace points into src/ (dist/ ships source maps)
process.setSourceMapsEnabled(true);
// imported after: only modules loaded once maps are on get mapped
const { cliMain } = await import('./commands/main.js');
const { exitWhenDone, installSignalHandlers } = await import('./process.js');

// Ctrl-C or a kill stops what spinwash started and cleans up before it exits (130 / 143).
installSignalHandlers();

const code = await cliMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
// done or failed, spinwash ends here: nothing left open (a request a dead API server never
// answers) keeps it alive
await exitWhenDone(code);
