import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { budgetError, checkBudgets } from '../../src/report/budget.js';
import {
  parseBudgets,
  parseByteSize,
  parseMaxIncrease,
  parseMaxSize,
} from '../../src/config/budgets.js';
import { compareReports } from '../../src/report/compare.js';
import type { ComponentSpec } from '../../src/projects/project.js';
import { component, report } from './reports.js';

describe('budget inputs', () => {
  it.each([
    ['500', 500],
    ['500B', 500],
    ['200KB', 200_000],
    ['200 KiB', 204_800],
    ['1.5MB', 1_500_000],
    ['2MiB', 2_097_152],
    ['10kib', 10_240],
  ])('parseByteSize(%s) = %i', (text, bytes) =>
    expect(parseByteSize('max-size', text)).toBe(bytes),
  );

  it.each(['', '12GB', 'KiB', '-5KB', '0', 'ten'])(
    'rejects the size %j naming the input and the units',
    (text) => {
      expect(() => parseByteSize('max-size', text)).toThrow(UserError);
      expect(() => parseByteSize('max-size', text)).toThrow(
        /Input `max-size` has the value ".*"; accepted: a size such as `500B`, `200KB`, `200KiB`/,
      );
    },
  );

  it.each([
    ['300KiB', { maxTotalBytes: 307_200, maxComponentBytes: {} }],
    [
      'api=200KiB, web=1MB',
      { maxTotalBytes: undefined, maxComponentBytes: { api: 204_800, web: 1_000_000 } },
    ],
    ['1MiB\napi=10KB', { maxTotalBytes: 1_048_576, maxComponentBytes: { api: 10_000 } }],
  ])('parseMaxSize(%j)', (text, expected) => expect(parseMaxSize(text)).toEqual(expected));

  it.each(['1MB,2MB', 'api=1KB,api=2KB', '=1KB', 'api=big'])('rejects max-size %j', (text) => {
    expect(() => parseMaxSize(text)).toThrow(/Input `max-size`/);
  });

  it.each([
    ['', undefined],
    ['1%', { kind: 'percent', percent: 1 }],
    ['0.5 %', { kind: 'percent', percent: 0.5 }],
    ['2KiB', { kind: 'bytes', bytes: 2_048 }],
  ])('parseMaxIncrease(%j)', (text, expected) => expect(parseMaxIncrease(text)).toEqual(expected));

  it.each(['%', 'x%', 'lots', '-1%'])('rejects max-increase %j', (text) => {
    expect(() => parseMaxIncrease(text)).toThrow(/Input `max-increase` has the value/);
  });

  it('rejects a max-deploy-seconds that is not a positive number', () => {
    expect(() =>
      parseBudgets({ maxSize: '', maxIncrease: '', maxDeploySeconds: 'soon', failOnBudget: true }),
    ).toThrow(/Input `max-deploy-seconds` has the value "soon"; accepted: a number greater than 0/);
  });
});

describe('checkBudgets', () => {
  const base = report([component('api', 20_000), component('web', 50_000)]);
  const current = report([component('api', 20_500), component('web', 49_000)], {
    deploy: { ...base.deploy!, readySeconds: 2.5 },
  });
  current.comparison = compareReports(current, base, 'main');
  const budgets = (maxSize: string, maxIncrease = '', maxDeploySeconds = '', failOnBudget = true) =>
    parseBudgets({ maxSize, maxIncrease, maxDeploySeconds, failOnBudget });

  it.each([
    // [max-size, max-increase, max-deploy-seconds, expected breaches as budget/component]
    ['', '', '', []],
    ['100KB', '', '', []],
    ['60KB', '', '', ['max-size/total']],
    ['api=20KB', '', '', ['max-size/api']],
    ['api=21KB,web=49KB', '', '', []],
    ['', '2%', '', ['max-increase/api']],
    ['', '3%', '', []],
    ['', '499B', '', ['max-increase/api']],
    ['', '500B', '', []],
    ['', '', '2', ['max-deploy-seconds/total']],
    ['', '', '3', []],
    ['60KB', '1%', '1', ['max-size/total', 'max-increase/api', 'max-deploy-seconds/total']],
  ])(
    'max-size %j, max-increase %j, max-deploy-seconds %j → %j',
    (maxSize, maxIncrease, seconds, expected) => {
      const result = checkBudgets(current, budgets(maxSize, maxIncrease, seconds));
      expect(result.breaches.map((b) => `${b.budget}/${b.component ?? 'total'}`)).toEqual(expected);
      expect(result.failing).toBe(expected.length > 0);
    },
  );

  it('says by how much a budget broke', () => {
    const [size] = checkBudgets(current, budgets('api=20KB')).breaches;
    expect(size).toEqual({
      budget: 'max-size',
      component: 'api',
      limit: '19.5 KiB (20,000 B)',
      actual: '20.0 KiB (20,500 B)',
      excess: 'by 500 B',
    });
    const [growth] = checkBudgets(current, budgets('', '1%')).breaches;
    expect(growth).toMatchObject({
      limit: '1%',
      actual: '+2.5% (+500 B)',
      excess: 'by 1.5 percentage points',
    });
  });

  it('never passes max-increase without a baseline: it is listed as not checked', () => {
    const alone = report([component('api', 20_500)]);
    expect(checkBudgets(alone, budgets('', '1%'))).toEqual({
      checked: [],
      notChecked: [{ budget: 'max-increase', limit: '1%', reason: 'no baseline' }],
      breaches: [],
      failing: false,
    });
  });

  it('rejects a per-component limit for a component the project does not have', () => {
    expect(() => checkBudgets(current, budgets('apy=1KB'))).toThrow(
      'Input `max-size` names the component "apy", which this project does not have; components: api, web',
    );
  });

  it('turns breaches into one error annotated on the manifest, unless fail-on-budget is false', () => {
    const specs: ComponentSpec[] = [
      { name: 'api', wasmPath: '/p/api.wasm', manifest: '/p/api/Cargo.toml', built: true },
      { name: 'web', wasmPath: '/p/web.wasm', manifest: '/p/web/Cargo.toml', built: true },
    ];
    const error = budgetError(checkBudgets(current, budgets('api=20KB', '1%')), specs);
    expect(error).toBeInstanceOf(UserError);
    expect(error?.file).toBe('/p/api/Cargo.toml');
    expect(error?.message).toBe(
      '2 budgets were broken: max-size broken by api: 20.0 KiB (20,500 B) against a limit of 19.5 KiB (20,000 B), by 500 B; ' +
        'max-increase broken by api: +2.5% (+500 B) against a limit of 1%, by 1.5 percentage points',
    );
    const lenient = checkBudgets(current, budgets('api=20KB', '', '', false));
    expect(lenient.breaches).toHaveLength(1);
    expect(budgetError(lenient, specs)).toBeUndefined();
  });
});
