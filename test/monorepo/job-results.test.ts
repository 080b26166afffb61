import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readJobResults, recordingFailure } from '../../src/monorepo/job-results.js';
import { parseReport } from '../../src/report/json.js';
import { component, report } from '../report/reports.js';
import { writeTree } from './tree.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const json = (value: unknown) => `${JSON.stringify(value)}\n`;
const keyed = (name: string) =>
  report([component(name, 1_000)], { project: { kind: 'cargo', path: `apps/${name}`, name } });

describe('recordingFailure', () => {
  it('a matrix job that fails before its report leaves a failure record; the error goes on', async () => {
    const root = writeTree({});
    roots.push(root);
    const file = path.join(root, 'out', 'report.json');
    const run = () =>
      Promise.reject(new UserError('cargo build failed (exit code 101):\nerror: x'));
    await expect(
      recordingFailure({ app: 'api', file, projectDir: path.join(process.cwd(), 'apps/api') }, run),
    ).rejects.toThrow('cargo build failed');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      schemaVersion: 1,
      tool: { name: 'spinwash', version: expect.any(String) },
      app: 'api',
      project: { path: 'apps/api' },
      failure: { message: 'cargo build failed (exit code 101):\nerror: x' },
    });
    // a record is no report: a baseline-file pointing at it is refused, naming it
    expect(() => parseReport(readFileSync(file, 'utf8'), file)).toThrow(
      /is not a spinwash report: it is the failure record of a failed job \(no sizes\), not a report/,
    );
    // not a matrix job: nothing is written where a report was expected
    const other = path.join(root, 'other.json');
    await expect(recordingFailure({ file: other, projectDir: root }, run)).rejects.toThrow();
    expect(existsSync(other)).toBe(false);
  });
});

describe('readJobResults', () => {
  it('reads reports and failure records from the artifacts’ folders, skipping other JSON', async () => {
    const root = writeTree({
      'spinwash-app-a/spinwash-report.json': json(keyed('a')),
      'spinwash-app-b/spinwash-report.json': json({
        schemaVersion: 1,
        tool: { name: 'spinwash', version: '0.1.0' },
        app: 'b',
        project: { path: 'apps/b' },
        failure: { message: 'boom' },
      }),
      'other/package.json': json({ name: 'x' }),
      'other/notes.json': 'not json',
      'merged.json': json({ schemaVersion: 1, tool: { name: 'spinwash' }, apps: [] }),
    });
    roots.push(root);
    const { results, skipped } = await readJobResults(root);
    expect(results.map((r) => [r.app, 'report' in r ? 'report' : 'failure'])).toEqual([
      ['a', 'report'],
      ['b', 'failure'],
    ]);
    expect(skipped).toEqual([
      'merged.json',
      expect.stringMatching(/^other\/notes\.json \(not JSON/),
      'other/package.json',
    ]);
  });

  it('refuses two results for one app, a broken report and a missing folder, naming them', async () => {
    const twice = writeTree({ 'x/r.json': json(keyed('a')), 'y/r.json': json(keyed('a')) });
    const broken = writeTree({
      'x/r.json': json({ schemaVersion: 1, tool: { name: 'spinwash' }, components: 3 }),
    });
    const badName = writeTree({
      'x/r.json': json({
        schemaVersion: 1,
        tool: { name: 'spinwash' },
        app: '../../etc',
        project: { path: 'x' },
        failure: { message: 'm' },
      }),
    });
    roots.push(twice, broken, badName);
    await expect(readJobResults(twice)).rejects.toThrow(
      '`reports` holds two results for app "a": x/r.json and y/r.json; give each matrix job its own artifact',
    );
    await expect(readJobResults(broken)).rejects.toThrow(
      /^Report file x\/r\.json is not a spinwash report/,
    );
    await expect(readJobResults(badName)).rejects.toThrow(
      'x/r.json: app has the value "../../etc"; accepted: lowercase letters',
    );
    await expect(readJobResults(path.join(twice, 'none'))).rejects.toThrow(
      /: no such folder; accepted:/,
    );
  });
});
