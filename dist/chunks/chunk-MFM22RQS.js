import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  getExecOutput
} from "./chunk-DN5XC3XO.js";
import {
  stopTree,
  trackProcess
} from "./chunk-P2OAGGZH.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/exec.ts
import { channel } from "node:diagnostics_channel";
import path from "node:path";
var CommandTimeoutError = class extends UserError {
  constructor(message, output) {
    super(message);
    this.output = output;
  }
  output;
};
var TAIL = 2e3;
var PIPES_GRACE_MS = 1e3;
function tail(text, max = TAIL) {
  const trimmed = text.trimEnd();
  return trimmed.length <= max ? trimmed : `\u2026${trimmed.slice(trimmed.length - max)}`;
}
var claims = [];
var spawned;
function claimChild(file, args, take) {
  if (!spawned) {
    spawned = channel("child_process");
    spawned.subscribe((message) => {
      const child = message.process;
      process.nextTick(() => {
        const index = claims.findIndex(
          (c) => path.basename(child.spawnfile ?? "") === path.basename(c.file) && child.spawnargs.length === c.args.length + 1 && c.args.every((arg, i) => child.spawnargs[i + 1] === arg)
        );
        if (index !== -1) claims.splice(index, 1)[0].take(child);
      });
    });
  }
  const claim = { file, args, take };
  claims.push(claim);
  return claim;
}
function childEnv(options) {
  const env = {};
  for (const [name, value] of Object.entries({ ...process.env, ...options.env })) {
    if (value !== void 0 && !(options.dropEnv?.(name) && !(name in (options.env ?? {}))))
      env[name] = value;
  }
  return env;
}
async function execCapture(command, args, options = {}) {
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  let output = "";
  const listener = (stream) => (data) => {
    const chunk = decoders[stream].decode(data, { stream: true });
    output = (output + chunk).slice(-4 * TAIL);
    options.onOutput?.(chunk);
  };
  let child;
  let timedOut = false;
  let stopping;
  const stop = () => child?.pid ? stopping ??= stopTree(child.pid) : Promise.resolve();
  let untrack = () => {
  };
  const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => {
    timedOut = true;
    void stop();
  }, options.timeoutMs);
  const claim = claimChild(command, args, (c) => {
    child = c;
    c.stdin?.on("error", () => {
    });
    untrack = trackProcess(stop);
    if (timedOut) void stop();
  });
  try {
    const result = await getExecOutput(command, [...args], {
      cwd: options.cwd,
      env: childEnv(options),
      silent: true,
      ignoreReturnCode: true,
      delay: PIPES_GRACE_MS,
      input: Buffer.from(options.input ?? ""),
      listeners: { stdout: listener("stdout"), stderr: listener("stderr") }
    });
    if (timedOut) {
      const text = tail(output);
      throw new CommandTimeoutError(
        `\`${[command, ...args].join(" ")}\` did not finish within ${formatMs(options.timeoutMs)} and was stopped${text ? `; its output ends with:
${text}` : ""}`,
        output
      );
    }
    return { code: result.exitCode ?? 128, stdout: result.stdout, stderr: result.stderr };
  } catch (error) {
    if (error instanceof UserError) throw error;
    const message = errorMessage(error);
    if (/Unable to locate executable file|ENOENT/.test(message)) {
      throw new UserError(`${command} was not found on PATH; install it or put it on PATH`);
    }
    if (/The cwd: .* does not exist/.test(message)) {
      throw new UserError(`Cannot run ${command}: its folder ${options.cwd ?? ""} does not exist`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    untrack();
    const index = claims.indexOf(claim);
    if (index !== -1) claims.splice(index, 1);
  }
}
function formatMs(ms) {
  return ms < 1e3 ? `${ms} ms` : `${(ms / 1e3).toFixed(ms % 1e3 === 0 ? 0 : 1)} s`;
}
async function exec(command, args, options = {}) {
  const result = await execCapture(command, args, options);
  if (result.code !== 0) {
    const detail = tail(result.stderr || result.stdout);
    throw new UserError(
      `\`${[command, ...args].join(" ")}\` failed with exit code ${result.code}${detail ? `:
${detail}` : ""}`
    );
  }
  return result;
}

export {
  CommandTimeoutError,
  tail,
  execCapture,
  exec
};
//# sourceMappingURL=chunk-MFM22RQS.js.map
