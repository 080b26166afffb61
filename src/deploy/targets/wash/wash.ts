import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, UserError } from '../../../errors.js';
import { makeScratchDir } from '../../../fsutil.js';
import { exec, execCapture } from '../../../exec.js';
import type { Logger } from '../../../log.js';
import type { WashProject } from '../../../projects/wash.js';
import { freePort, freshServer, waitUntilReady, readyReport } from '../../readiness.js';
import { startServing } from '../../serving.js';
import { noOptions, type DeployRequest, type Deployment, type DeployTarget } from '../../target.js';

const STATUS_POLL_MS = 250;
/** Where wasmCloud's http server provider listens unless wadm.yaml says otherwise. */
const DEFAULT_ADDRESS = '127.0.0.1:8000';

/**
 * wasmCloud through the real `wash`: 0.x starts a host (`wash up -d`), deploys wadm.yaml,
 * polls `wash app status` until `deployed`, then waits for the first 200; v2 runs `wash dev`.
 * Everything it started is taken down again by stop().
 */
export const washTarget: DeployTarget<undefined> = {
  name: 'wash',
  cli: 'wash',
  summary:
    '`wash` runs it on a local wasmCloud host through `wash` (same as `local` with `runtime: wash`)',
  inputs: {},
  local: true,
  projectKinds: ['wash'],
  aliases: [
    {
      deploy: 'local',
      runtime: 'wash',
      summary: '`wash` (`wash up` + `wash app deploy`, or `wash dev` for wash v2)',
    },
  ],
  previews: false,
  reportName: 'wasmcloud',
  parseOptions: noOptions,
  deploy: deployWash,
};

type WashRequest = DeployRequest<undefined>;

async function deployWash(request: WashRequest): Promise<Deployment> {
  const { loadWashProject } = await import('../../../projects/wash.js');
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

/** How long a `wash` command that takes something down may take (it has no deploy deadline). */
const TEARDOWN_MS = 60_000;

/** Milliseconds left until `deadline` (a performance.now() instant), at least 1. */
const until = (deadline: number): number => Math.max(1, deadline - performance.now());

function wash(
  args: string[],
  request: WashRequest,
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
  request: WashRequest,
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
    // every command is bounded by the deploy's deadline; taking down by a fixed time
    await wash(['up', '-d'], request, cwd, until(deadline));
    steps.push(() => wash(['down'], request, cwd, TEARDOWN_MS));
    await wash(['app', 'deploy', application.manifest, '--replace'], request, cwd, until(deadline));
    steps.push(() => wash(['app', 'delete', application.name], request, cwd, TEARDOWN_MS));
    await waitUntilDeployed(application.name, request, cwd, deadline);
    const url = baseUrl(application.httpAddress ?? DEFAULT_ADDRESS);
    const ready = await waitUntilReady(freshServer('wash', request, started, () => url));
    return {
      report: readyReport(washTarget.reportName, url, ready),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * `wash dev` (wash v2) builds the project and serves the artifact, but it can be told what to
 * run as its build and which file to serve, so that it serves the optimized file unchanged.
 * From wasmCloud/wasmCloud `crates/wash` (v2.0.0 … v2.7, read at 7cd553cc):
 * - src/cli/component_build.rs `build_dev_component`: `dev.command` replaces `build.command`,
 *   run with `sh -c` (`cmd /c`) in the project folder; the file served is
 *   `build.component_path` (v2.3+: `dev.component_path` overrides it), relative to the project.
 * - src/cli/dev.rs: it listens on `dev.address`, default `0.0.0.0:8000`.
 * - src/config.rs `load_config`: defaults < user config < .wash/config.yaml < env `WASH_*`
 *   (figment `Env::prefixed("WASH_")`: `WASH_DEV` is the `dev` table, its value in figment's
 *   `{key="value"}` syntax, merged key by key over the project's) < CLI flags.
 * So a no-op `dev.command`, both component paths set to a copy of the optimized file, and a
 * free port on 127.0.0.1 go in `WASH_DEV` / `WASH_BUILD`: nothing in the user's project
 * changes, nothing is rebuilt, and port 8000 may be busy. The copy is served because wash
 * v2.7+ rewrites a core module it is given into a component in place (the report sizes the
 * original). test/fake-cli/wash honours the same contract.
 */
function devEnvironment(address: string, served?: string): NodeJS.ProcessEnv {
  const dev: Record<string, string> = { address };
  const env: NodeJS.ProcessEnv = {};
  if (served !== undefined) {
    dev.command = 'exit 0';
    dev.component_path = served;
    env.WASH_BUILD = figmentDict({ component_path: served });
  }
  env.WASH_DEV = figmentDict(dev);
  return env;
}

/** `{key="value",…}`: a table in figment's env-value syntax, every value a quoted string. */
export function figmentDict(table: Record<string, string>): string {
  const quote = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${Object.entries(table)
    .map(([key, value]) => `${key}=${quote(value)}`)
    .join(',')}}`;
}

/** The optimized component, copied where wash may rewrite it (in a scratch folder removed on a signal too). */
async function servedCopy(
  request: WashRequest,
): Promise<{ file: string; remove: () => Promise<void> } | undefined> {
  const [component, ...rest] = request.components;
  if (!component) return undefined;
  if (rest.length > 0) {
    request.logger.warning(
      `wash dev serves one component; serving ${component.name} (not ${rest.map((c) => c.name).join(', ')})`,
    );
  }
  const scratch = await makeScratchDir('spinwash-wash-dev-');
  const copy = path.join(scratch.dir, path.basename(component.wasmPath));
  try {
    await copyFile(component.wasmPath, copy);
  } catch (error) {
    await scratch.remove();
    throw new UserError(`wash dev: cannot read ${component.wasmPath}: ${errorMessage(error)}`);
  }
  return { file: copy, remove: scratch.remove };
}

/** wash v2: `wash dev` in the foreground, serving the optimized file on a free port (see above). */
async function deployWithDev(project: WashProject, request: WashRequest): Promise<Deployment> {
  const started = performance.now();
  const logger: Logger = request.logger;
  const copy = await servedCopy(request);
  const served = copy?.file;
  const removeCopy = async (): Promise<void> => {
    await copy?.remove();
  };
  let dev: ReturnType<typeof startServing> | undefined;
  const stop = async (): Promise<void> => {
    try {
      await dev?.stop();
    } finally {
      await removeCopy();
    }
  };
  try {
    const address = `127.0.0.1:${await freePort()}`;
    const url = baseUrl(address);
    dev = startServing(
      'wash',
      ['dev'],
      project.dir,
      (chunk) => logger.output(chunk),
      devEnvironment(address, served),
    );
    const ready = await waitUntilReady(
      freshServer('wash', request, started, () => url, dev.exitReason),
    );
    return {
      report: {
        ...readyReport(washTarget.reportName, url, ready),
        ...(served === undefined
          ? {
              note: '`wash dev` built and served the project itself: this deploy is not of the optimized file',
            }
          : {}),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error instanceof UserError ? error.rewrite((message) => `wash dev: ${message}`) : error;
  }
}
