import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// every run loads the deploy registry with its config: it names the targets' secret variables
import '../../src/deploy/registry.js';
import { execCapture } from '../../src/exec.js';
import { MemoryLogger } from '../../src/log.js';
import { detectProject } from '../../src/projects/detect.js';
import { startProcess } from '../../src/process.js';
import { buildProject } from '../../src/stages/build.js';
import { pathWithFakes } from '../projects/fixtures.js';

/**
 * Issue 22 item 4: a child gets only the environment it needs. In the action the inputs are
 * INPUT_* variables (tokens among them), and a job may set GITHUB_TOKEN; the CLI reads the
 * targets' tokens from the environment. `spin build` runs the user's build commands, which
 * must see none of them; the plugin that deploys is handed its own token, by name.
 */
const SECRETS = {
  'INPUT_FERMYON-TOKEN': 'fermyon-input-secret',
  'INPUT_GITHUB-TOKEN': 'github-input-secret',
  INPUT_PROJECT: 'input-project-value',
  GITHUB_TOKEN: 'job-token-secret',
  GH_TOKEN: 'gh-token-secret',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-secret',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
  SPIN_AUTH_TOKEN: 'cli-env-fermyon-secret',
  SPINWASH_OCI_PASSWORD: 'registry-password-secret',
};
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const [name, value] of Object.entries({
    ...SECRETS,
    SPINWASH_HARMLESS: 'kept',
    PATH: pathWithFakes(),
  })) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** NAME=value lines → names. */
const names = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => line.slice(0, line.indexOf('=')));

describe('issue 22 item 4: what a child process inherits', () => {
  it("the user's build commands (`spin build`) see no input, job token or target token", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'spinwash-child-env-'));
    await writeFile(
      path.join(dir, 'spin.toml'),
      [
        'spin_manifest_version = 2',
        '[application]',
        'name = "env-probe"',
        '[[trigger.http]]',
        'route = "/..."',
        'component = "probe"',
        '[component.probe]',
        'source = "probe.wasm"',
        '[component.probe.build]',
        // the build command is the user's: it writes down everything it was given (node, not
        // sh's `env`: dash drops names such as INPUT_FERMYON-TOKEN before a child sees them)
        `command = "node ${path.join(dir, 'probe.cjs')}"`,
        '',
      ].join('\n'),
    );
    await writeFile(
      path.join(dir, 'probe.cjs'),
      `const fs = require('node:fs');
fs.writeFileSync('env.txt', Object.entries(process.env).map(([k, v]) => k + '=' + v).join('\\n'));
fs.writeFileSync('probe.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
`,
    );
    const project = await detectProject(dir, 'auto', {});
    await buildProject(project, { lto: 'true' }, new MemoryLogger());
    const env = await readFile(path.join(dir, 'env.txt'), 'utf8');
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(names(env), name).not.toContain(name);
      expect(env).not.toContain(value);
    }
    // what the build does need still arrives: PATH, the user's own variables, the profile tweaks
    expect(names(env)).toEqual(expect.arrayContaining(['PATH', 'SPINWASH_HARMLESS']));
    expect(env).toContain('CARGO_PROFILE_RELEASE_LTO=true');
  });

  it('a one-shot command and a server get a token only when handed it by name', async () => {
    const dump = [
      '-e',
      'for (const [k, v] of Object.entries(process.env)) console.log(k + "=" + v)',
    ];
    const plain = await execCapture(process.execPath, dump);
    for (const name of Object.keys(SECRETS)) expect(names(plain.stdout)).not.toContain(name);
    const handed = await execCapture(process.execPath, dump, {
      env: { SPIN_AUTH_TOKEN: 'for-the-plugin' },
    });
    expect(handed.stdout).toContain('SPIN_AUTH_TOKEN=for-the-plugin');
    expect(names(handed.stdout)).not.toContain('INPUT_GITHUB-TOKEN');

    const server = startProcess(process.execPath, dump);
    let out = '';
    server.child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await server.exited;
    expect(names(out)).toContain('SPINWASH_HARMLESS');
    for (const name of Object.keys(SECRETS)) expect(names(out)).not.toContain(name);
  });
});
