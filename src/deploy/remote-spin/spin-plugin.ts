import semver from 'semver';
import { UserError } from '../../errors.js';
import { CommandTimeoutError, execCapture, type ExecResult } from '../../exec.js';
import type { Logger } from '../../log.js';
import { waitUntilReady, type BeforeDeploy, type Readiness } from '../readiness.js';
import type { DeploySettings, TargetInput } from '../target.js';

/**
 * What the remote Spin targets (`fermyon-cloud`, `akamai`) share: their plugin installed on
 * demand (Spin 4 no longer installs one on first use), `spin <plugin> …` run with the token in
 * the child's environment only, and a failing command turned into one line that keeps the
 * plugin's own words, with every secret value blanked out of what spinwash prints.
 */

/** A platform CLI session: which plugin, whose token, where its output goes. */
export interface SpinPlugin {
  /** The deploy target's name, first in every message (`fermyon-cloud`). */
  readonly label: string;
  /** The plugin (`cloud`, `aka`). */
  readonly plugin: string;
  /** The token's input and the environment variable the plugin reads it from. */
  readonly tokenInput: string;
  readonly tokenEnv: string;
  /** What to do when the platform's limits stop a deploy (one sentence). */
  readonly limitHint: string;
  /** Secret values (env name → value), for the child's environment only. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly logger: Logger;
}

/** A finished `spin …` run: its result and how long it took. */
export interface SpinRun extends ExecResult {
  readonly seconds: number;
  readonly timedOut: boolean;
}

const SECRET_MASK = '***';
/** How long past `deploy-timeout` a killed deploy command may take to be gone. */
const KILL_GRACE_MS = 5000;

/** `text` with every secret value replaced (the plugin might echo a token back). */
export function redact(text: string, secrets: Readonly<Record<string, string>>): string {
  let out = text;
  for (const value of Object.values(secrets))
    if (value.length >= 4) out = out.split(value).join(SECRET_MASK);
  return out;
}

/** The token input of a remote target: secret, masked, handed to the plugin by env only. */
export function tokenInput(env: string, what: string): TargetInput {
  return {
    default: '',
    secret: true,
    required: true,
    env,
    description: `${what} (secret; the CLI reads env \`${env}\`). Passed to the plugin in its environment only, never on its command line.`,
  };
}

/** `variables`: the app's Spin variables, `name=value` comma- or newline-separated. */
export const VARIABLES_INPUT: TargetInput = {
  default: '',
  description:
    'Spin variables for a remote deploy (`fermyon-cloud`, `akamai`): `name=value`, comma- or newline-separated (passed as `--variable`, so on the command line: not for secrets).',
};

/** Parses `name=value` pairs; throws a UserError naming the input and the bad entry. */
export function parsePairs(input: string, value: string): readonly (readonly [string, string])[] {
  const pairs: [string, string][] = [];
  for (const entry of value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const match = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/s.exec(entry);
    if (!match)
      throw new UserError(
        `Input \`${input}\` has the entry "${entry}"; accepted: \`name=value\` pairs, comma- or newline-separated`,
      );
    pairs.push([match[1]!, match[2]!]);
  }
  return pairs;
}

/** The secret the plugin needs, or a UserError saying which input (or env variable) to set. */
export function requireToken(session: SpinPlugin): void {
  if (!session.secrets[session.tokenEnv])
    throw new UserError(
      `${session.label}: input \`${session.tokenInput}\` is empty; set it from a repository secret (the CLI reads env \`${session.tokenEnv}\`)`,
    );
}

/** The last lines a command printed, as one line (its own words, secrets blanked). */
export function lastWords(session: SpinPlugin, text: string, lines = 3): string {
  const kept = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const errorAt = kept.findIndex((l) => /^error\b/i.test(l));
  const chosen = errorAt >= 0 ? kept.slice(errorAt, errorAt + lines) : kept.slice(-lines);
  return redact(chosen.join(' '), session.secrets) || '(no output)';
}

/** Runs `spin <args>` with the secrets in its environment; never throws for a non-zero exit. */
export async function runSpin(
  session: SpinPlugin,
  args: readonly string[],
  options: { timeoutSeconds: number; echo?: boolean; onOutput?: (chunk: string) => void },
): Promise<SpinRun> {
  const started = performance.now();
  const timeoutMs = Math.max(1, options.timeoutSeconds * 1000);
  // a timeout stops spin and what it started (a plugin is spin's child, and a hung one must go too)
  const result = await execCapture('spin', args, {
    env: session.secrets,
    timeoutMs,
    onOutput: (chunk: string) => {
      options.onOutput?.(chunk);
      if (options.echo) session.logger.output(redact(chunk, session.secrets));
    },
  }).then(
    (done) => ({ ...done, timedOut: false }),
    (error: unknown) => {
      if (!(error instanceof CommandTimeoutError)) throw error;
      return { code: 124, stdout: error.output, stderr: '', timedOut: true };
    },
  );
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

const TOKEN_WORDS =
  /unauthori[sz]ed|\b401\b|\b403\b|forbidden|token|not logged in|log ?in|expired|credential/i;
const LIMIT_WORDS = /quota|rate.?limit|too many|\b429\b|maximum number|limit (?:of|reached)/i;

/**
 * One line for a failed `spin <args>`: a hang (killed at `deploy-timeout`), a refused token, a
 * platform limit, or else the command, its exit code and its last words.
 */
export function commandFault(
  session: SpinPlugin,
  args: readonly string[],
  run: SpinRun,
  timeoutSeconds: number,
): UserError {
  const command = `\`spin ${redact(args.join(' '), session.secrets)}\``;
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.timedOut)
    return new UserError(
      `${session.label}: ${command} did not finish within ${timeoutSeconds} s (\`deploy-timeout\`) and was stopped; its last output: ${lastWords(session, output)}`,
    );
  const words = lastWords(session, run.stderr || run.stdout);
  if (LIMIT_WORDS.test(output))
    return new UserError(
      `${session.label}: the platform refused the deploy for a limit (${session.limitHint}): ${words}`,
    );
  if (TOKEN_WORDS.test(output))
    return new UserError(
      `${session.label}: the platform refused the token in \`${session.tokenInput}\` (env \`${session.tokenEnv}\`); make a new one and update the secret: ${words}`,
    );
  return new UserError(`${session.label}: ${command} failed with exit code ${run.code}: ${words}`);
}

const NOT_FOUND_WORDS = /not found|no (?:such )?app|does not exist|doesn't exist|\b404\b/i;

/**
 * A failed app lookup (`apps info`, `app status`): the app does not exist (returns), or a
 * fault to throw: a refused token, a limit or a hang always; any other failure only when
 * `strict` (confirming a delete). A lenient lookup treats it as absent and says so, since the
 * wording of "no such app" is not documented.
 */
export function absentOrFault(
  session: SpinPlugin,
  args: readonly string[],
  run: SpinRun,
  timeoutSeconds: number,
  strict: boolean,
): void {
  const output = `${run.stdout}\n${run.stderr}`;
  if (NOT_FOUND_WORDS.test(output)) return;
  const fault = commandFault(session, args, run, timeoutSeconds);
  if (strict || run.timedOut || TOKEN_WORDS.test(output) || LIMIT_WORDS.test(output)) throw fault;
  session.logger.info(`${fault.message} (taken as: no such app yet)`);
}

/** Runs `spin <args>` and throws the command's fault unless it exits 0. */
export async function spinOk(
  session: SpinPlugin,
  args: readonly string[],
  timeoutSeconds: number,
): Promise<SpinRun> {
  const run = await runSpin(session, args, { timeoutSeconds });
  if (run.code !== 0) throw commandFault(session, args, run, timeoutSeconds);
  return run;
}

/**
 * The first version in `text` (`aka 0.6.1`, `0.7.0-rc.1`, `1.2`: `1.2.0`), as semver reads it,
 * pre-release included; undefined when there is none.
 */
export function parseVersion(text: string): string | undefined {
  return semver.coerce(text, { includePrerelease: true })?.version;
}

/** `version` ≥ `wanted` in semver's order: a pre-release comes before its release. */
export function versionAtLeast(version: string, wanted: string): boolean {
  return semver.gte(version, wanted);
}

/**
 * Makes sure the plugin is installed (`spin plugins list --installed`, then `spin plugins
 * install <plugin> --yes`) and returns its version, as the list or `spin <plugin> --version`
 * prints it (undefined when neither says).
 */
export async function ensurePlugin(
  session: SpinPlugin,
  timeoutSeconds: number,
): Promise<string | undefined> {
  const installed = async (): Promise<string | undefined> => {
    const list = await spinOk(session, ['plugins', 'list', '--installed'], timeoutSeconds);
    // `<name> <version> [installed]` (spelling unverified: the first two words are enough)
    for (const line of list.stdout.split('\n')) {
      const [name, version] = line.trim().split(/\s+/);
      if (name === session.plugin) return version ?? '';
    }
    return undefined;
  };
  let version = await installed();
  if (version === undefined) {
    session.logger.info(`${session.label}: installing the Spin plugin \`${session.plugin}\``);
    const args = ['plugins', 'install', session.plugin, '--yes'];
    const run = await runSpin(session, args, { timeoutSeconds });
    if (run.code !== 0)
      throw new UserError(
        `${session.label}: the Spin plugin \`${session.plugin}\` cannot be installed (\`spin ${args.join(' ')}\` exited ${run.code}): ${lastWords(session, run.stderr || run.stdout)}`,
      );
    version = (await installed()) ?? '';
  }
  if (parseVersion(version)) return version;
  // the list did not say: ask the plugin itself (`spin-<plugin> x.y.z`)
  const own = await runSpin(session, [session.plugin, '--version'], { timeoutSeconds });
  const found = own.code === 0 ? parseVersion(own.stdout) : undefined;
  return found;
}

/** A deploy command timed together with the new version's first healthy answer. */
export interface TimedDeploy {
  readonly readiness: Readiness;
  readonly run: SpinRun;
}

/** Where the deployed app answers: what the command printed, then what the platform says. */
export interface UrlSources {
  /** The URL in the deploy command's output (known the moment it exits). */
  readonly printed: (run: SpinRun) => string | undefined;
  /** Asks the platform (`apps info`, `app status`); it replaces the printed URL when it answers. */
  readonly lookUp: (printed: string | undefined) => Promise<string | undefined>;
}

/**
 * Runs the deploy command and, meanwhile, waits for the new version: the clock starts right
 * before the command, readiness polls as soon as the app's URL is known (before the deploy
 * for an existing app, else the printed one, then the platform's), and both share the one
 * deadline (`deploy-timeout`). A failed or hung command is the error, not the wait.
 */
export async function deployTimed(
  session: SpinPlugin,
  request: Pick<DeploySettings, 'healthPath' | 'healthExpect' | 'timeoutSeconds'>,
  args: readonly string[],
  known: { url?: string; before: BeforeDeploy },
  sources: UrlSources,
): Promise<TimedDeploy> {
  let url = known.url;
  let failure: unknown;
  let urlMissing = false;
  let commandDone = false;
  let output = '';
  // Nothing tells the versions apart (no Spin info before, no `health-expect`): the old
  // version's 200 would stop the clock at once, so the first 200 after the command counts.
  const unprovable =
    known.url !== undefined && known.before.state !== 'info' && request.healthExpect === undefined;
  if (unprovable)
    session.logger.warning(
      `${session.label}: ${known.url} served no Spin info before the deploy; without \`health-expect\` the new version cannot be told from the old, so its first 200 after the deploy command counts`,
    );
  const startedAt = performance.now();
  const command = runSpin(session, args, {
    timeoutSeconds: request.timeoutSeconds,
    echo: true,
    onOutput: (chunk) => (output += chunk),
  })
    .then(async (run) => {
      if (run.code !== 0) throw commandFault(session, args, run, request.timeoutSeconds);
      const printed = sources.printed(run);
      if (printed) url = printed;
      const after = await sources.lookUp(printed);
      if (after) url = after;
      else if (!url) urlMissing = true;
      commandDone = true;
      return run;
    })
    .catch((error: unknown) => {
      failure = error;
      throw error;
    });
  command.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
  // A plugin runs as spin's child: killing spin at the deadline may leave it holding the
  // pipes, so the command is awaited only a grace period past the deadline.
  const finished = async (): Promise<void> => {
    const wait = startedAt + request.timeoutSeconds * 1000 + KILL_GRACE_MS - performance.now();
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      command.then(
        () => true,
        () => true,
      ),
      new Promise<false>(
        (resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, wait))),
      ),
    ]);
    clearTimeout(timer);
    if (!done)
      throw new UserError(
        `${session.label}: \`spin ${redact(args.join(' '), session.secrets)}\` did not finish within ${request.timeoutSeconds} s (\`deploy-timeout\`) and was stopped; its last output: ${lastWords(session, output)}`,
      );
  };
  let readiness: Readiness;
  try {
    readiness = await waitUntilReady({
      label: session.label,
      baseUrl: () => (unprovable && !commandDone ? undefined : url),
      healthPath: request.healthPath,
      ...(request.healthExpect !== undefined ? { healthExpect: request.healthExpect } : {}),
      before: known.before,
      startedAt,
      timeoutSeconds: request.timeoutSeconds,
      isDead: () =>
        failure !== undefined
          ? 'the deploy command failed'
          : urlMissing
            ? 'the deploy printed no URL'
            : undefined,
    });
  } catch (error) {
    // the command's own fault (or hang) says more than the wait it cut short
    await finished();
    if (failure !== undefined) throw failure;
    if (urlMissing)
      throw new UserError(
        `${session.label}: \`spin ${args.join(' ')}\` succeeded but told no URL of the app, so its answer cannot be timed`,
      );
    throw error;
  }
  await finished();
  return { readiness, run: await command };
}
