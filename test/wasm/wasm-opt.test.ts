import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { analyzeWasm } from '../../src/wasm/analyze.js';
import { engineValidates } from '../../src/wasm/engine.js';
import { targetFeatures } from '../../src/wasm/module-info.js';
import { optimizeWasm, type ModuleOptimization } from '../../src/wasm/wasm-opt.js';
import { coreModules, parseWasm } from '../../src/wasm/parse.js';
import { stripCustomSections } from '../../src/wasm/strip.js';
import { validateWasm } from '../../src/wasm/validate.js';
import {
  answerModule,
  bytes,
  component,
  custom,
  module,
  nested,
  section,
} from './support/binaries.js';
import { runCliComponent } from './support/run-component.js';
import { runWasiCommand } from './support/run-wasi.js';
import { buildSized, type SizedBuild } from './support/sized.js';

let releaseModule: SizedBuild;
let debugComponent: SizedBuild;

beforeAll(async () => {
  releaseModule = await buildSized('wasm32-wasip1', 'release');
  debugComponent = await buildSized('wasm32-wasip2', 'debug');
});

describe('optimizeWasm (binaryen in-process)', () => {
  it('makes a stripped release module smaller, valid, and still printing the same', async () => {
    // current Rust uses these by default; reading and writing them back must work
    const features = targetFeatures(parseWasm(releaseModule.bytes))!.used;
    expect(features).toEqual(
      expect.arrayContaining(['bulk-memory', 'sign-ext', 'multivalue', 'reference-types']),
    );

    const stripped = stripCustomSections(releaseModule.bytes).bytes;
    const reports: ModuleOptimization[] = [];
    const optimized = await optimizeWasm(stripped, { onModule: (m) => reports.push(m) });
    expect(optimized.length).toBeLessThan(stripped.length);
    expect(engineValidates(optimized)).toBe(true);
    expect(await runWasiCommand(optimized)).toBe(await runWasiCommand(releaseModule.bytes));
    expect(reports).toEqual([
      { path: '', bytesBefore: stripped.length, bytesAfter: optimized.length, status: 'optimized' },
    ]);
  });

  it('shrinks a module from an older toolchain that lists bulk-memory without bulk-memory-opt (binaryen aborted on it)', async () => {
    // Rust ≤ 1.86 (LLVM 19) declared bulk-memory and reference-types before their `-opt` and
    // `-overlong` parts had names: the same real module, with the features section such a
    // toolchain wrote
    const older = ['bulk-memory', 'multivalue', 'mutable-globals', 'nontrapping-fptoint'];
    const declared = [...older, 'reference-types', 'sign-ext'];
    const withoutFeatures = stripCustomSections(releaseModule.bytes, {
      remove: ['target_features'],
    }).bytes;
    const features = custom('target_features', [
      declared.length,
      ...declared.flatMap((f) => [0x2b, f.length, ...new TextEncoder().encode(f)]),
    ]);
    const input = new Uint8Array([...withoutFeatures, ...features]);
    expect(targetFeatures(parseWasm(input))!.used).toEqual(declared);
    const reports: ModuleOptimization[] = [];
    const optimized = await optimizeWasm(input, { onModule: (m) => reports.push(m) });
    expect(reports).toEqual([
      { path: '', bytesBefore: input.length, bytesAfter: optimized.length, status: 'optimized' },
    ]);
    expect(optimized.length).toBeLessThan(input.length * 0.9);
    expect(engineValidates(optimized)).toBe(true);
    expect(await runWasiCommand(optimized)).toBe(await runWasiCommand(releaseModule.bytes));
  });

  it('drops DWARF, which binaryen cannot keep correct through -Oz', async () => {
    const withDwarf = bytes(
      answerModule(custom('.debug_info', [1, 2, 3]), custom('.debug_line', [4, 5])),
    );
    const optimized = await optimizeWasm(withDwarf);
    const names = analyzeWasm(optimized).sections.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('custom:'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['code', 'export']));
    expect(engineValidates(optimized)).toBe(true);
  });

  it('optimizes each core module of a stripped debug component, skips the shims; the component stays valid and runs', async () => {
    const stripped = stripCustomSections(debugComponent.bytes).bytes;
    const reports: ModuleOptimization[] = [];
    const optimized = await optimizeWasm(stripped, { onModule: (m) => reports.push(m) });
    expect(optimized.length).toBeLessThan(stripped.length);
    await expect(validateWasm(optimized)).resolves.toEqual({ kind: 'component' });

    const before = coreModules(parseWasm(stripped));
    const after = coreModules(parseWasm(optimized));
    expect(reports.map((r) => r.path)).toEqual(before.map((m) => m.path));
    expect(after.map((m) => m.path)).toEqual(before.map((m) => m.path));
    for (const [i, report] of reports.entries()) {
      const size = after[i]!.module.end - after[i]!.module.start;
      expect(report.bytesAfter).toBe(size);
      if (report.status === 'optimized') expect(size).toBeLessThan(report.bytesBefore);
      else expect(size).toBe(report.bytesBefore);
      expect(after[i]!.module.sections.some((s) => s.customName?.startsWith('.debug_'))).toBe(
        false,
      );
    }
    // the main module and the preview1 adapter shrink; wit-component's shim and fixups are left
    expect(reports.filter((r) => r.status === 'optimized').length).toBeGreaterThanOrEqual(2);
    const shims = reports.filter((r) => r.status === 'kept');
    expect(shims.every((r) => /wit-component shim/.test(r.reason ?? ''))).toBe(true);
    // jco can still transpile it, and it prints what the same program built for wasip1 prints
    expect(await runCliComponent(optimized)).toBe(await runWasiCommand(releaseModule.bytes));
  });

  it('keeps a nested module it cannot optimize as it was, reports why, and optimizes the rest', async () => {
    // a module whose function body claims the wrong type: it parses, but no engine accepts it
    const invalid = module(
      section(1, [0x01, 0x60, 0x00, 0x01, 0x7f]),
      section(3, [0x01, 0x00]),
      section(10, [0x01, 0x02, 0x00, 0x0b]),
    );
    const stripped = stripCustomSections(releaseModule.bytes).bytes;
    const mixed = bytes(component(nested(invalid), nested([...stripped])));
    const reports: ModuleOptimization[] = [];
    const optimized = await optimizeWasm(mixed, { onModule: (m) => reports.push(m) });
    expect(reports[0]).toMatchObject({
      path: 'module[0]',
      status: 'kept',
      bytesAfter: invalid.length,
    });
    expect(reports[0]!.reason).toMatch(/does not validate/);
    expect(reports[1]).toMatchObject({ path: 'module[1]', status: 'optimized' });
    const [first, second] = coreModules(parseWasm(optimized));
    expect(
      Buffer.compare(optimized.subarray(first!.module.start, first!.module.end), bytes(invalid)),
    ).toBe(0);
    expect(second!.module.end - second!.module.start).toBeLessThan(stripped.length);
  });

  it('leaves a module alone when wasm-opt cannot shrink it', async () => {
    const tiny = bytes(answerModule());
    const reports: ModuleOptimization[] = [];
    const out = await optimizeWasm(tiny, { onModule: (m) => reports.push(m) });
    expect(out.length).toBeLessThanOrEqual(tiny.length);
    expect(engineValidates(out)).toBe(true);
  });
});

describe('validateWasm', () => {
  it('accepts real modules and components and names what is wrong otherwise', async () => {
    await expect(validateWasm(releaseModule.bytes)).resolves.toEqual({ kind: 'module' });
    await expect(validateWasm(debugComponent.bytes)).resolves.toEqual({ kind: 'component' });

    const badBody = bytes(
      module(
        section(1, [0x01, 0x60, 0x00, 0x01, 0x7f]),
        section(3, [0x01, 0x00]),
        section(10, [0x01, 0x02, 0x00, 0x0b]),
      ),
    );
    await expect(validateWasm(badBody, 'bad.wasm')).rejects.toThrow(UserError);
    await expect(validateWasm(badBody, 'bad.wasm')).rejects.toThrow(
      /^bad\.wasm is not a valid WebAssembly module: /,
    );

    // a component whose structure wasm-tools rejects: it exports a function it never defined
    const dangling = bytes(component(section(11, [0x01, 0x00, ...[0x01, 0x66], 0x01, 0x05, 0x00])));
    await expect(validateWasm(dangling, 'c.wasm')).rejects.toThrow(
      /^c\.wasm is not a valid WebAssembly component \(wasm-tools\): /,
    );

    const inside = bytes(component(nested([...badBody])));
    await expect(validateWasm(inside, 'c.wasm')).rejects.toThrow(
      /^core module module\[0\] of c\.wasm is not a valid WebAssembly module/,
    );
  });
});
