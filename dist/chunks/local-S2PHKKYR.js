import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  WasmFormatError,
  parseWasm
} from "./chunk-RPKHDHFV.js";
import {
  unsupportedImports
} from "./chunk-UIEVSOVJ.js";
import {
  waitForHealthy
} from "./chunk-76K7KTON.js";
import {
  tail
} from "./chunk-HI7XWGIK.js";
import {
  UserError,
  errorMessage
} from "./chunk-T6ADKWSP.js";
import "./chunk-ULXDCFAG.js";

// src/deploy/local/index.ts
import { mkdtemp, readFile as readFile2, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path3 from "node:path";

// src/wasm/componentize.ts
import { readFile } from "node:fs/promises";

// src/assets.ts
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var ASSETS = {
  /** jco's preview1 → preview2 adapter for core modules that export functions (not `_start`). */
  "preview1-reactor-adapter": {
    source: "node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm",
    dist: "adapters/wasi_snapshot_preview1.reactor.wasm"
  },
  /** The child process that serves a transpiled component (src/deploy/local/serve-child.ts). */
  "serve-child": {
    source: "src/deploy/local/serve-child.ts",
    dist: "serve-child.js"
  }
};
var here = fileURLToPath(import.meta.url);
function runningFromSource() {
  return here.endsWith(".ts");
}
function assetRoot() {
  const dir = path.dirname(here);
  if (runningFromSource()) return path.resolve(dir, "..");
  return path.basename(dir) === "chunks" ? path.dirname(dir) : dir;
}
function assetPath(asset) {
  const entry = ASSETS[asset];
  const file = path.join(assetRoot(), runningFromSource() ? entry.source : entry.dist);
  if (!existsSync(file)) {
    throw new Error(
      `spinwash is missing its runtime file ${file} (${asset}); reinstall or rebuild dist/`
    );
  }
  return file;
}

// src/wasm/componentize.ts
var COMPONENT_TYPE_PREFIX = "component-type";
function subject(source) {
  return source ?? "the wasm module";
}
async function toComponent(bytes, source) {
  let binary;
  try {
    binary = parseWasm(bytes);
  } catch (error) {
    throw error instanceof WasmFormatError && source ? error.inFile(source) : error;
  }
  if (binary.kind === "component") return bytes;
  const worlds = binary.sections.filter(
    (section) => section.customName?.startsWith(COMPONENT_TYPE_PREFIX)
  );
  if (worlds.length === 0) {
    throw new UserError(
      `${subject(source)} is a core wasm module without a \`component-type:*\` custom section, so it cannot be made a component: nothing says which WIT world its imports and exports belong to. Build it with wit-bindgen (or \`cargo build --target wasm32-wasip2\`, which emits a component), or embed the world as examples/hello-rust does`,
      source
    );
  }
  const [{ componentNew }, adapter] = await Promise.all([
    import("@bytecodealliance/jco-transpile/wasm-tools"),
    readFile(assetPath("preview1-reactor-adapter"))
  ]);
  try {
    return await componentNew(bytes, [["wasi_snapshot_preview1", adapter]]);
  } catch (error) {
    throw new UserError(
      `${subject(source)} could not be made a component: ${errorMessage(error)}`,
      source
    );
  }
}

// src/deploy/local/serve.ts
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
var KILL_AFTER_MS = 2e3;
var KEEP_STDERR = 16e3;
function serveChildArgs() {
  const script = assetPath("serve-child");
  if (!runningFromSource()) return [script];
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return ["--import", pathToFileURL(tsx).href, script];
}
var ServeProcess = class {
  #child;
  #exited;
  /** Resolves when the child reports that it is ready for an app. */
  #waiting;
  #stderr = "";
  #exitReason;
  #stopping;
  /** Starts serve-child; its output goes to `logger.output`. */
  constructor(logger) {
    this.#child = spawn(process.execPath, serveChildArgs(), {
      stdio: ["ignore", "pipe", "pipe", "ipc"]
    });
    this.#exited = new Promise((resolve) => {
      this.#child.once("exit", (code, signal) => {
        this.#exitReason = signal ? `signal ${signal}` : `exit code ${code ?? "?"}`;
        resolve();
      });
      this.#child.once("error", (error) => {
        this.#exitReason ??= error.message;
        resolve();
      });
    });
    this.#waiting = new Promise((resolve) => {
      this.#child.on("message", (message) => {
        if (message.type === "waiting") resolve();
      });
    });
    this.#child.stdout?.setEncoding("utf8").on("data", (chunk) => logger.output(chunk));
    this.#child.stderr?.setEncoding("utf8").on("data", (chunk) => {
      this.#stderr = (this.#stderr + chunk).slice(-KEEP_STDERR);
      logger.output(chunk);
    });
  }
  get pid() {
    return this.#child.pid ?? 0;
  }
  /** Why it exited, once it has (`exit code 1`, `signal SIGKILL`); undefined while it runs. */
  exitReason() {
    return this.#exitReason;
  }
  /** `; its stderr ends with: …` for an error message, or nothing when it wrote none. */
  stderrNote() {
    const text = tail(this.#stderr);
    return text ? `; its stderr ends with:
${text}` : "";
  }
  /**
   * Serves `app` and resolves with the port once it listens on 127.0.0.1. If the child fails,
   * exits or is not listening within `timeoutMs`, it is killed and the error carries its stderr.
   */
  serve(app, timeoutMs) {
    return new Promise((resolve, reject) => {
      const fail = (why) => {
        clearTimeout(timer);
        void this.stop().then(
          () => reject(new UserError(`the local runtime ${why}${this.stderrNote()}`))
        );
      };
      const timer = setTimeout(
        () => fail(`was not serving the component within ${(timeoutMs / 1e3).toFixed(1)} s`),
        timeoutMs
      );
      this.#child.on("message", (message) => {
        if (message.type === "failed") {
          fail(`could not start the component: ${message.message}`);
        } else if (message.type === "listening") {
          clearTimeout(timer);
          resolve(message.port);
        }
      });
      void this.#exited.then(
        () => fail(`stopped before it was serving (${this.#exitReason ?? "unknown"})`)
      );
      void this.#waiting.then(() => {
        const request = { type: "serve", dir: app.dir, entry: app.entry };
        this.#child.send(request, (error) => {
          if (error) fail(`could not be handed the component: ${error.message}`);
        });
      });
    });
  }
  /** Kills the child and waits until it has exited. Safe to call twice. */
  stop() {
    this.#stopping ??= (async () => {
      if (this.#exitReason === void 0) {
        this.#child.kill("SIGTERM");
        const timer = setTimeout(() => this.#child.kill("SIGKILL"), KILL_AFTER_MS);
        await this.#exited;
        clearTimeout(timer);
      }
    })();
    return this.#stopping;
  }
};

// src/deploy/local/transpile.ts
import { mkdir, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/deploy/local/protocol.ts
var TRANSPILED_NAME = "app";

// src/deploy/local/transpile.ts
async function transpileComponent(component, dir) {
  const { transpileBytes } = await import("@bytecodealliance/jco-transpile");
  const result = await transpileBytes(component, {
    name: TRANSPILED_NAME,
    instantiation: "async",
    emitTypescriptDeclarations: false,
    minify: false,
    optimize: false
  });
  for (const [name, bytes] of Object.entries(result.files)) {
    const file = path2.join(dir, name);
    await mkdir(path2.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
  return {
    dir,
    entry: `${TRANSPILED_NAME}.js`,
    imports: result.imports,
    exports: result.exports.map(([name]) => name)
  };
}

// src/deploy/local/index.ts
var localTarget = {
  name: "local",
  deploy: deployLocal
};
function pickComponent(request) {
  const [first, ...rest] = request.components;
  if (!first) throw new UserError("deploy `local`: the project built no component to serve");
  if (rest.length > 0) {
    request.logger.warning(
      `deploy \`local\` serves one component; serving ${first.name} (not ${rest.map((c) => c.name).join(", ")})`
    );
  }
  return first;
}
async function readWasm(file) {
  try {
    return await readFile2(file);
  } catch (error) {
    throw new UserError(`deploy \`local\`: cannot read ${file}: ${errorMessage(error)}`, file);
  }
}
function checkServable(app, file) {
  const missing = unsupportedImports(app.imports);
  if (missing.length > 0) {
    throw new UserError(
      `deploy \`local\`: ${file} imports ${missing.join(", ")}, which the embedded runtime (preview2-shim) cannot provide; it provides the wasi 0.2 interfaces (wasi:cli, clocks, filesystem, http, io, random, sockets). Deploy it to a runtime that has them (e.g. \`spin\`), or skip the deploy (\`deploy: none\`, \`--deploy none\`)`,
      file
    );
  }
  if (!app.exports.some((name) => name.startsWith("wasi:http/incoming-handler"))) {
    throw new UserError(
      `deploy \`local\`: ${file} does not export wasi:http/incoming-handler, so there is nothing to serve over HTTP (it exports: ${app.exports.join(", ") || "nothing"})`,
      file
    );
  }
}
async function deployLocal(request) {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1e3;
  const component = pickComponent(request);
  const child = new ServeProcess(request.logger);
  let dir;
  let stopping;
  const stop = () => stopping ??= (async () => {
    try {
      await child.stop();
    } finally {
      if (dir !== void 0) await rm(dir, { recursive: true, force: true });
    }
  })();
  try {
    const wasm = await toComponent(await readWasm(component.wasmPath), component.wasmPath);
    dir = await mkdtemp(path3.join(tmpdir(), "spinwash-local-"));
    const app = await transpileComponent(wasm, dir);
    checkServable(app, component.wasmPath);
    const port = await child.serve(app, Math.max(0, deadline - performance.now()));
    const url = `http://127.0.0.1:${port}/`;
    const first = await waitForHealthy(
      new URL(request.healthPath, url).href,
      deadline,
      request.timeoutSeconds,
      () => child.exitReason()
    ).catch((error) => {
      throw error instanceof UserError ? new UserError(`deploy \`local\`: ${error.message}${child.stderrNote()}`) : error;
    });
    const readySeconds = (performance.now() - started) / 1e3;
    return {
      report: {
        target: "local",
        url,
        status: first.status,
        readySeconds,
        firstResponseSeconds: first.seconds
      },
      pid: child.pid,
      appDir: dir,
      stop
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
export {
  deployLocal,
  localTarget
};
