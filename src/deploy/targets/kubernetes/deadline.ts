/** How long past the deadline an API request may still answer before the deploy gives up on it. */
const DEADLINE_GRACE_MS = 1000;

/**
 * Settles as `call` does, or rejects with `late()` once the deploy's deadline (a
 * performance.now() instant) has passed: an API server that stops answering (client-node's
 * requests have no timeout of their own) must not hold the deploy past `deploy-timeout`.
 */
export async function beforeDeadline<T>(
  deadline: number,
  call: Promise<T>,
  late: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(late()),
      Math.max(0, deadline - performance.now()) + DEADLINE_GRACE_MS,
    );
  });
  try {
    return await Promise.race([call, expired]);
  } finally {
    clearTimeout(timer);
  }
}
