/**
 * How a front end names what the user set: the action speaks of inputs (`input \`deploy\``),
 * the CLI of flags and environment variables (`--deploy`, `SPINWASH_OCI_PASSWORD`).
 */
export interface Audience {
  readonly kind: 'action' | 'cli';
  /** The words for one input, as they read mid-sentence: `` `deploy` ``, `` `--deploy` ``. */
  input(name: string): string;
  /** The same at the start of a sentence: `` Input `deploy` ``, `` `--deploy` ``. */
  subject(name: string): string;
  /** One input set to a value: `` `deploy: local` `` in a workflow, `` `--deploy local` `` on the command line. */
  setting(name: string, value: string): string;
}

/**
 * The action's words, and every error's `message`: `` Input `deploy` `` (a command's own
 * flag, `--markdown`, is only ever named as itself).
 */
export const ACTION_AUDIENCE: Audience = {
  kind: 'action',
  input: (name) => `\`${name}\``,
  subject: (name) => (name.startsWith('-') ? `\`${name}\`` : `Input \`${name}\``),
  setting: (name, value) => `\`${name}: ${value}\``,
};

/** A message that names inputs: each front end renders it in its own words. */
export type Wording = (audience: Audience) => string;

/** The inputs a wording names, found by rendering it once and writing down each one asked for. */
function namedInputs(wording: Wording): string[] {
  const names: string[] = [];
  const note = (name: string): string => (names.push(name), name);
  wording({
    kind: 'action',
    input: note,
    subject: note,
    setting: (name, value) => `${note(name)}: ${value}`,
  });
  return [...new Set(names)];
}

/**
 * An error the user can act on: printed as one line, never with a stack trace.
 * Anything else that escapes the pipeline is a bug in spinwash and is shown with its stack.
 *
 * A message given as a `Wording` names inputs through the audience: `message` is the
 * action's rendering, `render(audience)` another front end's (the CLI's flags), and `inputs`
 * lists the inputs it is about.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  /** The inputs the message names (empty for a plain message). */
  readonly inputs: readonly string[];
  readonly #wording: Wording;
  constructor(
    message: string | Wording,
    /** A file the error is about, for an annotation on it (a manifest, a Cargo.toml). */
    readonly file?: string,
    /** The line in `file` (1-based), when known: a compiler error's line. */
    readonly line?: number,
  ) {
    const wording: Wording = typeof message === 'string' ? () => message : message;
    super(wording(ACTION_AUDIENCE));
    this.#wording = wording;
    this.inputs = typeof message === 'string' ? [] : namedInputs(wording);
  }

  /** The message in the words of `audience`. */
  render(audience: Audience): string {
    return this.#wording(audience);
  }

  /**
   * The same error with its message rewritten (a prefix, a note added), the inputs' words
   * still rendered by whoever prints it. An error of the same class (a usage error stays one).
   */
  rewrite(edit: (message: string) => string, file = this.file, line = this.line): UserError {
    const Class = this.constructor as new (m: Wording, f?: string, l?: number) => UserError;
    return new Class((audience) => edit(this.render(audience)), file, line);
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

/**
 * Bad usage: an unknown flag, a missing argument, a value a closed set does not hold, a
 * required input left empty, a target that cannot take this project. The CLI exits 2, not 1.
 */
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

  /** An interruption is said as it is, whatever the stage that saw it would add. */
  override rewrite(): UserError {
    return this;
  }
}
