import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  loadWashProject
} from "./chunk-I3UV7ZRB.js";
import "./chunk-A4CPL2MO.js";
import {
  startServing
} from "./chunk-E6Y3DETG.js";
import {
  waitForHealthy
} from "./chunk-76K7KTON.js";
import {
  exec,
  execCapture
} from "./chunk-HI7XWGIK.js";
import {
  UserError,
  errorMessage
} from "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";

// src/deploy/wash.ts
var STATUS_POLL_MS = 250;
var DEFAULT_ADDRESS = "127.0.0.1:8000";
var washTarget = {
  name: "wasmcloud",
  deploy: deployWash
};
async function deployWash(request) {
  const project = await loadWashProject(request.projectDir);
  return project.washMajor === 0 ? deployWithHost(project, request) : deployWithDev(project, request);
}
function baseUrl(address) {
  const [host = "127.0.0.1", port = "8000"] = address.split(/:(?=\d+$)/);
  return `http://${host === "0.0.0.0" || host === "" ? "127.0.0.1" : host}:${port}/`;
}
function wash(args, request, cwd) {
  return exec("wash", args, { cwd, onOutput: (chunk) => request.logger.output(chunk) });
}
function parseAppStatus(stdout) {
  const json = JSON.parse(stdout);
  const status = json.status?.status ?? json.status?.info ?? json.status ?? {};
  return {
    type: String(status.type ?? "unknown").toLowerCase(),
    message: String(status.message ?? "")
  };
}
async function waitUntilDeployed(name, request, cwd, deadline) {
  let last = "";
  for (; ; ) {
    const result = await execCapture("wash", ["app", "status", name, "-o", "json"], { cwd });
    let status = { type: "unknown", message: result.stderr.trim() };
    if (result.code === 0) {
      try {
        status = parseAppStatus(result.stdout);
      } catch (error) {
        status = { type: "unknown", message: `unreadable status (${errorMessage(error)})` };
      }
    }
    if (status.type !== last)
      request.logger.info(
        `wash app status ${name}: ${status.type}${status.message ? ` (${status.message})` : ""}`
      );
    last = status.type;
    if (status.type === "deployed") return;
    if (status.type === "failed") {
      throw new UserError(
        `wasmCloud could not deploy application "${name}": ${status.message || "status failed"}`
      );
    }
    if (performance.now() > deadline) {
      throw new UserError(
        `application "${name}" was not deployed within ${request.timeoutSeconds} s (last status: ${last})`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS));
  }
}
async function deployWithHost(project, request) {
  const application = project.application;
  if (!application) {
    throw new UserError(
      `deploy with wash 0.x needs a wadm.yaml in ${project.dir}, the application manifest \`wash app deploy\` reads`
    );
  }
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1e3;
  const cwd = project.dir;
  const steps = [];
  let stopping;
  const stop = () => stopping ??= (async () => {
    for (const step of steps.reverse())
      await step().catch((error) => request.logger.warning(errorMessage(error)));
  })();
  try {
    await wash(["up", "-d"], request, cwd);
    steps.push(() => wash(["down"], request, cwd));
    await wash(["app", "deploy", application.manifest, "--replace"], request, cwd);
    steps.push(() => wash(["app", "delete", application.name], request, cwd));
    await waitUntilDeployed(application.name, request, cwd, deadline);
    const url = baseUrl(application.httpAddress ?? DEFAULT_ADDRESS);
    const first = await waitForHealthy(
      new URL(request.healthPath, url).href,
      deadline,
      request.timeoutSeconds,
      () => void 0
    );
    return {
      report: {
        target: "wasmcloud",
        url,
        status: first.status,
        readySeconds: (performance.now() - started) / 1e3,
        firstResponseSeconds: first.seconds
      },
      stop
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
async function deployWithDev(project, request) {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1e3;
  const logger = request.logger;
  const dev = startServing("wash", ["dev"], project.dir, (chunk) => logger.output(chunk));
  const printed = () => {
    const match = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0):\d+/.exec(dev.output())?.[0];
    return match ? `${match.replace("0.0.0.0", "127.0.0.1").replace("localhost", "127.0.0.1")}/` : baseUrl(DEFAULT_ADDRESS);
  };
  try {
    const first = await waitForHealthy(
      () => new URL(request.healthPath, printed()).href,
      deadline,
      request.timeoutSeconds,
      dev.exitReason
    );
    return {
      report: {
        target: "wasmcloud",
        url: printed(),
        status: first.status,
        readySeconds: (performance.now() - started) / 1e3,
        firstResponseSeconds: first.seconds
      },
      stop: () => dev.stop()
    };
  } catch (error) {
    await dev.stop();
    throw error instanceof UserError ? new UserError(`wash dev: ${error.message}`) : error;
  }
}
export {
  parseAppStatus,
  washTarget
};
