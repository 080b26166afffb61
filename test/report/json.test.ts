import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { compareReports } from '../../src/report/compare.js';
import { readJsonReport, writeJsonReport } from '../../src/publish/report-file.js';
import { component, report } from './reports.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JSON report', () => {
  it('writes the contract names and reads back the same report, leaving no temp file', async () => {
    const file = path.join(dir, 'out', 'r.json');
    const original = report([component('hello-rust', 12_601)]);
    await writeJsonReport(file, original);
    const raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(raw)).toEqual(
      expect.arrayContaining(['schemaVersion', 'tool', 'project', 'components', 'build', 'deploy']),
    );
    expect(await readJsonReport(file)).toEqual(original);
    expect(await readdir(path.dirname(file))).toEqual(['r.json']);
  });

  it('carries what grew (sections and functions) in the comparison, schemaVersion still 1', async () => {
    const file = path.join(dir, 'r.json');
    const base = report([
      component('api', 20_000, {
        functions: [
          { name: 'api::handle', bytes: 900 },
          { name: 'api::old', bytes: 300 },
        ],
      }),
    ]);
    const current = report([
      component('api', 26_000, { functions: [{ name: 'api::handle', bytes: 1_400 }] }),
    ]);
    current.comparison = compareReports(current, base, 'main');
    await writeJsonReport(file, current);
    const raw = JSON.parse(await readFile(file, 'utf8')) as typeof current;
    expect(raw.schemaVersion).toBe(1);
    const [api] = raw.comparison!.components;
    expect(api!.sections!.map((s) => [s.name, s.delta])).toEqual([
      ['code', 4_200],
      ['data', 1_200],
      ['component-type:wit-bindgen:0.30.0:wasi:http@0.2.0:proxy:encoded world', 300],
      ['type', 180],
    ]);
    expect(api!.functions).toEqual([
      { name: 'api::handle', baseBytes: 900, bytes: 1_400, delta: 500, percent: (500 / 900) * 100 },
      { name: 'api::old', baseBytes: 300, bytes: 0, delta: -300, percent: -100, change: 'removed' },
    ]);
    expect(await readJsonReport(file)).toEqual(current);
  });

  it('refuses to write a report that would not read back, and keeps the previous file', async () => {
    const file = path.join(dir, 'r.json');
    await writeFile(file, 'previous');
    const broken = report([component('x', 100)]);
    broken.build.seconds = Number.NaN; // serialises to null
    await expect(writeJsonReport(file, broken)).rejects.toThrow(
      /report\.build\.seconds is null, not a number/,
    );
    expect(await readFile(file, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['r.json']);
  });

  it.each([
    ['not json {', /is not valid JSON/],
    ['[]', /the top level is a list, not an object/],
    ['{"schemaVersion": 2}', /schemaVersion 2 is newer than this spinwash reads \(1\)/],
    ['{"schemaVersion": "1"}', /schemaVersion is "1", expected 1/],
    [
      JSON.stringify({ ...report([component('a', 10)]), components: [{ name: 'a' }] }),
      /report\.components\[0\]\.wasm is missing, not a string/,
    ],
  ])('names the file and the problem for %s', async (text, pattern) => {
    const file = path.join(dir, 'baseline.json');
    await writeFile(file, text);
    const error = await readJsonReport(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(pattern);
    expect((error as UserError).message).toContain(file);
  });

  it('says when the file is missing', async () => {
    await expect(readJsonReport(path.join(dir, 'nope.json'))).rejects.toThrow(
      /nope\.json does not exist/,
    );
  });
});
