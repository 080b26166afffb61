import { describe, expect, it } from 'vitest';
import { checkRegression, nextAlertState } from '../../src/bench/alert.js';
import type { HistoryEntry } from '../../src/report/bench-index.js';
import { summarize } from '../../src/bench/stats.js';

/** A history entry from a run's warm ready times (seconds), as the index keeps it. */
const run = (id: string, ready: number[]): HistoryEntry => ({
  id,
  startedAt: '2026-11-30T20:00:00.000Z',
  samples: ready.length + 1,
  failed: 0,
  ready: summarize(ready)!,
  bytes: 47_335,
  gzipBytes: 16_590,
});

// Five runs of `deploy: local` (4 warm samples each). Their medians, by hand:
//   r1 .198 .214 .231 .244 → .2225   r2 .209 .219 .225 .252 → .222   r3 .201 .217 .226 .238 → .2215
//   r4 .205 .221 .233 .247 → .227    r5 .196 .219 .228 .236 → .2235
// baseline = median of medians = .2225; their p90s (position 2.7): .2401 .2439 .2344 .2428 .2336
// → the top of a typical run's spread (median p90) is .2401.
const window = [
  run('r1', [0.214, 0.231, 0.198, 0.244]),
  run('r2', [0.225, 0.209, 0.252, 0.219]),
  run('r3', [0.201, 0.238, 0.226, 0.217]),
  run('r4', [0.233, 0.205, 0.221, 0.247]),
  run('r5', [0.219, 0.228, 0.196, 0.236]),
];
const options = { window: 5, threshold: 0.2 };

describe('the regression alert', () => {
  it('fires on a real shift, naming the numbers and the runs compared', () => {
    // .39 .40 .41 .43 → median .405 (+82.0% on .2225), p10 .39 + .3·.01 = .393 > .2401
    const alert = checkRegression(window, summarize([0.41, 0.39, 0.43, 0.4]), options);
    expect(alert.status).toBe('regression');
    expect(alert.window).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(alert.baselineSeconds).toBeCloseTo(0.2225, 12);
    expect(alert.baselineHighSeconds).toBeCloseTo(0.2401, 12);
    expect(alert.lowSeconds).toBeCloseTo(0.393, 12);
    expect(alert.changePercent).toBe(82);
    expect(alert.message).toMatch(
      /^slower beyond the threshold and outside the spread: median 0\.405 s against 0\.223 s \(\+82%, threshold 20%\)/,
    );
  });

  it('stays quiet on a slow median whose samples overlap the earlier spread (noise)', () => {
    // .21 .285 .30 .33 → median .2925 (+31.5%) but p10 .21 + .3·.075 = .2325 < .2401
    const alert = checkRegression(window, summarize([0.21, 0.285, 0.3, 0.33]), options);
    expect(alert.status).toBe('ok');
    expect(alert.message).toMatch(/^slower, but within the spread/);
  });

  it('stays quiet on a shift apart from the spread but under the threshold', () => {
    // .258 .26 .262 .265 → median .261 (+17.3%); p10 .2586 > .2401: apart, yet under 20%
    const alert = checkRegression(window, summarize([0.262, 0.258, 0.265, 0.26]), options);
    expect(alert.status).toBe('ok');
    expect(alert.changePercent).toBe(17.3);
  });

  it('stays quiet on noise of the same spread and catches a shift, over thousands of seeded runs', () => {
    // Runs of 4 warm samples, ±15% uniform noise around 0.22 s, and in the second case 1 sample
    // in 10 a 2× outlier. Each run is checked against the 5 before it; then a run of the same
    // noise shifted +50% is checked. Seeded, so the same every time.
    let seed = 2026;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const noisy = (center: number, outliers: number) =>
      Array.from({ length: 4 }, () =>
        random() < outliers ? center * 2 : center * (0.85 + 0.3 * random()),
      );
    const rates = (outliers: number) => {
      const history = Array.from({ length: 5 }, (_, i) => run(`w${i}`, noisy(0.22, outliers)));
      let falseAlarms = 0;
      let caught = 0;
      const runs = 2000;
      for (let i = 0; i < runs; i++) {
        if (
          checkRegression(history, summarize(noisy(0.22, outliers)), options).status ===
          'regression'
        )
          falseAlarms++;
        if (
          checkRegression(history, summarize(noisy(0.33, outliers)), options).status ===
          'regression'
        )
          caught++;
        history.shift();
        history.push(run(`n${i}`, noisy(0.22, outliers)));
      }
      return { falseAlarms: falseAlarms / runs, caught: caught / runs };
    };
    const clean = rates(0);
    expect(clean.falseAlarms).toBe(0);
    expect(clean.caught).toBeGreaterThan(0.99);
    // outliers that often widen every spread: still under 1 false alarm in 100 runs
    const rough = rates(0.1);
    expect(rough.falseAlarms).toBeLessThan(0.01);
    expect(rough.caught).toBeGreaterThan(0.7);
  });

  it('needs an earlier run and a warm sample to say anything', () => {
    expect(checkRegression([], summarize([0.2]), options).status).toBe('insufficient');
    expect(checkRegression(window, undefined, options).status).toBe('insufficient');
    // a run whose warm samples all failed is no baseline
    const failed = { ...run('f', [1]), ready: undefined };
    expect(checkRegression([failed], summarize([0.2]), options).status).toBe('insufficient');
    expect(checkRegression([...window, failed], summarize([0.2]), options).window).toHaveLength(5);
  });

  it('keeps one issue: raised, kept up, back in range, raised again on the same issue', () => {
    const regression = checkRegression(window, summarize([0.41, 0.39, 0.43, 0.4]), options);
    const fine = checkRegression(window, summarize([0.22, 0.21, 0.23]), options);
    const raised = nextAlertState(undefined, regression, 'a');
    expect(raised).toEqual({ state: { open: true, since: 'a' }, transition: 'raised' });
    const withIssue = { ...raised.state!, issue: 7 };
    expect(nextAlertState(withIssue, regression, 'b')).toEqual({
      state: withIssue,
      transition: 'continued',
    });
    const back = nextAlertState(withIssue, fine, 'c');
    expect(back).toEqual({
      state: { open: false, since: 'a', issue: 7 },
      transition: 'recovered',
    });
    expect(nextAlertState(back.state, fine, 'd')).toEqual({ state: back.state });
    expect(nextAlertState(back.state, regression, 'e')).toEqual({
      state: { open: true, since: 'e', issue: 7 },
      transition: 'raised',
    });
    expect(nextAlertState(undefined, fine, 'f')).toEqual({});
  });
});
