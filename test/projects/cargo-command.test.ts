import { describe, expect, it } from 'vitest';
import {
  cargoBuildArgs,
  cargoBuildOf,
  commandSteps,
  parseCargoCommand,
} from '../../src/projects/cargo-command.js';

describe('the cargo command model', () => {
  it('reads target, profile, packages and manifest path in either flag spelling', () => {
    expect(
      parseCargoCommand(
        'cargo build --target=wasm32-wasip2 -r -p api --package web --manifest-path app/Cargo.toml --features x',
      ),
    ).toEqual({
      subcommand: 'build',
      target: 'wasm32-wasip2',
      profile: 'release',
      profileDir: 'release',
      manifestPath: 'app/Cargo.toml',
      packages: ['api', 'web'],
      otherArgs: [
        '--target=wasm32-wasip2',
        '-p',
        'api',
        '--package',
        'web',
        '--manifest-path',
        'app/Cargo.toml',
        '--features',
        'x',
      ],
      plainWords: true,
    });
  });

  it('maps profiles to the folder cargo writes: dev → debug, a custom profile → its name', () => {
    expect(parseCargoCommand('cargo build')?.profileDir).toBe('debug');
    expect(parseCargoCommand('cargo build --profile dev')?.profileDir).toBe('debug');
    expect(parseCargoCommand('cargo build --profile=small')?.profileDir).toBe('small');
  });

  it('leaves the profile choice and --message-format out of what a rebuild repeats', () => {
    const parsed = parseCargoCommand(
      'cargo build --release --message-format json --target wasm32-wasip1',
    );
    expect(parsed?.otherArgs).toEqual(['--target', 'wasm32-wasip1']);
  });

  it('reads a toolchain override, stops at a shell operator, and flags shell syntax', () => {
    expect(parseCargoCommand('cargo +nightly build --target wasm32-wasip1')).toMatchObject({
      subcommand: 'build',
      target: 'wasm32-wasip1',
    });
    expect(parseCargoCommand('cargo build --release && cp a b')?.otherArgs).toEqual([]);
    expect(parseCargoCommand('cargo build --features "a b"')?.plainWords).toBe(false);
    expect(parseCargoCommand('npm run build')).toBeUndefined();
    expect(parseCargoCommand('cargo fetch --offline')?.subcommand).toBe('fetch');
  });

  it('finds the cargo build among chained steps', () => {
    expect(commandSteps('cargo fetch && cargo build --target wasm32-wasip1; echo ok')).toEqual([
      'cargo fetch',
      'cargo build --target wasm32-wasip1',
      'echo ok',
    ]);
    expect(cargoBuildOf('cargo fetch && cargo build --target wasm32-wasip1')?.target).toBe(
      'wasm32-wasip1',
    );
    expect(cargoBuildOf('make wasm')).toBeUndefined();
  });

  it('writes the release build spinwash and wash 0.x run', () => {
    expect(cargoBuildArgs({ target: 'wasm32-wasip2', packages: ['a'] })).toEqual([
      'build',
      '--release',
      '--target',
      'wasm32-wasip2',
      '-p',
      'a',
    ]);
    expect(cargoBuildArgs({ target: 'wasm32-wasip1', release: false })).toEqual([
      'build',
      '--target',
      'wasm32-wasip1',
    ]);
  });
});
