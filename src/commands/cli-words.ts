import { allInputs, cliInputName, cliSetting } from '../config/inputs.js';
import type { Audience } from '../errors.js';

/**
 * The CLI speaks of flags and environment variables, never of inputs or the step: its errors
 * render through CLI_AUDIENCE, and its help's descriptions (written for action.yml) through
 * `cliText`. src/config/inputs.ts holds both names of every input.
 */
export const CLI_AUDIENCE: Audience = {
  kind: 'cli',
  input: cliInputName,
  subject: (name) => {
    const words = cliInputName(name);
    return words.charAt(0).toUpperCase() + words.slice(1);
  },
  setting: cliSetting,
};

/** The command of a `mode` (`mode: benchmark` is `spinwash bench`). */
const MODE_COMMANDS: Readonly<Record<string, string>> = { benchmark: 'bench' };

/** A description written for action.yml, in the CLI's words. */
export function cliText(text: string): string {
  const inputs = allInputs();
  const known = (name: string): boolean => name in inputs && inputs[name]?.cli !== false;
  return (
    text
      // what the action says of the CLI is the CLI's own help line (the env variable is listed there)
      .replace(/ \((?:secret; the CLI reads env|masked; CLI: env) `?[A-Z_]+`?\)/g, '')
      .replace(
        /`mode: ([a-z]+)`/g,
        (_, mode: string) => `\`spinwash ${MODE_COMMANDS[mode] ?? mode}\``,
      )
      .replace(/`([a-z][a-z0-9-]*): ([^`]+)`/g, (whole, name: string, value: string) =>
        known(name) ? cliSetting(name, value) : whole,
      )
      // "the `runtime` input" is `--runtime`; a bare `oci-password` its environment variable
      .replace(
        /(the )?`([a-z][a-z0-9-]*)`( input)?/g,
        (whole, the: string | undefined, name: string, input: string | undefined) =>
          !known(name) ? whole : `${input ? '' : (the ?? '')}${cliInputName(name)}`,
      )
      // the targets an input belongs to (allInputs appends them)
      .replace(/\(deploy: ([a-z0-9-]+(?:, [a-z0-9-]+)*)\)$/, '(--deploy $1)')
      .replace(/\bthe step\b/g, 'the run')
  );
}
