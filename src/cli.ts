#!/usr/bin/env node
import { cliMain } from './commands/main.js';

process.exitCode = await cliMain(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
