import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * Issue 22 item 10 (the files a run writes): a place spinwash cannot write to is refused in one
 * line before anything is built, not found after every deploy (a stack trace), or never (a
 * report path under /proc hung in mkdir).
 */
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/hello-rust');
const work = mkdtempSync(path.join(tmpdir(), 'spinwash-outputs-'));
const aFile = path.join(work, 'a-file');
writeFileSync(aFile, 'not a folder\n');

/** The CLI, given at most 20 s: on the unfixed code a /proc report path never returned. */
const cli = (...argv: string[]) =>
  Promise.race([
    runCli(work, ...argv),
    new Promise<{ code: string; stdout: string; stderr: string }>((resolve) =>
      setTimeout(() => resolve({ code: 'still running', stdout: '', stderr: '' }), 20_000),
    ),
  ]);

describe('issue 22 item 10: where a run writes is checked before it builds', () => {
  it.each([
    ['run', '--json', '/proc/spinwash/r.json', 'cannot write in /proc'],
    ['run', '--markdown', '/proc/spinwash/r.md', 'cannot write in /proc'],
    ['bench', '--json', '/proc/spinwash/r.json', 'cannot write in /proc'],
    ['bench', '--history', '/proc/spinwash-history', 'cannot write in /proc'],
    ['bench', '--history', `${aFile}/h`, `${aFile} is a file, not a folder`],
    ['bench', '--history', aFile, `${aFile} is a file, not a folder`],
  ])('`%s %s %s` is refused in one line: %s', async (command, flag, value, problem) => {
    const run = await cli(command, '--project', example, flag, value);
    // a path that cannot be written is bad usage (exit 2), found before any build
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^spinwash: error: \\\`${flag}\\\` has the value "${value.replace(/[/.]/g, '\\$&')}": `,
      ),
    );
    expect(run.stderr).toContain(problem);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
