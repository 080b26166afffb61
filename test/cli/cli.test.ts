import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/config/inputs.js';
import { DEPLOY_CHOICES } from '../../src/deploy/registry.js';
import { copyFixture, type FixtureCopy } from '../projects/fixtures.js';
import { runCli } from '../support/cli.js';

/** Each run starts in an empty folder of its own, below one removed at the end. */
const folders = mkdtempSync(path.join(tmpdir(), 'spinwash-cli-'));
afterAll(() => rmSync(folders, { recursive: true, force: true }));
const cli = (...argv: string[]) => runCli(mkdtempSync(path.join(folders, 'run-')), ...argv);

describe('the spinwash CLI', () => {
  it('lists its commands with --help, and exits 2 with no command', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Commands:\n {2}run /);
    expect((await cli()).code).toBe(2);
  });

  it('`run --help` lists every flag, one for each input a laptop run can use', async () => {
    const { code, stdout } = await cli('run', '--help');
    expect(code).toBe(0);
    for (const flag of [
      '--project',
      '--deploy',
      '--wasm-opt',
      '--json',
      '--markdown',
      '--lto',
      '--opt-level',
    ]) {
      expect(stdout).toContain(`  ${flag}`);
    }
    expect(stdout).toContain(`(default: ${INPUTS.deploy.default})`);
    expect(stdout).not.toContain('--github-token');
  });

  it('ends a bad flag value in one clear line naming the flag, as bad usage (exit code 2)', async () => {
    const accepted = DEPLOY_CHOICES.map((c) => `\`${c}\``).join(', ');
    const { code, stderr, stdout } = await cli('run', '--deploy', 'heroku');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `spinwash: error: \`--deploy\` has the value "heroku"; accepted: ${accepted} (see \`spinwash run --help\`)\n`,
    );
    // a near miss of the closed set says which value was meant
    const typo = await cli('run', '--deploy', 'locl');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      `spinwash: error: \`--deploy\` has the value "locl"; accepted: ${accepted}; did you mean \`local\`? (see \`spinwash run --help\`)\n`,
    );
    expect((await cli('run', '--wasm-opt', '--lto', 'ture')).stderr).toContain(
      'did you mean `true`?',
    );
    // a folder that is not there is a usage error too, not an empty plan
    const plan = await cli('plan', '--project', 'apps-typo');
    expect(plan.code).toBe(2);
    expect(plan.stdout).toBe('');
    expect(plan.stderr).toMatch(
      /^spinwash: error: `--project` has the value "apps-typo": no such folder \(.*apps-typo\)/,
    );
  });

  it('speaks of flags and environment variables, never of inputs or the step', async () => {
    const { stdout } = await cli('run', '--help');
    expect(stdout).not.toMatch(/\binput\b|the step\b/);
    expect(stdout).toContain('same as `local` with `--runtime spin`');
    expect(stdout).toMatch(
      / {2}SPINWASH_OCI_PASSWORD +Registry password or token\. \(--deploy oci, kubernetes\)/,
    );
    const preview = await cli('run', '--project', '.', '--preview', '--deploy', 'local');
    expect(preview.stderr).toMatch(
      /^spinwash: error: `--preview` is `true` but `--deploy` is `local`/,
    );
  });

  it('refuses an unknown flag and an unknown command: exit code 2 and one line, alike for every command', async () => {
    const flag = await cli('run', '--wasmopt');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(
      /^spinwash: error: Unknown option '--wasmopt'.* \(see `spinwash run --help`\)\n$/,
    );
    for (const command of ['optimize', 'inspect']) {
      const bad = await cli(command, '--bogus');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(
        new RegExp(`^spinwash: error: .*--bogus.* \\(see \`spinwash ${command} --help\`\\)\\n$`),
      );
    }
    const command = await cli('deploy');
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(
      /^spinwash: error: unknown command "deploy"; commands: run, optimize, inspect/,
    );
  });

  it('every command answers --help and -h with its usage on stdout and exit code 0', async () => {
    for (const command of ['run', 'optimize', 'inspect']) {
      for (const flag of ['--help', '-h']) {
        const { code, stdout, stderr } = await cli(command, flag);
        expect([command, flag, code, stderr]).toEqual([command, flag, 0, '']);
        expect(stdout).toMatch(/usage: spinwash /i);
      }
    }
  });

  it('names the folder and what it looked for when the folder holds no project', async () => {
    const empty = mkdtempSync(path.join(folders, 'noproject-'));
    const { code, stderr } = await cli('run', '--project', empty, '--deploy', 'none');
    expect(code).toBe(2);
    expect(stderr).toContain(
      `spinwash: error: No project found in ${empty}: expected spin.toml (Spin)`,
    );
    expect(stderr).toContain('or Cargo.toml (Cargo)');
  });

  it('without its CLI on PATH, a wasmCloud project or a target that runs spin says which flag installs it, before any build', async () => {
    const saved = process.env.PATH;
    // PATH without any spin or wash (the fake ones included)
    process.env.PATH = (saved ?? '')
      .split(path.delimiter)
      .filter((dir) => !existsSync(path.join(dir, 'spin')) && !existsSync(path.join(dir, 'wash')))
      .join(path.delimiter);
    const copies: FixtureCopy[] = [];
    try {
      // a Spin app builds without spin (its plain commands), but `spin up` is spin
      for (const [fixture, tool, deploy, why] of [
        ['spin/v4', 'spin', 'spin-up', '`--deploy spin-up` runs it'],
        ['wash/v1', 'wash', 'none', 'a wasmCloud project is built with `wash build`'],
      ] as const) {
        const copy = copyFixture(fixture, []);
        copies.push(copy);
        const { code, stderr } = await cli('run', '--project', copy.dir, '--deploy', deploy);
        expect(code).toBe(1);
        expect(stderr).toContain(
          `\nspinwash: error: ${tool} was not found on PATH, and ${why}: set \`--${tool}-version\` (\`latest\` or a version such as`,
        );
        expect(stderr).toMatch(new RegExp(`or put ${tool} on PATH\n$`));
        expect(existsSync(path.join(copy.dir, 'target', 'wasm32-wasip2'))).toBe(false);
      }
    } finally {
      process.env.PATH = saved;
      copies.forEach((c) => c.remove());
    }
  });
});
