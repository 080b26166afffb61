import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunPlan } from '../config/config.js';
import { freshServer, waitUntilReady } from '../deploy/readiness.js';
import { defaultHealthPath } from '../deploy/routing/routes.js';
import type { DeploySettings } from '../deploy/target.js';
import { deployLocal } from '../deploy/targets/local/local.js';
import { serveWithWasmtime } from '../deploy/wasmtime-serve.js';
import { UserError } from '../errors.js';
import { makeScratchDir } from '../fsutil.js';
import { execCapture, tail } from '../exec.js';
import type { Logger } from '../log.js';
import { throwIfInterrupted } from '../process.js';
import { countedOnce, type ColdStartStage, type StageName } from '../report/model.js';
import { findOnPath, versionOnPath } from '../setup/tool-path.js';
import { deployProjectOf } from '../stages/deploy.js';
import { planLadder } from '../stages/ladder.js';
import { originalPath } from '../stages/release-copy.js';
import { shrinkWasm } from '../stages/shrink.js';
import { toComponent } from '../wasm/componentize.js';
import type { OptimizedBuild } from '../pipeline.js';
import { summarizeColdSamples, type ColdSample } from './cold-verdict.js';
import { boundedLoad } from './load.js';

/**
 * `cold-start: true` (issue 17): does size matter to a new instance? Each size stage of the
 * app's first component (release, stripped, wasm-opt's when on; the ladder's debug build too;
 * the report names it, `coldStartComponent`)
 * is run `repeat` times on a fresh runtime process: compile, start → first healthy answer
 * (the readiness clock every deploy uses), peak memory. The last process of each stage then
 * takes a bounded load. Every process is stopped before the next starts, and on a signal.
 *
 * The runtime is wasmtime (`wasmtime serve`, its cache off so each process compiles) when the
 * deploy target is wasmtime or `wasmtime` is on PATH, else the embedded runtime (jco +
 * preview2-shim in a Node child).
 */

export interface ColdStartResult {
  readonly runtime: string;
  /** The component measured: the app's first counted one. */
  readonly component: string;
  readonly stages: ColdStartStage[];
}

/** One stage's file: written to a temp folder, so its size on disk is what is reported. */
interface StageFile {
  readonly stage: StageName;
  readonly file: string;
}

/** The peak resident memory of a process (Linux's VmHWM); undefined elsewhere or once it is gone. */
function peakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

/** The stage files of the run's first counted component, in ladder order. */
async function writeStageFiles(
  built: OptimizedBuild,
  config: RunPlan,
  dir: string,
  logger: Logger,
): Promise<{ name: string; files: StageFile[] }> {
  const component = countedOnce(built.optimized.components)[0];
  if (!component) throw new UserError('cold-start: the run built no component to start');
  const wasmPath = path.resolve(config.projectDir, component.wasm);
  // the optimize stage kept the build's own file beside the one it replaced
  const kept = originalPath(wasmPath);
  const release = new Uint8Array(await readFile(existsSync(kept) ? kept : wasmPath));
  const files: StageFile[] = [];
  const put = async (stage: StageName, bytes: Uint8Array): Promise<void> => {
    const file = path.join(dir, `${stage}.wasm`);
    await writeFile(file, bytes);
    files.push({ stage, file });
  };
  if (config.ladder) {
    const spec = built.project.components.find((c) => path.resolve(c.wasmPath) === wasmPath);
    const plan = spec && planLadder(spec);
    const debug = plan && !('skip' in plan) && path.join(plan.profileRoot, 'debug', plan.file);
    if (debug && existsSync(debug)) await put('debug', new Uint8Array(await readFile(debug)));
    else logger.info(`cold-start: ${component.name} has no debug build to start`);
  }
  await put('release', release);
  // the same strip as the optimize stage's, again: its output was not kept on its own
  const stripped = await shrinkWasm(release, {
    sections: config.sections,
    wasmOpt: false,
    validate: false,
  });
  await put('stripped', stripped.final);
  if (component.stages.some((s) => s.stage === 'optimized'))
    await put('optimized', new Uint8Array(await readFile(wasmPath)));
  return { name: component.name, files };
}

/** A started runtime with its first healthy answer, to be stopped by the caller. */
interface Started {
  readonly url: string;
  readonly sample: ColdSample;
  stop(): Promise<void>;
}

interface Runtime {
  readonly name: string;
  /** Starts `file` (a stage's file) on a fresh process and waits for its first healthy answer. */
  start(file: string, served: string, settings: DeploySettings): Promise<Started>;
  /** Prepares what the runtime is given (a component) from the stage's file. */
  prepare(file: string, dir: string): Promise<string>;
}

const NO_CACHE = ['-C', 'cache=n'];

function wasmtimeRuntime(wasmtime: string, version: string, logger: Logger): Runtime {
  return {
    name: `wasmtime ${version}`,
    prepare: async (file, dir) => {
      const served = path.join(dir, `${path.basename(file, '.wasm')}.component.wasm`);
      await writeFile(served, await toComponent(new Uint8Array(await readFile(file)), file));
      return served;
    },
    start: async (_file, served, settings) => {
      const compiledFile = `${served}.cwasm`;
      const compileStart = performance.now();
      const compiled = await execCapture(
        wasmtime,
        ['compile', ...NO_CACHE, '-o', compiledFile, served],
        { timeoutMs: settings.timeoutSeconds * 1000 },
      );
      const compileSeconds = (performance.now() - compileStart) / 1000;
      await rm(compiledFile, { force: true });
      if (compiled.code !== 0)
        throw new UserError(
          `cold-start: \`wasmtime compile\` failed (exit code ${compiled.code}):\n${tail(compiled.stderr)}`,
        );
      const started = performance.now();
      const server = await serveWithWasmtime(served, {
        timeoutMs: settings.timeoutSeconds * 1000,
        cwd: path.dirname(served),
        wasmtime,
        flags: NO_CACHE,
        logger,
      });
      try {
        const ready = await waitUntilReady(
          freshServer(
            'cold-start (wasmtime serve)',
            settings,
            started,
            () => server.url,
            () => server.process.exitReason(),
            // a served component's answer to a path does not change: a 404 is final at once
            { fixedRoutes: true },
          ),
        );
        const rssBytes = peakRss(server.process.pid);
        return {
          url: server.url,
          sample: {
            compileSeconds,
            firstAnswerSeconds: ready.readySeconds,
            ...(rssBytes !== undefined ? { rssBytes } : {}),
          },
          stop: () => server.process.stop(),
        };
      } catch (error) {
        await server.process.stop();
        throw error;
      }
    },
  };
}

/**
 * What a fresh Node process runs to time V8's compile of the core modules jco wrote: a process
 * of its own, because V8 keeps compiled modules by their bytes and a second compile in one
 * process is a cache hit. V8 compiles lazily (Liftoff first), as the embedded runtime does.
 */
const COMPILE_SCRIPT = `const { readFileSync } = require('node:fs');
const bytes = process.argv.slice(1).map((file) => readFileSync(file));
const started = performance.now();
for (const module of bytes) new WebAssembly.Module(module);
process.stdout.write(String((performance.now() - started) / 1000));`;

/** V8's compile of the core modules jco wrote, in a fresh Node process (the embedded runtime's own measure). */
async function compileCoreModules(dir: string, timeoutMs: number): Promise<number> {
  const files = (await readdir(dir))
    .filter((name) => name.endsWith('.wasm'))
    .map((name) => path.join(dir, name));
  const result = await execCapture(process.execPath, ['-e', COMPILE_SCRIPT, ...files], {
    timeoutMs,
  });
  const seconds = Number(result.stdout.trim());
  if (result.code !== 0 || !Number.isFinite(seconds))
    throw new UserError(
      `cold-start: V8 could not compile the embedded runtime's core modules (exit code ${result.code}):\n${tail(result.stderr)}`,
    );
  return seconds;
}

function embeddedRuntime(logger: Logger): Runtime {
  return {
    name: 'embedded (jco + preview2-shim on Node)',
    prepare: async (file) => file,
    start: async (file, _served, settings) => {
      const deployment = await deployLocal({
        components: [{ name: path.basename(file, '.wasm'), wasmPath: file }],
        ...settings,
        logger,
      });
      try {
        const rssBytes = peakRss(deployment.pid);
        const compileSeconds = await compileCoreModules(
          deployment.appDir,
          settings.timeoutSeconds * 1000,
        );
        return {
          url: deployment.report.url,
          sample: {
            compileSeconds,
            firstAnswerSeconds: deployment.report.readySeconds,
            ...(rssBytes !== undefined ? { rssBytes } : {}),
          },
          stop: deployment.stop,
        };
      } catch (error) {
        await deployment.stop();
        throw error;
      }
    },
  };
}

/** wasmtime when the run's runtime is wasmtime or it is on PATH, else the embedded runtime. */
async function chooseRuntime(config: RunPlan, logger: Logger): Promise<Runtime> {
  const wasmtime = findOnPath('wasmtime');
  if (wasmtime) {
    const version = (await versionOnPath('wasmtime'))?.replace(/^(wasmtime\s+)?v?/, '');
    return wasmtimeRuntime(wasmtime, version ?? '(version unknown)', logger);
  }
  if (config.deploy.target?.name === 'wasmtime')
    throw new UserError('cold-start: the runtime is wasmtime, but `wasmtime` is not on PATH');
  return embeddedRuntime(logger);
}

/**
 * Runs the cold-start benchmark on a build already optimized; throws a UserError naming the
 * stage and sample that failed (a cold-start measure with a failed sample is not reported).
 */
export async function coldStartBenchmark(
  built: OptimizedBuild,
  config: RunPlan,
  logger: Logger,
): Promise<ColdStartResult> {
  const runtime = await chooseRuntime(config, logger);
  const settings: DeploySettings = {
    // as the deploy asks it: no `health-path` is the app's first route
    healthPath:
      config.deploy.healthPath ?? defaultHealthPath(deployProjectOf(built.project).routes),
    ...(config.deploy.healthExpect !== undefined
      ? { healthExpect: config.deploy.healthExpect }
      : {}),
    timeoutSeconds: config.deploy.timeoutSeconds,
  };
  const scratch = await makeScratchDir('spinwash-cold-');
  const { dir } = scratch;
  try {
    const { name, files } = await writeStageFiles(built, config, dir, logger);
    logger.info(
      `cold-start: ${name}, stages ${files.map((f) => f.stage).join(', ')} on ${runtime.name}, ${config.benchmark.repeat} fresh processes each`,
    );
    const stages: ColdStartStage[] = [];
    for (const { stage, file } of files) {
      const served = await runtime.prepare(file, dir);
      const samples: ColdSample[] = [];
      let warm: Started | undefined;
      try {
        for (let index = 1; index <= config.benchmark.repeat; index++) {
          throwIfInterrupted();
          const started = await runtime.start(file, served, settings).catch((error: unknown) => {
            throw error instanceof UserError
              ? error.rewrite((message) => `cold-start: ${stage}, sample ${index}: ${message}`)
              : error;
          });
          samples.push(started.sample);
          logger.info(
            `cold-start: ${stage} sample ${index}/${config.benchmark.repeat}: compile ${started.sample.compileSeconds.toFixed(3)} s, first answer ${started.sample.firstAnswerSeconds.toFixed(3)} s`,
          );
          // the last process of the stage stays up for the load
          if (index < config.benchmark.repeat) await started.stop();
          else warm = started;
        }
        throwIfInterrupted();
        const load = await boundedLoad(new URL(settings.healthPath, warm!.url).toString());
        logger.info(
          `cold-start: ${stage} under load: ${load.requests} requests, ${load.rps.toFixed(0)} rps, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.errors} errors`,
        );
        stages.push({
          stage,
          bytes: (await stat(file)).size,
          ...summarizeColdSamples(samples),
          load,
        });
      } finally {
        await warm?.stop();
      }
    }
    return { runtime: runtime.name, component: name, stages };
  } finally {
    await scratch.remove();
  }
}
