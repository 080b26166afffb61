/**
 * Runs `run` once `ms` have passed on `performance.now()`'s clock, the clock spinwash measures
 * with. A bare `setTimeout` may fire a fraction of a millisecond early on that clock (libuv keeps
 * its loop time in whole milliseconds), and a test's lower bound then fails by 0.0002 s; this
 * re-arms until the time has really passed. `timers`, when given, holds the pending timer so a
 * stand-in can clear it when it closes.
 */
export function afterAtLeast(ms: number, run: () => void, timers?: Set<NodeJS.Timeout>): void {
  const due = performance.now() + ms;
  const arm = (wait: number): void => {
    const timer = setTimeout(() => {
      timers?.delete(timer);
      const left = due - performance.now();
      if (left > 0) arm(left);
      else run();
    }, wait);
    timers?.add(timer);
  };
  arm(ms);
}
