import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execCapture } from '../../../src/exec.js';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Runs a wasi:cli command component the way a JS host would: jco transpiles it to an ES module
 * that imports preview2-shim, and a child Node process calls its `run` export. Returns what it
 * printed: the proof that a stripped and optimized component still works.
 */
export async function runCliComponent(component: Uint8Array): Promise<string> {
  // inside the repository, so the generated module resolves @bytecodealliance/preview2-shim
  const scratch = path.join(root, '.cache');
  await mkdir(scratch, { recursive: true });
  const dir = await mkdtemp(path.join(scratch, 'spinwash-run-component-'));
  try {
    const { transpileBytes } = await import('@bytecodealliance/jco-transpile');
    const result = await transpileBytes(component, {
      name: 'app',
      emitTypescriptDeclarations: false,
    });
    for (const [name, bytes] of Object.entries(result.files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), bytes);
    }
    const entry = pathToFileURL(path.join(dir, 'app.js')).href;
    const run = await execCapture(
      process.execPath,
      ['--input-type=module', '-e', `import { run } from ${JSON.stringify(entry)}; run.run();`],
      { cwd: dir, timeoutMs: 60_000 },
    );
    if (run.code !== 0) throw new Error(`the component exited with ${run.code}: ${run.stderr}`);
    return run.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
