import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { descendants, isAlive } from '../../src/process.js';
import type { Report } from '../../src/report/model.js';
import { lockPath, lockProject } from '../../src/stages/project-lock.js';
import { runCli } from '../support/cli.js';
import { sharedCargoTarget } from '../support/cargo-target.js';

/**
 * Issue 11 item 2, through the real CLI in a process of its own: interrupted while it builds
 * (cargo and rustc running) and while it serves (the embedded runtime's child up), spinwash
 * exits 130/143 with no process, port, temp folder or lock left, and the build's file either
 * in place or vouched for by its kept copy.
 */
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/hello-rust');
const targetDir = sharedCargoTarget();
const wasm = path.join(targetDir, 'wasm32-wasip1', 'release', 'hello_rust.wasm');

/** The CLI's own temp folder: /tmp is shared with whatever else runs on the machine. */
const temp = mkdtempSync(path.join(tmpdir(), 'spinwash-interrupt-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const localDirs = (): string[] =>
  readdirSync(temp).filter((name) => name.startsWith('spinwash-local-'));
const cmdline = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Starts the CLI, waits until `ready(pids)` holds for its descendants, then sends `signal`. */
async function interrupt(
  args: string[],
  signal: 'SIGINT' | 'SIGTERM',
  ready: (commands: string[]) => boolean,
): Promise<{ code: number | null; stderr: string; seen: number[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'run', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CARGO_TARGET_DIR: targetDir, TMPDIR: temp },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let seen: number[] = [];
  for (;;) {
    seen = descendants(child.pid!);
    if (ready(seen.map(cmdline))) break;
    if (child.exitCode !== null) throw new Error(`the CLI ended first:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill(signal);
  return { code: await exited, stderr, seen };
}

function expectCleanedUp(seen: number[], localBefore: string[]): void {
  for (const pid of seen) expect(isAlive(pid), cmdline(pid)).toBe(false);
  expect(localDirs().filter((d) => !localBefore.includes(d))).toEqual([]);
  expect(existsSync(lockPath(realpathSync(example)))).toBe(false);
}

describe('spinwash interrupted', () => {
  it('SIGINT while serving: the runtime child, its port and its temp folder are gone, exit 130', async () => {
    const before = localDirs();
    const { code, stderr, seen } = await interrupt(
      // never healthy (the example answers 404 there): the child stays up, serving, until the signal
      [
        '--project',
        example,
        '--deploy',
        'local',
        '--health-path',
        '/never',
        '--deploy-timeout',
        '300',
      ],
      'SIGINT',
      (commands) => commands.some((c) => c.includes('serve-child')),
    );
    expect(code).toBe(130);
    expect(stderr).toContain(
      'spinwash: interrupted (SIGINT): stopping what it started and cleaning up',
    );
    expectCleanedUp(seen, before);
    // the optimized file is in place, the kept copy and note vouch for the build's
    const note = JSON.parse(readFileSync(`${wasm}.spinwash`, 'utf8')) as {
      optimized: string;
      original: string;
    };
    expect(sha(wasm)).toBe(note.optimized);
    expect(sha(`${wasm}.orig`)).toBe(note.original);
  });

  it('SIGTERM while cargo builds: cargo and rustc are stopped, exit 143, and the next run measures a real build', async () => {
    const before = localDirs();
    execFileSync('cargo', ['clean', '-p', 'hello-rust', '--release', '--target', 'wasm32-wasip1'], {
      cwd: example,
      env: { ...process.env, CARGO_TARGET_DIR: targetDir },
      stdio: 'ignore',
    });
    const { code, seen, stderr } = await interrupt(
      ['--project', example, '--deploy', 'none'],
      'SIGTERM',
      (commands) => commands.some((c) => /\brustc\b/.test(c)),
    );
    expect(code).toBe(143);
    // said as an interrupt, not as a failed build (issue 22 item 7: `cargo build failed (exit code 128)`)
    expect(stderr).toContain('spinwash: interrupted (SIGTERM)');
    expect(stderr).not.toMatch(/spinwash: error:|failed/);
    expect(seen.length).toBeGreaterThan(0);
    expectCleanedUp(seen, before);

    const after = mkdtempSync(path.join(tmpdir(), 'spinwash-after-'));
    try {
      const json = path.join(after, 'r.json');
      const again = await runCli(
        root,
        'run',
        '--project',
        example,
        '--deploy',
        'none',
        '--json',
        json,
      );
      expect(again.code, again.stderr).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      expect(report.components[0]!.stages[0]!.bytes).toBe(statSync(`${wasm}.orig`).size);
    } finally {
      rmSync(after, { recursive: true, force: true });
    }
  });
});

describe('two runs on one project', () => {
  it('the second fails at once, naming the run that holds the project, and touches nothing', async () => {
    const release = await lockProject(example);
    try {
      const before = existsSync(wasm) ? sha(wasm) : undefined;
      const second = await runCli(root, 'run', '--project', example, '--deploy', 'none');
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(
        new RegExp(
          `\\nspinwash: error: Another spinwash run is rewriting the files of .*hello-rust: process ${process.pid} on .*, started .*; wait for it to finish, or remove .* if that process is gone\n$`,
        ),
      );
      expect(existsSync(wasm) ? sha(wasm) : undefined).toBe(before);
    } finally {
      await release();
    }
  });
});
