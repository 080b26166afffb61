import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { compilerLocation, lastCargoError, loadCargoProject } from '../../src/projects/cargo.js';
import { buildProject } from '../../src/stages/build.js';
import { snapshotTree } from '../support/tree.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/rust');

describe('the Cargo build stage', () => {
  it('refuses a project folder without a Cargo.toml, naming the folder', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'spinwash-empty-'));
    await expect(loadCargoProject(empty)).rejects.toThrow(`No Cargo.toml in ${empty}`);
  });

  it('refuses a Cargo.toml that builds no wasm', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-nolib-'));
    writeFileSync(
      path.join(dir, 'Cargo.toml'),
      '[package]\nname = "nolib"\nversion = "0.1.0"\nedition = "2021"\n[lib]\npath = "lib.rs"\n',
    );
    writeFileSync(path.join(dir, 'lib.rs'), '');
    await expect(loadCargoProject(dir)).rejects.toThrow(
      /builds no wasm: add `\[lib\] crate-type = \["cdylib"\]`/,
    );
  });

  it('fails a crate that does not compile with the compiler error, and changes none of its files', async () => {
    const dir = path.join(fixtures, 'broken');
    const before = snapshotTree(dir);
    const project = await loadCargoProject(dir);
    expect(project.components.map((c) => path.basename(c.wasmPath))).toEqual(['broken.wasm']);
    const error = await buildProject(
      project,
      { lto: 'true', optLevel: 'z' },
      new MemoryLogger(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^cargo build failed \(exit code 101\):\nerror\[E0308\]: mismatched types/,
    );
    expect((error as UserError).message).toContain('src/lib.rs:4');
    // the annotation points at the compiler's file and line, not at Cargo.toml
    expect((error as UserError).file).toBe(path.join(dir, 'src', 'lib.rs'));
    expect((error as UserError).line).toBe(4);
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('compilerLocation', () => {
  it('finds the `-->` file under the folders cargo may have printed it relative to', () => {
    const dir = path.join(fixtures, 'broken');
    const error = 'error[E0308]: mismatched types\n --> src/lib.rs:4:5\n  |';
    expect(compilerLocation(error, ['/nonexistent', dir])).toEqual({
      file: path.join(dir, 'src', 'lib.rs'),
      line: 4,
    });
    expect(compilerLocation(error, ['/nonexistent'])).toBeUndefined();
    expect(compilerLocation('error: linker failed', [dir])).toBeUndefined();
  });
});

describe('lastCargoError', () => {
  it('takes the last error block, not the summary line nor the warnings', () => {
    const log = [
      'warning: unused variable: `x`',
      '',
      'error[E0425]: cannot find value `y` in this scope',
      ' --> src/lib.rs:3:5',
      '',
      'error: could not compile `demo` (lib) due to 1 previous error',
    ].join('\n');
    expect(lastCargoError(log)).toBe(
      'error[E0425]: cannot find value `y` in this scope\n --> src/lib.rs:3:5',
    );
  });
});
