import { InterruptedError, UsageError, UserError, errorMessage } from '../errors.js';
import { interruptedBy } from '../process.js';
import { CLI_AUDIENCE } from './cli-words.js';
import type { CommandIO } from './io.js';

/** node:util parseArgs errors: an unknown flag or a missing value is the user's to fix. */
function isArgumentError(error: unknown): boolean {
  return (
    error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}

/**
 * How every command ends on an error, so all of them read alike: one `spinwash: error: …`
 * line; exit code 2 for bad usage (with where to find the usage), 1 for anything else the user
 * can fix. Anything else is a bug and is rethrown (the CLI's entry prints its stack).
 *
 * @param command the command's name, for the `--help` hint
 */
export function reportCliError(error: unknown, io: CommandIO, command?: string): number {
  // interrupted: whatever failed of it is no error of the user's; the handler said so
  if (interruptedBy()) return interruptedBy() === 'SIGINT' ? 130 : 143;
  if (error instanceof InterruptedError) {
    // a command of the run was stopped by a signal spinwash did not get
    io.stderr(`spinwash: ${error.message}\n`);
    return error.signal === 'SIGINT' ? 130 : 143;
  }
  const usage = error instanceof UsageError || isArgumentError(error);
  if (!usage && !(error instanceof UserError)) throw error;
  const hint = usage ? ` (see \`spinwash ${command ? `${command} ` : ''}--help\`)` : '';
  // the inputs it names, as the command line spells them (`--deploy`, SPINWASH_OCI_PASSWORD)
  const message = error instanceof UserError ? error.render(CLI_AUDIENCE) : errorMessage(error);
  io.stderr(`spinwash: error: ${message}${hint}\n`);
  return usage ? 2 : 1;
}
