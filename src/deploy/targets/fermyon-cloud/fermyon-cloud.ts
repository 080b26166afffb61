import path from 'node:path';
import { UserError } from '../../../errors.js';
import { previewManifest, type ManifestCopy } from '../../preview.js';
import { NOTHING_BEFORE, snapshotBeforeDeploy } from '../../readiness.js';
import {
  absentOrFault,
  commandFault,
  deployTimed,
  ensurePlugin,
  lastWords,
  parsePairs,
  requireToken,
  runSpin,
  tokenInput,
  VARIABLES_INPUT,
  type SpinPlugin,
} from '../../remote-spin/spin-plugin.js';
import type { DeployRequest, Deployment, DeployTarget } from '../../target.js';

/**
 * Fermyon Cloud through the `cloud` plugin: `spin cloud deploy --readiness-timeout 0` (the
 * plugin's own wait would hide when the app really answered), timed by spinwash's readiness
 * clock against Spin's info digest. The token travels in `SPIN_AUTH_TOKEN`, never in argv.
 */

export interface FermyonCloudOptions {
  readonly variables: readonly (readonly [string, string])[];
  readonly keyValues: readonly (readonly [string, string])[];
}

const TOKEN_ENV = 'SPIN_AUTH_TOKEN';

export const fermyonCloudTarget: DeployTarget<FermyonCloudOptions> = {
  name: 'fermyon-cloud',
  cli: 'spin',
  summary: '`fermyon-cloud` deploys it to Fermyon Cloud with `spin cloud deploy`',
  inputs: {
    'fermyon-token': tokenInput(TOKEN_ENV, 'Fermyon Cloud token for `deploy: fermyon-cloud`'),
    variables: VARIABLES_INPUT,
    'key-values': {
      default: '',
      description:
        'Key-value store entries for `deploy: fermyon-cloud`: `key=value`, comma- or newline-separated (passed as `--key-value`).',
    },
  },
  spinPlugins: ['cloud'],
  parseOptions: (read) => {
    read('fermyon-token'); // collected into the request's secrets by the config (env only)
    return {
      variables: parsePairs('variables', read('variables')),
      keyValues: parsePairs('key-values', read('key-values')),
    };
  },
  deploy: deployFermyonCloud,
  undeploy: undeployFermyonCloud,
};

function session(request: DeployRequest<FermyonCloudOptions>): SpinPlugin {
  return {
    label: 'fermyon-cloud',
    plugin: 'cloud',
    tokenInput: 'fermyon-token',
    tokenEnv: TOKEN_ENV,
    limitHint:
      'the free plan allows 5 apps and 10 deploys a minute; delete apps or previews you no longer need, or wait a minute',
    secrets: request.secrets,
    logger: request.logger,
  };
}

function manifestOf(request: DeployRequest<FermyonCloudOptions>): string {
  const manifest = request.project.manifest ?? path.join(request.project.dir, 'spin.toml');
  if (request.project.kind !== 'spin')
    throw new UserError(
      `deploy \`fermyon-cloud\` deploys Spin apps; this is a ${request.project.kind} project (no spin.toml)`,
    );
  return manifest;
}

/** `spin cloud apps info <app> --format json`: the app's URL, or undefined when it does not exist. */
async function appInfo(
  cli: SpinPlugin,
  app: string,
  timeoutSeconds: number,
  strict = false,
): Promise<{ url?: string } | undefined> {
  const args = ['cloud', 'apps', 'info', app, '--format', 'json'];
  const run = await runSpin(cli, args, { timeoutSeconds });
  if (run.code !== 0) {
    absentOrFault(cli, args, run, timeoutSeconds, strict);
    return undefined;
  }
  try {
    const info = JSON.parse(run.stdout) as { url?: unknown };
    return typeof info.url === 'string' && info.url !== '' ? { url: info.url } : {};
  } catch {
    throw new UserError(
      `fermyon-cloud: \`spin ${args.join(' ')}\` printed no JSON: ${lastWords(cli, run.stdout)}`,
    );
  }
}

/** The app's base URL from `spin cloud deploy`'s output. */
export function cloudDeployUrl(output: string): string | undefined {
  const view = /View application:\s*(https?:\/\/\S+)/.exec(output)?.[1];
  if (view) return view;
  const running = /Application is running at\s*(\S+)/.exec(output)?.[1];
  if (!running) return undefined;
  return /^https?:\/\//.test(running) ? running : `https://${running}`;
}

async function deployFermyonCloud(
  request: DeployRequest<FermyonCloudOptions>,
): Promise<Deployment> {
  const cli = session(request);
  const manifest = manifestOf(request);
  requireToken(cli);
  const { timeoutSeconds } = request;
  await ensurePlugin(cli, timeoutSeconds);
  const app = request.preview?.name ?? request.project.appName;
  let copy: ManifestCopy | undefined;
  try {
    if (request.preview) copy = await previewManifest(manifest, app);
    // an existing app's address is known now: its answer before the deploy is the old version
    const existing = await appInfo(cli, app, timeoutSeconds);
    const before = existing?.url ? await snapshotBeforeDeploy(existing.url) : NOTHING_BEFORE;
    const args = [
      'cloud',
      'deploy',
      '-f',
      copy?.file ?? manifest,
      '--readiness-timeout',
      '0',
      ...request.options.variables.flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
      ...request.options.keyValues.flatMap(([k, v]) => ['--key-value', `${k}=${v}`]),
    ];
    const { readiness, run } = await deployTimed(
      cli,
      request,
      args,
      { ...(existing?.url ? { url: existing.url } : {}), before },
      {
        printed: (run) => cloudDeployUrl(run.stdout),
        // only when the output named none (no HTTP routes, another spelling)
        lookUp: async (printed) =>
          printed ? undefined : (await appInfo(cli, app, timeoutSeconds))?.url,
      },
    );
    request.logger.info(
      `fermyon-cloud: ${app} answered as the new version at ${readiness.url} ${readiness.readySeconds.toFixed(2)} s after \`spin cloud deploy\` started (the command took ${run.seconds.toFixed(2)} s)`,
    );
    return {
      report: {
        target: 'fermyon-cloud',
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
  } finally {
    await copy?.remove();
  }
}

/** Deletes the app (a preview) and confirms it is gone; a failed delete is an error. */
async function undeployFermyonCloud(request: DeployRequest<FermyonCloudOptions>): Promise<void> {
  const cli = session(request);
  requireToken(cli);
  const { timeoutSeconds } = request;
  await ensurePlugin(cli, timeoutSeconds);
  const app = request.preview?.name ?? request.project.appName;
  if (!(await appInfo(cli, app, timeoutSeconds))) {
    request.logger.info(`fermyon-cloud: ${app} does not exist (already deleted)`);
    return;
  }
  // `--yes` for a run without a terminal (unverified flag): retried without it when refused
  let args = ['cloud', 'apps', 'delete', app, '--yes'];
  let run = await runSpin(cli, args, { timeoutSeconds });
  if (run.code !== 0 && /unexpected argument '--yes'|unknown (?:argument|flag)/i.test(run.stderr)) {
    args = ['cloud', 'apps', 'delete', app];
    run = await runSpin(cli, args, { timeoutSeconds });
  }
  if (run.code !== 0) throw commandFault(cli, args, run, timeoutSeconds);
  if (await appInfo(cli, app, timeoutSeconds, true))
    throw new UserError(`fermyon-cloud: ${app} is still listed after \`spin cloud apps delete\``);
  request.logger.info(`fermyon-cloud: deleted ${app}`);
}
