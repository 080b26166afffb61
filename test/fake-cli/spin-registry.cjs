'use strict';
// `spin registry login|push` of the fake spin: a real push, over the OCI distribution API, to
// whatever registry the reference names, in Spin's own layout (deploy-platforms.md, "OCI
// registries"): config `application/vnd.oci.image.config.v1+json` (architecture wasm, os
// wasip1, label com.fermyon.spin.lockedAppDigest), a `application/vnd.wasm.content.layer.v1+wasm`
// layer per component, a `…+data` layer per static file, the locked app JSON last as
// `application/vnd.fermyon.spin.application.v1+config`. Written apart from spinwash's own
// client (src/deploy/targets/oci/) on purpose: the tests compare what each side did.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const WASM_LAYER = 'application/vnd.wasm.content.layer.v1+wasm';
const DATA_LAYER = 'application/vnd.wasm.content.layer.v1+data';
const LOCKED_APP = 'application/vnd.fermyon.spin.application.v1+config';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

function fail(message, code = 1) {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(code);
}

function authFile() {
  const config = process.env.XDG_CONFIG_HOME || path.join(process.env.HOME || '/tmp', '.config');
  return path.join(config, 'fermyon', 'registry-auth.json');
}

function readAuths() {
  try {
    return JSON.parse(fs.readFileSync(authFile(), 'utf8'));
  } catch {
    return {};
  }
}

async function login(args) {
  const server = args.find(
    (a, i) => !a.startsWith('-') && args[i - 1] !== '--username' && args[i - 1] !== '-u',
  );
  const at = Math.max(args.indexOf('--username'), args.indexOf('-u'));
  const username = at >= 0 ? args[at + 1] : undefined;
  if (!server) return fail('the registry server is required', 2);
  if (args.some((a) => a === '--password' || a === '-p' || a.startsWith('--password=')))
    process.stderr.write('warning: a password in the command line is visible to other users\n');
  if (!args.includes('--password-stdin'))
    return fail('no password given (use --password-stdin)', 2);
  const password = fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (!username || !password) return fail('a user name and a password are required');
  const auths = readAuths();
  auths[server] = { username, password };
  fs.mkdirSync(path.dirname(authFile()), { recursive: true });
  fs.writeFileSync(authFile(), JSON.stringify(auths), { mode: 0o600 });
  console.log(`Successfully logged in as ${username} to registry ${server}`);
  return 0;
}

const sha256 = (bytes) => `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;

function parseRef(ref) {
  const match = /^([^/]+)\/([^:@]+)(?::([^@]+))?(?:@(sha256:[a-f0-9]{64}))?$/.exec(ref);
  if (!match || !/[.:]|^localhost$/.test(match[1]))
    fail(`invalid reference "${ref}": expected registry/repository:tag`);
  return { registry: match[1], repository: match[2], tag: match[4] || match[3] || 'latest' };
}

/** fetch with the login: Basic, or the Bearer token of the 401's realm. */
function client(base, registry, repository) {
  const login = readAuths()[registry];
  const basic =
    login && `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;
  let authorization;
  return async function send(method, url, body, headers = {}) {
    const go = () =>
      fetch(new URL(url, base), {
        method,
        headers: { ...headers, ...(authorization ? { authorization } : {}) },
        ...(body ? { body } : {}),
      });
    let response = await go();
    if (response.status === 401) {
      const challenge = response.headers.get('www-authenticate') || '';
      if (/^bearer /i.test(challenge)) {
        const param = (name) => (new RegExp(`${name}="([^"]*)"`).exec(challenge) || [])[1];
        const realm = new URL(param('realm'));
        if (param('service')) realm.searchParams.set('service', param('service'));
        realm.searchParams.set('scope', `repository:${repository}:pull,push`);
        const token = await fetch(realm, { headers: basic ? { authorization: basic } : {} });
        if (!token.ok)
          fail(`unauthorized: the token server of ${registry} answered ${token.status}`);
        const json = await token.json();
        authorization = `Bearer ${json.token || json.access_token}`;
      } else {
        authorization = basic;
      }
      response = await go();
    }
    if (response.status === 401)
      fail(`unauthorized: authentication required (registry ${registry})`);
    return response;
  };
}

/** The files of a component's `files`: paths or directories (globs are not expanded by the fake). */
function staticFiles(dir, files) {
  const found = [];
  const walk = (source, destination) => {
    const stat = fs.statSync(source);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(source).sort())
        walk(path.join(source, entry), path.posix.join(destination, entry));
    } else found.push({ source, destination });
  };
  for (const entry of files || []) {
    if (typeof entry === 'string') {
      if (/[*?[]/.test(entry)) {
        process.stderr.write(`warning: the fake spin does not expand the glob "${entry}"\n`);
        continue;
      }
      walk(path.resolve(dir, entry), path.posix.join('/', entry));
    } else walk(path.resolve(dir, entry.source), entry.destination);
  }
  return found;
}

async function push(args) {
  const { option, readToml } = require('./runtime.cjs');
  const ref = args
    .filter((a, i) => !a.startsWith('-') && !['-f', '--from', '--file'].includes(args[i - 1]))
    .pop();
  if (!ref) return fail('the reference is required', 2);
  const file = path.resolve(option(args, '-f', '--from', '--file') || 'spin.toml');
  const manifestFile =
    fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, 'spin.toml') : file;
  if (!fs.existsSync(manifestFile))
    return fail(`Default file 'spin.toml' found neither in current directory nor in its ancestors`);
  const app = readToml(manifestFile);
  const dir = path.dirname(manifestFile);
  const { registry, repository, tag } = parseRef(ref);
  const insecure = args.includes('--insecure') || args.includes('-k');
  const base = `${insecure ? 'http' : 'https'}://${registry}/`;
  const send = client(base, registry, repository);

  const layers = [];
  const blobs = new Map();
  const addLayer = (bytes, mediaType, annotations) => {
    const digest = sha256(bytes);
    blobs.set(digest, bytes);
    const layer = {
      mediaType,
      digest,
      size: bytes.length,
      ...(annotations ? { annotations } : {}),
    };
    layers.push(layer);
    return layer;
  };
  const components = [];
  for (const [id, component] of Object.entries(app.component || {})) {
    if (typeof component.source !== 'string') {
      process.stderr.write(`warning: the fake spin does not download remote component ${id}\n`);
      continue;
    }
    const wasmFile = path.resolve(dir, component.source);
    if (!fs.existsSync(wasmFile))
      return fail(`Failed to push: no such file ${wasmFile}; run \`spin build\` first`);
    const wasm = addLayer(fs.readFileSync(wasmFile), WASM_LAYER);
    const files = staticFiles(dir, component.files).map(({ source, destination }) => {
      const layer = addLayer(fs.readFileSync(source), DATA_LAYER);
      return { source: { content: { digest: layer.digest } }, path: destination };
    });
    components.push({
      id,
      source: { content_type: 'application/wasm', content: { digest: wasm.digest } },
      files,
    });
  }
  const triggers = (app.trigger && app.trigger.http) || [];
  const locked = Buffer.from(
    JSON.stringify({
      spin_lock_version: 1,
      metadata: { name: app.application.name, version: app.application.version || '' },
      triggers: triggers.map((t, i) => ({
        id: `trigger--${i}`,
        trigger_type: 'http',
        trigger_config: { route: t.route, component: t.component },
      })),
      components,
    }),
  );
  addLayer(locked, LOCKED_APP);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'wasm',
      os: 'wasip1',
      config: { Labels: { 'com.fermyon.spin.lockedAppDigest': sha256(locked) } },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
    }),
  );
  const configDigest = sha256(config);
  blobs.set(configDigest, config);

  console.log('Pushing app to the Registry...');
  for (const [digest, bytes] of blobs) {
    const head = await send('HEAD', `v2/${repository}/blobs/${digest}`);
    if (head.status === 200) continue;
    const opened = await send('POST', `v2/${repository}/blobs/uploads/`);
    if (opened.status !== 202)
      return fail(`pushing blob ${digest}: ${opened.status} ${await opened.text()}`);
    const location = new URL(
      opened.headers.get('location'),
      new URL(`v2/${repository}/blobs/uploads/`, base),
    );
    location.searchParams.set('digest', digest);
    const put = await send('PUT', location.href, bytes, {
      'content-type': 'application/octet-stream',
    });
    if (put.status !== 201)
      return fail(`pushing blob ${digest}: ${put.status} ${await put.text()}`);
  }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers,
    }),
  );
  const put = await send('PUT', `v2/${repository}/manifests/${tag}`, manifest, {
    'content-type': MANIFEST,
  });
  if (put.status !== 201) return fail(`pushing manifest: ${put.status} ${await put.text()}`);
  const digest = put.headers.get('docker-content-digest');
  console.log(
    digest ? `Pushed with digest ${digest}` : 'Pushed; the registry did not return the digest',
  );
  return 0;
}

/** `spin registry <login|push> …`; FAKE_SPIN_ARGV_LOG: a file each call's argv is appended to (tests check no secret is in it). */
async function registryCommand(args) {
  if (process.env.FAKE_SPIN_ARGV_LOG)
    fs.appendFileSync(process.env.FAKE_SPIN_ARGV_LOG, `${JSON.stringify(['registry', ...args])}\n`);
  const [sub, ...rest] = args;
  if (sub === 'login') return login(rest);
  if (sub === 'push') {
    try {
      return await push(rest);
    } catch (error) {
      const cause = error.cause ? ` (${error.cause.code || error.cause.message})` : '';
      return fail(`Failed to push app to the registry: ${error.message}${cause}`);
    }
  }
  return fail(`unrecognized subcommand 'registry ${sub}'`, 2);
}

module.exports = { registryCommand };
