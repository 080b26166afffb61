import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError
} from "./chunk-T6ADKWSP.js";

// src/exec.ts
import { spawn } from "node:child_process";
var TAIL = 2e3;
function tail(text, max = TAIL) {
  const trimmed = text.trimEnd();
  return trimmed.length <= max ? trimmed : `\u2026${trimmed.slice(trimmed.length - max)}`;
}
function execCapture(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"]
    });
    let stdout = "";
    let stderr = "";
    let timer;
    if (options.timeoutMs !== void 0) {
      timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    }
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
      options.onOutput?.(chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
      options.onOutput?.(chunk);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      if (error.code === "ENOENT") {
        reject(new UserError(`${command} was not found on PATH; install it or put it on PATH`));
      } else {
        reject(error);
      }
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
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
  tail,
  execCapture,
  exec
};
