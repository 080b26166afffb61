import { UserError } from '../../../errors.js';
import {
  lookUpApp,
  remoteSpinTarget,
  type AppRef,
  type PlatformRun,
  type RemoteSpinPlatform,
} from '../../remote-spin/remote-spin-target.js';
import {
  parsePairs,
  runSpin,
  VARIABLES_INPUT,
  versionAtLeast,
} from '../../remote-spin/spin-plugin.js';

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

/** `--skip-readiness-check` came with aka 0.6.0: without it the plugin's own wait is timed. */
const MIN_DEPLOY_VERSION = '0.6.0';
/** Before 0.2 the plugin spelled `apps info|delete`, `-i/-n`, `--yes`. */
const CURRENT_SPELLING = '0.2.0';

type Run = PlatformRun<AkamaiOptions>;

/** The plugin's spelling of an app, `-i`/`-n` before 0.2, `--app-id`/`--app-name` since. */
function ref(run: Run, app: AppRef): string[] {
  const [idFlag, nameFlag] = oldSpelling(run) ? ['-i', '-n'] : ['--app-id', '--app-name'];
  return 'id' in app ? [idFlag, app.id] : [nameFlag, app.name];
}

function oldSpelling(run: Run): boolean {
  return run.version !== undefined && !versionAtLeast(run.version, CURRENT_SPELLING);
}

/** The first route's URL under `App Routes:` in `spin aka deploy`'s output (any domain). */
export function akaRoutesUrl(output: string): string | undefined {
  const routes = output.split(/App Routes:\s*\n/)[1];
  const url = routes && /^\s*-\s*[^:\n]+:\s*(https?:\/\/[^\s/]+)/m.exec(routes)?.[1];
  return url || undefined;
}

const akamai: RemoteSpinPlatform<AkamaiOptions> = {
  name: 'akamai',
  summary: '`akamai` deploys it to Akamai Functions with `spin aka deploy`',
  plugin: 'aka',
  token: {
    input: 'akamai-token',
    env: 'SPIN_AKA_ACCESS_TOKEN',
    what: 'Akamai Functions token for `deploy: akamai` (`spin aka auth token create`)',
  },
  limitHint: "your account's app or request limit; delete apps or previews you no longer need",
  inputs: {
    'akamai-app-id': {
      default: '',
      description:
        'The Akamai Functions app to deploy onto (`--app-id`); empty: the app named as in spin.toml, created on its first deploy.',
    },
    variables: VARIABLES_INPUT,
  },
  parseOptions: (read) => {
    const appId = read('akamai-app-id');
    if (appId !== '' && !/^[A-Za-z0-9_-]+$/.test(appId))
      throw new UserError(
        (a) =>
          `${a.subject('akamai-app-id')} has the value "${appId}"; accepted: an app id (letters, digits, \`-\`, \`_\`) as \`spin aka app list\` shows it`,
      );
    return {
      ...(appId !== '' ? { appId } : {}),
      variables: parsePairs('variables', read('variables')),
    };
  },
  // a preview is its own app, found and created by name
  previewRenamesManifest: false,
  pluginReady: (run, purpose) => {
    if (!run.version)
      run.session.logger.info(
        'akamai: the `aka` plugin did not tell its version; using current flags',
      );
    else if (purpose === 'deploy' && !versionAtLeast(run.version, MIN_DEPLOY_VERSION))
      throw new UserError(
        `akamai: the installed \`aka\` plugin is ${run.version}; spinwash needs ${MIN_DEPLOY_VERSION} or later (its \`--skip-readiness-check\` lets spinwash time the app rather than the plugin's own wait): run \`spin plugins update && spin plugins upgrade aka --yes\``,
      );
  },
  statusArgs: (run, app) =>
    oldSpelling(run)
      ? ['aka', 'apps', 'info', ...ref(run, app), '--format', 'json']
      : ['aka', 'app', 'status', ...ref(run, app), '--format', 'json'],
  statusOf: (json) => {
    const status = (json ?? {}) as { id?: unknown; urls?: unknown };
    const urls = Array.isArray(status.urls)
      ? status.urls.filter((u): u is string => typeof u === 'string')
      : [];
    return {
      ...(typeof status.id === 'string' ? { id: status.id } : {}),
      ...(urls[0] ? { url: urls[0] } : {}),
    };
  },
  // the id input, else the app's name; a preview always by its own name
  existingApp: async (run) => {
    const { appId } = run.request.options;
    const target: AppRef = !run.request.preview && appId ? { id: appId } : { name: run.app };
    const status = await lookUpApp(akamai, run, target);
    if (!status && 'id' in target)
      throw new UserError(
        (a) =>
          `${a.subject('akamai-app-id')} has the value "${target.id}"; no such app in the account the token belongs to (see \`spin aka app list\`)`,
      );
    return { ref: target, ...(status ? { status } : {}) };
  },
  deployArgs: (run, manifest, existing) => [
    'aka',
    'deploy',
    '-f',
    manifest,
    ...(existing?.id ? ['--app-id', existing.id] : ['--create-name', run.app]),
    '--no-confirm',
    '--skip-readiness-check',
    ...run.request.options.variables.flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
  ],
  printedUrl: akaRoutesUrl,
  // the printed URL is polled at once; `app status` is the reliable word and replaces it
  urlAfterDeploy: async (run, printed, onto) => {
    try {
      return (await lookUpApp(akamai, run, onto))?.url;
    } catch (error) {
      if (printed) return undefined; // the printed URL will do
      throw error;
    }
  },
  deleteApp: async (run, app) => {
    const args = oldSpelling(run)
      ? ['aka', 'apps', 'delete', ...ref(run, app), '--yes']
      : ['aka', 'app', 'delete', ...ref(run, app), '--no-confirm'];
    return {
      args,
      run: await runSpin(run.session, args, { timeoutSeconds: run.request.timeoutSeconds }),
    };
  },
};

export const akamaiTarget = remoteSpinTarget(akamai);
