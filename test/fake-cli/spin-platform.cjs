'use strict';
// The fake `spin cloud` and `spin aka` plugins (deploy-platforms.md, cli-contracts.md). They
// talk HTTP to the test's stand-in platform (test/support/platform-server.ts): Fermyon Cloud
// at CLOUD_URL (the variable the real plugin reads), Akamai Functions at FAKE_PLATFORM_URL
// (the real plugin has a fixed endpoint). The token comes from the environment only, as the
// real plugins accept it: SPIN_AUTH_TOKEN, SPIN_AKA_ACCESS_TOKEN.
const fs = require('node:fs');
const path = require('node:path');
const { option, readToml } = require('./runtime.cjs');

/** When `spin` started (epoch ms; it runs this plugin as its child): the platform times from it. */
const STARTED_AT = Number(process.env.FAKE_SPIN_STARTED_AT) || Date.now() - process.uptime() * 1000;

function fail(message, code = 1) {
  process.stderr.write(`Error: ${message}\n`);
  process.exit(code);
}

function all(args, name) {
  const values = [];
  args.forEach((a, i) => {
    if (a === name && args[i + 1] !== undefined) values.push(args[i + 1]);
  });
  return values;
}

async function api(base, method, url, token, body) {
  if (!base) fail('no platform to talk to (the fake needs CLOUD_URL / FAKE_PLATFORM_URL)');
  let response;
  try {
    response = await fetch(new URL(url, base), {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    fail(`error sending request for url (${base}): ${error.cause?.message ?? error.message}`);
  }
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

function manifestOf(args) {
  const file = path.resolve(option(args, '-f', '--from', '--file') || 'spin.toml');
  if (!fs.existsSync(file)) fail(`Failed to load manifest from "${file}"`);
  const data = readToml(file);
  const app = data.application || {};
  const routes = ((data.trigger && data.trigger.http) || []).map((r) => ({
    component: r.component,
    route: r.route,
  }));
  return { name: app.name, version: app.version || '0.1.0', routes };
}

function showRoute(base, route) {
  if (route.endsWith('/...')) return `${base}${route.slice(0, -4)} (wildcard)`;
  return `${base}${route}`;
}

/** Waits until the command has run `ms` since it started, as the real upload would take. */
function until(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, STARTED_AT + ms - Date.now())));
}

function hang(output) {
  process.stdout.write(output);
  setInterval(() => undefined, 1 << 30); // never exits on its own: killed by the caller
  return new Promise(() => undefined);
}

/** The platform's refusal, in the plugin's words (the platform's `detail`). */
function refused(what, answer) {
  const detail = (answer.json && answer.json.detail) || answer.text || `HTTP ${answer.status}`;
  fail(`${what}: ${detail}`);
}

// ---- spin cloud ------------------------------------------------------------------------

async function cloud(args, version) {
  const base = process.env.CLOUD_URL;
  const token = process.env.SPIN_AUTH_TOKEN;
  const [sub, ...rest] = args;
  if (sub === '--version' || sub === '-V') {
    console.log(`spin-cloud ${version}`);
    return 0;
  }
  if (!token && sub !== 'login') fail('Not logged in. Run `spin cloud login`');
  if (sub === 'deploy') {
    const manifest = manifestOf(rest);
    const answer = await api(base, 'POST', '/api/deploy', token, {
      platform: 'cloud',
      name: manifest.name,
      version: manifest.version,
      startedAt: STARTED_AT,
      pid: process.pid,
      variables: all(rest, '--variable'),
      keyValues: all(rest, '--key-value'),
    });
    if (answer.status !== 200) refused('Problem deploying application', answer);
    const { app, commandMs, hang: hangs } = answer.json;
    const upload = `Uploading ${manifest.name} version ${manifest.version} to Fermyon Cloud...\nDeploying...\n`;
    if (hangs) return hang(upload);
    await until(commandMs);
    const readiness = option(rest, '--readiness-timeout');
    const lines = [upload.trimEnd()];
    if (readiness !== '0') lines.push('Waiting for application to become ready... ready');
    lines.push('', `View application:   ${app.url}/`, '  Routes:');
    for (const r of manifest.routes)
      lines.push(`  - ${r.component}: ${showRoute(app.url, r.route)}`);
    lines.push(`Manage application: https://cloud.fermyon.com/app/${app.name}`);
    console.log(lines.join('\n'));
    return 0;
  }
  if (sub === 'apps' && (rest[0] === 'info' || rest[0] === 'delete')) {
    const name = rest[1];
    if (!name || name.startsWith('-')) fail('the app name is required', 2);
    if (rest[0] === 'info') {
      const answer = await api(base, 'GET', `/api/apps/cloud/${encodeURIComponent(name)}`, token);
      if (answer.status === 404) fail(`app "${name}" not found`);
      if (answer.status !== 200) refused('Problem fetching the application', answer);
      const app = answer.json;
      const info = { name: app.name, description: '', url: app.url, domainInfo: null };
      console.log(
        option(rest, '--format') === 'json'
          ? JSON.stringify(info)
          : `Name: ${app.name}\nURL: ${app.url}`,
      );
      return 0;
    }
    const answer = await api(base, 'DELETE', `/api/apps/cloud/${encodeURIComponent(name)}`, token);
    if (answer.status === 404) fail(`app "${name}" not found`);
    if (answer.status !== 204) refused('Problem deleting the application', answer);
    console.log(`Deleted app "${name}" successfully.`);
    return 0;
  }
  fail(`unrecognized subcommand 'cloud ${args.join(' ')}'`, 2);
}

// ---- spin aka --------------------------------------------------------------------------

function older(version, major, minor) {
  const [a, b] = version.split('.').map(Number);
  return a < major || (a === major && b < minor);
}

/** `--app-id`/`--app-name`, spelled `-i/--id`, `-n/--name` before 0.2. */
function appRef(args, version) {
  const old = older(version, 0, 2);
  const id = old ? option(args, '-i', '--id') : option(args, '--app-id');
  const name = old ? option(args, '-n', '--name') : option(args, '--app-name');
  if (!id && !name)
    fail(
      old ? 'one of --id or --name is required' : 'one of --app-id or --app-name is required',
      2,
    );
  return id ? `id/${encodeURIComponent(id)}` : encodeURIComponent(name);
}

async function aka(args, version) {
  const base = process.env.FAKE_PLATFORM_URL;
  const token = process.env.SPIN_AKA_ACCESS_TOKEN;
  const [sub, ...rest] = args;
  if (sub === '--version' || sub === '-V') {
    console.log(`spin-aka ${version}`);
    return 0;
  }
  for (const flag of rest)
    if (flag === '--skip-readiness-check' && older(version, 0, 6))
      fail(`unexpected argument '--skip-readiness-check' found`, 2);
  if (!token) fail('not logged in: run `spin aka login` or set SPIN_AKA_ACCESS_TOKEN');
  if (sub === 'deploy') {
    if (!rest.includes('--no-confirm')) fail('IO error: not a terminal (pass --no-confirm)');
    const manifest = manifestOf(rest);
    const appId = option(rest, '--app-id');
    const createName = option(rest, '--create-name');
    if (!appId && !createName)
      fail('no app linked to this workspace: pass --app-id or --create-name');
    const answer = await api(base, 'POST', '/api/deploy', token, {
      platform: 'aka',
      ...(appId ? { appId } : { name: createName, create: true }),
      version: manifest.version,
      startedAt: STARTED_AT,
      pid: process.pid,
      variables: all(rest, '--variable'),
    });
    if (answer.status !== 200) refused('deploy failed', answer);
    const { app, commandMs, hang: hangs, revision } = answer.json;
    const linked =
      revision > 1
        ? `Deploying updated version of app ${app.name} in account acme (version ${revision - 1} → ${revision})\n`
        : `Workspace linked to app ${app.name}\n`;
    if (hangs) return hang(linked);
    await until(commandMs);
    const lines = [linked.trimEnd()];
    if (!rest.includes('--skip-readiness-check'))
      lines.push('Waiting for app to be ready... ready');
    lines.push('', 'App Routes:');
    for (const r of manifest.routes) lines.push(`- ${r.component}: ${showRoute(app.url, r.route)}`);
    console.log(lines.join('\n'));
    return 0;
  }
  const old = older(version, 0, 2);
  const group = old ? 'apps' : 'app';
  if (sub === group && (rest[0] === (old ? 'info' : 'status') || rest[0] === 'delete')) {
    const ref = appRef(rest, version);
    if (rest[0] === 'delete') {
      if (!rest.includes(old ? '--yes' : '--no-confirm'))
        fail(`IO error: not a terminal (pass ${old ? '--yes' : '--no-confirm'})`);
      const answer = await api(base, 'DELETE', `/api/apps/aka/${ref}`, token);
      if (answer.status === 404) fail('app not found');
      if (answer.status !== 204) refused('delete failed', answer);
      console.log('App deleted');
      return 0;
    }
    const answer = await api(base, 'GET', `/api/apps/aka/${ref}`, token);
    if (answer.status === 404) fail('app not found');
    if (answer.status !== 200) refused('status failed', answer);
    const app = answer.json;
    const status = {
      id: app.id,
      name: app.name,
      urls: [app.url],
      created_at: app.createdAt,
      invocations: 0,
    };
    console.log(
      option(rest, '--format') === 'json' ? JSON.stringify(status) : `${app.name}: ${app.url}`,
    );
    return 0;
  }
  fail(`unrecognized subcommand 'aka ${args.join(' ')}'`, 2);
}

module.exports = { cloud, aka, api };

// `node spin-platform.cjs <plugin> <version> args…`: how the fake spin runs a plugin
if (require.main === module) {
  const [plugin, version, ...args] = process.argv.slice(2);
  module.exports[plugin](args, version).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`Error: ${error.stack || error}\n`);
      process.exit(1);
    },
  );
}
