import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetPath, runningFromSource } from '../../src/assets.js';
import { root } from './support.js';

describe('runtime assets', () => {
  it('are found in the source tree when running from source', () => {
    expect(runningFromSource()).toBe(true);
    expect(assetPath('serve-child')).toBe(
      path.join(root, 'src/deploy/targets/local/embedded/serve-child.ts'),
    );
    const adapter = assetPath('preview1-reactor-adapter');
    expect(adapter).toBe(
      path.join(root, 'node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm'),
    );
    expect(existsSync(adapter)).toBe(true);
  });

  describe('from a bundle laid out like dist/ (entries at the top, shared code in chunks/)', () => {
    let out: string;

    beforeAll(async () => {
      out = await mkdtemp(path.join(tmpdir(), 'spinwash-assets-test-'));
      const src = path.join(out, 'src');
      await mkdir(src);
      // two entries sharing src/assets.ts, so esbuild moves it into a chunk, as in dist/
      const probe = `import { assetPath, runningFromSource } from ${JSON.stringify(path.join(root, 'src/assets.ts'))};
        let result;
        try { result = { fromSource: runningFromSource(), child: assetPath('serve-child'), adapter: assetPath('preview1-reactor-adapter') }; }
        catch (error) { result = { error: error.message }; }
        console.log(JSON.stringify(result));`;
      await writeFile(path.join(src, 'a.ts'), probe);
      await writeFile(path.join(src, 'b.ts'), probe);
      await build({
        entryPoints: { a: path.join(src, 'a.ts'), b: path.join(src, 'b.ts') },
        outdir: path.join(out, 'dist'),
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        chunkNames: 'chunks/[name]-[hash]',
        logLevel: 'silent',
      });
    });
    afterAll(async () => {
      await rm(out, { recursive: true, force: true });
    });

    const run = (): Record<string, unknown> =>
      JSON.parse(
        execFileSync(process.execPath, [path.join(out, 'dist', 'a.js')], { encoding: 'utf8' }),
      ) as Record<string, unknown>;

    it('names a missing asset and says what to do', async () => {
      expect(await readdir(path.join(out, 'dist', 'chunks'))).not.toEqual([]);
      const result = run();
      expect(result.error).toContain(path.join(out, 'dist', 'serve-child.js'));
      expect(result.error).toContain('rebuild dist/');
    });

    it('finds the assets beside the entries, not beside the chunk', async () => {
      const dist = path.join(out, 'dist');
      await writeFile(path.join(dist, 'serve-child.js'), '');
      await mkdir(path.join(dist, 'adapters'));
      await writeFile(path.join(dist, 'adapters', 'wasi_snapshot_preview1.reactor.wasm'), '');
      expect(run()).toEqual({
        fromSource: false,
        child: path.join(dist, 'serve-child.js'),
        adapter: path.join(dist, 'adapters', 'wasi_snapshot_preview1.reactor.wasm'),
      });
    });
  });
});
