import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  UserError,
  errorMessage
} from "./chunk-T6ADKWSP.js";

// src/deploy/health.ts
import http from "node:http";
import net from "node:net";
var POLL_INTERVAL_MS = 20;
var PROBE_TIMEOUT_MS = 5e3;
function probe(url, timeoutMs) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => body += chunk);
      response.on("error", reject);
      response.on(
        "end",
        () => resolve({
          status: response.statusCode ?? 0,
          body,
          seconds: (performance.now() - started) / 1e3
        })
      );
    });
    request.on(
      "timeout",
      () => request.destroy(new Error(`no answer within ${Math.ceil(timeoutMs)} ms`))
    );
    request.on("error", reject);
  });
}
async function waitForHealthy(url, deadline, timeoutSeconds, isDead) {
  let lastSeen = "no answer yet";
  let answered = false;
  for (; ; ) {
    const target = typeof url === "string" ? url : url();
    const dead = isDead();
    if (dead !== void 0)
      throw new UserError(
        `the app stopped (${dead}) before ${target} answered 200 (last: ${lastSeen})`
      );
    const remaining = deadline - performance.now();
    if (remaining <= 0)
      throw new UserError(
        `${target} did not answer 200 within ${timeoutSeconds} s (last: ${lastSeen})`
      );
    try {
      const result = await probe(target, Math.min(remaining, PROBE_TIMEOUT_MS));
      if (result.status === 200) return result;
      lastSeen = `HTTP ${result.status}`;
      answered = true;
    } catch (error) {
      if (!answered) lastSeen = errorMessage(error);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(
        () => typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))
      );
    });
  });
}

export {
  waitForHealthy,
  freePort
};
