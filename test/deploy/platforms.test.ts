import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { resetTrustedCertificates } from '../../src/deploy/readiness.js';
import type { DeployRequest, DeployTarget } from '../../src/deploy/target.js';
import { akamaiTarget, type AkamaiOptions } from '../../src/deploy/targets/akamai/akamai.js';
import {
  fermyonCloudTarget,
  type FermyonCloudOptions,
} from '../../src/deploy/targets/fermyon-cloud/fermyon-cloud.js';
import { UserError } from '../../src/errors.js';
import { createOctokit } from '../../src/github/client.js';
import { MemoryLogger } from '../../src/log.js';
import { runPipeline } from '../../src/pipeline.js';
import { formatSeconds } from '../../src/report/format.js';
import type { Report } from '../../src/report/model.js';
import { readRunContext } from '../../src/github/context.js';
import { markPreviewDeleted, publishReport } from '../../src/publish/publish.js';
import { closePreview } from '../../src/stages/preview.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from '../projects/fixtures.js';
import { runCli } from '../support/cli.js';
import { startGitHubServer, type FakeGitHub } from '../support/github-server.js';
import { startPlatform, type FakePlatform } from '../support/platform-server.js';
import { descendantPids, isRunning } from './support.js';

/**
 * `deploy: fermyon-cloud` and `deploy: akamai` end to end: the real spinwash (CLI and
 * pipeline) drives the fake `spin cloud` / `spin aka` plugins, which talk HTTP to a stand-in
 * platform serving each app over HTTPS (a throwaway CA) as the previous version until 1.5 s
 * after the deploy command started, then as the new one.
 */

const TOKEN_ENVS = ['SPIN_AUTH_TOKEN', 'SPIN_AKA_ACCESS_TOKEN'] as const;
/**
 * How much later than the platform's switch (1.5 s after the command starts) a loaded 2-core
 * machine may see the new version. Only lower bounds are exact here; the clock's ±50 ms goal
 * is measured by `npm run bench` (its readiness section), where load is not a test's to bear.
 */
const LOAD_MARGIN_SECONDS = 5;
const ENV_KEYS = [
  'PATH',
  'XDG_DATA_HOME',
  'CLOUD_URL',
  'FAKE_PLATFORM_URL',
  'NODE_EXTRA_CA_CERTS',
  'FAKE_AKA_VERSION',
  'FAKE_SPIN_PLUGINS_UNREACHABLE',
  ...TOKEN_ENVS,
] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

let platform: FakePlatform;
let copy: FixtureCopy;
let scratch: string;

function restoreEnv(): void {
  for (const key of ENV_KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
}

/** A fresh plugin folder: nothing installed yet (Spin 4 installs no plugin on its own). */
function freshPlugins(): string {
  const dir = mkdtempSync(path.join(scratch, 'xdg-'));
  process.env.XDG_DATA_HOME = dir;
  return dir;
}

async function usePlatform(settings: Parameters<typeof startPlatform>[0] = {}): Promise<void> {
  await platform?.close();
  platform = await startPlatform(settings);
  process.env.CLOUD_URL = platform.url;
  process.env.FAKE_PLATFORM_URL = platform.url;
  process.env.NODE_EXTRA_CA_CERTS = platform.caFile;
  resetTrustedCertificates();
  process.env.SPIN_AUTH_TOKEN = platform.tokens.cloud;
  process.env.SPIN_AKA_ACCESS_TOKEN = platform.tokens.aka;
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'spinwash-platforms-'));
  process.env.PATH = pathWithFakes();
  delete process.env.FAKE_AKA_VERSION;
  delete process.env.FAKE_SPIN_PLUGINS_UNREACHABLE;
  copy = copyFixture('spin/v4');
});
afterAll(async () => {
  await platform?.close();
  restoreEnv();
  resetTrustedCertificates();
  copy?.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** Every place a token must never appear: the recorded argv, the log, the reports. */
function expectNoToken(texts: readonly string[]): void {
  const tokens = Object.values(platform.tokens);
  for (const call of platform.calls)
    for (const token of tokens) expect(call.argv.join(' ')).not.toContain(token);
  for (const text of texts) for (const token of tokens) expect(text).not.toContain(token);
}

function request<O>(
  target: DeployTarget<O>,
  options: Record<string, string>,
  extra: Partial<DeployRequest<O>> = {},
): DeployRequest<O> & { logger: MemoryLogger } {
  const secrets: Record<string, string> = {};
  for (const env of TOKEN_ENVS) if (process.env[env]) secrets[env] = process.env[env]!;
  return {
    project: {
      kind: 'spin',
      dir: copy.dir,
      appName: 'hello-v4',
      manifest: path.join(copy.dir, 'spin.toml'),
    },
    components: [],
    healthPath: '/',
    timeoutSeconds: 10,
    options: target.parseOptions((name) => options[name] ?? ''),
    secrets,
    logger: new MemoryLogger(),
    ...extra,
  } as DeployRequest<O> & { logger: MemoryLogger };
}

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe.each([
  { target: 'fermyon-cloud', platformName: 'cloud' as const },
  { target: 'akamai', platformName: 'aka' as const },
])('`spinwash run --deploy $target` on a Spin app', ({ target, platformName }) => {
  beforeAll(async () => {
    await usePlatform();
    freshPlugins();
  });

  it('installs the plugin, deploys with the token in env only, and times the new version to its first answer (after the switch at 1.5 s)', async () => {
    const json = path.join(scratch, `${target}.json`);
    const markdown = path.join(scratch, `${target}.md`);
    const run = await runCli(
      copy.dir,
      'run',
      '--deploy',
      target,
      '--json',
      json,
      '--markdown',
      markdown,
    );
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const app = platform.apps.get(`${platformName}/hello-v4`)!;
    expect(app.versions).toHaveLength(1);
    expect(report.deploy).toMatchObject({
      target,
      url: `${app.url}/`,
      status: 200,
      versionProof: 'spin-info',
      digest: app.versions[0]!.digest,
    });
    // the platform switches 1.5 s after the command started; the command itself ran 0.3 s
    expect(report.deploy!.readySeconds).toBeGreaterThanOrEqual(1.5);
    expect(report.deploy!.readySeconds).toBeLessThan(1.5 + LOAD_MARGIN_SECONDS);
    expect(report.deploy!.commandSeconds).toBeGreaterThanOrEqual(0.3);
    expect(report.deploy!.commandSeconds).toBeLessThan(0.3 + LOAD_MARGIN_SECONDS);

    expect(readFileSync(markdown, 'utf8')).toContain(
      `<sub>Ready counts from the deploy command's start; the deploy command itself took ${formatSeconds(report.deploy!.commandSeconds!)}; the new version was told by Spin's info digest \`${app.versions[0]!.digest.slice(0, 19)}…\`.</sub>`,
    );

    const argvs = platform.calls.map((c) => c.argv.join(' '));
    const plugin = platformName;
    expect(argvs).toContain('plugins list --installed');
    expect(argvs).toContain(`plugins install ${plugin} --yes`);
    const deploy = platform.calls.find((c) => c.argv[0] === plugin && c.argv[1] === 'deploy')!;
    expect(deploy.argv).toEqual(
      target === 'fermyon-cloud'
        ? ['cloud', 'deploy', '-f', path.join(copy.dir, 'spin.toml'), '--readiness-timeout', '0']
        : [
            'aka',
            'deploy',
            '-f',
            path.join(copy.dir, 'spin.toml'),
            '--create-name',
            'hello-v4',
            '--no-confirm',
            '--skip-readiness-check',
          ],
    );
    // the token reached the plugin, through its environment
    const tokenEnv = target === 'fermyon-cloud' ? 'SPIN_AUTH_TOKEN' : 'SPIN_AKA_ACCESS_TOKEN';
    expect(deploy.env[tokenEnv]).toBe(platform.tokens[platformName]);
    expectNoToken([
      run.stdout,
      run.stderr,
      readFileSync(json, 'utf8'),
      readFileSync(markdown, 'utf8'),
    ]);
  });

  it('a second deploy updates the same app, and is timed against the old version (never its 200)', async () => {
    const json = path.join(scratch, `${target}-2.json`);
    const run = await runCli(copy.dir, 'run', '--deploy', target, '--json', json);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const app = platform.apps.get(`${platformName}/hello-v4`)!;
    expect(app.versions).toHaveLength(2);
    expect(report.deploy!.digest).toBe(app.versions[1]!.digest);
    // the old version answered 200 all along: only the new one stops the clock
    expect(report.deploy!.readySeconds).toBeGreaterThanOrEqual(1.5);
    expect(report.deploy!.readySeconds).toBeLessThan(1.5 + LOAD_MARGIN_SECONDS);
    if (target === 'akamai') {
      const deploy = platform.calls.filter((c) => c.argv[0] === 'aka' && c.argv[1] === 'deploy');
      expect(deploy.at(-1)!.argv).toContain('--app-id');
      expect(deploy.at(-1)!.argv).toContain(app.id);
    }
    expectNoToken([run.stdout, run.stderr, readFileSync(json, 'utf8')]);
  });

  it('fails at the deadline when the old version keeps answering, saying what answered', async () => {
    platform.settings.switchMs = Number.POSITIVE_INFINITY;
    try {
      const started = performance.now();
      const run = await runCli(copy.dir, 'run', '--deploy', target, '--deploy-timeout', '2');
      expect(run.code).toBe(1);
      const app = platform.apps.get(`${platformName}/hello-v4`)!;
      const line = run.stderr.trim().split('\n').at(-1)!;
      expect(line).toBe(
        `spinwash: error: ${target}: the new version never answered 200 at ${app.url}/ within 2 s (last: the previous version (spin info digest ${app.versions[1]!.digest}))`,
      );
      expect(performance.now() - started).toBeLessThan(60_000);
      expectNoToken([run.stdout, run.stderr]);
    } finally {
      platform.settings.switchMs = 1500;
    }
  });
});

describe('platform faults, each one line', () => {
  beforeEach(async () => {
    await usePlatform();
    freshPlugins();
  });

  it('a bad or expired token: the plugin’s own words, the input named, the token nowhere', async () => {
    process.env.SPIN_AUTH_TOKEN = 'fermyon-expired-0123456789';
    const req = request<FermyonCloudOptions>(fermyonCloudTarget, {});
    const error = await rejection(fermyonCloudTarget.deploy(req));
    expect(error.message).toMatch(
      /^fermyon-cloud: the platform refused the token in `fermyon-token` \(env `SPIN_AUTH_TOKEN`\); make a new one and update the secret: .*your token is invalid or has expired/,
    );
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('fermyon-expired-0123456789');
    expect(req.logger.lines.join('')).not.toContain('fermyon-expired-0123456789');

    process.env.SPIN_AKA_ACCESS_TOKEN = 'aka-revoked-0123456789';
    const aka = request<AkamaiOptions>(akamaiTarget, {});
    const akaError = await rejection(akamaiTarget.deploy(aka));
    expect(akaError.message).toMatch(
      /^akamai: the platform refused the token in `akamai-token` \(env `SPIN_AKA_ACCESS_TOKEN`\).*the access token has expired or was revoked/,
    );
    expect(akaError.message).not.toContain('aka-revoked-0123456789');
  });

  it('no token at all: names the input to set', async () => {
    delete process.env.SPIN_AUTH_TOKEN;
    const error = await rejection(
      fermyonCloudTarget.deploy(request<FermyonCloudOptions>(fermyonCloudTarget, {})),
    );
    expect(error.message).toBe(
      'fermyon-cloud: input `fermyon-token` is empty; set it from a repository secret (the CLI reads env `SPIN_AUTH_TOKEN`)',
    );
  });

  it('the free plan’s limits: 5 apps, 10 deploys a minute', async () => {
    platform.settings.maxApps = 1;
    platform.settings.switchMs = 0;
    platform.settings.commandMs = 0;
    await fermyonCloudTarget.deploy(request<FermyonCloudOptions>(fermyonCloudTarget, {}));
    const quota = await rejection(
      fermyonCloudTarget.deploy(
        request<FermyonCloudOptions>(
          fermyonCloudTarget,
          {},
          {
            preview: { number: 3, name: 'hello-v4-pr-3' },
          },
        ),
      ),
    );
    expect(quota.message).toMatch(
      /^fermyon-cloud: the platform refused the deploy for a limit \(the free plan allows 5 apps and 10 deploys a minute; .*\): .*maximum number of applications \(1\)/,
    );
    // the preview's manifest copy is gone after the failed deploy too
    expect(readdirSync(copy.dir).filter((f) => f.includes('spinwash-preview'))).toEqual([]);
    platform.settings.deploysPerMinute = 1;
    const rate = await rejection(
      fermyonCloudTarget.deploy(request<FermyonCloudOptions>(fermyonCloudTarget, {})),
    );
    expect(rate.message).toMatch(/refused the deploy for a limit .*Too many requests/);
  });

  it('a deploy command that hangs is stopped at deploy-timeout, with its last output', async () => {
    platform.settings.hang = true;
    const before = descendantPids();
    const started = performance.now();
    const error = await rejection(
      fermyonCloudTarget.deploy(
        request<FermyonCloudOptions>(fermyonCloudTarget, {}, { timeoutSeconds: 2 }),
      ),
    );
    expect((performance.now() - started) / 1000).toBeLessThan(2 + LOAD_MARGIN_SECONDS * 3);
    expect(error.message).toMatch(
      /^fermyon-cloud: `spin cloud deploy -f \S+spin\.toml --readiness-timeout 0` did not finish within 2 s \(`deploy-timeout`\) and was stopped; its last output: Uploading hello-v4 version 0\.1\.0 to Fermyon Cloud\.\.\. Deploying\.\.\.$/,
    );
    const left = [...descendantPids()].filter((pid) => !before.has(pid));
    expect(left).toEqual([]);
    // the plugin, spin's own child, was stopped with it: nothing holds the output open
    expect(platform.deployPids).toHaveLength(1);
    expect(isRunning(platform.deployPids[0]!)).toBe(false);
  });

  it('a plugin that cannot be installed', async () => {
    process.env.FAKE_SPIN_PLUGINS_UNREACHABLE = '1';
    try {
      const error = await rejection(akamaiTarget.deploy(request<AkamaiOptions>(akamaiTarget, {})));
      expect(error.message).toMatch(
        /^akamai: the Spin plugin `aka` cannot be installed \(`spin plugins install aka --yes` exited 1\): Error: Could not download plugins repository/,
      );
    } finally {
      delete process.env.FAKE_SPIN_PLUGINS_UNREACHABLE;
    }
  });

  it('an aka plugin too old to skip its own wait is named with the version needed; v0.1 flags still delete', async () => {
    process.env.FAKE_AKA_VERSION = '0.5.2';
    try {
      const error = await rejection(akamaiTarget.deploy(request<AkamaiOptions>(akamaiTarget, {})));
      expect(error.message).toMatch(
        /^akamai: the installed `aka` plugin is 0\.5\.2; spinwash needs 0\.6\.0 or later/,
      );
    } finally {
      delete process.env.FAKE_AKA_VERSION;
    }
    // an app made with a current plugin, deleted with a v0.1 one: `apps delete -n … --yes`
    const xdg = freshPlugins();
    platform.settings.switchMs = 0;
    platform.settings.commandMs = 0;
    const preview = { number: 9, name: 'hello-v4-pr-9' };
    await akamaiTarget.deploy(request<AkamaiOptions>(akamaiTarget, {}, { preview }));
    expect(platform.appNames('aka')).toEqual(['hello-v4-pr-9']);
    writeFileSync(
      path.join(xdg, 'spin', 'plugins', 'aka', 'aka.json'),
      JSON.stringify({ name: 'aka', version: '0.1.3' }),
    );
    await akamaiTarget.undeploy!(request<AkamaiOptions>(akamaiTarget, {}, { preview }));
    expect(platform.appNames('aka')).toEqual([]);
    const argvs = platform.calls.map((c) => c.argv.join(' '));
    expect(argvs).toContain('aka apps delete -n hello-v4-pr-9 --yes');
    expect(argvs).toContain('aka apps info -n hello-v4-pr-9 --format json');
  });

  it('passes `variables` and `key-values` as the plugins’ flags', async () => {
    platform.settings.switchMs = 0;
    platform.settings.commandMs = 0;
    await fermyonCloudTarget.deploy(
      request<FermyonCloudOptions>(fermyonCloudTarget, {
        variables: 'greeting=hi there, mode=prod',
        'key-values': 'seed=1',
      }),
    );
    await akamaiTarget.deploy(request<AkamaiOptions>(akamaiTarget, { variables: 'mode=prod' }));
    const deploys = platform.calls.filter((c) => c.argv[1] === 'deploy').map((c) => c.argv);
    expect(deploys[0]!.slice(-6)).toEqual([
      '--variable',
      'greeting=hi there',
      '--variable',
      'mode=prod',
      '--key-value',
      'seed=1',
    ]);
    expect(deploys[1]!.slice(-2)).toEqual(['--variable', 'mode=prod']);
  });

  it('Akamai: an unknown app id is named as the input', async () => {
    const error = await rejection(
      akamaiTarget.deploy(request<AkamaiOptions>(akamaiTarget, { 'akamai-app-id': 'nope-123' })),
    );
    expect(error.message).toMatch(/^Input `akamai-app-id` has the value "nope-123"; no such app/);
  });
});

describe('an app that serves no Spin info (Akamai Functions may not)', () => {
  beforeAll(async () => {
    await usePlatform({ serveInfo: false });
    freshPlugins();
    // the first deploy makes the app; the old version then answers 200 all along
    await akamaiTarget.deploy(request<AkamaiOptions>(akamaiTarget, {}));
  });

  it('without `health-expect`: the old version’s 200 does not count before the command ends, and the proof says none', async () => {
    const req = request<AkamaiOptions>(akamaiTarget, {});
    const { report } = await akamaiTarget.deploy(req);
    expect(report.versionProof).toBe('none');
    expect(report.readySeconds).toBeGreaterThanOrEqual(report.commandSeconds!);
    expect(req.logger.lines.join('\n')).toContain(
      'without `health-expect` the new version cannot be told from the old',
    );
  });

  it('with `health-expect`: the body tells the new version, timed to its first answer', async () => {
    const app = platform.apps.get('aka/hello-v4')!;
    const { report } = await akamaiTarget.deploy(
      request<AkamaiOptions>(
        akamaiTarget,
        {},
        {
          healthExpect: `revision ${app.versions.length + 1}`,
        },
      ),
    );
    expect(report.versionProof).toBe('body');
    expect(report.readySeconds).toBeGreaterThanOrEqual(1.5);
    expect(report.readySeconds).toBeLessThan(1.5 + LOAD_MARGIN_SECONDS);
  });
});

describe('pull request previews (`preview: true`)', () => {
  let github: FakeGitHub;
  beforeAll(async () => {
    github = await startGitHubServer();
    await usePlatform();
    freshPlugins();
  });
  afterAll(async () => {
    await github.close();
  });

  async function prEnv(
    action: string,
    head = 'acme/app',
  ): Promise<NodeJS.ProcessEnv & Record<string, string>> {
    const file = path.join(scratch, `pr-${action}-${head.replace('/', '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        action,
        number: 7,
        pull_request: {
          number: 7,
          base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/app' } },
          head: { sha: 'c'.repeat(40), ref: 'feature', repo: { full_name: head } },
        },
      }),
    );
    return {
      ...process.env,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: file,
      GITHUB_REPOSITORY: 'acme/app',
    } as NodeJS.ProcessEnv & Record<string, string>;
  }

  function previewConfig() {
    return buildConfig(
      {
        project: copy.dir,
        deploy: 'fermyon-cloud',
        preview: 'true',
        'github-token': 'gh-test-token',
        'report-path': path.join(scratch, 'preview.json'),
      },
      copy.dir,
    );
  }

  async function previewRun(env: NodeJS.ProcessEnv) {
    const logger = new MemoryLogger();
    const config = previewConfig();
    const result = await runPipeline(config, logger, await readRunContext(env));
    const summary: string[] = [];
    const outcome = await publishReport(result, config, logger, {
      env,
      setOutput: () => undefined,
      appendSummary: async (markdown) => void summary.push(markdown),
      annotateError: () => undefined,
      octokit: createOctokit({ token: 'gh-test-token', baseUrl: github.url, logger }),
    });
    return { result, outcome, logger, summary };
  }

  it('deploys <app>-pr-7 from a copy of spin.toml, updates the same app and comment, and deletes it on close', async () => {
    const manifest = path.join(copy.dir, 'spin.toml');
    const original = readFileSync(manifest, 'utf8');
    const env = await prEnv('opened');

    const first = await previewRun(env);
    expect(platform.appNames('cloud')).toEqual(['hello-v4-pr-7']);
    const app = platform.apps.get('cloud/hello-v4-pr-7')!;
    expect(first.result.report.deploy).toMatchObject({
      target: 'fermyon-cloud',
      url: `${app.url}/`,
      preview: { name: 'hello-v4-pr-7', number: 7 },
    });
    // the preview URL is the first thing under the comment's title
    const comments = github.comments.get('acme/app#7') ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.split('\n').slice(0, 4).join('\n')).toContain(
      `**Preview:** <${app.url}/> (\`hello-v4-pr-7\`)`,
    );
    // the user's manifest is untouched, and no copy is left beside it
    expect(readFileSync(manifest, 'utf8')).toBe(original);
    expect(readdirSync(copy.dir).filter((f) => f.includes('spinwash-preview'))).toEqual([]);

    const second = await previewRun(await prEnv('synchronize'));
    expect(platform.appNames('cloud')).toEqual(['hello-v4-pr-7']);
    expect(app.versions).toHaveLength(2);
    expect(second.result.report.deploy!.digest).toBe(app.versions[1]!.digest);
    expect(github.comments.get('acme/app#7')).toHaveLength(1);
    expect(second.outcome.comment).toMatchObject({ outcome: 'updated' });

    // closed: nothing is built, the app is deleted and confirmed gone
    const logger = new MemoryLogger();
    const done = await closePreview(
      previewConfig(),
      logger,
      await readRunContext(await prEnv('closed')),
    );
    expect(done).toBe('Preview hello-v4-pr-7 deleted: pull request #7 was closed.');
    expect(platform.apps.size).toBe(0);
    expect(logger.lines.join('\n')).not.toContain('Building component');
    const argvs = platform.calls.map((c) => c.argv.join(' '));
    expect(argvs).toContain('cloud apps delete hello-v4-pr-7 --yes');
    expect(argvs.at(-1)).toBe('cloud apps info hello-v4-pr-7 --format json');
    expect(readFileSync(manifest, 'utf8')).toBe(original);
    // the sticky comment no longer shows the URL as live
    const closedEnv = await prEnv('closed');
    const octokit = createOctokit({ token: 'gh-test-token', baseUrl: github.url, logger });
    expect(await markPreviewDeleted(previewConfig(), logger, { env: closedEnv, octokit })).toBe(
      true,
    );
    const [comment] = github.comments.get('acme/app#7')!;
    expect(comment!.body).toContain(
      `**Preview:** ~~${app.url}/~~ (\`hello-v4-pr-7\`): deleted when the pull request was closed.`,
    );
    expect(github.comments.get('acme/app#7')).toHaveLength(1);

    expectNoToken([
      ...first.logger.lines,
      ...second.logger.lines,
      ...logger.lines,
      ...first.summary,
      JSON.stringify(second.result.report),
      ...(github.comments.get('acme/app#7') ?? []).map((c) => c.body),
    ]);
  });

  it('a fork’s pull request: no preview, a notice in the summary, the run passes', async () => {
    const env = await prEnv('opened', 'someone/app');
    const { result, summary } = await previewRun(env);
    expect(result.report.deploy).toBeUndefined();
    expect(result.report.notices).toEqual([
      'No preview for #7: it comes from a fork (or Dependabot), and GitHub gives such a pull request no secrets to deploy with.',
    ]);
    expect(summary[0]).toContain('> No preview for #7: it comes from a fork');
    expect(platform.apps.size).toBe(0);
  });

  it('a pull request without the token (Dependabot’s): no preview, a notice, nothing deleted on close', async () => {
    delete process.env.SPIN_AUTH_TOKEN;
    try {
      const { result, summary } = await previewRun(await prEnv('opened'));
      expect(result.report.deploy).toBeUndefined();
      const notice =
        "No preview for #7: `fermyon-token` is empty in this run (GitHub gives no secrets to a fork's or Dependabot's pull request).";
      expect(result.report.notices).toEqual([notice]);
      expect(summary[0]).toContain(`> ${notice}`);
      const done = await closePreview(
        previewConfig(),
        new MemoryLogger(),
        await readRunContext(await prEnv('closed')),
      );
      expect(done).toBe(`${notice} Nothing to delete.`);
      expect(platform.apps.size).toBe(0);
    } finally {
      process.env.SPIN_AUTH_TOKEN = platform.tokens.cloud;
    }
  });
});
