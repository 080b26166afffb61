import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { UserError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import type { ComponentSpec } from '../projects/project.js';
import type { ComponentReport, StageSizes } from '../report/model.js';
import {
  analyzeWasm,
  optimizeWasm,
  stripCustomSections,
  validateWasm,
  WasmFormatError,
} from '../wasm/index.js';
import { measureSizes } from './measure.js';
import { replaceWithOptimized } from './release-copy.js';

export interface OptimizeResult {
  components: ComponentReport[];
  seconds: number;
}

type OptimizeOptions = Pick<Config, 'sections' | 'wasmOpt' | 'projectDir'>;

/**
 * Strips (and with `wasm-opt`, optimizes) each built component, validates the result, puts it
 * where the build wrote (keeping the original beside it), and measures every stage.
 */
export async function optimizeComponents(
  components: readonly ComponentSpec[],
  options: OptimizeOptions,
  logger: Logger,
): Promise<OptimizeResult> {
  const started = performance.now();
  const reports: ComponentReport[] = [];
  for (const spec of components) {
    if (!spec.built) {
      logger.info(`${spec.name}: not built here (remote source), skipped`);
      continue;
    }
    reports.push(await optimizeOne(spec, options, logger));
  }
  return { components: reports, seconds: (performance.now() - started) / 1000 };
}

async function optimizeOne(
  spec: ComponentSpec,
  options: OptimizeOptions,
  logger: Logger,
): Promise<ComponentReport> {
  if (!existsSync(spec.wasmPath)) {
    throw new UserError(
      `The build did not produce ${spec.wasmPath} for ${spec.name}`,
      spec.manifest,
    );
  }
  const release = new Uint8Array(await readFile(spec.wasmPath));
  const inFile = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof WasmFormatError) throw error.inFile(spec.wasmPath);
      throw error;
    }
  };
  const before = inFile(() => analyzeWasm(release));
  const strip = inFile(() => stripCustomSections(release, options.sections));
  for (const note of strip.notes) logger.warning(`${spec.name}: ${note}`, spec.manifest);
  const stripped = strip.bytes;
  const stages: StageSizes[] = [
    { stage: 'release', ...measureSizes(release) },
    { stage: 'stripped', ...measureSizes(stripped) },
  ];
  let final = stripped;
  if (options.wasmOpt) {
    final = await optimizeWasm(stripped, {
      onModule: (module) => {
        // shims, no gain, or a module binaryen cannot take: kept as it was, the run goes on
        if (module.status === 'kept') {
          logger.info(
            `${spec.name}: wasm-opt left ${module.path || 'the module'} as it was: ${module.reason ?? ''}`,
          );
        }
      },
    });
    stages.push({ stage: 'optimized', ...measureSizes(final) });
  }
  await validateWasm(final).catch((error: unknown) => {
    throw new UserError(
      `${spec.name}: the optimized wasm does not validate, nothing was replaced: ${errorMessage(error)}`,
    );
  });
  await replaceWithOptimized(spec.wasmPath, final);
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
