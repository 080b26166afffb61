import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { execCapture } from '../../src/exec.js';
import { isAlive, liveProcessCount, startProcess, stopTree } from '../../src/process.js';

/** Processes a test left running on purpose (a grandchild holding the pipes), killed afterwards. */
const leftovers: number[] = [];
afterEach(async () => {
  for (const pid of leftovers.splice(0)) await stopTree(pid, 200);
});

const pidsIn = (text: string): number[] => (text.match(/\d+/g) ?? []).map(Number);

describe('execCapture (@actions/exec)', () => {
  it('stops a command that runs past its timeout, with everything it started, and says so with its output', async () => {
    let printed = '';
    const started = performance.now();
    const error = await execCapture(
      'sh',
      ['-c', 'sleep 60 & echo "child $$ grandchild $!"; wait'],
      { timeoutMs: 400, onOutput: (chunk) => (printed += chunk) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^`sh -c sleep 60 .*` did not finish within 400 ms and was stopped; its output ends with:\nchild \d+ grandchild \d+$/s,
    );
    // not the 60 s sleep (a bound load cannot reach)
    expect(performance.now() - started).toBeLessThan(30_000);
    const pids = pidsIn(printed);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(liveProcessCount()).toBe(0);
  });

  it('completes once the command exits although a grandchild still holds its pipes', async () => {
    const started = performance.now();
    const result = await execCapture('sh', ['-c', 'sleep 60 & echo $!']);
    const seconds = (performance.now() - started) / 1000;
    const [grandchild] = pidsIn(result.stdout);
    leftovers.push(grandchild!);
    expect(result.code).toBe(0);
    expect(isAlive(grandchild!)).toBe(true); // not ours to stop: a daemon a CLI started on purpose
    expect(seconds).toBeLessThan(10); // @actions/exec's default wait would be 10 s; ours is 1 s
  });

  it('survives a command that closes stdin before reading what it was given', async () => {
    const result = await execCapture('sh', ['-c', 'exec 0<&-; sleep 0.2; echo read nothing'], {
      input: 'x'.repeat(4 * 1024 * 1024),
    });
    expect(result).toEqual({ code: 0, stdout: 'read nothing\n', stderr: '' });
  });

  it('adds env to the inherited environment, and leaves out what dropEnv names', async () => {
    process.env.SPINWASH_TEST_INHERITED = 'inherited';
    process.env.SPINWASH_TEST_DROPPED = 'dropped';
    try {
      const result = await execCapture(
        'sh',
        [
          '-c',
          'echo "$SPINWASH_TEST_INHERITED/${SPINWASH_TEST_DROPPED:-none}/$SPINWASH_TEST_EXTRA"',
        ],
        {
          env: { SPINWASH_TEST_EXTRA: 'extra' },
          dropEnv: (name) => name === 'SPINWASH_TEST_DROPPED',
        },
      );
      expect(result.stdout).toBe('inherited/none/extra\n');
    } finally {
      delete process.env.SPINWASH_TEST_INHERITED;
      delete process.env.SPINWASH_TEST_DROPPED;
    }
  });

  it('prints nothing on its own stdout and returns the exit code and both streams', async () => {
    const write = process.stdout.write.bind(process.stdout);
    let echoed = '';
    process.stdout.write = ((chunk: string) => {
      echoed += chunk;
      return true;
    }) as typeof process.stdout.write;
    try {
      const result = await execCapture('sh', ['-c', 'echo out; echo err >&2; exit 3']);
      expect(result).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
    } finally {
      process.stdout.write = write;
    }
    expect(echoed).toBe('');
  });

  it('says a missing program is not on PATH', async () => {
    await expect(execCapture('spinwash-no-such-program', [])).rejects.toThrow(
      new UserError('spinwash-no-such-program was not found on PATH; install it or put it on PATH'),
    );
  });
});

describe('startProcess', () => {
  /** A server that ignores SIGTERM, with a child of its own that ignores it too. */
  const STUBBORN = `
    const { spawn } = require('node:child_process');
    process.on('SIGTERM', () => {});
    const child = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
    console.log('pids', process.pid, child.pid);
    setInterval(() => {}, 1000);`;

  it('stops a server that ignores SIGTERM with SIGKILL after the grace, its whole process group with it', async () => {
    const server = startProcess(process.execPath, ['-e', STUBBORN], { graceMs: 300 });
    const line = await new Promise<string>((resolve) =>
      server.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => resolve(chunk)),
    );
    const pids = pidsIn(line);
    expect(pids).toHaveLength(2);
    expect(liveProcessCount()).toBe(1);
    const started = performance.now();
    await server.stop();
    const seconds = (performance.now() - started) / 1000;
    expect(server.exitReason()).toBe('signal SIGKILL');
    expect(seconds).toBeGreaterThanOrEqual(0.29);
    expect(seconds).toBeLessThan(30); // SIGKILL after the grace, not a server left running
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    await server.stop(); // twice is fine
    await new Promise((resolve) => setImmediate(resolve));
    expect(liveProcessCount()).toBe(0);
  });

  it('stops a well-behaved server with SIGTERM alone', async () => {
    const server = startProcess(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    await server.stop();
    expect(server.exitReason()).toBe('signal SIGTERM');
  });

  it('says when the program is not there', async () => {
    const server = startProcess('spinwash-no-such-server', []);
    await server.exited;
    expect(server.exitReason()).toBe('spinwash-no-such-server was not found on PATH');
    await server.stop();
  });
});

describe('a signal', () => {
  const script = path.join(import.meta.dirname, 'interrupted.ts');

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal}: stops every child and grandchild, removes the temp folder, and exits ${code}`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'spinwash-signal-'));
      const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: path.resolve(import.meta.dirname, '../..'),
      });
      let stdout = '';
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const ready = new Promise<void>((resolve) =>
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.includes('ready')) resolve();
        }),
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await ready;
      const pids = pidsIn(stdout);
      expect(pids.length).toBeGreaterThanOrEqual(4);
      for (const pid of pids) expect(isAlive(pid)).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toContain(
        `spinwash: interrupted (${signal}): stopping what it started and cleaning up`,
      );
      for (const pid of pids) expect(isAlive(pid)).toBe(false);
      expect(existsSync(dir)).toBe(false);
    });
  }
});
