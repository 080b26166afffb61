import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { optimizeComponents } from '../../src/stages/optimize-components.js';

const options = { sections: { keep: [], remove: [] }, wasmOpt: true, projectDir: '/' };

describe('the optimize stage on bad input', () => {
  it('refuses a .wasm that is not wasm, naming the file and what it expected, and leaves it as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-notwasm-'));
    const wasm = path.join(dir, 'app.wasm');
    writeFileSync(wasm, 'this is not wasm, it is a text file\n');
    const spec = {
      name: 'app',
      wasmPath: wasm,
      manifest: path.join(dir, 'Cargo.toml'),
      built: true,
    };
    const error = await optimizeComponents([spec], options, new MemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(wasm);
    expect((error as Error).message).toMatch(/offset 0.*magic/i);
    expect(readFileSync(wasm, 'utf8')).toBe('this is not wasm, it is a text file\n');
    expect(existsSync(`${wasm}.orig`)).toBe(false);
  });

  it('says which build output is missing, against the manifest that declares it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spinwash-missing-'));
    const spec = {
      name: 'app',
      wasmPath: path.join(dir, 'app.wasm'),
      manifest: path.join(dir, 'spin.toml'),
      built: true,
    };
    const error = await optimizeComponents([spec], options, new MemoryLogger()).catch(
      (e: unknown) => e,
    );
    expect((error as UserError).message).toBe(`The build did not produce ${spec.wasmPath} for app`);
    expect((error as UserError).file).toBe(spec.manifest);
  });
});
