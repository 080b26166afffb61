import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MemoryLogger } from '../../src/log.js';
import { detectProject } from '../../src/projects/detect.js';
import type { Project } from '../../src/projects/project.js';
import { profileEnv } from '../../src/stages/build.js';
import { optimizeComponents } from '../../src/stages/optimize-components.js';
import { parseWasm } from '../../src/wasm/parse.js';
import { rewriteWasm } from '../../src/wasm/rewrite.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from '../projects/fixtures.js';
import { pathWithWasmtime } from '../support/wasmtime.js';
import { SPIN_HTTP_RUST } from './apps.js';

/**
 * A fault put into the strip step on purpose (the real strip, then the `component-type:*`
 * sections it must keep dropped after it): every validator accepts the result, and the
 * optimize stage refuses it on wasmtime and leaves the build's file as it was.
 */
const fault = vi.hoisted(() => ({ dropComponentTypes: false }));
vi.mock('../../src/wasm/strip.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/wasm/strip.js')>();
  return {
    ...real,
    stripCustomSections: (...args: Parameters<typeof real.stripCustomSections>) => {
      const result = real.stripCustomSections(...args);
      if (!fault.dropComponentTypes) return result;
      const bytes = rewriteWasm(parseWasm(result.bytes), {
        keep: (section) => !(section.customName?.startsWith('component-type') ?? false),
      });
      return { ...result, bytes };
    },
  };
});

const ENV = profileEnv({ lto: 'true', optLevel: 'z', codegenUnits: 1, panic: 'abort' });
const savedPath = process.env.PATH;
let copy: FixtureCopy;
let project: Project;

beforeAll(async () => {
  process.env.PATH = pathWithWasmtime(pathWithFakes());
  copy = copyFixture(SPIN_HTTP_RUST.fixture, SPIN_HTTP_RUST.crates);
  project = await detectProject(copy.dir);
  await project.build({ env: ENV, logger: new MemoryLogger() });
}, 1_200_000);
afterAll(() => {
  process.env.PATH = savedPath;
  copy?.remove();
});

describe('the optimize stage on wasmtime', () => {
  const options = () => ({
    sections: { keep: [], remove: [] },
    wasmOpt: false,
    projectDir: copy.dir,
    probePath: '/',
  });

  it('refuses a shrunk Spin module that lost its component-type sections, and replaces nothing', async () => {
    const wasm = project.components[0]!.wasmPath;
    const built = readFileSync(wasm);
    fault.dropComponentTypes = true;
    try {
      const error = await optimizeComponents(
        project.components,
        options(),
        new MemoryLogger(),
      ).then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
      expect(error).toBeInstanceOf(UserError);
      expect(error!.message).toMatch(
        /^spin-hello: the optimized wasm does not validate, nothing was replaced: the shrunk wasm can no longer be made a component the way Spin and wasmtime load it/,
      );
    } finally {
      fault.dropComponentTypes = false;
    }
    expect(readFileSync(wasm).equals(built)).toBe(true);
    expect(existsSync(`${wasm}.orig`)).toBe(false);
  });

  it('the same stage without the fault shrinks the file and says what wasmtime answered', async () => {
    const logger = new MemoryLogger();
    const { components } = await optimizeComponents(project.components, options(), logger);
    expect(components[0]!.final.bytes).toBeLessThan(components[0]!.stages[0]!.bytes);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^spin-hello: checked on wasmtime [\d.]+: the shrunk wasm answered GET \/ with 200/,
      ),
    );
    expect(path.basename(project.components[0]!.wasmPath)).toBe('spin_hello.wasm');
  });
});
