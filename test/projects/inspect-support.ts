import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { runInspectCommand, type InspectResult } from '../../src/commands/inspect-command.js';
import { copyFixture, type FixtureCopy } from './fixtures.js';

/** `spinwash inspect` on fixture copies, removed after each test (test/projects/inspect*.test.ts). */
export const copies: FixtureCopy[] = [];
afterEach(() => copies.splice(0).forEach((c) => c.remove()));

export async function inspect(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runInspectCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

export async function inspectJson(fixture: string): Promise<InspectResult & { text: string }> {
  const copy = copyFixture(fixture, []);
  copies.push(copy);
  const json = path.join(copy.dir, 'inspect.json');
  const { code, stdout, stderr } = await inspect(['--project', copy.dir, '--json', json]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return { ...(JSON.parse(readFileSync(json, 'utf8')) as InspectResult), text: stdout };
}
