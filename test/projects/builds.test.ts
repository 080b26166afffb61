import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLogger } from '../../src/log.js';
import { detectProject } from '../../src/projects/detect.js';
import { rustTargetsOf } from '../../src/projects/targets.js';
import { profileEnv } from '../../src/stages/build.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from './fixtures.js';

// The pipeline's default tweaks: std is built once for them and shared with the other tests.
const ENV = profileEnv({ lto: 'true', optLevel: 'z', codegenUnits: 1, panic: 'abort' });
const savedPath = process.env.PATH;
const copies: FixtureCopy[] = [];
beforeAll(() => {
  process.env.PATH = pathWithFakes();
});
afterAll(() => {
  process.env.PATH = savedPath;
  copies.forEach((c) => c.remove());
});

/** `\0asm` then version 0x0d 0x00, layer 0x01 0x00: a component, not a core module. */
const isComponent = (bytes: Buffer): boolean =>
  bytes.readUInt32LE(0) === 0x6d736100 && bytes.readUInt32LE(4) === 0x0001000d;

describe('each project kind builds for real from its fixture', () => {
  it('Spin v4 template: `spin build` writes a wasm32-wasip2 component where spin.toml says', async () => {
    const copy = copyFixture('spin/v4');
    copies.push(copy);
    const project = await detectProject(copy.dir);
    expect(rustTargetsOf(project)).toEqual(['wasm32-wasip2']);
    await project.build({ env: ENV, logger: new MemoryLogger() });
    const wasm = project.components[0]!.wasmPath;
    expect(isComponent(readFileSync(wasm))).toBe(true);
  });

  it('a Cargo workspace: both wasm members are built', async () => {
    const copy = copyFixture('cargo-workspace');
    copies.push(copy);
    const project = await detectProject(copy.dir, 'cargo');
    expect(project.components).toHaveLength(2);
    const logger = new MemoryLogger();
    await project.build({ env: ENV, logger });
    for (const component of project.components) {
      expect(existsSync(component.wasmPath)).toBe(true);
      expect(readFileSync(component.wasmPath).readUInt32LE(0)).toBe(0x6d736100);
    }
  });

  it('names the Rust targets of the other kinds, for setup to check', async () => {
    const multi = copyFixture('spin/multi', []);
    const wash = copyFixture('wash/v1', []);
    copies.push(multi, wash);
    expect(rustTargetsOf(await detectProject(multi.dir))).toEqual(['wasm32-wasip1']);
    expect(rustTargetsOf(await detectProject(wash.dir))).toEqual(['wasm32-wasip2']);
  });
});
