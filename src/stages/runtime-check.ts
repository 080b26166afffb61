import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appUrl, probe, type ProbeResult } from '../deploy/readiness.js';
import {
  exportsHttpHandler,
  serveWithWasmtime,
  wasmtimeMissing,
  type WasmtimeServer,
} from '../deploy/wasmtime-serve.js';
import { errorMessage } from '../errors.js';
import { execCapture } from '../exec.js';
import { findOnPath, versionOnPath } from '../setup/tool-path.js';
import { componentWorld } from '../wasm/component-world.js';
import { toComponent } from '../wasm/componentize.js';
import { makeScratchDir } from '../fsutil.js';

/**
 * The shrink's proof on a real runtime, where `wasmtime` is on PATH: validators see a
 * well-formed binary, wasmtime sees whether it still runs. An HTTP component (a Spin module
 * made a component as Spin makes it) is served twice, the build's own file and the shrunk one,
 * and must answer the probe path alike; anything else must still compile in wasmtime.
 */
export interface RuntimeCheck {
  /** `wasmtime 48.0.8`. */
  readonly runtime: string;
  /** `answered`: both served and answered alike; `loaded`: the shrunk file compiles. */
  readonly verdict: 'answered' | 'loaded';
  /** One line for the log. */
  readonly detail: string;
}

/** The shrunk file failed on the runtime: nothing may be written. */
export class RuntimeRefusal extends Error {
  override readonly name = 'RuntimeRefusal';
}

export interface RuntimeCheckOptions {
  /** The path both versions are asked (the deploy's health path; default `/`). */
  readonly probePath?: string;
  /** Names the binary in messages. */
  readonly file?: string;
  /** For each start and each answer (default 60 s: a loaded machine compiles slowly). */
  readonly timeoutMs?: number;
}

/** Each start, answer and compile: a loaded machine compiles slowly. */
const DEFAULT_TIMEOUT_MS = 60_000;

/** Runs the check when wasmtime is on PATH; undefined when it is not. */
export async function checkOnWasmtime(
  input: Uint8Array,
  output: Uint8Array,
  options: RuntimeCheckOptions = {},
): Promise<RuntimeCheck | undefined> {
  const wasmtime = findOnPath('wasmtime');
  if (wasmtime === undefined) return undefined;
  const runtime = `wasmtime ${(await versionOnPath('wasmtime'))?.replace(/^v/, '') ?? '(version unknown)'}`;
  const label = options.file ?? 'the shrunk wasm';
  const scratch = await makeScratchDir('spinwash-check-');
  const { dir } = scratch;
  try {
    // a core module that carries its world is what Spin serves once made a component
    const before = await toComponent(input).catch(() => undefined);
    let after: Uint8Array = output;
    if (before !== undefined) {
      try {
        after = await toComponent(output);
      } catch (error) {
        throw new RuntimeRefusal(
          `${label} can no longer be made a component the way Spin and wasmtime load it, though the build's file could: ${errorMessage(error)}`,
        );
      }
    }
    const world = before && componentWorld(before);
    const files = { before: path.join(dir, 'before.wasm'), after: path.join(dir, 'after.wasm') };
    await writeFile(files.after, after);
    let unserved: string | undefined;
    if (world && before && exportsHttpHandler(world) && wasmtimeMissing(world).length === 0) {
      await writeFile(files.before, before);
      const compared = await compareAnswers(wasmtime, files, label, options);
      if ('detail' in compared) return { runtime, verdict: 'answered', detail: compared.detail };
      unserved = compared.cannot;
    }
    const compiled = await execCapture(
      wasmtime,
      ['compile', '-o', path.join(dir, 'after.cwasm'), files.after],
      { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    );
    if (compiled.code !== 0) {
      throw new RuntimeRefusal(
        `${runtime} cannot load ${label}: ${firstLine(compiled.stderr) || `exit code ${compiled.code}`}`,
      );
    }
    const why =
      unserved ??
      (world && wasmtimeMissing(world).length > 0
        ? `it imports ${wasmtimeMissing(world).join(', ')}, which wasmtime cannot serve`
        : 'it is not an HTTP component');
    return {
      runtime,
      verdict: 'loaded',
      detail: `${label} compiles (${why}, so it was not served)`,
    };
  } finally {
    await scratch.remove();
  }
}

/**
 * Serves both files and asks each the probe path; refuses when the shrunk one answers
 * otherwise. Returns why it could not compare (the build's own file did not start or answer on
 * this wasmtime: the runtime's limit, not the shrink's), or the line for the log.
 */
async function compareAnswers(
  wasmtime: string,
  files: { readonly before: string; readonly after: string },
  label: string,
  options: RuntimeCheckOptions,
): Promise<{ readonly detail: string } | { readonly cannot: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const probePath = options.probePath ?? '/';
  const serve = (file: string): Promise<WasmtimeServer> =>
    serveWithWasmtime(file, { timeoutMs, cwd: path.dirname(file), wasmtime });
  const [before, after] = await Promise.allSettled([serve(files.before), serve(files.after)]);
  try {
    if (before.status === 'rejected')
      return { cannot: `the build's own file did not start (${errorMessage(before.reason)})` };
    const ask = (server: WasmtimeServer): Promise<ProbeResult> =>
      probe(appUrl(server.url, probePath), timeoutMs);
    let expected: ProbeResult;
    let stable: boolean;
    try {
      expected = await ask(before.value);
      // an app whose body changes by itself (a time, a counter) is compared by its status only
      stable = (await ask(before.value)).body === expected.body;
    } catch (error) {
      return { cannot: `the build's own file did not answer (${errorMessage(error)})` };
    }
    if (after.status === 'rejected') {
      throw new RuntimeRefusal(
        `${label} does not start on wasmtime where the build's file does: ${errorMessage(after.reason)}`,
      );
    }
    let got: ProbeResult;
    try {
      got = await ask(after.value);
    } catch (error) {
      throw new RuntimeRefusal(
        `${label} did not answer GET ${probePath} on wasmtime (${errorMessage(error)}) where the build's file answered ${expected.status}${await trapNote(after.value)}`,
      );
    }
    if (got.status !== expected.status || (stable && got.body !== expected.body)) {
      throw new RuntimeRefusal(
        `${label} answers GET ${probePath} on wasmtime with ${got.status} ${quote(got.body)} where the build's file answered ${expected.status} ${quote(expected.body)}${await trapNote(after.value)}`,
      );
    }
    return {
      detail: `${label} answered GET ${probePath} with ${got.status} (${got.body.length} B${stable ? ', the same body' : ', a body that changes by itself'}) as the build's file did`,
    };
  } finally {
    await Promise.all(
      [before, after].map((started) =>
        started.status === 'fulfilled' ? started.value.process.stop() : undefined,
      ),
    );
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

/**
 * What wasmtime said of a trap or an error (its `wasm trap: …` line first), if anything: read
 * once it is stopped, as wasmtime may print the trap after the 500 it answered.
 */
async function trapNote(server: WasmtimeServer): Promise<string> {
  await server.process.stop();
  const lines = server.process
    .output()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('Serving HTTP'));
  const telling = lines.filter((line) => /trap|error|panicked/i.test(line));
  const said = (telling.length > 0 ? telling : lines).slice(-3).join(' / ');
  return said === '' ? '' : ` (wasmtime: ${said})`;
}

function quote(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 80)}…` : flat);
}
