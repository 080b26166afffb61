import {
  lookUpApp,
  remoteSpinTarget,
  type PlatformRun,
  type RemoteSpinPlatform,
} from '../../remote-spin/remote-spin-target.js';
import { parsePairs, runSpin, VARIABLES_INPUT } from '../../remote-spin/spin-plugin.js';

/**
 * Fermyon Cloud through the `cloud` plugin: `spin cloud deploy --readiness-timeout 0` (the
 * plugin's own wait would hide when the app really answered), timed by spinwash's readiness
 * clock against Spin's info digest. The token travels in `SPIN_AUTH_TOKEN`, never in argv. A
 * preview deploys from a copy of spin.toml under the preview's name.
 */

export interface FermyonCloudOptions {
  readonly variables: readonly (readonly [string, string])[];
  readonly keyValues: readonly (readonly [string, string])[];
}

/** The app's base URL from `spin cloud deploy`'s output. */
export function cloudDeployUrl(output: string): string | undefined {
  const view = /View application:\s*(https?:\/\/\S+)/.exec(output)?.[1];
  if (view) return view;
  const running = /Application is running at\s*(\S+)/.exec(output)?.[1];
  if (!running) return undefined;
  return /^https?:\/\//.test(running) ? running : `https://${running}`;
}

type Run = PlatformRun<FermyonCloudOptions>;

const fermyonCloud: RemoteSpinPlatform<FermyonCloudOptions> = {
  name: 'fermyon-cloud',
  summary: '`fermyon-cloud` deploys it to Fermyon Cloud with `spin cloud deploy`',
  plugin: 'cloud',
  token: {
    input: 'fermyon-token',
    env: 'SPIN_AUTH_TOKEN',
    what: 'Fermyon Cloud token for `deploy: fermyon-cloud`',
  },
  limitHint:
    'the free plan allows 5 apps and 10 deploys a minute; delete apps or previews you no longer need, or wait a minute',
  inputs: {
    variables: VARIABLES_INPUT,
    'key-values': {
      default: '',
      description:
        'Key-value store entries for `deploy: fermyon-cloud`: `key=value`, comma- or newline-separated (passed as `--key-value`).',
    },
  },
  parseOptions: (read) => ({
    variables: parsePairs('variables', read('variables')),
    keyValues: parsePairs('key-values', read('key-values')),
  }),
  previewRenamesManifest: true,
  // `spin cloud apps info <app> --format json`: apps are known by name only
  statusArgs: (_run, app) => [
    'cloud',
    'apps',
    'info',
    'id' in app ? app.id : app.name,
    '--format',
    'json',
  ],
  statusOf: (json) => {
    const url = (json as { url?: unknown } | null)?.url;
    return typeof url === 'string' && url !== '' ? { url } : {};
  },
  existingApp: async (run: Run) => {
    const ref = { name: run.app };
    const status = await lookUpApp(fermyonCloud, run, ref);
    return { ref, ...(status ? { status } : {}) };
  },
  deployArgs: (run, manifest) => [
    'cloud',
    'deploy',
    '-f',
    manifest,
    '--readiness-timeout',
    '0',
    ...run.request.options.variables.flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
    ...run.request.options.keyValues.flatMap(([k, v]) => ['--key-value', `${k}=${v}`]),
  ],
  printedUrl: cloudDeployUrl,
  // asked only when the output named none (no HTTP routes, another spelling)
  urlAfterDeploy: async (run, printed, onto) =>
    printed ? undefined : (await lookUpApp(fermyonCloud, run, onto))?.url,
  deleteApp: async (run, app) => {
    const name = 'id' in app ? app.id : app.name;
    const { timeoutSeconds } = run.request;
    // `--yes` for a run without a terminal (unverified flag): retried without it when refused
    let args = ['cloud', 'apps', 'delete', name, '--yes'];
    let done = await runSpin(run.session, args, { timeoutSeconds });
    if (
      done.code !== 0 &&
      /unexpected argument '--yes'|unknown (?:argument|flag)/i.test(done.stderr)
    ) {
      args = ['cloud', 'apps', 'delete', name];
      done = await runSpin(run.session, args, { timeoutSeconds });
    }
    return { args, run: done };
  },
};

export const fermyonCloudTarget = remoteSpinTarget(fermyonCloud);
