import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  freePort,
  waitForHealthy
} from "./chunk-76K7KTON.js";
import {
  tail
} from "./chunk-HI7XWGIK.js";
import {
  UserError
} from "./chunk-T6ADKWSP.js";

// src/deploy/spin-up.ts
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
var KILL_AFTER_MS = 5e3;
function startServing(command, args, cwd, onOutput) {
  const child = spawn(command, args, {
    cwd,
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"]
  });
  let output = "";
  let exitReason;
  const listeners = /* @__PURE__ */ new Set();
  const changed = () => listeners.forEach((listener) => listener());
  const exited = new Promise((resolve) => {
    child.once("error", (error) => {
      exitReason ??= error.code === "ENOENT" ? `${command} was not found on PATH` : error.message;
      changed();
      resolve();
    });
    child.once("exit", (code, signal) => {
      exitReason ??= signal ? `signal ${signal}` : `exit code ${code ?? "?"}`;
      changed();
      resolve();
    });
  });
  const collect = (chunk) => {
    output += chunk;
    onOutput(chunk);
    changed();
  };
  child.stdout?.setEncoding("utf8").on("data", collect);
  child.stderr?.setEncoding("utf8").on("data", collect);
  let stopping;
  return {
    output: () => output,
    exitReason: () => exitReason,
    waitFor: (pattern, timeoutMs) => new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) done(() => resolve(match));
        else if (exitReason !== void 0) {
          done(
            () => reject(
              new UserError(
                `\`${command} ${args.join(" ")}\` stopped (${exitReason}):
${tail(output)}`
              )
            )
          );
        }
      };
      const timer = setTimeout(
        () => done(
          () => reject(
            new UserError(
              `\`${command} ${args.join(" ")}\` printed no ${pattern} within ${timeoutMs / 1e3} s:
${tail(output)}`
            )
          )
        ),
        timeoutMs
      );
      const done = (settle) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    }),
    stop: () => stopping ??= (async () => {
      if (exitReason !== void 0) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
    })()
  };
}
var spinUpTarget = {
  name: "spin",
  deploy: deploySpinUp
};
async function deploySpinUp(request) {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1e3;
  const manifest = path.join(request.projectDir, "spin.toml");
  if (!existsSync(manifest)) {
    throw new UserError(
      `runtime \`spin\` needs a spin.toml in ${request.projectDir}; use runtime \`embedded\` for other projects`
    );
  }
  const port = await freePort();
  const { logger } = request;
  const spin = startServing(
    "spin",
    ["up", "--listen", `127.0.0.1:${port}`, "-f", manifest],
    request.projectDir,
    (chunk) => logger.output(chunk)
  );
  try {
    const serving = await spin.waitFor(
      /Serving (http:\/\/\S+)/,
      Math.max(0, deadline - performance.now())
    );
    const base = serving[1] ?? `http://127.0.0.1:${port}`;
    const url = `${base.replace(/\/$/, "")}/`;
    const first = await waitForHealthy(
      new URL(request.healthPath, url).href,
      deadline,
      request.timeoutSeconds,
      spin.exitReason
    );
    const readySeconds = (performance.now() - started) / 1e3;
    logger.info(`spin up: ${url} answered ${first.status} after ${readySeconds.toFixed(2)} s`);
    return {
      report: {
        target: "spin",
        url,
        status: first.status,
        readySeconds,
        firstResponseSeconds: first.seconds
      },
      stop: () => spin.stop()
    };
  } catch (error) {
    await spin.stop();
    throw error instanceof UserError ? new UserError(`spin up: ${error.message}`, manifest) : error;
  }
}

export {
  startServing,
  spinUpTarget
};
