import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunPlan } from '../config/config.js';
import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ComponentSpec } from '../projects/project.js';
import type { ComponentReport, StageSizes } from '../report/model.js';
import { analyzeWasm, WasmFormatError } from '../wasm/index.js';
import { measureSizes } from './measure.js';
import { realFile, replaceWithOptimized, restoreRelease } from './release-copy.js';
import { InvalidResultError, shrinkWasm } from './shrink.js';

export interface OptimizeResult {
  components: ComponentReport[];
  seconds: number;
}

type OptimizeOptions = Pick<RunPlan, 'sections' | 'wasmOpt' | 'projectDir'> & {
  /** What the runtime check asks the build's file and the shrunk one (the deploy's health path). */
  readonly probePath?: string;
  /**
   * Refuse a file outside the project folder (a manifest's `source = "../x.wasm"`) unless
   * `allow-outside-project` is set. Off for a Cargo project, whose target folder may be anywhere.
   */
  readonly confineToProject?: boolean;
  readonly allowOutsideProject?: boolean;
};

/**
 * Strips (and with `wasm-opt`, optimizes) each built component, validates the result, puts it
 * where the build wrote (keeping the original beside it), and measures every stage. A file
 * is known by its real path: one used by several components is shrunk once and reported for
 * each, all but the first marked `sameFileAs` (counted once in totals and budgets).
 */
export async function optimizeComponents(
  components: readonly ComponentSpec[],
  options: OptimizeOptions,
  logger: Logger,
): Promise<OptimizeResult> {
  const started = performance.now();
  const reports: ComponentReport[] = [];
  const byFile = new Map<string, ComponentReport>();
  for (const spec of components) {
    if (!spec.built) {
      logger.info(`${spec.name}: not built here (remote source), skipped`);
      continue;
    }
    const file = await checkedFile(spec, options);
    const first = byFile.get(file);
    if (first) {
      logger.info(`${spec.name}: same file as ${first.name} (${file}), optimized once`);
      reports.push({
        ...first,
        name: spec.name,
        wasm: path.relative(options.projectDir, spec.wasmPath),
        sameFileAs: first.name,
      });
      continue;
    }
    const report = await optimizeOne(spec, file, options, logger);
    byFile.set(file, report);
    reports.push(report);
  }
  return { components: reports, seconds: (performance.now() - started) / 1000 };
}

/** The component's file by its real path, after checking it is a file the run may rewrite. */
async function checkedFile(spec: ComponentSpec, options: OptimizeOptions): Promise<string> {
  if (!existsSync(spec.wasmPath)) {
    throw new UserError(
      `The build did not produce ${spec.wasmPath} for ${spec.name}`,
      spec.manifest,
    );
  }
  const file = await realFile(spec.wasmPath);
  if (!(await stat(file)).isFile()) {
    throw new UserError(
      `${spec.name}: its source ${spec.wasmPath} is a folder, not a .wasm file; point it at the file the build writes`,
      spec.manifest,
    );
  }
  if (options.confineToProject && !options.allowOutsideProject) {
    // judged on the path the manifest names (`..` resolved): a link inside the project to a
    // shared target folder is the user's own arrangement, a `../other/x.wasm` is not
    const project = path.resolve(options.projectDir);
    const relative = path.relative(project, path.resolve(spec.wasmPath));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new UserError(
        `${spec.name}: its source ${spec.wasmPath} is outside the project folder ${project}, and spinwash rewrites the file it optimizes; ` +
          'set `allow-outside-project: true` (`--allow-outside-project`) to let it',
        spec.manifest,
      );
    }
  }
  return file;
}

async function optimizeOne(
  spec: ComponentSpec,
  file: string,
  options: OptimizeOptions,
  logger: Logger,
): Promise<ComponentReport> {
  // A file still holding our own output (a run without a build before it) is put back first,
  // so the release measured is always the build's.
  const restored = await restoreRelease(file);
  if (restored) {
    throw new UserError(`${spec.name}: ${restored}; build again`, spec.manifest);
  }
  const release = new Uint8Array(await readFile(file));
  const inFile = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof WasmFormatError) throw error.inFile(spec.wasmPath);
      throw error;
    }
  };
  const before = inFile(() => analyzeWasm(release));
  const shrunk = await shrinkWasm(release, {
    sections: options.sections,
    wasmOpt: options.wasmOpt,
    ...(options.probePath !== undefined ? { probePath: options.probePath } : {}),
  }).catch((error: unknown) => {
    if (error instanceof WasmFormatError) throw error.inFile(spec.wasmPath);
    if (error instanceof InvalidResultError) {
      throw new UserError(
        error.inputInvalid
          ? `${spec.name}: the build's ${spec.wasmPath} is not valid WebAssembly, nothing was replaced: ${error.message}`
          : `${spec.name}: the optimized wasm does not validate, nothing was replaced: ${error.message}`,
        spec.manifest,
      );
    }
    throw error;
  });
  for (const note of shrunk.strip.notes) logger.warning(`${spec.name}: ${note}`, spec.manifest);
  // shims, no gain, or a module binaryen cannot take: kept as it was, the run goes on
  for (const module of shrunk.modules) {
    if (module.status === 'kept') {
      logger.info(
        `${spec.name}: wasm-opt left ${module.path || 'the module'} as it was: ${module.reason ?? ''}`,
      );
    }
  }
  if (shrunk.runtime) {
    logger.info(`${spec.name}: checked on ${shrunk.runtime.runtime}: ${shrunk.runtime.detail}`);
  }
  if (options.wasmOpt && !shrunk.wasmOptChanged) {
    logger.info(`${spec.name}: wasm-opt changed nothing; the stripped file is the result`);
  }
  const final = shrunk.final;
  const stages: StageSizes[] = [
    { stage: 'release', ...measureSizes(release) },
    { stage: 'stripped', ...shrunk.sizes.stripped },
    ...(shrunk.sizes.optimized ? [{ stage: 'optimized' as const, ...shrunk.sizes.optimized }] : []),
  ];
  await replaceWithOptimized(file, release, final);
  const after = analyzeWasm(final);
  const last = stages[stages.length - 1]!;
  logger.info(`${spec.name}: ${stages.map((s) => `${s.stage} ${s.bytes} B`).join(' → ')}`);
  return {
    name: spec.name,
    wasm: path.relative(options.projectDir, spec.wasmPath),
    binaryKind: before.kind,
    stages,
    final: { bytes: last.bytes, gzipBytes: last.gzipBytes, brotliBytes: last.brotliBytes },
    sections: after.sections,
    ...(before.functions.length > 0 ? { functions: before.functions } : {}),
  };
}
