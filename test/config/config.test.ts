import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildConfig } from '../../src/config/config.js';
import { allInputs, type RawInputs } from '../../src/config/inputs.js';
import { UserError } from '../../src/errors.js';
import { profileEnv } from '../../src/stages/build.js';

const root = path.resolve(import.meta.dirname, '../..');
const project = mkdtempSync(path.join(tmpdir(), 'spinwash-config-'));

describe('buildConfig', () => {
  it('takes the defaults of action.yml: the release-profile tweaks, local deploy, no wasm-opt', () => {
    const config = buildConfig({ project }, root);
    expect(config.projectDir).toBe(project);
    // the plan carries the target itself; its name is the `deploy` value chosen
    // no health path: the deploy asks the app's first route, known once the project is read
    expect({ ...config.deploy, target: config.deploy.target?.name }).toEqual({
      target: 'local',
      timeoutSeconds: 60,
      preview: false,
      options: undefined,
      secrets: {},
    });
    expect(config.wasmOpt).toBe(false);
    expect(profileEnv(config.profile)).toEqual({
      CARGO_PROFILE_RELEASE_LTO: 'true',
      CARGO_PROFILE_RELEASE_OPT_LEVEL: 'z',
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '1',
      CARGO_PROFILE_RELEASE_PANIC: 'abort',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('leaves a tweak to Cargo.toml when it is `inherit`', () => {
    const config = buildConfig(
      { project, lto: 'inherit', 'opt-level': 's', 'cargo-strip': 'debuginfo' },
      root,
    );
    expect(profileEnv(config.profile)).toEqual({
      CARGO_PROFILE_RELEASE_OPT_LEVEL: 's',
      CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '1',
      CARGO_PROFILE_RELEASE_PANIC: 'abort',
      CARGO_PROFILE_RELEASE_STRIP: 'debuginfo',
    });
  });

  it('accepts a health path with a query, and an hour of deploy timeout', () => {
    const config = buildConfig(
      { project, 'health-path': '/health?ready=1', 'deploy-timeout': '3600' },
      root,
    );
    expect({ ...config.deploy, target: config.deploy.target?.name }).toMatchObject({
      target: 'local',
      healthPath: '/health?ready=1',
      timeoutSeconds: 3600,
    });
    expect(config.githubTimeoutSeconds).toBe(180);
    expect(config.allowOutsideProject).toBe(false);
  });

  it('refuses, before any work, a report path that is a folder or lies below a file; missing folders are fine', () => {
    expect(() => buildConfig({ project, 'report-path': '.' }, project)).toThrow(
      /^Input `report-path` has the value ".": .* is a folder; accepted: a file path \(missing folders are made\)$/,
    );
    const file = path.join(project, 'a-file');
    writeFileSync(file, '');
    expect(() => buildConfig({ project, 'report-path': 'a-file/deeper/r.json' }, project)).toThrow(
      /^Input `report-path` has the value "a-file\/deeper\/r.json": .*a-file is a file, not a folder; accepted/,
    );
    expect(
      buildConfig({ project, 'report-path': 'no/such/dir/r.json' }, project).output.jsonPath,
    ).toBe(path.join(project, 'no/such/dir/r.json'));
  });

  it('splits section lists on commas and newlines', () => {
    const config = buildConfig({ project, 'keep-sections': 'name, producers\n.debug_line' }, root);
    expect(config.sections.keep).toEqual(['name', 'producers', '.debug_line']);
  });

  // Each bad value: the message names the input, the value, and what is accepted.
  const bad: [RawInputs, RegExp][] = [
    [{ deploy: 'heroku' }, /`deploy` has the value "heroku"; accepted: `local`, .*`none`$/],
    [{ 'wasm-opt': 'ture' }, /`wasm-opt` has the value "ture"; accepted: `true` or `false`/],
    [{ comment: 'yes' }, /`comment` has the value "yes"/],
    [
      { 'opt-level': 'x' },
      /`opt-level` has the value "x"; accepted: `0`, `1`, `2`, `3`, `s`, `z`, `inherit`/,
    ],
    [
      { 'codegen-units': '0' },
      /`codegen-units` has the value "0"; accepted: a whole number from 1 to 256/,
    ],
    [
      { 'codegen-units': '99999999999999999999' },
      /`codegen-units` has the value "99999999999999999999"; accepted: a whole number from 1 to 256/,
    ],
    [
      // 3,000,000 s overflows a timer into an instant false timeout: refused, with the limit
      { 'deploy-timeout': '3000000' },
      /`deploy-timeout` has the value "3000000"; accepted: a number greater than 0 and at most 3600/,
    ],
    [{ 'github-timeout': '0' }, /`github-timeout` has the value "0"; accepted: a number greater/],
    [
      { 'allow-outside-project': 'yes' },
      /`allow-outside-project` has the value "yes"; accepted: `true` or `false`/,
    ],
    [{ lto: 'yes' }, /`lto` has the value "yes"/],
    [
      { 'deploy-timeout': '-3' },
      /`deploy-timeout` has the value "-3"; accepted: a number greater than 0/,
    ],
    [
      { 'health-path': 'healthz' },
      /`health-path` has the value "healthz"; accepted: a path starting with a single `\/`/,
    ],
    // a probe sent to another host would report that host's answer as the app's
    ...['//other-host:8080/x', '/\\other-host/x', '/ok path'].map((value): [RawInputs, RegExp] => [
      { 'health-path': value },
      /`health-path` has the value ".*"; accepted: a path starting with a single `\/` \(such as `\/health`\), on the deployed app/,
    ]),
    [{ project: 'no/such/folder' }, /`project` has the value "no\/such\/folder": no such folder/],
  ];
  it.each(bad)('rejects %j', (inputs, message) => {
    expect(() => buildConfig({ project, ...inputs }, root)).toThrow(UserError);
    expect(() => buildConfig({ project, ...inputs }, root)).toThrow(message);
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string; description: string }>;
    outputs: Record<string, unknown>;
    runs: { using: string; main: string };
  };

  it('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(allInputs()).sort());
    for (const [name, input] of Object.entries(allInputs())) {
      expect(action.inputs[name]?.default, name).toBe(input.default);
      expect(action.inputs[name]?.description, name).toBe(input.description);
    }
  });

  it('runs the bundle on node24 and documents every output', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.outputs).sort()).toEqual(
      [
        'alert-issue-url',
        'app-count',
        'app-url',
        'bench-alert',
        'bench-median-seconds',
        'comment-dir',
        'comment-url',
        'deploy-seconds',
        'gzip-bytes',
        'matrix',
        'report-path',
        'size-bytes',
        'wasm-path',
      ].sort(),
    );
  });
});
