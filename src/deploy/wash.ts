import { errorMessage, UserError } from '../errors.js';
import { exec, execCapture } from '../exec.js';
import type { Logger } from '../log.js';
import { loadWashProject, type WashProject } from '../projects/wash.js';
import { waitForHealthy } from './health.js';
import { startServing } from './spin-up.js';
import type { DeployRequest, Deployment, DeployTarget } from './target.js';

const STATUS_POLL_MS = 250;
/** Where `wash dev` and wasmCloud's http server provider listen unless told otherwise. */
const DEFAULT_ADDRESS = '127.0.0.1:8000';

/**
 * wasmCloud through the real `wash`: 0.x starts a host (`wash up -d`), deploys wadm.yaml,
 * polls `wash app status` until `deployed`, then waits for the first 200; v2 runs `wash dev`.
 * Everything it started is taken down again by stop().
 */
export const washTarget: DeployTarget = {
  name: 'wasmcloud',
  deploy: deployWash,
};

async function deployWash(request: DeployRequest): Promise<Deployment> {
  const project = await loadWashProject(request.projectDir);
  return project.washMajor === 0
    ? deployWithHost(project, request)
    : deployWithDev(project, request);
}

/** `0.0.0.0:8000` listens everywhere; the probe asks on loopback. */
function baseUrl(address: string): string {
  const [host = '127.0.0.1', port = '8000'] = address.split(/:(?=\d+$)/);
  return `http://${host === '0.0.0.0' || host === '' ? '127.0.0.1' : host}:${port}/`;
}

/** How long a `wash` command that takes something down may take (it has no deploy deadline). */
const TEARDOWN_MS = 60_000;

/** Milliseconds left until `deadline` (a performance.now() instant), at least 1. */
const until = (deadline: number): number => Math.max(1, deadline - performance.now());

function wash(
  args: string[],
  request: DeployRequest,
  cwd: string,
  timeoutMs: number,
): Promise<{ stdout: string }> {
  return exec('wash', args, { cwd, timeoutMs, onOutput: (chunk) => request.logger.output(chunk) });
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
  request: DeployRequest,
  cwd: string,
  deadline: number,
): Promise<void> {
  let last = '';
  for (;;) {
    const result = await execCapture('wash', ['app', 'status', name, '-o', 'json'], {
      cwd,
      timeoutMs: until(deadline),
    });
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

async function deployWithHost(project: WashProject, request: DeployRequest): Promise<Deployment> {
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
    // every command is bounded by the deploy's deadline; taking down by a fixed time
    await wash(['up', '-d'], request, cwd, until(deadline));
    steps.push(() => wash(['down'], request, cwd, TEARDOWN_MS));
    await wash(['app', 'deploy', application.manifest, '--replace'], request, cwd, until(deadline));
    steps.push(() => wash(['app', 'delete', application.name], request, cwd, TEARDOWN_MS));
    await waitUntilDeployed(application.name, request, cwd, deadline);
    const url = baseUrl(application.httpAddress ?? DEFAULT_ADDRESS);
    const first = await waitForHealthy(
      new URL(request.healthPath, url).href,
      deadline,
      request.timeoutSeconds,
      () => undefined,
    );
    return {
      report: {
        target: 'wasmcloud',
        url,
        status: first.status,
        readySeconds: (performance.now() - started) / 1000,
        firstResponseSeconds: first.seconds,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** wash v2: `wash dev` builds and serves in the foreground; the URL is the one it prints, else localhost:8000. */
async function deployWithDev(project: WashProject, request: DeployRequest): Promise<Deployment> {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1000;
  const logger: Logger = request.logger;
  const dev = startServing('wash', ['dev'], project.dir, (chunk) => logger.output(chunk));
  const printed = (): string => {
    const match = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0):\d+/.exec(dev.output())?.[0];
    return match
      ? `${match.replace('0.0.0.0', '127.0.0.1').replace('localhost', '127.0.0.1')}/`
      : baseUrl(DEFAULT_ADDRESS);
  };
  try {
    const first = await waitForHealthy(
      () => new URL(request.healthPath, printed()).href,
      deadline,
      request.timeoutSeconds,
      dev.exitReason,
    );
    return {
      report: {
        target: 'wasmcloud',
        url: printed(),
        status: first.status,
        readySeconds: (performance.now() - started) / 1000,
        firstResponseSeconds: first.seconds,
      },
      stop: () => dev.stop(),
    };
  } catch (error) {
    await dev.stop();
    throw error instanceof UserError ? new UserError(`wash dev: ${error.message}`) : error;
  }
}
