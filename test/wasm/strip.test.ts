import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeWasm } from '../../src/wasm/analyze.js';
import { engineValidates } from '../../src/wasm/engine.js';
import { coreModules, parseWasm } from '../../src/wasm/parse.js';
import { sectionPattern, stripCustomSections } from '../../src/wasm/strip.js';
import { validateWasm } from '../../src/wasm/validate.js';
import { runWasiCommand } from './support/run-wasi.js';
import { bytes, component, custom, nested } from './support/binaries.js';
import { buildSized, type SizedBuild } from './support/sized.js';

let debugModule: SizedBuild;
let releaseModule: SizedBuild;
let debugComponent: SizedBuild;

beforeAll(async () => {
  debugModule = await buildSized('wasm32-wasip1', 'debug');
  releaseModule = await buildSized('wasm32-wasip1', 'release');
  debugComponent = await buildSized('wasm32-wasip2', 'debug');
});

function customNames(bytes: Uint8Array): string[] {
  return analyzeWasm(bytes)
    .sections.map((s) => s.name)
    .filter((n) => n.includes('custom:'));
}

const sum = (sizes: { bytes: number }[]): number => sizes.reduce((total, s) => total + s.bytes, 0);

describe('analyzeWasm on real builds', () => {
  it('breaks a core module into its sections, largest first, adding up to the file', () => {
    const analysis = analyzeWasm(debugModule.bytes);
    expect(analysis.kind).toBe('module');
    expect(analysis.bytes).toBe(debugModule.bytes.length);
    expect(sum(analysis.sections) + 8).toBe(debugModule.bytes.length);
    const sizes = analysis.sections.map((s) => s.bytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const names = analysis.sections.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['code', 'data', 'type', 'custom:.debug_info', 'custom:name']),
    );
    // a debug build is mostly DWARF
    const debug = sum(analysis.sections.filter((s) => s.name.startsWith('custom:.debug_')));
    expect(debug).toBeGreaterThan(debugModule.bytes.length / 2);
  });

  it('names the largest functions from the name section, like twiggy top', () => {
    const analysis = analyzeWasm(releaseModule.bytes);
    expect(analysis.functions.length).toBe(20);
    const sizes = analysis.functions.map((f) => f.bytes);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(analysis.functions.every((f) => !f.name.startsWith('func['))).toBe(true);
    const code = analysis.sections.find((s) => s.name === 'code')!;
    expect(sum(analysis.functions)).toBeLessThan(code.bytes);
    // our own functions are there by name in a debug build (nothing inlined away)
    const all = analyzeWasm(debugModule.bytes)
      .functions.map((f) => f.name)
      .join('\n');
    expect(all).toMatch(/dlmalloc|fmt/);
  });

  it('breaks a component down into its nested modules, prefixed with their path', () => {
    const analysis = analyzeWasm(debugComponent.bytes);
    expect(analysis.kind).toBe('component');
    const names = analysis.sections.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['module[0]/code', 'module[0]/custom:.debug_info', 'module[1]/code']),
    );
    // the component's own sections keep their plain names
    expect(names).toEqual(expect.arrayContaining(['type', 'canon', 'core-instance']));
    expect(names.some((n) => n === 'core-module')).toBe(false);
    expect(analysis.functions[0]!.name).toMatch(/^module\[\d+\]\//);
  });
});

describe('stripCustomSections on real builds', () => {
  it('shrinks a debug module to a fraction, keeps it valid and working, keeps component-type', async () => {
    const { bytes, removed, notes } = stripCustomSections(debugModule.bytes);
    expect(bytes.length).toBeLessThan(debugModule.bytes.length / 5);
    expect(bytes.length).toBe(debugModule.bytes.length - sum(removed));
    expect(removed.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'custom:.debug_info',
        'custom:.debug_str',
        'custom:name',
        'custom:producers',
      ]),
    );
    expect(engineValidates(bytes)).toBe(true);
    expect(await runWasiCommand(bytes)).toBe(await runWasiCommand(debugModule.bytes));
    const left = customNames(bytes);
    expect(left).toContain('custom:component-type:sized');
    // kept on purpose: it tells wasm-opt which features the module uses
    expect(left).toContain('custom:target_features');
    expect(left.filter((n) => n.includes('.debug_'))).toEqual([]);
    expect(notes).toEqual([]);
  });

  it('is idempotent, and returns the bytes unchanged when there is nothing to remove', () => {
    const once = stripCustomSections(releaseModule.bytes).bytes;
    const twice = stripCustomSections(once);
    expect(twice.removed).toEqual([]);
    expect(Buffer.compare(twice.bytes, once)).toBe(0);
  });

  it('keep wins over the defaults; remove adds to them; * is a wildcard', () => {
    const keepNames = stripCustomSections(releaseModule.bytes, { keep: ['name', 'prod*'] });
    expect(customNames(keepNames.bytes)).toEqual(
      expect.arrayContaining(['custom:name', 'custom:producers']),
    );
    expect(analyzeWasm(keepNames.bytes).functions).toEqual(
      analyzeWasm(releaseModule.bytes).functions,
    );

    const removeFeatures = stripCustomSections(releaseModule.bytes, { remove: ['target_*'] });
    expect(customNames(removeFeatures.bytes)).toEqual(['custom:component-type:sized']);
    expect(removeFeatures.removed.map((r) => r.name)).toContain('custom:target_features');

    const keepOneDebug = stripCustomSections(debugModule.bytes, { keep: ['.debug_line'] });
    expect(customNames(keepOneDebug.bytes).filter((n) => n.includes('.debug_'))).toEqual([
      'custom:.debug_line',
    ]);
    expect(engineValidates(keepOneDebug.bytes)).toBe(true);
  });

  it('never removes component-type:*, even when asked, and says so', () => {
    const { bytes, notes, removed } = stripCustomSections(releaseModule.bytes, { remove: ['*'] });
    expect(customNames(bytes)).toEqual(['custom:component-type:sized']);
    expect(removed.map((r) => r.name)).not.toContain('custom:component-type:sized');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /"component-type:sized" was not removed: component-type:\* sections are never stripped/,
    );
  });

  it('strips inside every nested module of a component and re-encodes the sizes', async () => {
    const before = parseWasm(debugComponent.bytes);
    const { bytes, removed } = stripCustomSections(debugComponent.bytes);
    expect(bytes.length).toBeLessThan(debugComponent.bytes.length / 5);
    expect(bytes.length).toBeLessThan(debugComponent.bytes.length - sum(removed) + 64);
    expect(removed.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'module[0]/custom:.debug_info',
        'module[0]/custom:name',
        'module[1]/custom:name',
        'custom:component-name',
      ]),
    );
    const after = parseWasm(bytes);
    const modulesBefore = coreModules(before);
    const modulesAfter = coreModules(after);
    expect(modulesAfter.map((m) => m.path)).toEqual(modulesBefore.map((m) => m.path));
    for (const [i, { module }] of modulesAfter.entries()) {
      expect(module.sections.filter((s) => s.customName?.startsWith('.debug_'))).toEqual([]);
      expect(module.end - module.start).toBeLessThanOrEqual(
        modulesBefore[i]!.module.end - modulesBefore[i]!.module.start,
      );
      expect(engineValidates(bytes.subarray(module.start, module.end))).toBe(true);
    }
    // the component's own structure is untouched
    expect(after.sections.map((s) => s.name).filter((n) => !n.startsWith('custom:'))).toEqual(
      before.sections.map((s) => s.name).filter((n) => !n.startsWith('custom:')),
    );
    await expect(validateWasm(bytes)).resolves.toEqual({ kind: 'component' });
  });
});

describe('stripCustomSections on nested components', () => {
  it('strips a module two components deep and re-encodes every enclosing size', () => {
    const inner = [...releaseModule.bytes];
    const twoDeep = bytes(
      component(custom('producers', [0]), nested(component(nested(inner), custom('name', [1, 2])))),
    );
    const { bytes: out, removed } = stripCustomSections(twoDeep);
    expect(removed.map((r) => r.name).sort()).toEqual(
      expect.arrayContaining([
        'component[0]/custom:name',
        'component[0]/module[0]/custom:name',
        'custom:producers',
      ]),
    );
    const parsed = parseWasm(out);
    const [only] = coreModules(parsed);
    expect(only!.path).toBe('component[0]/module[0]');
    const module = out.subarray(only!.module.start, only!.module.end);
    expect(Buffer.compare(module, stripCustomSections(releaseModule.bytes).bytes)).toBe(0);
    // what went, plus at most a few bytes of shorter LEB128 sizes in the two enclosing headers
    const saved = twoDeep.length - out.length - sum(removed);
    expect(saved).toBeGreaterThanOrEqual(0);
    expect(saved).toBeLessThanOrEqual(4);
  });
});

describe('section patterns', () => {
  it.each([
    ['.debug_*', '.debug_info', true],
    ['.debug_*', 'x.debug_info', false],
    ['name', 'names', false],
    ['*', 'anything', true],
    ['component-type:*', 'component-type:wit-bindgen:0.41.0:hello:encoded world', true],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (pattern, name, matches) => {
    expect(sectionPattern(pattern).test(name)).toBe(matches);
  });
});
