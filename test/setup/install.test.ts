import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { installSpin } from '../../src/setup/install-spin.js';
import { installWash } from '../../src/setup/install-wash.js';
import { installWasmtime } from '../../src/setup/install-wasmtime.js';
import { setupPlatformTools } from '../../src/setup/index.js';
import { startReleaseServer, type ReleaseServer } from '../support/release-server.js';
import { startCacheServer } from './cache-server.js';

const LINUX = { os: 'linux', arch: 'x64' } as const;
/** System folders plus node's (the fake CLIs are node scripts): no spin or wash. */
const BASE_PATH = [path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(
  path.delimiter,
);
const FAST_RETRY = { attempts: 3, baseDelayMs: 10, timeoutMs: 10_000 };
const ENV_KEYS = [
  'PATH',
  'RUNNER_TOOL_CACHE',
  'RUNNER_TEMP',
  'XDG_DATA_HOME',
  'GITHUB_PATH',
  'GITHUB_API_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_WORKSPACE',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RUNTIME_TOKEN',
] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

let server: ReleaseServer;
let scratch: string;
let logger: MemoryLogger;

beforeAll(async () => {
  server = await startReleaseServer({
    // Newest first, as GitHub lists them: a fix to an older line published last, a
    // pre-release version not marked as one, are not `latest`.
    spin: [
      { tag: 'v2.7.2' },
      { tag: 'canary', prerelease: true },
      { tag: 'v3.6.0-rc.1' },
      { tag: 'v3.5.0-rc.1', prerelease: true },
      { tag: 'v3.4.1' },
      { tag: 'v3.3.0' },
    ],
    wash: [
      { tag: 'wash-v0.40.1' },
      { tag: 'v2.1.0-rc.1', prerelease: true },
      { tag: 'v2.0.1' },
      { tag: 'v1.9.0', assets: ['wasmcloud-x86_64-unknown-linux-musl'] }, // a host release: no wash
      { tag: 'wash-v0.39.0' },
    ],
    wasmtime: [
      { tag: 'v49.0.0-rc.1', prerelease: true },
      { tag: 'v48.0.8' },
      { tag: 'v47.0.1', noDigest: true },
      { tag: 'v46.0.0', assets: ['wasmtime-v46.0.0-x86_64-windows.zip'] },
    ],
  });
});
afterAll(() => server.close());

beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'spinwash-install-'));
  process.env.RUNNER_TOOL_CACHE = path.join(scratch, 'tool-cache');
  process.env.RUNNER_TEMP = path.join(scratch, 'temp');
  process.env.XDG_DATA_HOME = path.join(scratch, 'data');
  delete process.env.GITHUB_PATH;
  // Only system folders: no spin or wash on PATH at the start.
  process.env.PATH = BASE_PATH;
  server.requests.length = 0;
  server.authorized.length = 0;
  server.corruptChecksums = false;
  logger = new MemoryLogger();
});
afterEach(() => {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  rmSync(scratch, { recursive: true, force: true });
});

const spin = (version: string, extra: { plugins?: string[] } = {}) =>
  installSpin({
    version,
    baseUrl: server.url,
    logger,
    platform: LINUX,
    retry: FAST_RETRY,
    ...extra,
  });
const wash = (version: string) =>
  installWash({ version, baseUrl: server.url, logger, platform: LINUX, retry: FAST_RETRY });
const wasmtime = (version: string) =>
  installWasmtime({ version, baseUrl: server.url, logger, platform: LINUX, retry: FAST_RETRY });
const onPath = (tool: string): string =>
  execFileSync(tool, ['--version'], { encoding: 'utf8' }).trim();
const downloads = (): string[] => server.requests.filter((r) => r.includes('/releases/download/'));

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('installSpin against a local release server', () => {
  it('resolves `latest` to the newest stable release, verifies and caches it, and puts it on PATH', async () => {
    const installed = await spin('latest');
    expect(installed).toMatchObject({ tool: 'spin', version: 'v3.4.1', source: 'download' });
    expect(server.requests).toEqual([
      '/repos/spinframework/spin/releases',
      '/spinframework/spin/releases/download/v3.4.1/spin-v3.4.1-linux-amd64.tar.gz',
      '/spinframework/spin/releases/download/v3.4.1/checksums-v3.4.1.txt',
    ]);
    expect(installed.path).toBe(
      path.join(process.env.RUNNER_TOOL_CACHE!, 'spin', '3.4.1', 'x64', 'spin'),
    );
    expect(onPath('spin')).toMatch(/^spin 3\.4\.1 /);
  });

  it('a tool-cache hit downloads nothing; the right version on PATH is used as it is', async () => {
    await spin('v3.4.1');
    expect(downloads()).toHaveLength(2);
    process.env.PATH = BASE_PATH; // a later job step: cached, not on PATH
    server.requests.length = 0;
    expect(await spin('v3.4.1')).toMatchObject({ source: 'tool-cache', version: 'v3.4.1' });
    expect(server.requests).toEqual([]);
    expect(await spin('v3.4.1')).toMatchObject({ source: 'path' });
    expect(server.requests).toEqual([]);
    // Another version on PATH is not the right one.
    expect(await spin('v3.3.0')).toMatchObject({ source: 'download', version: 'v3.3.0' });
    expect(onPath('spin')).toMatch(/^spin 3\.3\.0 /);
  });

  it('refuses an archive whose checksum does not match, and caches nothing', async () => {
    server.corruptChecksums = true;
    const error = await rejection(spin('v3.4.1'));
    expect(error.message).toMatch(
      /spin v3\.4\.1: spin-v3\.4\.1-linux-amd64\.tar\.gz does not match checksums-v3\.4\.1\.txt \(expected sha256 [0-9a-f]{64}, got [0-9a-f]{64}\); refusing/,
    );
    expect(existsSync(path.join(process.env.RUNNER_TOOL_CACHE!, 'spin'))).toBe(false);
    expect(() => onPath('spin')).toThrow();
  });

  it('retries a 500 and then succeeds', async () => {
    server.failNext('spin-v3.4.1-linux-amd64.tar.gz', 500);
    server.failNext('/repos/spinframework/spin/releases', 503);
    expect(await spin('latest')).toMatchObject({ version: 'v3.4.1', source: 'download' });
    expect(server.requests.filter((r) => r.endsWith('.tar.gz'))).toHaveLength(2);
    expect(server.requests.filter((r) => r.startsWith('/repos/'))).toHaveLength(2);
    expect(
      logger.lines.some((l) => /answered HTTP 500; retrying in 0\.0 s \(attempt 2 of 3\)/.test(l)),
    ).toBe(true);
  });

  it('retries a download that stalls past its timeout', async () => {
    server.hangNext('spin-v3.4.1-linux-amd64.tar.gz');
    const installed = await installSpin({
      version: 'v3.4.1',
      baseUrl: server.url,
      logger,
      platform: LINUX,
      retry: { attempts: 2, baseDelayMs: 10, timeoutMs: 500 },
    });
    expect(installed.source).toBe('download');
    expect(server.requests.filter((r) => r.endsWith('.tar.gz'))).toHaveLength(2);
    expect(logger.lines.some((l) => /tar\.gz failed \(.*\); retrying/.test(l))).toBe(true);
  });

  it('a server that cannot be reached is one clear error after the retries', async () => {
    const closed = await startReleaseServer({ spin: [], wash: [] });
    const url = closed.url;
    await closed.close();
    const error = await rejection(
      installSpin({ version: 'latest', baseUrl: url, logger, platform: LINUX, retry: FAST_RETRY }),
    );
    expect(error.message).toMatch(
      /^Cannot fetch http:\/\/127\.0\.0\.1:\d+\/repos\/spinframework\/spin\/releases\?per_page=100 after 3 attempts: fetch failed \(.*ECONNREFUSED/,
    );
  });

  it('gives up after the last attempt of a lasting 5xx, naming the asset', async () => {
    server.failNext('spin-v3.3.0', 502, 3);
    const error = await rejection(spin('v3.3.0'));
    expect(error.message).toContain(
      'spin v3.3.0: downloading spin-v3.3.0-linux-amd64.tar.gz failed',
    );
    expect(error.message).toContain('HTTP 502');
  });

  it('a 404 names the version and the asset, and is not retried', async () => {
    const error = await rejection(spin('v9.9.9'));
    expect(error.message).toMatch(
      /^spin v9\.9\.9: the release asset spin-v9\.9\.9-linux-amd64\.tar\.gz was not found \(HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/spinframework\/spin\/releases\/download\/v9\.9\.9\/spin-v9\.9\.9-linux-amd64\.tar\.gz\)/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('installs plugins with --yes', async () => {
    await spin('v3.4.1', { plugins: ['cloud', 'kube'] });
    expect(readdirSync(path.join(process.env.XDG_DATA_HOME!, 'spin', 'plugins')).sort()).toEqual([
      'cloud',
      'kube',
    ]);
    expect(logger.lines.join('')).toContain("Plugin 'cloud' was installed successfully!");
    expect(execFileSync('spin', ['plugins', 'list'], { encoding: 'utf8' })).toContain(
      'kube 0.1.0 [installed]',
    );
    // An unknown plugin fails the setup with spin's own message.
    const error = await rejection(spin('v3.4.1', { plugins: ['nope'] }));
    expect(error.message).toContain("Could not find plugin 'nope'");
  });

  it('sends the token to the GitHub API only: never to a mirror, never with a download', async () => {
    await installSpin({
      version: 'latest',
      baseUrl: server.url,
      token: 'ghs_secret',
      logger,
      platform: LINUX,
      retry: FAST_RETRY,
    });
    expect(server.authorized).toEqual([]);
    // Without a base URL, GitHub is where GITHUB_API_URL / GITHUB_SERVER_URL say (GHES); here, the local server.
    process.env.GITHUB_API_URL = server.url;
    process.env.GITHUB_SERVER_URL = server.url;
    process.env.PATH = BASE_PATH;
    await installSpin({
      version: 'latest',
      token: 'ghs_secret',
      logger,
      platform: LINUX,
      retry: FAST_RETRY,
    });
    expect(server.authorized).toEqual(['/repos/spinframework/spin/releases Bearer ghs_secret']);
    expect(logger.lines.join('\n')).not.toContain('ghs_secret');
  });

  it('`canary` is verified and used, but never cached under a version (it moves daily)', async () => {
    const installed = await spin('canary');
    expect(installed).toMatchObject({ version: 'canary', source: 'download' });
    expect(server.requests).toEqual([
      '/spinframework/spin/releases/download/canary/spin-canary-linux-amd64.tar.gz',
      '/spinframework/spin/releases/download/canary/checksums-canary.txt',
    ]);
    expect(existsSync(path.join(process.env.RUNNER_TOOL_CACHE!, 'spin'))).toBe(false);
    expect(onPath('spin')).toMatch(/^spin canary/);
  });

  it('an OS without an asset is a clear error before any request', async () => {
    const error = await rejection(
      installSpin({
        version: 'latest',
        baseUrl: server.url,
        logger,
        platform: { os: 'win32', arch: 'x64' },
      }),
    );
    expect(error.message).toMatch(
      /spin has no release asset for win32\/x64; its releases offer linux and macOS/,
    );
    expect(server.requests).toEqual([]);
  });
});

describe('installWash against a local release server', () => {
  it('resolves `latest` past prereleases and host releases, and installs the raw binary', async () => {
    server.failNext('/repos/wasmCloud/wasmCloud/releases', 500);
    const installed = await wash('latest');
    expect(installed).toMatchObject({ tool: 'wash', version: 'v2.0.1', source: 'download' });
    expect(onPath('wash')).toBe('wash 2.0.1');
    expect(downloads()).toEqual([
      '/wasmCloud/wasmCloud/releases/download/v2.0.1/wash-x86_64-unknown-linux-musl',
    ]);
  });

  it('finds wash 0.x under its wash-v tag, then uses the cache', async () => {
    expect(await wash('v0.39.0')).toMatchObject({ version: 'v0.39.0', source: 'download' });
    expect(onPath('wash')).toBe('wash 0.39.0');
    process.env.PATH = BASE_PATH;
    server.requests.length = 0;
    expect(await wash('v0.39.0')).toMatchObject({ source: 'tool-cache' });
    expect(server.requests).toEqual([]);
  });

  it('a 404 names the version and the asset', async () => {
    const error = await rejection(wash('v0.12.0'));
    expect(error.message).toMatch(
      /^wash v0\.12\.0: the release asset wash-x86_64-unknown-linux-musl was not found \(HTTP 404 from .*\/wash-v0\.12\.0\//,
    );
  });
});

describe('installWasmtime against a local release server', () => {
  const archive = (tag: string) =>
    `/bytecodealliance/wasmtime/releases/download/${tag}/wasmtime-${tag}-x86_64-linux.tar.xz`;

  it('resolves `latest` past prereleases, checks the archive against the digest GitHub lists, caches it and puts it on PATH', async () => {
    const installed = await wasmtime('latest');
    expect(installed).toMatchObject({ tool: 'wasmtime', version: 'v48.0.8', source: 'download' });
    expect(server.requests).toEqual([
      '/repos/bytecodealliance/wasmtime/releases',
      archive('v48.0.8'),
    ]);
    expect(installed.path).toBe(
      path.join(process.env.RUNNER_TOOL_CACHE!, 'wasmtime', '48.0.8', 'x64', 'wasmtime'),
    );
    expect(onPath('wasmtime')).toBe('wasmtime 48.0.8 (fake v48.0.8)');
  });

  it('a pinned version reads its release by tag; then the tool cache, then PATH, download nothing', async () => {
    expect(await wasmtime('v48.0.8')).toMatchObject({ source: 'download' });
    expect(server.requests).toEqual([
      '/repos/bytecodealliance/wasmtime/releases/tags/v48.0.8',
      archive('v48.0.8'),
    ]);
    process.env.PATH = BASE_PATH;
    server.requests.length = 0;
    expect(await wasmtime('v48.0.8')).toMatchObject({ source: 'tool-cache' });
    expect(await wasmtime('v48.0.8')).toMatchObject({ source: 'path' });
    expect(server.requests).toEqual([]);
  });

  it('refuses an archive whose sha256 is not the release digest, and caches nothing', async () => {
    server.corruptChecksums = true;
    const error = await rejection(wasmtime('v48.0.8'));
    expect(error.message).toMatch(
      /^wasmtime v48\.0\.8: wasmtime-v48\.0\.8-x86_64-linux\.tar\.xz does not match the release's digest \(expected sha256 [0-9a-f]{64}, got [0-9a-f]{64}\); refusing/,
    );
    expect(existsSync(path.join(process.env.RUNNER_TOOL_CACHE!, 'wasmtime'))).toBe(false);
    expect(() => onPath('wasmtime')).toThrow();
  });

  it('refuses a release that lists no digest, before downloading it', async () => {
    const error = await rejection(wasmtime('v47.0.1'));
    expect(error.message).toMatch(
      /^wasmtime v47\.0\.1: the release lists no sha256 digest for wasmtime-v47\.0\.1-x86_64-linux\.tar\.xz; refusing/,
    );
    expect(downloads()).toEqual([]);
  });

  it('a version that was never released, or has no archive for the runner, is one clear line', async () => {
    expect((await rejection(wasmtime('v1.2.3'))).message).toMatch(
      /^wasmtime v1\.2\.3: no such release \(HTTP 404 from .*\/releases\/tags\/v1\.2\.3\)/,
    );
    expect((await rejection(wasmtime('v46.0.0'))).message).toBe(
      'wasmtime v46.0.0: the release has no wasmtime-v46.0.0-x86_64-linux.tar.xz (it lists wasmtime-v46.0.0-x86_64-windows.zip)',
    );
    const windows = await rejection(
      installWasmtime({
        version: 'latest',
        baseUrl: server.url,
        logger,
        platform: { os: 'win32', arch: 'x64' },
      }),
    );
    expect(windows.message).toMatch(/^wasmtime has no release asset for win32\/x64/);
    expect(downloads()).toEqual([]);
  });
});

describe('setupPlatformTools', () => {
  it('installs what the inputs ask for: spin with its plugins, and wash', async () => {
    const installed = await setupPlatformTools(
      {
        projectKind: 'auto',
        runtime: 'spin',
        spinVersion: 'latest',
        washVersion: 'v0.39.0',
        spinPlugins: ['cloud'],
        installRustTarget: false,
        baseUrl: server.url,
        setupTimeoutSeconds: 600,
      },
      { logger },
    );
    expect(installed.map((t) => [t.tool, t.version, t.source])).toEqual([
      ['spin', 'v3.4.1', 'download'],
      ['wash', 'v0.39.0', 'download'],
    ]);
    expect(readdirSync(path.join(process.env.XDG_DATA_HOME!, 'spin', 'plugins'))).toEqual([
      'cloud',
    ]);
    expect(onPath('spin')).toMatch(/^spin 3\.4\.1/);
    expect(onPath('wash')).toBe('wash 0.39.0');
  });

  it('a release server that stops answering is given up at `setup-timeout` (issue 22 item 3)', async () => {
    // one request that never answers: the deadline ends it, and no retry starts past it
    server.hangNext('/releases/download/', 1);
    const started = performance.now();
    await expect(
      setupPlatformTools(
        {
          projectKind: 'auto',
          runtime: 'spin',
          spinVersion: 'v3.4.1',
          spinPlugins: [],
          baseUrl: server.url,
          setupTimeoutSeconds: 1,
          installRustTarget: false,
        },
        { logger },
      ),
    ).rejects.toThrow(
      /^setup: fetching http:\/\/127\.0\.0\.1:\d+\/.*\/releases\/download\/v3\.4\.1\/\S+ did not finish within 1 s \(`setup-timeout`\) and was stopped$/,
    );
    // one attempt would wait 60 s, four with their back-off over four minutes
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('installs wasmtime when `wasmtime-version` asks for it', async () => {
    const installed = await setupPlatformTools(
      {
        projectKind: 'auto',
        runtime: 'wasmtime',
        wasmtimeVersion: 'v48.0.8',
        spinPlugins: [],
        baseUrl: server.url,
        setupTimeoutSeconds: 600,
        installRustTarget: false,
      },
      { logger },
    );
    expect(installed.map((t) => [t.tool, t.version, t.source])).toEqual([
      ['wasmtime', 'v48.0.8', 'download'],
    ]);
    expect(onPath('wasmtime')).toMatch(/^wasmtime 48\.0\.8/);
  });

  it('installs nothing by default', async () => {
    expect(
      await setupPlatformTools(
        {
          projectKind: 'auto',
          runtime: 'embedded',
          spinPlugins: [],
          setupTimeoutSeconds: 600,
          installRustTarget: false,
        },
        { logger },
      ),
    ).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe('across workflow runs (@actions/cache against a local cache service)', () => {
  it('saves a downloaded CLI, and a later run on a fresh runner restores it without downloading', async () => {
    const cacheServer = await startCacheServer();
    try {
      process.env.ACTIONS_CACHE_URL = cacheServer.url;
      process.env.ACTIONS_RUNTIME_TOKEN = 'runtime-token';
      process.env.GITHUB_WORKSPACE = scratch;
      expect(await spin('v3.4.1')).toMatchObject({ source: 'download' });
      expect(await wash('v0.39.0')).toMatchObject({ source: 'download' });
      expect([...cacheServer.entries.keys()].sort()).toEqual([
        `spinwash-spin-v3.4.1-${process.platform}-${process.arch}`,
        `spinwash-wash-v0.39.0-${process.platform}-${process.arch}`,
      ]);

      // A new run: an empty tool cache, nothing on PATH.
      rmSync(process.env.RUNNER_TOOL_CACHE!, { recursive: true, force: true });
      process.env.PATH = BASE_PATH;
      server.requests.length = 0;
      expect(await spin('v3.4.1')).toMatchObject({ source: 'actions-cache', version: 'v3.4.1' });
      expect(await wash('v0.39.0')).toMatchObject({ source: 'actions-cache' });
      expect(server.requests).toEqual([]);
      expect(onPath('spin')).toMatch(/^spin 3\.4\.1/);
      expect(onPath('wash')).toBe('wash 0.39.0');
    } finally {
      await cacheServer.close();
    }
  });
});
