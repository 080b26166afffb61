import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/stages/project-lock.js';
import { stopTree } from '../../src/process.js';
import { sharedCargoTarget } from '../support/cargo-target.js';

/**
 * Issue 22 item 7, through the real CLI in a process of its own: a signal at any moment of a
 * run or a benchmark stops what was started and starts nothing new, removes the lock and the
 * temp folders, exits 130 (SIGINT) or 143 (SIGTERM), and says "interrupted", never that the
 * build failed.
 */
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/hello-rust');
const targetDir = sharedCargoTarget();

/** The CLI's own temp folder: /tmp is shared with other runs (another worktree's tests). */
const temp = mkdtempSync(path.join(tmpdir(), 'spinwash-signals-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const leftovers = (): string[] => [
  ...readdirSync(temp).filter((name) => name.startsWith('spinwash-')),
  ...readdirSync(example).filter((name) => name.startsWith('.spinwash')),
];
const lockLeft = (): boolean => existsSync(lockPath(realpathSync(example)));

/** Starts the CLI; once `when` matches its stderr, waits `delayMs` and sends `signal`. */
async function interrupted(
  args: string[],
  signal: 'SIGINT' | 'SIGTERM',
  when: RegExp,
  delayMs = 0,
): Promise<{ code: number | null; stderr: string; atSignal: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CARGO_TARGET_DIR: targetDir, TMPDIR: temp },
  });
  let stderr = '';
  let atSignal = '';
  let sent = false;
  child.stdout.resume();
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (!sent && when.test(stderr)) {
      sent = true;
      setTimeout(() => {
        atSignal = stderr;
        child.kill(signal);
      }, delayMs);
    }
  });
  const code = await Promise.race([
    new Promise<number | null>((resolve) => child.once('exit', resolve)),
    new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 120_000)),
  ]);
  if (code === 'hung') {
    await stopTree(child.pid!, 1000);
    throw new Error(`the CLI did not exit:\n${stderr}`);
  }
  return { code, stderr, atSignal };
}

function expectInterrupted(
  run: { code: number | null; stderr: string },
  signal: 'SIGINT' | 'SIGTERM',
  before: string[],
): void {
  expect(run.code, run.stderr).toBe(signal === 'SIGINT' ? 130 : 143);
  expect(run.stderr).toContain(`spinwash: interrupted (${signal})`);
  expect(run.stderr).not.toMatch(/spinwash: error:|failed/);
  expect(lockLeft()).toBe(false);
  expect(leftovers().filter((name) => !before.includes(name))).toEqual([]);
}

describe('issue 22 item 7: a signal during a run', () => {
  // every stage of a local run, and moments inside the deploy
  const moments: [RegExp, number][] = [
    [/\[2\/5\] build…/, 0],
    [/\[3\/5\] optimize…/, 0],
    [/\[3\/5\] optimize…/, 300],
    [/\[4\/5\] deploy…/, 0],
    [/\[4\/5\] deploy…/, 150],
    [/\[4\/5\] deploy…/, 400],
    [/\[5\/5\] report…/, 0],
  ];
  it.each(moments)(
    'SIGINT at %s (+%d ms): exit 130, "interrupted", no lock and no temp folder left',
    async (when, delay) => {
      const before = leftovers();
      const run = await interrupted(
        ['run', '--project', example, '--deploy', 'local'],
        'SIGINT',
        when,
        delay,
      );
      if (
        String(when).includes('report') &&
        run.code === 0 &&
        !run.stderr.includes('interrupted')
      ) {
        // the last stage is short: on a loaded machine the run can end before the signal
        // arrives, and a finished run must have cleaned up all the same
        expect(lockLeft()).toBe(false);
        expect(leftovers().filter((name) => !before.includes(name))).toEqual([]);
        return;
      }
      expectInterrupted(run, 'SIGINT', before);
    },
  );

  it('SIGTERM during `bench`: no sample starts after it, exit 143, nothing left', async () => {
    const before = leftovers();
    const run = await interrupted(
      ['bench', '--project', example, '--deploy', 'local', '--repeat', '40'],
      'SIGTERM',
      /sample 2\/40: ready/,
    );
    expectInterrupted(run, 'SIGTERM', before);
    const started = (text: string) => (text.match(/sample \d+\/40/g) ?? []).length;
    // at most the sample under way when the signal came is said
    expect(started(run.stderr) - started(run.atSignal)).toBeLessThanOrEqual(1);
  });
});

describe('issue 22 item 7: a signal during a preview deploy', () => {
  it('removes the manifest copy and the lock, and exits 143 (the copy re-raised the signal)', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'spinwash-preview-signal-'));
    const manifest = path.join(project, 'spin.toml');
    writeFileSync(manifest, '[application]\nname = "app"\n');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'test/hostile/preview-interrupted.ts'),
        project,
        manifest,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    await new Promise<void>((resolve) =>
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        if (out.includes('ready\n')) resolve();
      }),
    );
    const copy = out.split('\n')[0]!;
    expect(existsSync(copy)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(143);
    expect(existsSync(copy)).toBe(false);
    expect(existsSync(lockPath(realpathSync(project)))).toBe(false);
  });
});
