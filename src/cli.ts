#!/usr/bin/env node
import { cliMain } from './cli/main.js';
import { installSignalHandlers } from './process.js';

// Ctrl-C or a kill stops what spinwash started and cleans up before it exits (130 / 143).
installSignalHandlers();

process.exitCode = await cliMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
