import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath, lockProject } from '../../src/stages/project-lock.js';

/**
 * Issue 22 item 9, with real processes (each its own pid, its own event loop): two or more
 * runs taking over one stale lock must not both win, and runs with different temp folders
 * must find the same lock.
 */
const root = path.resolve(import.meta.dirname, '../..');

interface Contender {
  readonly child: ChildProcess;
  /** Sends a line and resolves with the answer. */
  ask(line: string): Promise<string>;
}

const contenders: Contender[] = [];

function contender(env: NodeJS.ProcessEnv = process.env): Contender {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test/hostile/lock-contender.ts')],
    { cwd: root, env, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const answers: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => answers.shift()?.(line));
  const made = {
    child,
    ask: (line: string) =>
      new Promise<string>((resolve) => {
        answers.push(resolve);
        child.stdin!.write(`${line}\n`);
      }),
  };
  contenders.push(made);
  return made;
}

afterAll(async () => {
  for (const { child } of contenders) {
    child.stdin!.end();
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  }
});

/** A lock left by a run that is gone: pid 2^22 + 1 is above Linux's pid_max. */
async function staleLock(project: string): Promise<void> {
  const lock = lockPath(await realpath(project));
  await mkdir(lock, { recursive: true });
  await writeFile(
    path.join(lock, 'owner.json'),
    JSON.stringify({
      pid: 4194305,
      host: hostname(),
      started: '2026-11-30T20:00:00.000Z',
      project,
      command: 'spinwash run (killed)',
    }),
  );
}

describe('issue 22 item 9: the project lock', () => {
  it('20 times, three processes take over one stale lock at once: exactly one wins each time', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'spinwash-lock-race-'));
    const runs = [contender(), contender(), contender()];
    // each has loaded the lock module before the race starts
    for (const run of runs) expect(await run.ask('release')).toBe('released');
    const winners: number[] = [];
    for (let round = 0; round < 20; round++) {
      await staleLock(project);
      const answers = await Promise.all(runs.map((run) => run.ask(`take ${project}`)));
      const won = answers.flatMap((answer, i) => (answer === 'won' ? [i] : []));
      winners.push(won.length);
      for (const answer of answers.filter((a) => a !== 'won'))
        expect(answer).toMatch(/^lost: Another spinwash run is rewriting the files of /);
      for (const i of won) expect(await runs[i]!.ask('release')).toBe('released');
      expect(existsSync(lockPath(await realpath(project)))).toBe(false);
    }
    expect(winners).toEqual(Array.from({ length: 20 }, () => 1));
    await rm(project, { recursive: true, force: true });
  });

  it('runs with different TMPDIRs find the same lock: the second fails, naming the first', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'spinwash-lock-tmpdir-'));
    const otherTmp = await mkdtemp(path.join(tmpdir(), 'spinwash-other-tmp-'));
    const release = await lockProject(project);
    try {
      const other = contender({ ...process.env, TMPDIR: otherTmp });
      expect(await other.ask(`take ${project}`)).toMatch(
        new RegExp(
          `^lost: Another spinwash run is rewriting the files of .*: process ${process.pid} on `,
        ),
      );
    } finally {
      await release();
    }
    await rm(project, { recursive: true, force: true });
  });
});
