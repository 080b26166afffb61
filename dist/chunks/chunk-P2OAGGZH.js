import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);

// src/process.ts
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
var STOP_GRACE_MS = 3e3;
var POLL_MS = 20;
var processes = /* @__PURE__ */ new Set();
var cleanups = /* @__PURE__ */ new Set();
var interrupted = false;
var late = [];
function runLate(stop) {
  late.push(
    Promise.resolve().then(stop).catch(() => {
    })
  );
  return () => {
  };
}
function trackProcess(stop) {
  if (interrupted) return runLate(stop);
  processes.add(stop);
  return () => processes.delete(stop);
}
function onInterrupt(cleanup) {
  if (interrupted) return runLate(cleanup);
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
function liveProcessCount() {
  return processes.size;
}
async function stopEverything(graceMs = STOP_GRACE_MS) {
  interrupted = true;
  await Promise.all([...processes].map(async (stop) => Promise.resolve(stop()).catch(() => {
  })));
  processes.clear();
  await stopTree(process.pid, graceMs, { includeRoot: false });
  for (const cleanup of [...cleanups].reverse()) {
    await Promise.resolve().then(cleanup).catch(() => {
    });
  }
  cleanups.clear();
  await Promise.all(late);
}
var installed = false;
function installSignalHandlers(exit = (code) => process.exit(code), log = (message) => process.stderr.write(`${message}
`)) {
  if (installed) return;
  installed = true;
  let stopping = false;
  const handle = (signal) => {
    const code = signal === "SIGINT" ? 130 : 143;
    if (stopping) {
      for (const pid of descendants(process.pid)) signalPid(pid, "SIGKILL");
      exit(code);
      return;
    }
    stopping = true;
    log(`spinwash: ${signal}: stopping what it started and cleaning up`);
    void stopEverything().finally(() => exit(code));
  };
  process.on("SIGINT", () => handle("SIGINT"));
  process.on("SIGTERM", () => handle("SIGTERM"));
}
function processTable() {
  const table = /* @__PURE__ */ new Map();
  if (process.platform === "linux") {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const [state, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (state !== "Z") table.set(Number(entry), Number(ppid));
      } catch {
      }
    }
    return table;
  }
  if (process.platform === "win32") return table;
  try {
    const text = execFileSync("ps", ["-A", "-o", "pid=,ppid=,stat="], { encoding: "utf8" });
    for (const line of text.split("\n")) {
      const [pid, ppid, stat] = line.trim().split(/\s+/);
      if (pid && ppid && !stat?.startsWith("Z")) table.set(Number(pid), Number(ppid));
    }
  } catch {
  }
  return table;
}
function descendants(root) {
  const table = processTable();
  const children = /* @__PURE__ */ new Map();
  for (const [pid, ppid] of table) children.set(ppid, [...children.get(ppid) ?? [], pid]);
  const out = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}
function signalPid(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
  }
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  if (pid > 0 && process.platform === "linux") {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
    } catch {
      return false;
    }
  }
  return true;
}
async function waitUntil(done, ms) {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}
async function stopTree(root, graceMs = STOP_GRACE_MS, { includeRoot = true } = {}) {
  const tree = () => [...includeRoot ? [root] : [], ...descendants(root)];
  const first = tree();
  if (first.length === 0) return;
  for (const pid of first) signalPid(pid, "SIGTERM");
  if (await waitUntil(() => first.every((pid) => !isAlive(pid)), graceMs)) return;
  for (const pid of [.../* @__PURE__ */ new Set([...first, ...tree()])]) signalPid(pid, "SIGKILL");
  await waitUntil(() => first.every((pid) => !isAlive(pid)), graceMs);
}
function startProcess(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
    detached: process.platform !== "win32"
  });
  const graceMs = options.graceMs ?? STOP_GRACE_MS;
  let reason;
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      reason ??= signal ? `signal ${signal}` : `exit code ${code ?? "?"}`;
      resolve();
    });
    child.once("error", (error) => {
      reason ??= error.code === "ENOENT" ? `${command} was not found on PATH` : error.message;
      resolve();
    });
  });
  const pid = child.pid ?? 0;
  const group = process.platform === "win32" ? pid : -pid;
  let stopping;
  const stop = () => stopping ??= (async () => {
    if (pid === 0) return;
    signalPid(group, "SIGTERM");
    const gone = await waitUntil(() => reason !== void 0 && !isAlive(group), graceMs);
    if (!gone) signalPid(group, "SIGKILL");
    await exited;
    await waitUntil(() => !isAlive(group), graceMs);
  })();
  const untrack = trackProcess(stop);
  void exited.then(async () => {
    if (pid !== 0 && isAlive(group)) await stop();
    untrack();
  });
  return { child, pid, exited, exitReason: () => reason, stop };
}

export {
  STOP_GRACE_MS,
  trackProcess,
  onInterrupt,
  liveProcessCount,
  stopEverything,
  installSignalHandlers,
  descendants,
  isAlive,
  stopTree,
  startProcess
};
//# sourceMappingURL=chunk-P2OAGGZH.js.map
