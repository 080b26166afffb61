import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import type { RawInputs } from '../../src/config/inputs.js';
import { UserError } from '../../src/errors.js';

/** The inputs of issue 5 (baseline, budgets, store, comment key, mode) as the Config sees them. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-inputs-'));
  await writeFile(path.join(dir, 'r1.json'), '{}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const config = (raw: RawInputs) => buildConfig({ project: '.', ...raw }, dir);

describe('regression inputs', () => {
  it('defaults: no baseline, no budgets, store on spinwash-data, sticky key, run mode', () => {
    const c = config({});
    expect(c.baselineFile).toBeUndefined();
    expect(c.budgets).toEqual({
      maxTotalBytes: undefined,
      maxComponentBytes: {},
      maxIncrease: undefined,
      maxDeploySeconds: undefined,
      failOnBudget: true,
    });
    expect(c.store).toEqual({ branch: 'spinwash-data', saveBranches: [] });
    expect(c.commentKey).toBe('sticky');
    expect(c.mode).toBe('run');
  });

  it('reads every one of them', () => {
    const c = config({
      'baseline-file': 'r1.json',
      'max-size': '1MiB, api=200KiB',
      'max-increase': '2%',
      'max-deploy-seconds': '1.5',
      'fail-on-budget': 'false',
      'data-branch': '',
      'save-branches': 'main, release/*',
      'comment-key': 'linux-x64',
      mode: 'comment',
    });
    expect(c.baselineFile).toBe(path.join(dir, 'r1.json'));
    expect(c.budgets).toEqual({
      maxTotalBytes: 1_048_576,
      maxComponentBytes: { api: 204_800 },
      maxIncrease: { kind: 'percent', percent: 2 },
      maxDeploySeconds: 1.5,
      failOnBudget: false,
    });
    expect(c.store).toEqual({ branch: undefined, saveBranches: ['main', 'release/*'] });
    expect(c.commentKey).toBe('linux-x64');
    expect(c.mode).toBe('comment');
  });

  it.each<[RawInputs, string]>([
    [
      { 'baseline-file': 'nope.json' },
      'Input `baseline-file` has the value "nope.json": no such file',
    ],
    [{ 'max-size': '10 GB' }, 'Input `max-size` has the value "10 GB"; accepted: a size such as'],
    [
      { 'max-increase': 'a lot' },
      'Input `max-increase` has the value "a lot"; accepted: a percentage such as `1%`',
    ],
    [
      { 'max-deploy-seconds': '0' },
      'Input `max-deploy-seconds` has the value "0"; accepted: a number greater than 0 and at most 3600',
    ],
    [
      { 'fail-on-budget': 'no' },
      'Input `fail-on-budget` has the value "no"; accepted: `true` or `false`',
    ],
    [
      { 'comment-key': 'my key' },
      'Input `comment-key` has the value "my key"; accepted: letters, digits',
    ],
    [{ mode: 'post' }, 'Input `mode` has the value "post"; accepted: `run`, `comment`'],
  ])('rejects %j with one clear message', (raw, message) => {
    const error = (() => {
      try {
        config(raw);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(message);
  });
});
