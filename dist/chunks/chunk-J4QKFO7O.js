import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);
import {
  invalidInput,
  parseBoolean,
  parsePositiveInt
} from "./chunk-7DXSX7HT.js";
import {
  pullRequestOf,
  record
} from "./chunk-PMUPDPBB.js";
import {
  writeFileAtomic
} from "./chunk-BPTAPCOJ.js";
import {
  CommandTimeoutError,
  exec,
  execCapture,
  tail
} from "./chunk-MFM22RQS.js";
import {
  ByteReader,
  WasmFormatError,
  parseWasm,
  wasmKind
} from "./chunk-GCGXGLYM.js";
import {
  probePath,
  routeTable,
  unsupportedImports
} from "./chunk-H3MOW4QF.js";
import {
  onInterrupt,
  startProcess
} from "./chunk-P2OAGGZH.js";
import {
  UserError,
  errorMessage
} from "./chunk-OQSE6Z6X.js";

// src/deploy/preview.ts
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
function previewOf(appName, number) {
  return { number, name: `${appName}-pr-${number}` };
}
function previewEvent(context) {
  const pr = pullRequestOf(context);
  if (!pr) return void 0;
  return {
    number: pr.number,
    closed: record(context.payload)?.action === "closed",
    fromFork: pr.fromFork
  };
}
function forkNotice(number) {
  return `No preview for #${number}: it comes from a fork, and GitHub gives a fork's pull request no secrets to deploy with.`;
}
function renameSpinApp(text, name, file) {
  const lines = text.split("\n");
  let inApplication = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^\s*\[([^\]]*)\]\s*(#.*)?$/.exec(line);
    if (header) {
      inApplication = header[1].trim() === "application";
      continue;
    }
    if (inApplication && /^\s*name\s*=/.test(line)) {
      lines[i] = line.replace(/^(\s*name\s*=\s*).*$/, `$1${JSON.stringify(name)}`);
      return lines.join("\n");
    }
  }
  throw new UserError(
    `${file} has no \`[application] name\`; a preview needs it to deploy under \`${name}\``,
    file
  );
}
async function previewManifest(manifest, name) {
  const text = renameSpinApp(await readFile(manifest, "utf8"), name, manifest);
  const file = path.join(
    path.dirname(manifest),
    `.spinwash-preview-${randomBytes(4).toString("hex")}.${path.basename(manifest)}`
  );
  const removeNow = () => rmSync(file, { force: true });
  const onSignal = (signal) => {
    removeNow();
    release();
    process.kill(process.pid, signal);
  };
  const release = () => {
    process.off("exit", removeNow);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  process.on("exit", removeNow);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    release();
    throw error;
  }
  let removed;
  return {
    file,
    remove: () => removed ??= (async () => {
      release();
      await rm(file, { force: true });
    })()
  };
}

// src/deploy/targets/akamai.ts
import path2 from "node:path";

// src/deploy/readiness.ts
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";
var PROBE_TIMEOUT_MS = 5e3;
var MAX_REDIRECTS = 5;
var POLL_FRACTION = 5e-3;
var POLL_MIN_MS = 10;
var POLL_MAX_MS = 2e3;
function pollInterval(waitedMs) {
  return Math.min(POLL_MAX_MS, Math.max(POLL_MIN_MS, waitedMs * POLL_FRACTION));
}
var certificates;
var secureContext;
function trustedCertificates() {
  if (certificates) return certificates;
  const system = tls.getCACertificates?.(
    "system"
  );
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  let extra = [];
  if (extraFile) {
    try {
      extra = [readFileSync(extraFile, "utf8")];
    } catch {
    }
  }
  certificates = [...tls.rootCertificates, ...system ?? [], ...extra];
  return certificates;
}
function trustedContext() {
  return secureContext ??= tls.createSecureContext({ ca: trustedCertificates() });
}
function probeAgents() {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets: 2 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 2 })
  };
}
function getOnce(url, timeoutMs, agents) {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const agent = agents ? url.protocol === "https:" ? agents.https : agents.http : false;
    const request = client.get(
      url,
      {
        agent,
        timeout: timeoutMs,
        ...url.protocol === "https:" ? { secureContext: trustedContext() } : {}
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          if (body.length < 1e6) body += chunk;
        });
        response.on("error", reject);
        response.on(
          "end",
          () => resolve({
            status: response.statusCode ?? 0,
            body,
            ...response.headers.location ? { location: response.headers.location } : {}
          })
        );
      }
    );
    request.on(
      "timeout",
      () => request.destroy(new Error(`no answer within ${Math.ceil(timeoutMs)} ms`))
    );
    request.on("error", reject);
  });
}
async function probe(url, timeoutMs = PROBE_TIMEOUT_MS, agents) {
  const started = performance.now();
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const remaining = timeoutMs - (performance.now() - started);
    const answer = await getOnce(current, Math.max(1, remaining), agents);
    if (answer.status >= 300 && answer.status < 400 && answer.location && hop < MAX_REDIRECTS) {
      current = new URL(answer.location, current);
      continue;
    }
    return {
      status: answer.status,
      body: answer.body,
      seconds: (performance.now() - started) / 1e3,
      url: current.href
    };
  }
}
var NOTHING_BEFORE = { state: "absent" };
function appUrl(base, appPath) {
  const root = new URL(base);
  const url = new URL(appPath.replace(/^\/*/, "/"), root);
  if (url.origin !== root.origin)
    throw new UserError(
      `health path "${appPath}" leaves the app (${root.origin}); give a path such as /health`
    );
  return url.href;
}
function parseSpinInfo(body) {
  try {
    const json = JSON.parse(body);
    if (typeof json !== "object" || json === null) return void 0;
    const text = (key) => typeof json[key] === "string" && json[key] !== "" ? json[key] : void 0;
    const info = { name: text("name"), version: text("version"), digest: text("oci_image_digest") };
    return info.name || info.version || info.digest ? info : void 0;
  } catch {
    return void 0;
  }
}
async function spinInfoAt(base, timeoutMs, agents) {
  try {
    const answer = await probe(appUrl(base, "/.well-known/spin/info"), timeoutMs, agents);
    const info = answer.status === 200 ? parseSpinInfo(answer.body) : void 0;
    return info ? { state: "info", info } : { state: "no-info" };
  } catch {
    return NOTHING_BEFORE;
  }
}
function snapshotBeforeDeploy(base) {
  return base === void 0 ? Promise.resolve(NOTHING_BEFORE) : spinInfoAt(base, PROBE_TIMEOUT_MS);
}
function newInfo(request, now) {
  if (!now.digest) return void 0;
  if (request.digest) return now.digest === request.digest;
  if (request.before.state === "info") return now.digest !== request.before.info.digest;
  return true;
}
async function check(request, base, timeoutMs, agents) {
  let info;
  if (!request.fresh) {
    const at = await spinInfoAt(base, timeoutMs, agents);
    info = at.state === "info" ? at.info : void 0;
    const isNew = info && newInfo(request, info);
    if (info?.digest && isNew === false)
      return { ready: false, seen: `the previous version (spin info digest ${info.digest})` };
  }
  const answer = await probe(appUrl(base, request.healthPath), timeoutMs, agents);
  if (answer.status !== 200) return { ready: false, seen: `HTTP ${answer.status}`, answer };
  if (!request.fresh && !info?.digest) {
    const again = await spinInfoAt(base, timeoutMs, agents);
    if (again.state === "info" && again.info.digest) {
      if (newInfo(request, again.info) === false)
        return {
          ready: false,
          seen: `the previous version (spin info digest ${again.info.digest})`
        };
      info = again.info;
    }
  }
  const expectOk = request.healthExpect === void 0 || answer.body.includes(request.healthExpect);
  if (info?.digest) {
    return expectOk ? { ready: true, proof: "spin-info", digest: info.digest, answer } : { ready: false, seen: `HTTP 200 without "${request.healthExpect}" in the body`, answer };
  }
  if (request.healthExpect !== void 0) {
    return expectOk ? { ready: true, proof: "body", answer } : {
      ready: false,
      seen: `HTTP 200 without "${request.healthExpect}" in the body (the previous version?): ${oneLine(answer.body)}`,
      answer
    };
  }
  if (request.before.state === "info" && request.before.info.digest) {
    return { ready: false, seen: "HTTP 200 but no Spin info to tell the version by", answer };
  }
  return { ready: true, proof: "none", answer };
}
function oneLine(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}\u2026` : flat;
}
function freshServer(label, settings, startedAt, baseUrl2, isDead) {
  return {
    label,
    baseUrl: baseUrl2,
    healthPath: settings.healthPath,
    ...settings.healthExpect !== void 0 ? { healthExpect: settings.healthExpect } : {},
    before: NOTHING_BEFORE,
    fresh: true,
    startedAt,
    timeoutSeconds: settings.timeoutSeconds,
    ...isDead ? { isDead } : {}
  };
}
async function waitUntilReady(request) {
  const agents = probeAgents();
  try {
    return await pollUntilReady(request, agents);
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}
async function pollUntilReady(request, agents) {
  const deadline = request.startedAt + request.timeoutSeconds * 1e3;
  let lastSeen = "no answer yet";
  let answered = false;
  for (; ; ) {
    const base = request.baseUrl();
    const where = base ? appUrl(base, request.healthPath) : "the app";
    const dead = request.isDead?.();
    if (dead !== void 0)
      throw new UserError(
        `${request.label}: the app stopped (${dead}) before ${where} answered 200 (last: ${lastSeen})`
      );
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      const what = request.fresh ? `${where} did not answer 200` : `the new version never answered 200 at ${where}`;
      throw new UserError(
        `${request.label}: ${what} within ${request.timeoutSeconds} s (last: ${lastSeen})`
      );
    }
    if (base !== void 0) {
      try {
        const verdict = await check(request, base, Math.min(remaining, PROBE_TIMEOUT_MS), agents);
        if (verdict.ready && verdict.answer) {
          const readySeconds = (performance.now() - request.startedAt) / 1e3;
          return {
            url: base,
            status: verdict.answer.status,
            readySeconds,
            firstResponseSeconds: verdict.answer.seconds,
            ...request.fresh ? {} : { versionProof: verdict.proof },
            ...verdict.digest ? { digest: verdict.digest } : {}
          };
        }
        if (!verdict.ready) {
          lastSeen = verdict.seen;
          answered = true;
        }
      } catch (error) {
        if (error instanceof UserError) throw error;
        if (!answered) lastSeen = errorMessage(error);
      }
    }
    const waited = performance.now() - request.startedAt;
    await new Promise(
      (resolve) => setTimeout(
        resolve,
        Math.min(pollInterval(waited), Math.max(0, deadline - performance.now()))
      )
    );
  }
}
function readyReport(target, url, ready) {
  return {
    target,
    url,
    status: ready.status,
    readySeconds: ready.readySeconds,
    firstResponseSeconds: ready.firstResponseSeconds
  };
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

// src/deploy/spin-plugin.ts
var SECRET_MASK = "***";
var KILL_GRACE_MS = 5e3;
function redact(text, secrets) {
  let out = text;
  for (const value of Object.values(secrets))
    if (value.length >= 4) out = out.split(value).join(SECRET_MASK);
  return out;
}
function tokenInput(env, what) {
  return {
    default: "",
    secret: true,
    env,
    description: `${what} (secret; the CLI reads env \`${env}\`). Passed to the plugin in its environment only, never on its command line.`
  };
}
var VARIABLES_INPUT = {
  default: "",
  description: "Spin variables for a remote deploy (`fermyon-cloud`, `akamai`): `name=value`, comma- or newline-separated (passed as `--variable`, so on the command line: not for secrets)."
};
function parsePairs(input, value) {
  const pairs = [];
  for (const entry of value.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== "")) {
    const match = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/s.exec(entry);
    if (!match)
      throw new UserError(
        `Input \`${input}\` has the entry "${entry}"; accepted: \`name=value\` pairs, comma- or newline-separated`
      );
    pairs.push([match[1], match[2]]);
  }
  return pairs;
}
function requireToken(session3) {
  if (!session3.secrets[session3.tokenEnv])
    throw new UserError(
      `${session3.label}: input \`${session3.tokenInput}\` is empty; set it from a repository secret (the CLI reads env \`${session3.tokenEnv}\`)`
    );
}
function lastWords(session3, text, lines = 3) {
  const kept = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const errorAt = kept.findIndex((l) => /^error\b/i.test(l));
  const chosen = errorAt >= 0 ? kept.slice(errorAt, errorAt + lines) : kept.slice(-lines);
  return redact(chosen.join(" "), session3.secrets) || "(no output)";
}
async function runSpin(session3, args, options) {
  const started = performance.now();
  const timeoutMs = Math.max(1, options.timeoutSeconds * 1e3);
  const result = await execCapture("spin", args, {
    env: session3.secrets,
    timeoutMs,
    onOutput: (chunk) => {
      options.onOutput?.(chunk);
      if (options.echo) session3.logger.output(redact(chunk, session3.secrets));
    }
  }).then(
    (done) => ({ ...done, timedOut: false }),
    (error) => {
      if (!(error instanceof CommandTimeoutError)) throw error;
      return { code: 124, stdout: error.output, stderr: "", timedOut: true };
    }
  );
  return { ...result, seconds: (performance.now() - started) / 1e3 };
}
var TOKEN_WORDS = /unauthori[sz]ed|\b401\b|\b403\b|forbidden|token|not logged in|log ?in|expired|credential/i;
var LIMIT_WORDS = /quota|rate.?limit|too many|\b429\b|maximum number|limit (?:of|reached)/i;
function commandFault(session3, args, run, timeoutSeconds) {
  const command = `\`spin ${redact(args.join(" "), session3.secrets)}\``;
  const output = `${run.stdout}
${run.stderr}`;
  if (run.timedOut)
    return new UserError(
      `${session3.label}: ${command} did not finish within ${timeoutSeconds} s (\`deploy-timeout\`) and was stopped; its last output: ${lastWords(session3, output)}`
    );
  const words = lastWords(session3, run.stderr || run.stdout);
  if (LIMIT_WORDS.test(output))
    return new UserError(
      `${session3.label}: the platform refused the deploy for a limit (${session3.limitHint}): ${words}`
    );
  if (TOKEN_WORDS.test(output))
    return new UserError(
      `${session3.label}: the platform refused the token in \`${session3.tokenInput}\` (env \`${session3.tokenEnv}\`); make a new one and update the secret: ${words}`
    );
  return new UserError(`${session3.label}: ${command} failed with exit code ${run.code}: ${words}`);
}
var NOT_FOUND_WORDS = /not found|no (?:such )?app|does not exist|doesn't exist|\b404\b/i;
function absentOrFault(session3, args, run, timeoutSeconds, strict) {
  const output = `${run.stdout}
${run.stderr}`;
  if (NOT_FOUND_WORDS.test(output)) return;
  const fault = commandFault(session3, args, run, timeoutSeconds);
  if (strict || run.timedOut || TOKEN_WORDS.test(output) || LIMIT_WORDS.test(output)) throw fault;
  session3.logger.info(`${fault.message} (taken as: no such app yet)`);
}
async function spinOk(session3, args, timeoutSeconds) {
  const run = await runSpin(session3, args, { timeoutSeconds });
  if (run.code !== 0) throw commandFault(session3, args, run, timeoutSeconds);
  return run;
}
function parseVersion(text) {
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : void 0;
}
function versionAtLeast(version, wanted) {
  for (let i = 0; i < 3; i++) {
    const a = version[i] ?? 0;
    if (a !== wanted[i]) return a > wanted[i];
  }
  return true;
}
async function ensurePlugin(session3, timeoutSeconds) {
  const installed = async () => {
    const list = await spinOk(session3, ["plugins", "list", "--installed"], timeoutSeconds);
    for (const line of list.stdout.split("\n")) {
      const [name, version2] = line.trim().split(/\s+/);
      if (name === session3.plugin) return version2 ?? "";
    }
    return void 0;
  };
  let version = await installed();
  if (version === void 0) {
    session3.logger.info(`${session3.label}: installing the Spin plugin \`${session3.plugin}\``);
    const args = ["plugins", "install", session3.plugin, "--yes"];
    const run = await runSpin(session3, args, { timeoutSeconds });
    if (run.code !== 0)
      throw new UserError(
        `${session3.label}: the Spin plugin \`${session3.plugin}\` cannot be installed (\`spin ${args.join(" ")}\` exited ${run.code}): ${lastWords(session3, run.stderr || run.stdout)}`
      );
    version = await installed() ?? "";
  }
  if (parseVersion(version)) return version;
  const own = await runSpin(session3, [session3.plugin, "--version"], { timeoutSeconds });
  const found = own.code === 0 ? parseVersion(own.stdout) : void 0;
  return found ? found.join(".") : void 0;
}
async function deployTimed(session3, request, args, known, sources) {
  let url = known.url;
  let failure;
  let urlMissing = false;
  let commandDone = false;
  let output = "";
  const unprovable = known.url !== void 0 && known.before.state !== "info" && request.healthExpect === void 0;
  if (unprovable)
    session3.logger.warning(
      `${session3.label}: ${known.url} served no Spin info before the deploy; without \`health-expect\` the new version cannot be told from the old, so its first 200 after the deploy command counts`
    );
  const startedAt = performance.now();
  const command = runSpin(session3, args, {
    timeoutSeconds: request.timeoutSeconds,
    echo: true,
    onOutput: (chunk) => output += chunk
  }).then(async (run) => {
    if (run.code !== 0) throw commandFault(session3, args, run, request.timeoutSeconds);
    const printed = sources.printed(run);
    if (printed) url = printed;
    const after = await sources.lookUp(printed);
    if (after) url = after;
    else if (!url) urlMissing = true;
    commandDone = true;
    return run;
  }).catch((error) => {
    failure = error;
    throw error;
  });
  command.catch(() => void 0);
  const finished = async () => {
    const wait = startedAt + request.timeoutSeconds * 1e3 + KILL_GRACE_MS - performance.now();
    let timer;
    const done = await Promise.race([
      command.then(
        () => true,
        () => true
      ),
      new Promise(
        (resolve) => timer = setTimeout(() => resolve(false), Math.max(0, wait))
      )
    ]);
    clearTimeout(timer);
    if (!done)
      throw new UserError(
        `${session3.label}: \`spin ${redact(args.join(" "), session3.secrets)}\` did not finish within ${request.timeoutSeconds} s (\`deploy-timeout\`) and was stopped; its last output: ${lastWords(session3, output)}`
      );
  };
  let readiness;
  try {
    readiness = await waitUntilReady({
      label: session3.label,
      baseUrl: () => unprovable && !commandDone ? void 0 : url,
      healthPath: request.healthPath,
      ...request.healthExpect !== void 0 ? { healthExpect: request.healthExpect } : {},
      before: known.before,
      startedAt,
      timeoutSeconds: request.timeoutSeconds,
      isDead: () => failure !== void 0 ? "the deploy command failed" : urlMissing ? "the deploy printed no URL" : void 0
    });
  } catch (error) {
    await finished();
    if (failure !== void 0) throw failure;
    if (urlMissing)
      throw new UserError(
        `${session3.label}: \`spin ${args.join(" ")}\` succeeded but told no URL of the app, so its answer cannot be timed`
      );
    throw error;
  }
  await finished();
  return { readiness, run: await command };
}

// src/deploy/targets/akamai.ts
var TOKEN_ENV = "SPIN_AKA_ACCESS_TOKEN";
var MIN_DEPLOY_VERSION = [0, 6, 0];
var CURRENT_SPELLING = [0, 2, 0];
var akamaiTarget = {
  name: "akamai",
  cli: "spin",
  summary: "`akamai` deploys it to Akamai Functions with `spin aka deploy`",
  inputs: {
    "akamai-token": tokenInput(
      TOKEN_ENV,
      "Akamai Functions token for `deploy: akamai` (`spin aka auth token create`)"
    ),
    "akamai-app-id": {
      default: "",
      description: "The Akamai Functions app to deploy onto (`--app-id`); empty: the app named as in spin.toml, created on its first deploy."
    },
    variables: VARIABLES_INPUT
  },
  spinPlugins: ["aka"],
  parseOptions: (read) => {
    read("akamai-token");
    const appId = read("akamai-app-id");
    if (appId !== "" && !/^[A-Za-z0-9_-]+$/.test(appId))
      throw new UserError(
        `Input \`akamai-app-id\` has the value "${appId}"; accepted: an app id (letters, digits, \`-\`, \`_\`) as \`spin aka app list\` shows it`
      );
    return {
      ...appId !== "" ? { appId } : {},
      variables: parsePairs("variables", read("variables"))
    };
  },
  deploy: deployAkamai,
  undeploy: undeployAkamai
};
function session(request) {
  return {
    label: "akamai",
    plugin: "aka",
    tokenInput: "akamai-token",
    tokenEnv: TOKEN_ENV,
    limitHint: "your account's app or request limit; delete apps or previews you no longer need",
    secrets: request.secrets,
    logger: request.logger
  };
}
function spellingOf(version) {
  if (version && !versionAtLeast(version, CURRENT_SPELLING))
    return {
      status: (app) => ["aka", "apps", "info", ...ref(app, "-i", "-n"), "--format", "json"],
      delete: (app) => ["aka", "apps", "delete", ...ref(app, "-i", "-n"), "--yes"]
    };
  return {
    status: (app) => [
      "aka",
      "app",
      "status",
      ...ref(app, "--app-id", "--app-name"),
      "--format",
      "json"
    ],
    delete: (app) => [
      "aka",
      "app",
      "delete",
      ...ref(app, "--app-id", "--app-name"),
      "--no-confirm"
    ]
  };
}
function ref(app, idFlag, nameFlag) {
  return "id" in app ? [idFlag, app.id] : [nameFlag, app.name];
}
async function appStatus(cli, spelling, app, timeoutSeconds, strict = false) {
  const args = spelling.status(app);
  const run = await runSpin(cli, args, { timeoutSeconds });
  if (run.code !== 0) {
    absentOrFault(cli, args, run, timeoutSeconds, strict);
    return void 0;
  }
  try {
    const status = JSON.parse(run.stdout);
    const urls = Array.isArray(status.urls) ? status.urls.filter((u) => typeof u === "string") : [];
    return {
      ...typeof status.id === "string" ? { id: status.id } : {},
      ...urls[0] ? { url: urls[0] } : {}
    };
  } catch {
    throw new UserError(
      `akamai: \`spin ${args.join(" ")}\` printed no JSON: ${lastWords(cli, run.stdout)}`
    );
  }
}
function akaRoutesUrl(output) {
  const routes = output.split(/App Routes:\s*\n/)[1];
  const url = routes && /^\s*-\s*[^:\n]+:\s*(https?:\/\/[^\s/]+)/m.exec(routes)?.[1];
  return url || void 0;
}
async function pluginSpelling(cli, timeoutSeconds) {
  const version = await ensurePlugin(cli, timeoutSeconds);
  const parsed = version ? parseVersion(version) : void 0;
  if (!parsed)
    cli.logger.info("akamai: the `aka` plugin did not tell its version; using current flags");
  return { spelling: spellingOf(parsed), ...version ? { version } : {} };
}
async function deployAkamai(request) {
  const cli = session(request);
  if (request.project.kind !== "spin")
    throw new UserError(
      `deploy \`akamai\` deploys Spin apps; this is a ${request.project.kind} project (no spin.toml)`
    );
  const manifest = request.project.manifest ?? path2.join(request.project.dir, "spin.toml");
  requireToken(cli);
  const { timeoutSeconds } = request;
  const { spelling, version } = await pluginSpelling(cli, timeoutSeconds);
  const parsed = version ? parseVersion(version) : void 0;
  if (parsed && !versionAtLeast(parsed, MIN_DEPLOY_VERSION))
    throw new UserError(
      `akamai: the installed \`aka\` plugin is ${version}; spinwash needs ${MIN_DEPLOY_VERSION.join(".")} or later (its \`--skip-readiness-check\` lets spinwash time the app rather than the plugin's own wait): run \`spin plugins update && spin plugins upgrade aka --yes\``
    );
  const name = request.preview?.name ?? request.project.appName;
  const target = !request.preview && request.options.appId ? { id: request.options.appId } : { name };
  const existing = await appStatus(cli, spelling, target, timeoutSeconds);
  if (!existing && "id" in target)
    throw new UserError(
      `Input \`akamai-app-id\` has the value "${target.id}"; no such app in the account the token belongs to (see \`spin aka app list\`)`
    );
  const before = existing?.url ? await snapshotBeforeDeploy(existing.url) : NOTHING_BEFORE;
  const onto = existing?.id ? ["--app-id", existing.id] : ["--create-name", name];
  const args = [
    "aka",
    "deploy",
    "-f",
    manifest,
    ...onto,
    "--no-confirm",
    "--skip-readiness-check",
    ...request.options.variables.flatMap(([k, v]) => ["--variable", `${k}=${v}`])
  ];
  const { readiness, run } = await deployTimed(
    cli,
    request,
    args,
    { ...existing?.url ? { url: existing.url } : {}, before },
    {
      // polled at once; `app status` is the reliable word and replaces it when it answers
      printed: (run2) => akaRoutesUrl(run2.stdout),
      lookUp: async (printed) => {
        const app = existing?.id ? { id: existing.id } : { name };
        try {
          return (await appStatus(cli, spelling, app, timeoutSeconds))?.url;
        } catch (error) {
          if (printed) return void 0;
          throw error;
        }
      }
    }
  );
  request.logger.info(
    `akamai: ${name} answered as the new version at ${readiness.url} ${readiness.readySeconds.toFixed(2)} s after \`spin aka deploy\` started (the command took ${run.seconds.toFixed(2)} s)`
  );
  return {
    report: {
      target: "akamai",
      url: new URL(readiness.url).href,
      status: readiness.status,
      readySeconds: readiness.readySeconds,
      firstResponseSeconds: readiness.firstResponseSeconds,
      commandSeconds: run.seconds,
      ...readiness.versionProof ? { versionProof: readiness.versionProof } : {},
      ...readiness.digest ? { digest: readiness.digest } : {}
    },
    stop: async () => void 0
    // the app stays up; nothing runs here
  };
}
async function undeployAkamai(request) {
  const cli = session(request);
  requireToken(cli);
  const { timeoutSeconds } = request;
  const { spelling } = await pluginSpelling(cli, timeoutSeconds);
  const app = { name: request.preview?.name ?? request.project.appName };
  if (!await appStatus(cli, spelling, app, timeoutSeconds)) {
    request.logger.info(`akamai: ${app.name} does not exist (already deleted)`);
    return;
  }
  const args = spelling.delete(app);
  const run = await runSpin(cli, args, { timeoutSeconds });
  if (run.code !== 0) throw commandFault(cli, args, run, timeoutSeconds);
  if (await appStatus(cli, spelling, app, timeoutSeconds, true))
    throw new UserError(`akamai: ${app.name} is still listed after \`spin ${args.join(" ")}\``);
  request.logger.info(`akamai: deleted ${app.name}`);
}

// src/deploy/targets/fermyon-cloud.ts
import path3 from "node:path";
var TOKEN_ENV2 = "SPIN_AUTH_TOKEN";
var fermyonCloudTarget = {
  name: "fermyon-cloud",
  cli: "spin",
  summary: "`fermyon-cloud` deploys it to Fermyon Cloud with `spin cloud deploy`",
  inputs: {
    "fermyon-token": tokenInput(TOKEN_ENV2, "Fermyon Cloud token for `deploy: fermyon-cloud`"),
    variables: VARIABLES_INPUT,
    "key-values": {
      default: "",
      description: "Key-value store entries for `deploy: fermyon-cloud`: `key=value`, comma- or newline-separated (passed as `--key-value`)."
    }
  },
  spinPlugins: ["cloud"],
  parseOptions: (read) => {
    read("fermyon-token");
    return {
      variables: parsePairs("variables", read("variables")),
      keyValues: parsePairs("key-values", read("key-values"))
    };
  },
  deploy: deployFermyonCloud,
  undeploy: undeployFermyonCloud
};
function session2(request) {
  return {
    label: "fermyon-cloud",
    plugin: "cloud",
    tokenInput: "fermyon-token",
    tokenEnv: TOKEN_ENV2,
    limitHint: "the free plan allows 5 apps and 10 deploys a minute; delete apps or previews you no longer need, or wait a minute",
    secrets: request.secrets,
    logger: request.logger
  };
}
function manifestOf(request) {
  const manifest = request.project.manifest ?? path3.join(request.project.dir, "spin.toml");
  if (request.project.kind !== "spin")
    throw new UserError(
      `deploy \`fermyon-cloud\` deploys Spin apps; this is a ${request.project.kind} project (no spin.toml)`
    );
  return manifest;
}
async function appInfo(cli, app, timeoutSeconds, strict = false) {
  const args = ["cloud", "apps", "info", app, "--format", "json"];
  const run = await runSpin(cli, args, { timeoutSeconds });
  if (run.code !== 0) {
    absentOrFault(cli, args, run, timeoutSeconds, strict);
    return void 0;
  }
  try {
    const info = JSON.parse(run.stdout);
    return typeof info.url === "string" && info.url !== "" ? { url: info.url } : {};
  } catch {
    throw new UserError(
      `fermyon-cloud: \`spin ${args.join(" ")}\` printed no JSON: ${lastWords(cli, run.stdout)}`
    );
  }
}
function cloudDeployUrl(output) {
  const view = /View application:\s*(https?:\/\/\S+)/.exec(output)?.[1];
  if (view) return view;
  const running = /Application is running at\s*(\S+)/.exec(output)?.[1];
  if (!running) return void 0;
  return /^https?:\/\//.test(running) ? running : `https://${running}`;
}
async function deployFermyonCloud(request) {
  const cli = session2(request);
  const manifest = manifestOf(request);
  requireToken(cli);
  const { timeoutSeconds } = request;
  await ensurePlugin(cli, timeoutSeconds);
  const app = request.preview?.name ?? request.project.appName;
  let copy;
  try {
    if (request.preview) copy = await previewManifest(manifest, app);
    const existing = await appInfo(cli, app, timeoutSeconds);
    const before = existing?.url ? await snapshotBeforeDeploy(existing.url) : NOTHING_BEFORE;
    const args = [
      "cloud",
      "deploy",
      "-f",
      copy?.file ?? manifest,
      "--readiness-timeout",
      "0",
      ...request.options.variables.flatMap(([k, v]) => ["--variable", `${k}=${v}`]),
      ...request.options.keyValues.flatMap(([k, v]) => ["--key-value", `${k}=${v}`])
    ];
    const { readiness, run } = await deployTimed(
      cli,
      request,
      args,
      { ...existing?.url ? { url: existing.url } : {}, before },
      {
        printed: (run2) => cloudDeployUrl(run2.stdout),
        // only when the output named none (no HTTP routes, another spelling)
        lookUp: async (printed) => printed ? void 0 : (await appInfo(cli, app, timeoutSeconds))?.url
      }
    );
    request.logger.info(
      `fermyon-cloud: ${app} answered as the new version at ${readiness.url} ${readiness.readySeconds.toFixed(2)} s after \`spin cloud deploy\` started (the command took ${run.seconds.toFixed(2)} s)`
    );
    return {
      report: {
        target: "fermyon-cloud",
        url: new URL(readiness.url).href,
        status: readiness.status,
        readySeconds: readiness.readySeconds,
        firstResponseSeconds: readiness.firstResponseSeconds,
        commandSeconds: run.seconds,
        ...readiness.versionProof ? { versionProof: readiness.versionProof } : {},
        ...readiness.digest ? { digest: readiness.digest } : {}
      },
      stop: async () => void 0
      // the app stays up; nothing runs here
    };
  } finally {
    await copy?.remove();
  }
}
async function undeployFermyonCloud(request) {
  const cli = session2(request);
  requireToken(cli);
  const { timeoutSeconds } = request;
  await ensurePlugin(cli, timeoutSeconds);
  const app = request.preview?.name ?? request.project.appName;
  if (!await appInfo(cli, app, timeoutSeconds)) {
    request.logger.info(`fermyon-cloud: ${app} does not exist (already deleted)`);
    return;
  }
  let args = ["cloud", "apps", "delete", app, "--yes"];
  let run = await runSpin(cli, args, { timeoutSeconds });
  if (run.code !== 0 && /unexpected argument '--yes'|unknown (?:argument|flag)/i.test(run.stderr)) {
    args = ["cloud", "apps", "delete", app];
    run = await runSpin(cli, args, { timeoutSeconds });
  }
  if (run.code !== 0) throw commandFault(cli, args, run, timeoutSeconds);
  if (await appInfo(cli, app, timeoutSeconds, true))
    throw new UserError(`fermyon-cloud: ${app} is still listed after \`spin cloud apps delete\``);
  request.logger.info(`fermyon-cloud: deleted ${app}`);
}

// src/deploy/push/push.ts
import { stat, readFile as readFile3 } from "node:fs/promises";

// src/oci/client.ts
import { createHash } from "node:crypto";

// src/oci/reference.ts
var COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
var DIGEST = /^sha256:[a-f0-9]{64}$/;
var ACCEPTED = "`registry/repository:tag` (e.g. `ghcr.io/o/app:v1`, `127.0.0.1:5000/demo/app:v1`), lowercase repository, tag of letters, digits, `._-`";
function parseReference(text, input = "oci-reference") {
  const bad = () => invalidInput(input, text, ACCEPTED);
  if (text === "" || /\s/.test(text)) throw bad();
  let rest = text;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw bad();
  }
  let tag;
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw bad();
  }
  const parts = rest.split("/");
  const first = parts[0] ?? "";
  let registry = "docker.io";
  if (parts.length > 1 && (/[.:]/.test(first) || first === "localhost")) {
    registry = first;
    parts.shift();
  }
  if (registry === "docker.io" && parts.length === 1) parts.unshift("library");
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) throw bad();
  if (tag === void 0 && digest === void 0) tag = "latest";
  return {
    registry,
    repository: parts.join("/"),
    ...tag !== void 0 ? { tag } : {},
    ...digest !== void 0 ? { digest } : {}
  };
}
function pinned(reference, digest) {
  const tag = reference.tag !== void 0 ? `:${reference.tag}` : "";
  return `${reference.registry}/${reference.repository}${tag}@${digest}`;
}
function apiHost(registry) {
  return registry === "docker.io" ? "registry-1.docker.io" : registry;
}
function isLoopback(registry) {
  const host = registry.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

// src/oci/client.ts
var MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
function sha256Digest(bytes) {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}
function parseChallenge(header) {
  const space = header.indexOf(" ");
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
  const params = {};
  const pairs = /([A-Za-z_]+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (const match of (space < 0 ? "" : header.slice(space + 1)).matchAll(pairs))
    params[match[1].toLowerCase()] = match[2] ?? match[3] ?? "";
  return { scheme, params };
}
async function errorDetail(response) {
  const text = await response.text().catch(() => "");
  try {
    const first = JSON.parse(text).errors?.[0];
    if (first) return [first.code, first.message].filter(Boolean).join(": ");
  } catch {
  }
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}
var RegistryClient = class {
  constructor(options) {
    this.options = options;
    this.registry = options.reference.registry;
    this.repository = options.reference.repository;
    const plain = options.insecure || isLoopback(this.registry);
    this.baseUrl = `${plain ? "http" : "https"}://${apiHost(this.registry)}/`;
  }
  options;
  registry;
  repository;
  baseUrl;
  /** Requests sent (retries after a 401 included), for tests and logs. */
  sent = [];
  authorization;
  url(target) {
    return /^https?:\/\//.test(target) ? new URL(target) : new URL(target.startsWith("/") ? target : `/v2/${this.repository}/${target}`, this.baseUrl);
  }
  async fetch(url, init, what) {
    const { deadline } = this.options;
    const left = deadline === void 0 ? Infinity : Math.max(1, deadline - performance.now());
    const timeoutMs = Math.round(Math.min(this.options.timeoutMs, left));
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const cause = error.cause;
      if (error.name === "TimeoutError")
        throw new UserError(
          `registry ${this.registry} did not answer (${what}) within ${(timeoutMs / 1e3).toFixed(1)} s${timeoutMs < this.options.timeoutMs ? " (the rest of deploy-timeout)" : ""}`
        );
      throw new UserError(
        `cannot reach registry ${this.registry} at ${url.origin} (${what}): ${cause?.code ?? cause?.message ?? errorMessage(error)}`
      );
    }
  }
  /** Sends a request, answering one 401 challenge by logging in; a second 401 is refused credentials. */
  async send(request) {
    const url = this.url(request.target);
    const attempt = async () => {
      const headers = { ...request.headers };
      if (this.authorization) headers.authorization = this.authorization;
      const response2 = await this.fetch(
        url,
        { method: request.method, headers, ...request.body ? { body: request.body } : {} },
        request.what
      );
      this.sent.push({ method: request.method, path: url.pathname, status: response2.status });
      return response2;
    };
    let response = await attempt();
    if (response.status === 401) {
      const header = response.headers.get("www-authenticate") ?? "";
      const detail = await errorDetail(response);
      this.authorization = await this.authorize(parseChallenge(header), detail);
      response = await attempt();
      if (response.status === 401) throw this.refused(await errorDetail(response));
    }
    return response;
  }
  /** Throws the one-line error for a status other than `expected`. */
  async expect(response, expected, what) {
    if (expected.includes(response.status)) return;
    const detail = await errorDetail(response);
    const said = `HTTP ${response.status}${detail ? ` ${detail}` : ""}`;
    const login = this.options.credentials ? ` for user "${this.options.credentials.username}"` : " (no login given)";
    if (response.status === 404 && (/NAME_UNKNOWN/.test(detail) || /^upload /.test(what)))
      throw new UserError(
        `registry ${this.registry} has no repository ${this.repository} (${what}: ${said})`
      );
    if (response.status === 403)
      throw new UserError(
        `registry ${this.registry} denied ${what} in ${this.repository}${login} (${said})`
      );
    throw new UserError(`registry ${this.registry}: ${what} failed: ${said}`);
  }
  refused(detail) {
    const who = this.options.credentials;
    if (!who)
      return new UserError(
        `registry ${this.registry} asks for a login and none was given: set inputs \`oci-username\` and \`oci-password\` (CLI: env SPINWASH_OCI_USERNAME / SPINWASH_OCI_PASSWORD) or log in with \`docker login ${this.registry}\` (HTTP 401${detail ? ` ${detail}` : ""})`
      );
    return new UserError(
      `registry ${this.registry} refused the login of user "${who.username}" from ${who.source === "inputs" ? "the inputs" : who.source}: wrong user name or password (HTTP 401${detail ? ` ${detail}` : ""})`
    );
  }
  basic() {
    const who = this.options.credentials;
    return who ? `Basic ${Buffer.from(`${who.username}:${who.password}`).toString("base64")}` : void 0;
  }
  async authorize(challenge, detail) {
    if (challenge.scheme === "basic") {
      const basic = this.basic();
      if (!basic) throw this.refused(detail);
      return basic;
    }
    if (challenge.scheme !== "bearer" || !challenge.params.realm)
      throw new UserError(
        `registry ${this.registry} answered 401 with an authentication scheme spinwash does not speak: "${challenge.scheme || "none"}" (Basic and Bearer are)`
      );
    return `Bearer ${await this.token(challenge.params)}`;
  }
  /** The Bearer token flow: GET realm?service=&scope= (with the login as Basic, if any) → {token}. */
  async token(params) {
    let realm;
    try {
      realm = new URL(params.realm);
    } catch {
      throw new UserError(
        `registry ${this.registry} named a token realm that is not a URL: "${params.realm}"`
      );
    }
    if (realm.protocol !== "https:" && !this.options.insecure && !isLoopback(realm.host))
      throw new UserError(
        `registry ${this.registry} sends logins to a plain-HTTP token realm ${realm.origin}; refused (set \`oci-insecure: true\` to allow it)`
      );
    const scopes = /* @__PURE__ */ new Set([`repository:${this.repository}:pull,push`]);
    if (params.scope) scopes.add(params.scope);
    if (params.service) realm.searchParams.set("service", params.service);
    for (const scope of scopes) realm.searchParams.append("scope", scope);
    const basic = this.basic();
    const response = await this.fetch(
      realm,
      { headers: basic ? { authorization: basic } : {} },
      `token from ${realm.origin}${realm.pathname}`
    );
    this.sent.push({ method: "GET", path: realm.pathname, status: response.status });
    if (response.status === 401 || response.status === 403)
      throw this.refused(await errorDetail(response));
    if (!response.ok)
      throw new UserError(
        `registry ${this.registry}: its token server ${realm.origin}${realm.pathname} answered HTTP ${response.status} ${await errorDetail(response)}`
      );
    const body = await response.json().catch(() => ({}));
    const token = body.token ?? body.access_token;
    if (!token)
      throw new UserError(
        `registry ${this.registry}: its token server ${realm.origin}${realm.pathname} answered without a token`
      );
    return token;
  }
  /** Does the registry have this blob already? */
  async blobExists(digest) {
    const what = `HEAD blob ${digest}`;
    const response = await this.send({ method: "HEAD", target: `blobs/${digest}`, what });
    await response.body?.cancel();
    if (response.status === 404) return false;
    await this.expect(response, [200], what);
    return true;
  }
  /** Monolithic upload: POST opens an upload session, PUT <Location>?digest= sends the bytes and closes it. */
  async uploadBlob(bytes, digest) {
    const what = `upload blob ${digest}`;
    const opened = await this.send({ method: "POST", target: "blobs/uploads/", what });
    await this.expect(opened, [202], what);
    await opened.body?.cancel();
    const location = opened.headers.get("location");
    if (!location)
      throw new UserError(
        `registry ${this.registry}: ${what}: the upload was opened without a Location`
      );
    const put = new URL(location, this.url("blobs/uploads/"));
    put.searchParams.set("digest", digest);
    const closed = await this.send({
      method: "PUT",
      target: put.href,
      what,
      body: bytes,
      headers: {
        "content-type": "application/octet-stream",
        "content-length": String(bytes.length)
      }
    });
    await this.expect(closed, [201], what);
    await closed.body?.cancel();
    const stored = closed.headers.get("docker-content-digest");
    if (stored && stored !== digest)
      throw new UserError(
        `registry ${this.registry} stored blob ${stored} for the upload of ${digest}: the bytes changed on the way`
      );
  }
  /** PUT the manifest under a tag (or digest); the digest the registry answered is checked against ours. */
  async putManifest(reference, bytes, mediaType) {
    const ours = sha256Digest(bytes);
    const started = performance.now();
    const what = `PUT manifest ${this.repository}:${reference}`;
    const response = await this.send({
      method: "PUT",
      target: `manifests/${reference}`,
      what,
      body: bytes,
      headers: { "content-type": mediaType }
    });
    await this.expect(response, [200, 201], what);
    await response.body?.cancel();
    const theirs = response.headers.get("docker-content-digest");
    if (theirs && theirs !== ours)
      throw new UserError(
        `registry ${this.registry} answered digest ${theirs} for the manifest spinwash sent as ${ours}`
      );
    const digest = theirs ?? ours;
    return {
      digest,
      status: response.status,
      url: this.url(`manifests/${digest}`).href,
      seconds: (performance.now() - started) / 1e3
    };
  }
  /** GET a manifest (by tag or digest): its bytes and the digest the registry names. */
  async getManifest(reference, accept = `${MANIFEST_MEDIA_TYPE}, application/vnd.docker.distribution.manifest.v2+json`) {
    const started = performance.now();
    const what = `GET manifest ${this.repository}:${reference}`;
    const response = await this.send({
      method: "GET",
      target: `manifests/${reference}`,
      what,
      headers: { accept }
    });
    await this.expect(response, [200], what);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = response.headers.get("docker-content-digest") ?? sha256Digest(bytes);
    return {
      bytes,
      digest,
      mediaType: response.headers.get("content-type") ?? "",
      status: response.status,
      url: this.url(`manifests/${digest}`).href,
      seconds: (performance.now() - started) / 1e3
    };
  }
};

// src/oci/credentials.ts
import { readFile as readFile2 } from "node:fs/promises";
import { homedir } from "node:os";
import path4 from "node:path";
function dockerConfigPath(env = process.env) {
  const dir = env.DOCKER_CONFIG || path4.join(env.HOME || homedir(), ".docker");
  return path4.join(dir, "config.json");
}
var trimSlash = (key) => key.replace(/\/+$/, "");
function authKeys(registry) {
  if (registry === "docker.io" || registry === "registry-1.docker.io")
    return ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"];
  return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`];
}
async function dockerConfigCredentials(registry, env = process.env) {
  const file = dockerConfigPath(env);
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch {
    return void 0;
  }
  let auths;
  try {
    auths = JSON.parse(text).auths ?? {};
  } catch (error) {
    throw new UserError(
      `the Docker config ${file} is not valid JSON: ${errorMessage(error)}`,
      file
    );
  }
  const keys = authKeys(registry).map(trimSlash);
  const found = Object.entries(auths).find(([key]) => keys.includes(trimSlash(key)));
  const entry = found?.[1];
  if (!entry) return void 0;
  if (entry.username && entry.password)
    return { username: entry.username, password: entry.password, source: file };
  if (!entry.auth) return void 0;
  const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
  const split = decoded.indexOf(":");
  if (split <= 0)
    throw new UserError(
      `the Docker config ${file} has an \`auth\` for ${registry} that is not base64 of user:password`,
      file
    );
  return { username: decoded.slice(0, split), password: decoded.slice(split + 1), source: file };
}
async function registryCredentials(registry, username, password, env = process.env) {
  if (password) return { username: username ?? "", password, source: "inputs" };
  if (username)
    throw new UserError(
      `Input \`oci-username\` is set but \`oci-password\` is empty; give the password (CLI: env SPINWASH_OCI_PASSWORD) for ${registry}`
    );
  return dockerConfigCredentials(registry, env);
}

// src/deploy/push/spin-push.ts
import path5 from "node:path";
function pushedDigest(output) {
  return /Pushed with digest (sha256:[a-f0-9]{64})/.exec(output)?.[1];
}
async function spinRegistryPush(request, reference, credentials) {
  const { logger } = request;
  const cwd = request.project.dir;
  const manifest = request.project.manifest ?? path5.join(cwd, "spin.toml");
  const onOutput = (chunk) => logger.output(chunk);
  if (credentials?.source === "inputs") {
    const login = await execCapture(
      "spin",
      [
        "registry",
        "login",
        reference.registry,
        "--username",
        credentials.username,
        "--password-stdin"
      ],
      { cwd, input: credentials.password, onOutput }
    );
    if (login.code !== 0)
      throw new UserError(
        `spin registry login to registry ${reference.registry} as "${credentials.username}" failed (exit code ${login.code}): ${lastLine(login)}`
      );
  }
  const insecure = request.options.insecure || isLoopback(reference.registry);
  const timeoutMs = request.timeoutSeconds * 1e3;
  const started = performance.now();
  const result = await execCapture(
    "spin",
    [
      "registry",
      "push",
      "-f",
      manifest,
      ...insecure ? ["--insecure"] : [],
      request.options.reference
    ],
    { cwd, onOutput, timeoutMs }
  );
  if (result.code !== 0 && performance.now() - started >= timeoutMs)
    throw new UserError(
      `spin registry push to registry ${reference.registry} did not finish within ${request.timeoutSeconds} s (deploy-timeout)`,
      manifest
    );
  if (result.code !== 0)
    throw new UserError(
      `spin registry push to registry ${reference.registry} failed (exit code ${result.code}): ${lastLine(result)}`,
      manifest
    );
  return pushedDigest(`${result.stdout}
${result.stderr}`);
}
function lastLine(result) {
  const lines = `${result.stderr}
${result.stdout}`.split("\n").map((l) => l.trim());
  const error = lines.filter((l) => /^Error:/i.test(l)).pop();
  return (error ?? lines.filter(Boolean).pop() ?? "no output").replace(/^Error:\s*/i, "");
}

// src/wasm/component-world.ts
var IMPORT_SECTION = 10;
var EXPORT_SECTION = 11;
function componentWorld(bytes) {
  const binary = parseWasm(bytes);
  if (binary.kind !== "component") {
    throw new WasmFormatError(0, "a component (component-model layer)", "a core module");
  }
  const imports = [];
  const exports = [];
  for (const section of binary.sections) {
    if (section.id === IMPORT_SECTION) readImports(binary, section, imports);
    else if (section.id === EXPORT_SECTION) readExports(binary, section, exports);
  }
  return { imports, exports };
}
function reader(binary, section) {
  return new ByteReader(binary.bytes, section.payloadStart, section.end);
}
function externName(r, what) {
  const at = r.pos;
  const tag = r.u8(`the tag of ${what}`);
  if (tag !== 0 && tag !== 1) throw new WasmFormatError(at, `the tag of ${what}`, `${tag}`);
  const name = r.name(what);
  if (tag === 1) r.name(`the suffix of ${what}`);
  return name;
}
function skipExternDesc(r) {
  const at = r.pos;
  const sort = r.u8("the kind of an extern description");
  switch (sort) {
    case 0:
      r.u8("the core sort of an extern description");
      r.u32("a core type index");
      return;
    case 1:
    // func
    case 4:
    // component
    case 5:
      r.u32("a type index");
      return;
    case 2:
    // value bound: 0x00 value index | 0x01 value type
    case 3: {
      const bound = r.u8("a bound");
      if (sort === 2) r.s33("a value type");
      else if (bound === 0) r.u32("a type index");
      return;
    }
    default:
      throw new WasmFormatError(at, "the kind of an extern description (0x00-0x05)", `${sort}`);
  }
}
function readImports(binary, section, into) {
  const r = reader(binary, section);
  const count = r.u32("the number of imports");
  for (let i = 0; i < count; i++) {
    into.push(externName(r, "an import name"));
    skipExternDesc(r);
  }
}
function readExports(binary, section, into) {
  const r = reader(binary, section);
  const count = r.u32("the number of exports");
  for (let i = 0; i < count; i++) {
    into.push(externName(r, "an export name"));
    if (r.u8("the sort of an export") === 0) r.u8("the core sort of an export");
    r.u32("the index of an export");
    if (r.u8("the optional type of an export") === 1) skipExternDesc(r);
  }
}

// src/oci/wasm-artifact.ts
var WASM_CONFIG_MEDIA_TYPE = "application/vnd.wasm.config.v0+json";
var WASM_LAYER_MEDIA_TYPE = "application/wasm";
function wasmArtifact(wasm, created = /* @__PURE__ */ new Date()) {
  const layer = {
    mediaType: WASM_LAYER_MEDIA_TYPE,
    digest: sha256Digest(wasm),
    bytes: wasm
  };
  const isComponent = wasmKind(wasm) === "component";
  const config = {
    created: created.toISOString(),
    architecture: "wasm",
    os: isComponent ? "wasip2" : "wasip1",
    layerDigests: [layer.digest]
  };
  if (isComponent) {
    const { imports, exports } = componentWorld(wasm);
    config.component = { exports, imports };
  }
  const configBytes = new TextEncoder().encode(JSON.stringify(config));
  const configBlob = {
    mediaType: WASM_CONFIG_MEDIA_TYPE,
    digest: sha256Digest(configBytes),
    bytes: configBytes
  };
  const descriptor = (blob) => ({
    mediaType: blob.mediaType,
    digest: blob.digest,
    size: blob.bytes.length
  });
  const manifest = {
    schemaVersion: 2,
    mediaType: MANIFEST_MEDIA_TYPE,
    config: descriptor(configBlob),
    layers: [descriptor(layer)]
  };
  return {
    config: configBlob,
    layer,
    manifest: new TextEncoder().encode(JSON.stringify(manifest))
  };
}

// src/deploy/push/push.ts
var OCI_PASSWORD_ENV = "SPINWASH_OCI_PASSWORD";
var OCI_USERNAME_ENV = "SPINWASH_OCI_USERNAME";
var OCI_INPUTS = {
  "oci-reference": {
    default: "",
    description: "Where `deploy: oci` / `kubernetes` push the app: `registry/repository:tag`, e.g. `ghcr.io/o/app:v1` (a tag per commit: the `github.sha` expression). Spin apps are pushed with `spin registry push`, other components as the CNCF Wasm OCI artifact."
  },
  "oci-username": {
    default: "",
    description: `Registry user name (env ${OCI_USERNAME_ENV}); with \`oci-password\` empty too, the login comes from the Docker config's \`auths\` (\`~/.docker/config.json\`, \`DOCKER_CONFIG\`).`,
    env: OCI_USERNAME_ENV
  },
  "oci-password": {
    default: "",
    description: `Registry password or token (masked; CLI: env ${OCI_PASSWORD_ENV}).`,
    secret: true,
    env: OCI_PASSWORD_ENV
  },
  "oci-insecure": {
    default: "false",
    description: "Push over plain HTTP to a registry other than `localhost` / `127.0.0.1` (those always use plain HTTP)."
  }
};
function parseOciOptions(read) {
  const reference = read("oci-reference");
  if (reference === "")
    throw new UserError(
      "Input `oci-reference` is empty; give where to push, e.g. `ghcr.io/o/app:v1` (CLI: --oci-reference)"
    );
  if (parseReference(reference).digest)
    throw invalidInput(
      "oci-reference",
      reference,
      "a reference with a tag to push to (`registry/repository:tag`); the registry names the digest"
    );
  const username = read("oci-username");
  read("oci-password");
  return {
    reference,
    ...username ? { username } : {},
    insecure: parseBoolean("oci-insecure", read("oci-insecure"))
  };
}
var REQUEST_TIMEOUT_MS = 12e4;
function clientFor(request, reference, credentials, started) {
  return new RegistryClient({
    reference,
    ...credentials ? { credentials } : {},
    insecure: request.options.insecure,
    timeoutMs: REQUEST_TIMEOUT_MS,
    deadline: started + request.timeoutSeconds * 1e3
  });
}
async function pushApp(request) {
  const started = performance.now();
  const reference = parseReference(request.options.reference);
  const credentials = await registryCredentials(
    reference.registry,
    request.options.username,
    request.secrets[OCI_PASSWORD_ENV]
  );
  if (credentials?.source && credentials.source !== "inputs")
    request.logger.info(
      `registry ${reference.registry}: login of "${credentials.username}" from ${credentials.source}`
    );
  const client = clientFor(request, reference, credentials, started);
  if (request.project.kind === "spin") {
    const printed = await spinRegistryPush(request, reference, credentials);
    const pushSeconds = (performance.now() - started) / 1e3;
    const stored = await client.getManifest(tagOrDigest(reference));
    if (printed && stored.digest !== printed)
      throw new UserError(
        `spin registry push printed digest ${printed} but registry ${reference.registry} holds ${stored.digest} for ${request.options.reference}`
      );
    return {
      image: pinned(reference, printed ?? stored.digest),
      digest: printed ?? stored.digest,
      pushedBytes: stored.bytes.length + blobSizes(stored.bytes),
      pushSeconds,
      skippedBlobs: 0,
      manifest: { url: stored.url, status: stored.status, seconds: stored.seconds }
    };
  }
  return pushWasmArtifact(request, reference, client, started);
}
function tagOrDigest(reference) {
  return reference.tag ?? reference.digest ?? "latest";
}
function blobSizes(manifest) {
  const parsed = JSON.parse(new TextDecoder().decode(manifest));
  return (parsed.config?.size ?? 0) + (parsed.layers ?? []).reduce((sum, l) => sum + (l.size ?? 0), 0);
}
async function createdTime(wasmPath) {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1e3);
  return (await stat(wasmPath)).mtime;
}
async function pushWasmArtifact(request, reference, client, started) {
  const { components, logger } = request;
  if (components.length !== 1)
    throw new UserError(
      `deploy: oci pushes one component as a Wasm OCI artifact; this ${request.project.kind} project has ${components.length}${components.length ? ` (${components.map((c) => c.name).join(", ")})` : ""}`
    );
  const component = components[0];
  const wasm = new Uint8Array(await readFile3(component.wasmPath));
  const artifact = wasmArtifact(wasm, await createdTime(component.wasmPath));
  let skippedBlobs = 0;
  for (const blob of [artifact.layer, artifact.config]) {
    if (await client.blobExists(blob.digest)) {
      skippedBlobs++;
      logger.info(
        `registry ${reference.registry}: ${blob.mediaType} ${blob.digest} is there already`
      );
      continue;
    }
    await client.uploadBlob(blob.bytes, blob.digest);
    logger.info(
      `registry ${reference.registry}: uploaded ${blob.mediaType} ${blob.digest} (${blob.bytes.length} B)`
    );
  }
  const put = await client.putManifest(
    tagOrDigest(reference),
    artifact.manifest,
    MANIFEST_MEDIA_TYPE
  );
  const pushSeconds = (performance.now() - started) / 1e3;
  return {
    image: pinned(reference, put.digest),
    digest: put.digest,
    pushedBytes: artifact.manifest.length + artifact.config.bytes.length + artifact.layer.bytes.length,
    pushSeconds,
    skippedBlobs,
    manifest: { url: put.url, status: put.status, seconds: put.seconds }
  };
}

// src/deploy/targets/kubernetes.ts
var K8S_INPUTS = {
  "k8s-namespace": {
    default: "default",
    description: "Namespace `deploy: kubernetes` applies the app into (a preview goes into its own `<app>-pr-<N>`, deleted when the PR closes)."
  },
  "k8s-manifest": {
    default: "",
    description: "Your own Kubernetes manifest file (YAML, one or more resources) to apply instead of the generated SpinApp / WorkloadDeployment; `${image}` is replaced by the pushed `ref@sha256:\u2026`."
  },
  "k8s-host": {
    default: "",
    description: "Host name a wasmCloud 2 WorkloadDeployment's HTTP interface answers for (default: the host of `app-url`, else `localhost`)."
  },
  replicas: {
    default: "1",
    description: "Replicas of the app `deploy: kubernetes` rolls out."
  },
  variables: {
    default: "",
    description: "Application variables of the SpinApp: `name=value` pairs, one per line or comma-separated."
  },
  "app-url": {
    default: "",
    description: "Where the deployed app answers (your ingress), for the readiness check; empty: `deploy: kubernetes` opens a port-forward to one of its pods."
  }
};
var DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
function parseVariables(value) {
  return value.split(/[,\n]/).map((pair) => pair.trim()).filter((pair) => pair !== "").map((pair) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(pair);
    if (!match)
      throw invalidInput(
        "variables",
        pair,
        "`name=value` pairs (a name of letters, digits and `_`)"
      );
    return { name: match[1] ?? "", value: match[2] ?? "" };
  });
}
function parseAppUrl(value) {
  if (value === "") return void 0;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw invalidInput(
      "app-url",
      value,
      "an http:// or https:// URL, such as https://app.example.com/"
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw invalidInput(
      "app-url",
      value,
      "an http:// or https:// URL, such as https://app.example.com/"
    );
  if (url.username || url.password)
    throw invalidInput("app-url", "(a URL with credentials)", "a URL without user or password");
  return url.href;
}
function parseK8sOptions(read) {
  const namespace = read("k8s-namespace");
  if (!DNS_LABEL.test(namespace))
    throw invalidInput(
      "k8s-namespace",
      namespace,
      "a Kubernetes namespace name (lower-case letters, digits and `-`, at most 63)"
    );
  const manifest = read("k8s-manifest");
  const host = read("k8s-host");
  const appUrl2 = parseAppUrl(read("app-url"));
  return {
    namespace,
    ...manifest ? { manifest } : {},
    ...host ? { host } : {},
    replicas: parsePositiveInt("replicas", read("replicas")),
    variables: parseVariables(read("variables")),
    ...appUrl2 ? { appUrl: appUrl2 } : {}
  };
}
var kubernetesTarget = {
  name: "kubernetes",
  summary: "`kubernetes` pushes to `oci-reference` and rolls out a SpinApp (SpinKube) or WorkloadDeployment (wasmCloud 2) with the kubeconfig",
  inputs: { ...OCI_INPUTS, ...K8S_INPUTS },
  parseOptions: (read) => ({ ...parseOciOptions(read), ...parseK8sOptions(read) }),
  deploy: deployKubernetes,
  undeploy: undeployKubernetes
};
async function deployKubernetes(request) {
  const { connect } = await import("./cluster-5SWINTWV.js");
  const before = await snapshotBeforeDeploy(request.options.appUrl);
  const cluster = await connect();
  const startedAt = performance.now();
  const pushed = await pushApp(request);
  request.logger.info(
    `pushed ${pushed.image} (${pushed.pushedBytes} B) in ${pushed.pushSeconds.toFixed(2)} s`
  );
  const deployment = await rollOutAndProve(cluster, request, pushed, startedAt, before);
  return {
    report: {
      ...deployment.report,
      image: pushed.image,
      pushedBytes: pushed.pushedBytes,
      pushSeconds: pushed.pushSeconds
    },
    stop: deployment.stop
  };
}
async function rollOutAndProve(cluster, request, pushed, startedAt, before) {
  const { rollOut } = await import("./deploy-IH5WISTY.js");
  const rollout = await rollOut({
    cluster,
    kind: request.project.kind,
    appName: request.project.appName,
    projectDir: request.project.dir,
    namespace: request.preview?.name ?? request.options.namespace,
    createNamespace: request.preview !== void 0,
    image: pushed.image,
    healthPath: request.healthPath,
    options: request.options,
    deadline: startedAt + request.timeoutSeconds * 1e3,
    timeoutSeconds: request.timeoutSeconds,
    logger: request.logger
  });
  const forward = rollout.forward;
  const stop = async () => {
    await forward?.close();
  };
  try {
    const ready = await waitUntilReady({
      label: "deploy `kubernetes`",
      baseUrl: () => rollout.url,
      healthPath: request.healthPath,
      ...request.healthExpect !== void 0 ? { healthExpect: request.healthExpect } : {},
      digest: pushed.digest,
      // a port-forward reaches a pod of the new revision only: nothing older answers there
      before: forward ? NOTHING_BEFORE : before,
      startedAt,
      timeoutSeconds: request.timeoutSeconds
    });
    return {
      report: {
        // a port-forward's address is this machine's, gone after the run
        ...readyReport("kubernetes", forward ? "" : rollout.url, ready),
        ...ready.versionProof ? { versionProof: ready.versionProof } : {},
        digest: pushed.digest,
        rolloutSeconds: rollout.rolloutSeconds,
        ...request.preview ? { preview: { name: request.preview.name, number: request.preview.number } } : {}
      },
      stop
    };
  } catch (error) {
    await stop();
    throw error instanceof UserError && forward ? new UserError(`${error.message} (through a port-forward to pod ${forward.pod})`) : error;
  }
}
async function undeployKubernetes(request) {
  if (!request.preview) {
    request.logger.warning(
      "deploy `kubernetes`: undeploy deletes only a preview (`<app>-pr-<N>`); the app in `k8s-namespace` stays"
    );
    return;
  }
  const { connect } = await import("./cluster-5SWINTWV.js");
  const { deleteNamespace } = await import("./apply-SMMBC7N7.js");
  const cluster = await connect();
  await deleteNamespace(cluster, request.preview.name, request.timeoutSeconds);
  request.logger.info(`deleted namespace "${request.preview.name}"`);
}

// src/deploy/targets/local.ts
import { mkdir as mkdir2, mkdtemp, readFile as readFile5, rm as rm2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import path8 from "node:path";

// src/wasm/componentize.ts
import { readFile as readFile4 } from "node:fs/promises";

// src/assets.ts
import { existsSync } from "node:fs";
import path6 from "node:path";
import { fileURLToPath } from "node:url";
var ASSETS = {
  /** jco's preview1 → preview2 adapter for core modules that export functions (not `_start`). */
  "preview1-reactor-adapter": {
    source: "node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm",
    dist: "adapters/wasi_snapshot_preview1.reactor.wasm"
  },
  /** The child process that serves a transpiled component (src/deploy/embedded/serve-child.ts). */
  "serve-child": {
    source: "src/deploy/embedded/serve-child.ts",
    dist: "serve-child.js"
  }
};
var here = fileURLToPath(import.meta.url);
function runningFromSource() {
  return here.endsWith(".ts");
}
function assetRoot() {
  const dir = path6.dirname(here);
  if (runningFromSource()) return path6.resolve(dir, "..");
  return path6.basename(dir) === "chunks" ? path6.dirname(dir) : dir;
}
function assetPath(asset) {
  const entry = ASSETS[asset];
  const file = path6.join(assetRoot(), runningFromSource() ? entry.source : entry.dist);
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
    readFile4(assetPath("preview1-reactor-adapter"))
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

// src/deploy/target.ts
var noOptions = () => void 0;

// src/deploy/embedded/serve.ts
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
var KEEP_STDERR = 16e3;
function serveChildArgs() {
  const script = assetPath("serve-child");
  if (!runningFromSource()) return [script];
  const tsx = createRequire(import.meta.url).resolve("tsx");
  return ["--import", pathToFileURL(tsx).href, script];
}
var ServeProcess = class {
  #process;
  /** Resolves when the child reports that it is ready for an app. */
  #waiting;
  #stderr = "";
  #trap;
  /** Starts serve-child; its output goes to `logger.output`. */
  constructor(logger) {
    this.#process = startProcess(process.execPath, serveChildArgs(), { ipc: true });
    this.#process.child.on("message", (message) => {
      if (message.type === "trapped") this.#trap = message.message;
    });
    this.#waiting = new Promise((resolve) => {
      this.#process.child.on("message", (message) => {
        if (message.type === "waiting") resolve();
      });
    });
    this.#process.child.stdout?.setEncoding("utf8").on("data", (chunk) => logger.output(chunk));
    this.#process.child.stderr?.setEncoding("utf8").on("data", (chunk) => {
      this.#stderr = (this.#stderr + chunk).slice(-KEEP_STDERR);
      logger.output(chunk);
    });
  }
  get pid() {
    return this.#process.pid;
  }
  /** Why it exited, once it has (`exit code 1`, `signal SIGKILL`); undefined while it runs. */
  exitReason() {
    return this.#process.exitReason();
  }
  /** What the guest trapped on while answering a request (`RuntimeError: …`), if it did. */
  trap() {
    return this.#trap;
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
   * `routed` (a Spin app) serves all its components behind one port instead.
   */
  serve(app, timeoutMs, routed) {
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
      this.#process.child.on("message", (message) => {
        if (message.type === "failed") {
          fail(`could not start the component: ${message.message}`);
        } else if (message.type === "listening") {
          clearTimeout(timer);
          resolve(message.port);
        }
      });
      void this.#process.exited.then(
        () => fail(`stopped before it was serving (${this.#process.exitReason() ?? "unknown"})`)
      );
      void this.#waiting.then(() => {
        const request = {
          type: "serve",
          dir: app.dir,
          entry: app.entry,
          ...routed ? { routed } : {}
        };
        this.#process.child.send(request, (error) => {
          if (error) fail(`could not be handed the component: ${error.message}`);
        });
      });
    });
  }
  /** Stops the child (SIGTERM, then SIGKILL after a grace) and waits until it has exited. Safe to call twice. */
  stop() {
    return this.#process.stop();
  }
};

// src/deploy/embedded/transpile.ts
import { mkdir, writeFile } from "node:fs/promises";
import path7 from "node:path";

// src/deploy/embedded/protocol.ts
var TRANSPILED_NAME = "app";

// src/deploy/embedded/transpile.ts
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
    const file = path7.join(dir, name);
    await mkdir(path7.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
  return {
    dir,
    entry: `${TRANSPILED_NAME}.js`,
    imports: result.imports,
    exports: result.exports.map(([name]) => name)
  };
}

// src/deploy/targets/local.ts
var localTarget = {
  name: "local",
  summary: "`local` serves the app on 127.0.0.1 in the runtime the `runtime` input names (default: embedded, nothing to install)",
  inputs: {},
  parseOptions: noOptions,
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
function routedPlan(request, routes) {
  const { table, replaced } = routeTable(routes);
  for (const gone of replaced) {
    request.logger.warning(
      `deploy \`local\`: route ${gone.route} is declared twice; the later one wins (as in Spin), so component ${gone.component} does not get it`
    );
  }
  const routed = new Set(table.map((entry) => entry.component));
  const components = request.components.filter((component) => routed.has(component.name));
  const built = new Set(components.map((component) => component.name));
  for (const entry of table) {
    if (!built.has(entry.component)) {
      request.logger.warning(
        `deploy \`local\`: route ${entry.route} goes to component ${entry.component}, which was not built here (a remote source?); the embedded runtime answers it with 502`
      );
    }
  }
  const unrouted = request.components.filter((component) => !routed.has(component.name));
  if (unrouted.length > 0) {
    request.logger.info(
      `deploy \`local\`: not serving ${unrouted.map((c) => c.name).join(", ")}: no [[trigger.http]] route names ${unrouted.length === 1 ? "it" : "them"} (private endpoints are not routed)`
    );
  }
  if (components.length === 0) {
    throw new UserError(
      `deploy \`local\`: none of the components that spin.toml's routes name was built here (routes: ${table.map((e) => `${e.route} \u2192 ${e.component}`).join(", ")})`
    );
  }
  return { components, routes };
}
function servePlan(request) {
  const routes = request.project?.routes;
  return routes && routes.length > 0 ? routedPlan(request, routes) : { components: [pickComponent(request)] };
}
async function firstAnswers(url, routes, request) {
  const { table } = routeTable(routes);
  const answers = [];
  for (const entry of table) {
    const path11 = probePath(table, entry);
    if (path11 === void 0) continue;
    try {
      const answer = await probe(appUrl(url, path11));
      answers.push({
        route: entry.route,
        component: entry.component,
        status: answer.status,
        seconds: answer.seconds
      });
    } catch (error) {
      request.logger.warning(
        `deploy \`local\`: route ${entry.route} did not answer: ${errorMessage(error)}`
      );
    }
  }
  return answers;
}
async function readWasm(file) {
  try {
    return await readFile5(file);
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
async function prepare(component, dir) {
  const wasm = await toComponent(await readWasm(component.wasmPath), component.wasmPath);
  await mkdir2(dir, { recursive: true });
  const app = await transpileComponent(wasm, dir);
  checkServable(app, component.wasmPath);
  return app;
}
async function deployLocal(request) {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1e3;
  const plan = servePlan(request);
  const child = new ServeProcess(request.logger);
  let dir;
  let forgetDir = () => {
  };
  let stopping;
  const stop = () => stopping ??= (async () => {
    try {
      await child.stop();
    } finally {
      if (dir !== void 0) await rm2(dir, { recursive: true, force: true });
      forgetDir();
    }
  })();
  try {
    dir = await mkdtemp(path8.join(tmpdir(), "spinwash-local-"));
    const made = dir;
    forgetDir = onInterrupt(() => rm2(made, { recursive: true, force: true }));
    const apps = [];
    for (const [index, component] of plan.components.entries())
      apps.push(await prepare(component, plan.routes ? path8.join(dir, String(index)) : dir));
    const routed = plan.routes && {
      components: plan.components.map((component, index) => ({
        name: component.name,
        dir: apps[index].dir,
        entry: apps[index].entry
      })),
      routes: plan.routes.map(({ route, component }) => ({ route, component }))
    };
    const port = await child.serve(apps[0], Math.max(0, deadline - performance.now()), routed);
    const url = `http://127.0.0.1:${port}/`;
    const ready = await waitUntilReady(
      freshServer(
        "deploy `local`",
        request,
        started,
        () => url,
        () => child.exitReason()
      )
    ).catch(async (error) => {
      if (!(error instanceof UserError)) throw error;
      await child.stop();
      const trap = child.trap();
      throw new UserError(
        trap === void 0 ? `${error.message}${child.stderrNote()}` : `deploy \`local\`: the component trapped while answering GET ${request.healthPath} (${trap})${child.stderrNote()}`
      );
    });
    const routes = plan.routes && await firstAnswers(url, plan.routes, request);
    return {
      report: {
        ...readyReport("local", url, ready),
        ...routes ? { routes } : {}
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

// src/deploy/targets/oci.ts
var ociTarget = {
  name: "oci",
  summary: "`oci` pushes it to an OCI registry (`oci-reference`): Spin apps with `spin registry push`, other components as the CNCF Wasm OCI artifact",
  inputs: OCI_INPUTS,
  parseOptions: parseOciOptions,
  deploy: deployOci
};
async function deployOci(request) {
  const pushed = await pushApp(request);
  request.logger.info(
    `pushed ${pushed.image} (${pushed.pushedBytes} B, ${pushed.skippedBlobs} blob(s) already there) in ${pushed.pushSeconds.toFixed(2)} s`
  );
  return {
    report: {
      target: "oci",
      url: pushed.manifest.url,
      status: pushed.manifest.status,
      readySeconds: pushed.pushSeconds,
      firstResponseSeconds: pushed.manifest.seconds,
      digest: pushed.digest,
      image: pushed.image,
      pushedBytes: pushed.pushedBytes,
      pushSeconds: pushed.pushSeconds
    },
    stop: () => Promise.resolve()
  };
}

// src/deploy/targets/spin-up.ts
import { existsSync as existsSync2 } from "node:fs";
import path9 from "node:path";

// src/deploy/serving.ts
function startServing(command, args, cwd, onOutput, env = process.env) {
  const server = startProcess(command, args, { cwd, env });
  const { child } = server;
  let output = "";
  const listeners = /* @__PURE__ */ new Set();
  const changed = () => listeners.forEach((listener) => listener());
  void server.exited.then(changed);
  const exitReason = server.exitReason;
  const collect = (chunk) => {
    output += chunk;
    onOutput(chunk);
    changed();
  };
  child.stdout?.setEncoding("utf8").on("data", collect);
  child.stderr?.setEncoding("utf8").on("data", collect);
  return {
    output: () => output,
    exitReason,
    waitFor: (pattern, timeoutMs) => new Promise((resolve, reject) => {
      const check2 = () => {
        const match = pattern.exec(output);
        if (match) done(() => resolve(match));
        else if (exitReason() !== void 0) {
          done(
            () => reject(
              new UserError(
                `\`${command} ${args.join(" ")}\` stopped (${exitReason() ?? ""}):
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
        listeners.delete(check2);
        settle();
      };
      listeners.add(check2);
      check2();
    }),
    stop: server.stop
  };
}

// src/deploy/targets/spin-up.ts
var spinUpTarget = {
  name: "spin-up",
  cli: "spin",
  summary: "`spin-up` serves it with `spin up` on 127.0.0.1 (same as `local` with `runtime: spin`)",
  inputs: {},
  parseOptions: noOptions,
  deploy: deploySpinUp
};
async function deploySpinUp(request) {
  const started = performance.now();
  const deadline = started + request.timeoutSeconds * 1e3;
  const projectDir = request.project.dir;
  const manifest = request.project.manifest ?? path9.join(projectDir, "spin.toml");
  if (!existsSync2(manifest)) {
    throw new UserError(
      `runtime \`spin\` needs a spin.toml in ${projectDir}; use runtime \`embedded\` for other projects`
    );
  }
  const port = await freePort();
  const { logger } = request;
  const spin = startServing(
    "spin",
    ["up", "--listen", `127.0.0.1:${port}`, "-f", manifest],
    projectDir,
    (chunk) => logger.output(chunk)
  );
  try {
    const serving = await spin.waitFor(
      /Serving (http:\/\/\S+)/,
      Math.max(0, deadline - performance.now())
    );
    const base = serving[1] ?? `http://127.0.0.1:${port}`;
    const url = `${base.replace(/\/$/, "")}/`;
    const ready = await waitUntilReady(
      freshServer("spin up", request, started, () => url, spin.exitReason)
    );
    logger.info(
      `spin up: ${url} answered ${ready.status} after ${ready.readySeconds.toFixed(2)} s`
    );
    return {
      report: readyReport("spin", url, ready),
      stop: () => spin.stop()
    };
  } catch (error) {
    await spin.stop();
    throw error instanceof UserError ? new UserError(
      error.message.startsWith("spin up") ? error.message : `spin up: ${error.message}`,
      manifest
    ) : error;
  }
}

// src/deploy/targets/wash.ts
import { copyFile, mkdtemp as mkdtemp2, rm as rm3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import path10 from "node:path";
var STATUS_POLL_MS = 250;
var DEFAULT_ADDRESS = "127.0.0.1:8000";
var washTarget = {
  name: "wash",
  cli: "wash",
  summary: "`wash` runs it on a local wasmCloud host through `wash` (same as `local` with `runtime: wash`)",
  inputs: {},
  parseOptions: noOptions,
  deploy: deployWash
};
async function deployWash(request) {
  const { loadWashProject } = await import("./wash-5PWP3I22.js");
  const project = await loadWashProject(request.project.dir);
  return project.washMajor === 0 ? deployWithHost(project, request) : deployWithDev(project, request);
}
function baseUrl(address) {
  const [host = "127.0.0.1", port = "8000"] = address.split(/:(?=\d+$)/);
  return `http://${host === "0.0.0.0" || host === "" ? "127.0.0.1" : host}:${port}/`;
}
var TEARDOWN_MS = 6e4;
var until = (deadline) => Math.max(1, deadline - performance.now());
function wash(args, request, cwd, timeoutMs) {
  return exec("wash", args, { cwd, timeoutMs, onOutput: (chunk) => request.logger.output(chunk) });
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
    const result = await execCapture("wash", ["app", "status", name, "-o", "json"], {
      cwd,
      timeoutMs: until(deadline)
    });
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
    await wash(["up", "-d"], request, cwd, until(deadline));
    steps.push(() => wash(["down"], request, cwd, TEARDOWN_MS));
    await wash(["app", "deploy", application.manifest, "--replace"], request, cwd, until(deadline));
    steps.push(() => wash(["app", "delete", application.name], request, cwd, TEARDOWN_MS));
    await waitUntilDeployed(application.name, request, cwd, deadline);
    const url = baseUrl(application.httpAddress ?? DEFAULT_ADDRESS);
    const ready = await waitUntilReady(freshServer("wash", request, started, () => url));
    return {
      report: readyReport("wasmcloud", url, ready),
      stop
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
function devEnvironment(address, served) {
  const dev = { address };
  const env = { ...process.env };
  if (served !== void 0) {
    dev.command = "exit 0";
    dev.component_path = served;
    env.WASH_BUILD = figmentDict({ component_path: served });
  }
  env.WASH_DEV = figmentDict(dev);
  return env;
}
function figmentDict(table) {
  const quote = (text) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  return `{${Object.entries(table).map(([key, value]) => `${key}=${quote(value)}`).join(",")}}`;
}
async function servedCopy(request) {
  const [component, ...rest] = request.components;
  if (!component) return void 0;
  if (rest.length > 0) {
    request.logger.warning(
      `wash dev serves one component; serving ${component.name} (not ${rest.map((c) => c.name).join(", ")})`
    );
  }
  const dir = await mkdtemp2(path10.join(tmpdir2(), "spinwash-wash-dev-"));
  const copy = path10.join(dir, path10.basename(component.wasmPath));
  try {
    await copyFile(component.wasmPath, copy);
  } catch (error) {
    await rm3(dir, { recursive: true, force: true });
    throw new UserError(`wash dev: cannot read ${component.wasmPath}: ${errorMessage(error)}`);
  }
  return copy;
}
async function deployWithDev(project, request) {
  const started = performance.now();
  const logger = request.logger;
  const served = await servedCopy(request);
  const removeCopy = async () => {
    if (served !== void 0) await rm3(path10.dirname(served), { recursive: true, force: true });
  };
  let dev;
  const stop = async () => {
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
      "wash",
      ["dev"],
      project.dir,
      (chunk) => logger.output(chunk),
      devEnvironment(address, served)
    );
    const ready = await waitUntilReady(
      freshServer("wash", request, started, () => url, dev.exitReason)
    );
    return {
      report: {
        ...readyReport("wasmcloud", url, ready),
        ...served === void 0 ? {
          note: "`wash dev` built and served the project itself: this deploy is not of the optimized file"
        } : {}
      },
      stop
    };
  } catch (error) {
    await stop();
    throw error instanceof UserError ? new UserError(`wash dev: ${error.message}`) : error;
  }
}

// src/deploy/registry.ts
var DEPLOY_TARGETS = [
  localTarget,
  spinUpTarget,
  washTarget,
  fermyonCloudTarget,
  akamaiTarget,
  ociTarget,
  kubernetesTarget
];
var DEPLOY_CHOICES = [...DEPLOY_TARGETS.map((target) => target.name), "none"];
function deployTargetNamed(name) {
  if (name === "none") return void 0;
  const target = DEPLOY_TARGETS.find((t) => t.name === name);
  if (!target)
    throw new UserError(
      `Input \`deploy\` has the value "${name}"; accepted: ${DEPLOY_CHOICES.map((c) => `\`${c}\``).join(", ")}`
    );
  return target;
}
function targetInputs() {
  const inputs = {};
  for (const target of DEPLOY_TARGETS) {
    for (const [name, spec] of Object.entries(target.inputs)) {
      const known = inputs[name];
      if (known) known.targets.push(target.name);
      else inputs[name] = { ...spec, targets: [target.name] };
    }
  }
  return inputs;
}

export {
  previewOf,
  previewEvent,
  forkNotice,
  DEPLOY_TARGETS,
  DEPLOY_CHOICES,
  deployTargetNamed,
  targetInputs
};
//# sourceMappingURL=chunk-J4QKFO7O.js.map
