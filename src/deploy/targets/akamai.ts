import path from 'node:path';
import { UserError } from '../../errors.js';
import { NOTHING_BEFORE, snapshotBeforeDeploy } from '../readiness.js';
import {
  absentOrFault,
  commandFault,
  deployTimed,
  ensurePlugin,
  lastWords,
  parsePairs,
  parseVersion,
  requireToken,
  runSpin,
  tokenInput,
  VARIABLES_INPUT,
  versionAtLeast,
  type SpinPlugin,
} from '../spin-plugin.js';
import type { DeployRequest, Deployment, DeployTarget } from '../target.js';

/**
 * Akamai Functions through the `aka` plugin: `spin aka deploy --no-confirm
 * --skip-readiness-check` onto an app by id (`akamai-app-id`) or by name (created on the first
 * deploy), the URL from `spin aka app status --format json`. The token travels in
 * `SPIN_AKA_ACCESS_TOKEN`, never in argv. The plugin's flags changed after v0.1; they are
 * picked by its version.
 */

export interface AkamaiOptions {
  readonly appId?: string;
  readonly variables: readonly (readonly [string, string])[];
}

const TOKEN_ENV = 'SPIN_AKA_ACCESS_TOKEN';
/** `--skip-readiness-check` came with aka 0.6.0: without it the plugin's own wait is timed. */
const MIN_DEPLOY_VERSION = '0.6.0';
/** Before 0.2 the plugin spelled `apps info|delete`, `-i/-n`, `--yes`. */
const CURRENT_SPELLING = '0.2.0';

export const akamaiTarget: DeployTarget<AkamaiOptions> = {
  name: 'akamai',
  cli: 'spin',
  summary: '`akamai` deploys it to Akamai Functions with `spin aka deploy`',
  inputs: {
    'akamai-token': tokenInput(
      TOKEN_ENV,
      'Akamai Functions token for `deploy: akamai` (`spin aka auth token create`)',
    ),
    'akamai-app-id': {
      default: '',
      description:
        'The Akamai Functions app to deploy onto (`--app-id`); empty: the app named as in spin.toml, created on its first deploy.',
    },
    variables: VARIABLES_INPUT,
  },
  spinPlugins: ['aka'],
  parseOptions: (read) => {
    read('akamai-token'); // collected into the request's secrets by the config (env only)
    const appId = read('akamai-app-id');
    if (appId !== '' && !/^[A-Za-z0-9_-]+$/.test(appId))
      throw new UserError(
        `Input \`akamai-app-id\` has the value "${appId}"; accepted: an app id (letters, digits, \`-\`, \`_\`) as \`spin aka app list\` shows it`,
      );
    return {
      ...(appId !== '' ? { appId } : {}),
      variables: parsePairs('variables', read('variables')),
    };
  },
  deploy: deployAkamai,
  undeploy: undeployAkamai,
};

function session(request: DeployRequest<AkamaiOptions>): SpinPlugin {
  return {
    label: 'akamai',
    plugin: 'aka',
    tokenInput: 'akamai-token',
    tokenEnv: TOKEN_ENV,
    limitHint: "your account's app or request limit; delete apps or previews you no longer need",
    secrets: request.secrets,
    logger: request.logger,
  };
}

/** The plugin's commands as its version spells them. */
interface Spelling {
  status(app: AppRef): string[];
  delete(app: AppRef): string[];
}

type AppRef = { readonly id: string } | { readonly name: string };

function spellingOf(version: string | undefined): Spelling {
  if (version && !versionAtLeast(version, CURRENT_SPELLING))
    return {
      status: (app) => ['aka', 'apps', 'info', ...ref(app, '-i', '-n'), '--format', 'json'],
      delete: (app) => ['aka', 'apps', 'delete', ...ref(app, '-i', '-n'), '--yes'],
    };
  return {
    status: (app) => [
      'aka',
      'app',
      'status',
      ...ref(app, '--app-id', '--app-name'),
      '--format',
      'json',
    ],
    delete: (app) => [
      'aka',
      'app',
      'delete',
      ...ref(app, '--app-id', '--app-name'),
      '--no-confirm',
    ],
  };
}

function ref(app: AppRef, idFlag: string, nameFlag: string): string[] {
  return 'id' in app ? [idFlag, app.id] : [nameFlag, app.name];
}

interface AppStatus {
  readonly id?: string;
  readonly url?: string;
}

/** `spin aka app status … --format json`, or undefined when there is no such app. */
async function appStatus(
  cli: SpinPlugin,
  spelling: Spelling,
  app: AppRef,
  timeoutSeconds: number,
  strict = false,
): Promise<AppStatus | undefined> {
  const args = spelling.status(app);
  const run = await runSpin(cli, args, { timeoutSeconds });
  if (run.code !== 0) {
    absentOrFault(cli, args, run, timeoutSeconds, strict);
    return undefined;
  }
  try {
    const status = JSON.parse(run.stdout) as { id?: unknown; urls?: unknown };
    const urls = Array.isArray(status.urls)
      ? status.urls.filter((u): u is string => typeof u === 'string')
      : [];
    return {
      ...(typeof status.id === 'string' ? { id: status.id } : {}),
      ...(urls[0] ? { url: urls[0] } : {}),
    };
  } catch {
    throw new UserError(
      `akamai: \`spin ${args.join(' ')}\` printed no JSON: ${lastWords(cli, run.stdout)}`,
    );
  }
}

/** The first route's URL under `App Routes:` in `spin aka deploy`'s output (any domain). */
export function akaRoutesUrl(output: string): string | undefined {
  const routes = output.split(/App Routes:\s*\n/)[1];
  const url = routes && /^\s*-\s*[^:\n]+:\s*(https?:\/\/[^\s/]+)/m.exec(routes)?.[1];
  return url || undefined;
}

async function pluginSpelling(
  cli: SpinPlugin,
  timeoutSeconds: number,
): Promise<{ spelling: Spelling; version?: string }> {
  const version = await ensurePlugin(cli, timeoutSeconds);
  const parsed = version ? parseVersion(version) : undefined;
  if (!parsed)
    cli.logger.info('akamai: the `aka` plugin did not tell its version; using current flags');
  return { spelling: spellingOf(parsed), ...(version ? { version } : {}) };
}

async function deployAkamai(request: DeployRequest<AkamaiOptions>): Promise<Deployment> {
  const cli = session(request);
  if (request.project.kind !== 'spin')
    throw new UserError(
      `deploy \`akamai\` deploys Spin apps; this is a ${request.project.kind} project (no spin.toml)`,
    );
  const manifest = request.project.manifest ?? path.join(request.project.dir, 'spin.toml');
  requireToken(cli);
  const { timeoutSeconds } = request;
  const { spelling, version } = await pluginSpelling(cli, timeoutSeconds);
  const parsed = version ? parseVersion(version) : undefined;
  if (parsed && !versionAtLeast(parsed, MIN_DEPLOY_VERSION))
    throw new UserError(
      `akamai: the installed \`aka\` plugin is ${version}; spinwash needs ${MIN_DEPLOY_VERSION} or later (its \`--skip-readiness-check\` lets spinwash time the app rather than the plugin's own wait): run \`spin plugins update && spin plugins upgrade aka --yes\``,
    );
  // a preview is its own app, found and created by name; else the id input, else the name
  const name = request.preview?.name ?? request.project.appName;
  const target: AppRef =
    !request.preview && request.options.appId ? { id: request.options.appId } : { name };
  const existing = await appStatus(cli, spelling, target, timeoutSeconds);
  if (!existing && 'id' in target)
    throw new UserError(
      `Input \`akamai-app-id\` has the value "${target.id}"; no such app in the account the token belongs to (see \`spin aka app list\`)`,
    );
  const before = existing?.url ? await snapshotBeforeDeploy(existing.url) : NOTHING_BEFORE;
  const onto = existing?.id ? ['--app-id', existing.id] : ['--create-name', name];
  const args = [
    'aka',
    'deploy',
    '-f',
    manifest,
    ...onto,
    '--no-confirm',
    '--skip-readiness-check',
    ...request.options.variables.flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
  ];
  const { readiness, run } = await deployTimed(
    cli,
    request,
    args,
    { ...(existing?.url ? { url: existing.url } : {}), before },
    {
      // polled at once; `app status` is the reliable word and replaces it when it answers
      printed: (run) => akaRoutesUrl(run.stdout),
      lookUp: async (printed) => {
        const app: AppRef = existing?.id ? { id: existing.id } : { name };
        try {
          return (await appStatus(cli, spelling, app, timeoutSeconds))?.url;
        } catch (error) {
          if (printed) return undefined; // the printed URL will do
          throw error;
        }
      },
    },
  );
  request.logger.info(
    `akamai: ${name} answered as the new version at ${readiness.url} ${readiness.readySeconds.toFixed(2)} s after \`spin aka deploy\` started (the command took ${run.seconds.toFixed(2)} s)`,
  );
  return {
    report: {
      target: 'akamai',
      url: new URL(readiness.url).href,
      status: readiness.status,
      readySeconds: readiness.readySeconds,
      firstResponseSeconds: readiness.firstResponseSeconds,
      commandSeconds: run.seconds,
      ...(readiness.versionProof ? { versionProof: readiness.versionProof } : {}),
      ...(readiness.digest ? { digest: readiness.digest } : {}),
    },
    stop: async () => undefined, // the app stays up; nothing runs here
  };
}

/** Deletes the app (a preview) by name and confirms it is gone; a failed delete is an error. */
async function undeployAkamai(request: DeployRequest<AkamaiOptions>): Promise<void> {
  const cli = session(request);
  requireToken(cli);
  const { timeoutSeconds } = request;
  const { spelling } = await pluginSpelling(cli, timeoutSeconds);
  const app: AppRef = { name: request.preview?.name ?? request.project.appName };
  if (!(await appStatus(cli, spelling, app, timeoutSeconds))) {
    request.logger.info(`akamai: ${app.name} does not exist (already deleted)`);
    return;
  }
  const args = spelling.delete(app);
  const run = await runSpin(cli, args, { timeoutSeconds });
  if (run.code !== 0) throw commandFault(cli, args, run, timeoutSeconds);
  if (await appStatus(cli, spelling, app, timeoutSeconds, true))
    throw new UserError(`akamai: ${app.name} is still listed after \`spin ${args.join(' ')}\``);
  request.logger.info(`akamai: deleted ${app.name}`);
}
