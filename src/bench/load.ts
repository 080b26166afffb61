import type { Result } from 'autocannon';
import type { ColdStartLoad } from '../report/model.js';

/** The bounded load of the cold-start benchmark: a fixed request count at a fixed concurrency. */
const LOAD_REQUESTS = 2000;
const LOAD_CONNECTIONS = 10;
/** Seconds one request may take before it counts as an error (a timeout). */
const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * `LOAD_REQUESTS` GETs of `url` over `LOAD_CONNECTIONS` connections with autocannon; errors
 * count failed connections, timeouts and answers that were not 2xx; rps is the answers over
 * the span from the start to the last one.
 */
export async function boundedLoad(url: string): Promise<ColdStartLoad> {
  const { startLoad } = await import('./autocannon.js');
  // autocannon ends an `amount` run on its 1 s tick and reports whole seconds: the span is ours,
  // from the start to the last answer (or failure)
  const started = performance.now();
  let last = started;
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = startLoad(
      {
        url,
        amount: LOAD_REQUESTS,
        connections: LOAD_CONNECTIONS,
        timeout: REQUEST_TIMEOUT_SECONDS,
      },
      (error: unknown, done: Result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    const seen = (): void => {
      last = performance.now();
    };
    instance.on('response', seen);
    instance.on('reqError', seen);
  });
  const answered = result['2xx'] + result.non2xx;
  const seconds = (last - started) / 1000;
  return {
    requests: answered + result.errors,
    connections: LOAD_CONNECTIONS,
    seconds,
    rps: seconds > 0 ? answered / seconds : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
