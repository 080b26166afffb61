/**
 * A stand-in for spinwash in the middle of a run (test/process/process.test.ts sends it a
 * signal): a one-shot command with a grandchild, a server whose own child ignores SIGTERM, and a
 * temp folder to remove. Prints the pids of everything, then `ready`.
 */
import { rm } from 'node:fs/promises';
import { execCapture } from '../../src/exec.js';
import { installSignalHandlers, onInterrupt, startProcess } from '../../src/process.js';

installSignalHandlers();
const dir = process.argv[2]!;
onInterrupt(() => rm(dir, { recursive: true, force: true }));

let pids = '';
const build = execCapture('sh', ['-c', 'sleep 60 & echo "$$ $!"; wait'], {
  onOutput: (chunk) => {
    pids += chunk;
    report();
  },
});
void build.catch(() => {});
const server = startProcess(process.execPath, [
  '-e',
  `const { spawn } = require('node:child_process');
   const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
   console.log(process.pid, child.pid);
   setInterval(() => {}, 1000);`,
]);
server.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
  pids += ` ${chunk}`;
  report();
});
function report(): void {
  if ((pids.match(/\d+/g) ?? []).length === 4) process.stdout.write(`${pids.trim()}\nready\n`);
}
