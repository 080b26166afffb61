import path from 'node:path';
import { UserError } from '../../errors.js';
import { previewManifest, type ManifestCopy } from '../preview.js';
import { NOTHING_BEFORE, snapshotBeforeDeploy } from '../readiness.js';
import type {
  DeployRequest,
  Deployment,
  DeployTarget,
  InputReader,
  TargetInputs,
} from '../target.js';
import {
  absentOrFault,
  commandFault,
  deployTimed,
  ensurePlugin,
  lastWords,
  parseVersion,
  requireToken,
  runSpin,
  tokenInput,
  type SpinPlugin,
  type SpinRun,
} from './spin-plugin.js';

/**
 * The remote Spin targets (`fermyon-cloud`, `akamai`) are one deploy through a Spin plugin:
 * the token in the plugin's environment only, the plugin installed on demand, the app looked
 * up (its answer before the deploy is the old version), the deploy command timed by the
 * readiness clock, the report, and a delete that is confirmed. A platform supplies only what
 * differs: its plugin's commands and how their output reads.
 */

/** An app on the platform, by its id or its name. */
export type AppRef = { readonly id: string } | { readonly name: string };

/** What a platform's lookup (`apps info`, `app status`) says of an app. */
export interface AppStatus {
  readonly id?: string;
  readonly url?: string;
}

/** One deploy or delete on the platform: the plugin session and what it is about. */
export interface PlatformRun<Options> {
  readonly session: SpinPlugin;
  readonly request: DeployRequest<Options>;
  /** The plugin's version, as it told it (undefined: it did not say). */
  readonly version?: string;
  /** The app's name on the platform: the preview's, else the project's. */
  readonly app: string;
}

/** What one remote Spin platform adds to the shared deploy. */
export interface RemoteSpinPlatform<Options> {
  readonly name: string;
  readonly summary: string;
  /** The Spin plugin that talks to the platform (`cloud`, `aka`). */
  readonly plugin: string;
  /** Its token: the input, the environment variable the plugin reads, what the token is. */
  readonly token: { readonly input: string; readonly env: string; readonly what: string };
  /** What to do when the platform's limits stop a deploy (one sentence). */
  readonly limitHint: string;
  /** Its inputs besides the token. */
  readonly inputs: TargetInputs;
  /** Reads the inputs besides the token (the config collects the token into the secrets). */
  parseOptions(read: InputReader): Options;
  /** A preview deploys from a copy of spin.toml renamed to it (else its name goes by flag). */
  readonly previewRenamesManifest: boolean;
  /** Once the plugin is installed: refuses (a UserError) a version the run cannot use. */
  pluginReady?(run: PlatformRun<Options>, purpose: 'deploy' | 'delete'): void;
  /** The lookup command of an app, printing JSON. */
  statusArgs(run: PlatformRun<Options>, app: AppRef): string[];
  /** The lookup's JSON as an app's status. */
  statusOf(json: unknown): AppStatus;
  /** The app the deploy goes onto, and what it is before the deploy (undefined: none yet). */
  existingApp(run: PlatformRun<Options>): Promise<{ ref: AppRef; status?: AppStatus }>;
  /** The deploy command (`manifest`: the file to deploy, a preview's copy included). */
  deployArgs(run: PlatformRun<Options>, manifest: string, existing?: AppStatus): string[];
  /** The app's URL as the deploy command printed it. */
  printedUrl(stdout: string): string | undefined;
  /** After the deploy: the platform's word on the URL (undefined: the printed one stands). */
  urlAfterDeploy(
    run: PlatformRun<Options>,
    printed: string | undefined,
    onto: AppRef,
  ): Promise<string | undefined>;
  /** Runs the delete command of the app (by name); its result, judged by the base. */
  deleteApp(run: PlatformRun<Options>, app: AppRef): Promise<{ args: string[]; run: SpinRun }>;
}

/** The platform's lookup of an app, or undefined when the app does not exist. */
export async function lookUpApp<Options>(
  platform: RemoteSpinPlatform<Options>,
  run: PlatformRun<Options>,
  app: AppRef,
  strict = false,
): Promise<AppStatus | undefined> {
  const { session } = run;
  const { timeoutSeconds } = run.request;
  const args = platform.statusArgs(run, app);
  const result = await runSpin(session, args, { timeoutSeconds });
  if (result.code !== 0) {
    absentOrFault(session, args, result, timeoutSeconds, strict);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    throw new UserError(
      `${platform.name}: \`spin ${args.join(' ')}\` printed no JSON: ${lastWords(session, result.stdout)}`,
    );
  }
  return platform.statusOf(json);
}

/** The target of a remote Spin platform. */
export function remoteSpinTarget<Options>(
  platform: RemoteSpinPlatform<Options>,
): DeployTarget<Options> {
  return {
    name: platform.name,
    cli: 'spin',
    summary: platform.summary,
    inputs: {
      [platform.token.input]: tokenInput(platform.token.env, platform.token.what),
      ...platform.inputs,
    },
    local: false,
    previews: true,
    projectKinds: ['spin'],
    reportName: platform.name,
    spinPlugins: [platform.plugin],
    parseOptions: (read) => {
      read(platform.token.input); // collected into the request's secrets by the config (env only)
      return platform.parseOptions(read);
    },
    deploy: (request) => deployRemote(platform, request),
    undeploy: (request) => undeployRemote(platform, request),
  };
}

/** The plugin session, the token checked and the plugin installed: a run on the platform. */
async function startRun<Options>(
  platform: RemoteSpinPlatform<Options>,
  request: DeployRequest<Options>,
  purpose: 'deploy' | 'delete',
): Promise<PlatformRun<Options>> {
  const session: SpinPlugin = {
    label: platform.name,
    plugin: platform.plugin,
    tokenInput: platform.token.input,
    tokenEnv: platform.token.env,
    limitHint: platform.limitHint,
    secrets: request.secrets,
    logger: request.logger,
  };
  requireToken(session);
  const version = await ensurePlugin(session, request.timeoutSeconds);
  const parsed = version ? parseVersion(version) : undefined;
  const run: PlatformRun<Options> = {
    session,
    request,
    ...(parsed ? { version: parsed } : {}),
    app: request.preview?.name ?? request.project.appName,
  };
  platform.pluginReady?.(run, purpose);
  return run;
}

async function deployRemote<Options>(
  platform: RemoteSpinPlatform<Options>,
  request: DeployRequest<Options>,
): Promise<Deployment> {
  const manifest = request.project.manifest ?? path.join(request.project.dir, 'spin.toml');
  const run = await startRun(platform, request, 'deploy');
  let copy: ManifestCopy | undefined;
  try {
    if (request.preview && platform.previewRenamesManifest)
      copy = await previewManifest(manifest, run.app);
    // an existing app's address is known now: its answer before the deploy is the old version
    const existing = await platform.existingApp(run);
    const url = existing.status?.url;
    const before = url ? await snapshotBeforeDeploy(url) : NOTHING_BEFORE;
    const onto: AppRef = existing.status?.id ? { id: existing.status.id } : existing.ref;
    const args = platform.deployArgs(run, copy?.file ?? manifest, existing.status);
    const { readiness, run: command } = await deployTimed(
      run.session,
      request,
      args,
      { ...(url ? { url } : {}), before },
      {
        printed: (done) => platform.printedUrl(done.stdout),
        lookUp: (printed) => platform.urlAfterDeploy(run, printed, onto),
      },
    );
    request.logger.info(
      `${platform.name}: ${run.app} answered as the new version at ${readiness.url} ${readiness.readySeconds.toFixed(2)} s after \`spin ${platform.plugin} deploy\` started (the command took ${command.seconds.toFixed(2)} s)`,
    );
    return {
      report: {
        target: platform.name,
        url: new URL(readiness.url).href,
        status: readiness.status,
        readySeconds: readiness.readySeconds,
        firstResponseSeconds: readiness.firstResponseSeconds,
        commandSeconds: command.seconds,
        ...(readiness.versionProof ? { versionProof: readiness.versionProof } : {}),
        ...(readiness.digest ? { digest: readiness.digest } : {}),
      },
      stop: async () => undefined, // the app stays up; nothing runs here
    };
  } finally {
    await copy?.remove();
  }
}

/** Deletes the app (a preview) by name and confirms it is gone; a failed delete is an error. */
async function undeployRemote<Options>(
  platform: RemoteSpinPlatform<Options>,
  request: DeployRequest<Options>,
): Promise<void> {
  const run = await startRun(platform, request, 'delete');
  const app: AppRef = { name: run.app };
  if (!(await lookUpApp(platform, run, app))) {
    request.logger.info(`${platform.name}: ${run.app} does not exist (already deleted)`);
    return;
  }
  const deleted = await platform.deleteApp(run, app);
  if (deleted.run.code !== 0)
    throw commandFault(run.session, deleted.args, deleted.run, request.timeoutSeconds);
  if (await lookUpApp(platform, run, app, true))
    throw new UserError(
      `${platform.name}: ${run.app} is still listed after \`spin ${deleted.args.join(' ')}\``,
    );
  request.logger.info(`${platform.name}: deleted ${run.app}`);
}
