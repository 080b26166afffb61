/**
 * What a child process inherits of spinwash's environment: all of it but the secrets. The
 * action's inputs arrive as INPUT_* variables (tokens among them), a job may set GITHUB_TOKEN,
 * the runner's own tokens are there, and the CLI reads the deploy targets' tokens from the
 * environment: none of them reaches a child (a build command is the user's code, and so is
 * everything it runs). A child that needs one (a platform plugin its token) is handed it by
 * name: src/exec.ts's `env`, startProcess's `env`.
 */

/** The job's and the runner's tokens. */
const JOB_SECRETS = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
];

/** The deploy targets' secret variables (src/deploy/registry.ts lists them). */
const targetSecrets = new Set<string>();

/** Called once by the deploy registry with the variables its targets read their secrets from. */
export function withholdFromChildren(names: Iterable<string>): void {
  for (const name of names) targetSecrets.add(name);
}

/** True for a variable no child inherits: an action input, a job token, a target's secret. */
function isWithheld(name: string): boolean {
  const upper = name.toUpperCase();
  return upper.startsWith('INPUT_') || JOB_SECRETS.includes(upper) || targetSecrets.has(name);
}

/**
 * A child's environment: spinwash's own without what is withheld (and what `drop` leaves out),
 * then `given` on top: what the caller hands this child by name, secrets included.
 */
export function childEnvironment(
  given: NodeJS.ProcessEnv = {},
  drop: (name: string) => boolean = () => false,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && !isWithheld(name) && !drop(name)) env[name] = value;
  for (const [name, value] of Object.entries(given))
    if (value === undefined) delete env[name];
    else env[name] = value;
  return env;
}
