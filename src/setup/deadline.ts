import { CommandTimeoutError, exec } from '../exec.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';

/**
 * Setup's one deadline (`setup-timeout`): every download and every `spin plugins` command of
 * the setup stage shares it, so a plugin fetch or a mirror that never answers ends the run
 * in one line instead of holding it (and the job) forever. `deploy-timeout` starts later.
 */
export interface SetupDeadline {
  /** performance.now() at which setup gives up. */
  readonly at: number;
  readonly seconds: number;
  /** Aborted at `at`: downloads stop with it. */
  readonly signal: AbortSignal;
}

export function setupDeadline(seconds: number): SetupDeadline {
  return {
    at: performance.now() + seconds * 1000,
    seconds,
    signal: AbortSignal.timeout(seconds * 1000),
  };
}

/** The one-line error of a setup step the deadline stopped. */
export function setupTimedOut(what: string, deadline: SetupDeadline): UserError {
  return new UserError(
    `setup: ${what} did not finish within ${deadline.seconds} s (\`setup-timeout\`) and was stopped`,
  );
}

/** Runs a setup command (and what it starts) until it ends or the setup's deadline passes. */
export async function setupExec(
  command: string,
  args: readonly string[],
  deadline: SetupDeadline,
  logger: Logger,
): Promise<void> {
  try {
    await exec(command, args, {
      onOutput: (chunk) => logger.output(chunk),
      timeoutMs: Math.max(1, deadline.at - performance.now()),
    });
  } catch (error) {
    if (error instanceof CommandTimeoutError)
      throw setupTimedOut(`\`spin ${args.join(' ')}\``, deadline);
    throw error;
  }
}
