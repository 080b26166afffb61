/** How long past the deadline an API request may still answer before the deploy gives up on it. */
const DEADLINE_GRACE_MS = 1000;

/**
 * Settles as `call` does, or rejects with `late()` once the deploy's deadline (a
 * performance.now() instant) has passed, then aborts what is under way (`abort`: the
 * cluster's requests): an API server that stops answering (client-node's requests have no
 * timeout of their own) must hold neither the deploy past `deploy-timeout` nor, with an open
 * request, the process once the deploy has failed.
 */
export async function beforeDeadline<T>(
  deadline: number,
  call: Promise<T>,
  late: () => Error,
  abort: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        reject(late());
        abort();
      },
      Math.max(0, deadline - performance.now()) + DEADLINE_GRACE_MS,
    );
  });
  // the call, aborted, rejects after the race is decided: that rejection is expected
  call.catch(() => {});
  try {
    return await Promise.race([call, expired]);
  } finally {
    clearTimeout(timer);
  }
}
