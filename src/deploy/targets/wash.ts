import { errorMessage, UserError } from '../../errors.js';
import { exec, execCapture } from '../../exec.js';
import type { Logger } from '../../log.js';
import type { WashProject } from '../../projects/wash.js';
import { NOTHING_BEFORE, waitUntilReady, type ReadinessRequest } from '../readiness.js';
import { startServing } from './spin-up.js';
import { noOptions, type DeployRequest, type Deployment, type DeployTarget } from '../target.js';

const STATUS_POLL_MS = 250;
/** Where `wash dev` and wasmCloud's http server provider listen unless told otherwise. */
const DEFAULT_ADDRESS = '127.0.0.1:8000';

/**
 * wasmCloud through the real `wash`: 0.x starts a host (`wash up -d`), deploys wadm.yaml,
 * polls `wash app status` until `deployed`, then waits for the first 200; v2 runs `wash dev`.
 * Everything it started is taken down again by stop().
 */
export const washTarget: DeployTarget<undefined> = {
  name: 'wash',
  summary:
    '`wash` runs it on a local wasmCloud host through `wash` (same as `local` with `runtime: wash`)',
  inputs: {},
  parseOptions: noOptions,
  deploy: deployWash,
};

type WashRequest = DeployRequest<undefined>;

/** The readiness clock of a local wasmCloud: a fresh host, so no version proof is needed. */
function localReadiness(
  request: WashRequest,
  started: number,
  baseUrl: () => string,
  isDead?: () => string | undefined,
): ReadinessRequest {
  return {
    label: 'wash',
    baseUrl,
    healthPath: request.healthPath,
    ...(request.healthExpect !== undefined ? { healthExpect: request.healthExpect } : {}),
    before: NOTHING_BEFORE,
    fresh: true,
    startedAt: started,
    timeoutSeconds: request.timeoutSeconds,
    ...(isDead ? { isDead } : {}),
  };
}

async function deployWash(request: WashRequest): Promise<Deployment> {
  const { loadWashProject } = await import('../../projects/wash.js');
  const project = await loadWashProject(request.project.dir);
  return project.washMajor === 0
    ? deployWithHost(project, request)
    : deployWithDev(project, request);
}

/** `0.0.0.0:8000` listens everywhere; the probe asks on loopback. */
function baseUrl(address: string): string {
  const [host = '127.0.0.1', port = '8000'] = address.split(/:(?=\d+$)/);
  return `http://${host === '0.0.0.0' || host === '' ? '127.0.0.1' : host}:${port}/`;
}

function wash(args: string[], request: WashRequest, cwd: string): Promise<{ stdout: string }> {
  return exec('wash', args, { cwd, onOutput: (chunk) => request.logger.output(chunk) });
}

interface AppStatus {
  type: string;
  message: string;
}

/**
 * `wash app status <name> -o json` → {status:{status:{type, message}, scalers}}. Tolerant of
 * wadm's other spelling (`status.info`) and of a missing layer.
 */
export function parseAppStatus(stdout: string): AppStatus {
  type Layer = { type?: string; message?: string };
  const json = JSON.parse(stdout) as { status?: Layer & { status?: Layer; info?: Layer } };
  const status = json.status?.status ?? json.status?.info ?? json.status ?? {};
  return {
    type: String(status.type ?? 'unknown').toLowerCase(),
    message: String(status.message ?? ''),
  };
}

async function waitUntilDeployed(
  name: string,
  request: WashRequest,
  cwd: string,
  deadline: number,
): Promise<void> {
  let last = '';
  for (;;) {
    const result = await execCapture('wash', ['app', 'status', name, '-o', 'json'], { cwd });
    let status: AppStatus = { type: 'unknown', message: result.stderr.trim() };
    if (result.code === 0) {
      try {
        status = parseAppStatus(result.stdout);
      } catch (error) {
        status = { type: 'unknown', message: `unreadable status (${errorMessage(error)})` };
      }
    }
    if (status.type !== last)
      request.logger.info(
        `wash app status ${name}: ${status.type}${status.message ? ` (${status.message})` : ''}`,
      );
    last = status.type;
    if (status.type === 'deployed') return;
    if (status.type === 'failed') {
      throw new UserError(
        `wasmCloud could not deploy application "${name}": ${status.message || 'status failed'}`,
      );
    }
    if (performance.now() > deadline) {
      throw new UserError(
        `application "${name}" was not deployed within ${request.timeoutSeconds} s (last status: ${last})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
  }
}

async function deployWithHost(project: WashProject, request: WashRequest): Promise<Deployment> {
  const application = project.application;
  if (!application) {
    throw new UserError(
      `deploy with wash 0.x needs a wadm.yaml in ${project.dir}, the application manifest \`wash app deploy\` reads`,
    );
  }
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1000;
  const cwd = project.dir;
  const steps: (() => Promise<unknown>)[] = [];
  let stopping: Promise<void> | undefined;
  // Undo in reverse order; a step that fails does not keep the next one from running.
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const step of steps.reverse())
        await step().catch((error: unknown) => request.logger.warning(errorMessage(error)));
    })());
  try {
    await wash(['up', '-d'], request, cwd);
    steps.push(() => wash(['down'], request, cwd));
    await wash(['app', 'deploy', application.manifest, '--replace'], request, cwd);
    steps.push(() => wash(['app', 'delete', application.name], request, cwd));
    await waitUntilDeployed(application.name, request, cwd, deadline);
    const url = baseUrl(application.httpAddress ?? DEFAULT_ADDRESS);
    const ready = await waitUntilReady(localReadiness(request, started, () => url));
    return {
      report: {
        target: 'wasmcloud',
        url,
        status: ready.status,
        readySeconds: ready.readySeconds,
        firstResponseSeconds: ready.firstResponseSeconds,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** wash v2: `wash dev` builds and serves in the foreground; the URL is the one it prints, else localhost:8000. */
async function deployWithDev(project: WashProject, request: WashRequest): Promise<Deployment> {
  const started = performance.now();
  const logger: Logger = request.logger;
  const dev = startServing('wash', ['dev'], project.dir, (chunk) => logger.output(chunk));
  const printed = (): string => {
    const match = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0):\d+/.exec(dev.output())?.[0];
    return match
      ? `${match.replace('0.0.0.0', '127.0.0.1').replace('localhost', '127.0.0.1')}/`
      : baseUrl(DEFAULT_ADDRESS);
  };
  try {
    const ready = await waitUntilReady(localReadiness(request, started, printed, dev.exitReason));
    return {
      report: {
        target: 'wasmcloud',
        url: printed(),
        status: ready.status,
        readySeconds: ready.readySeconds,
        firstResponseSeconds: ready.firstResponseSeconds,
      },
      stop: () => dev.stop(),
    };
  } catch (error) {
    await dev.stop();
    throw error instanceof UserError ? new UserError(`wash dev: ${error.message}`) : error;
  }
}
