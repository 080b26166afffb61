/**
 * An error the user can act on: printed as one line, never with a stack trace.
 * Anything else that escapes the pipeline is a bug in spinwash and is shown with its stack.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    message: string,
    /** A file the error is about, for an annotation on it (a manifest, a Cargo.toml). */
    readonly file?: string,
    /** The line in `file` (1-based), when known: a compiler error's line. */
    readonly line?: number,
  ) {
    super(message);
  }
}

/** The message of anything thrown, strings and non-Errors included (so a step never stays green). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** Bad command-line usage (an unknown flag, a missing argument): the CLI exits 2, not 1. */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
}

/**
 * The run was interrupted (SIGINT, SIGTERM): what failed because of it is not the user's
 * error; the entries say "interrupted" and exit 130 / 143 (src/process.ts).
 */
export class InterruptedError extends UserError {
  override readonly name = 'InterruptedError';
  constructor(readonly signal: 'SIGINT' | 'SIGTERM') {
    super(`interrupted (${signal})`);
  }
}
