import { spawn } from 'node:child_process';
import path from 'node:path';
import { cliMain } from '../../src/commands/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the spinwash CLI from `cwd`, and collects what it printed: in-process from src/, or,
 * with SPINWASH_TEST_DIST=1, as `node dist/cli.js` in a child process (the bundle users run).
 */
export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  if (process.env.SPINWASH_TEST_DIST === '1') return runDist(cwd, argv);
  let stdout = '';
  let stderr = '';
  const code = await cliMain(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
  });
  return { code, stdout, stderr };
}

function runDist(cwd: string, argv: string[]): Promise<CliRun> {
  const cli = path.resolve(import.meta.dirname, '../../dist/cli.js');
  const child = spawn(process.execPath, [cli, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
