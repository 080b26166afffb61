'use strict';
// What the fake CLIs share: manifest parsing with the repo's own parsers, and serving
// components over HTTP with the project's embedded runtime (src/deploy/targets/local/embedded, via the local target), which runs
// the real component. Only available when the fakes run from the repository.
const http = require('node:http');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const repo = path.resolve(__dirname, '..', '..');

function fromRepo(id) {
  return require(require.resolve(id, { paths: [repo] }));
}

const readToml = (file) =>
  fromRepo('smol-toml').parse(require('node:fs').readFileSync(file, 'utf8'));
const readYaml = (file) => fromRepo('yaml').parse(require('node:fs').readFileSync(file, 'utf8'));

/** A logger that writes the runtime's output to our stderr, as a real CLI's log would. */
const logger = {
  info: (m) => process.stderr.write(`${m}\n`),
  warning: (m) => process.stderr.write(`warning: ${m}\n`),
  group: (_t, fn) => fn(),
  output: (c) => process.stderr.write(c),
};

/** Starts the embedded runtime on one component; resolves to { url, stop }. */
async function startComponent(name, wasmPath) {
  // tsx's ESM entry: its CommonJS tsImport cannot load ESM TypeScript.
  const tsxApi = path.join(
    path.dirname(require.resolve('tsx/package.json', { paths: [repo] })),
    'dist/esm/api/index.mjs',
  );
  const { tsImport } = await import(pathToFileURL(tsxApi).href);
  const entry = pathToFileURL(path.join(repo, 'src/deploy/targets/local/local.ts')).href;
  const { deployLocal } = await tsImport(entry, pathToFileURL(__filename).href);
  const deployment = await deployLocal({
    components: [{ name, wasmPath }],
    healthPath: '/',
    timeoutSeconds: 60,
    logger,
  });
  return { url: deployment.report.url, stop: () => deployment.stop() };
}

/** Forwards a request to a running component; answers 502 when the upstream fails. */
function forward(request, response, upstream) {
  const target = new URL(request.url ?? '/', upstream);
  const outgoing = http.request(
    target,
    { method: request.method, headers: { ...request.headers, host: target.host }, agent: false },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  outgoing.on('error', (error) => {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(`upstream failed: ${error.message}\n`);
  });
  request.pipe(outgoing);
}

/** Listens on host:port (port 0 = any); resolves to the port. */
function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address().port));
  });
}

/** Stops every started component, then exits: no runtime process outlives the fake. */
function exitOnSignal(stops, server) {
  let exiting = false;
  const stopAll = async () => {
    if (exiting) return;
    exiting = true;
    server?.close();
    await Promise.allSettled(stops.map((stop) => stop()));
    process.exit(0);
  };
  process.on('SIGTERM', stopAll);
  process.on('SIGINT', stopAll);
}

function fail(message, code = 1) {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(code);
}

/** `--flag value` / `--flag=value` / `-f value` lookups over argv. */
function option(args, ...names) {
  for (let i = 0; i < args.length; i++) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
    }
  }
  return undefined;
}

module.exports = {
  readToml,
  readYaml,
  startComponent,
  forward,
  listen,
  exitOnSignal,
  fail,
  option,
  repo,
};
