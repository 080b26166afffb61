import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toComponent } from '../../src/wasm/componentize.js';
import { optimizeWasm } from '../../src/wasm/wasm-opt.js';
import { stripCustomSections } from '../../src/wasm/strip.js';
import { validateWasm } from '../../src/wasm/validate.js';
import { buildExample, exampleDir, root } from '../deploy/support.js';

/** Every source file of the example, hashed: the cache key of its optimized component. */
function exampleSourcesHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'target') walk(file);
      } else {
        hash.update(path.relative(exampleDir, file)).update(readFileSync(file));
      }
    }
  };
  walk(exampleDir);
  return hash.digest('hex').slice(0, 16);
}

/**
 * examples/hello-rust built for real, made a component (src/wasm/componentize.ts), stripped and
 * wasm-opt'ed as `spinwash optimize --wasm-opt` does, validated. Cached in .cache/ by a hash of
 * the example's sources, so the registry tests build it once.
 */
export async function optimizedExampleComponent(): Promise<string> {
  const file = path.join(root, '.cache', 'oci-test', `hello-rust-${exampleSourcesHash()}.opt.wasm`);
  if (existsSync(file)) return file;
  const built = await buildExample();
  const component = await toComponent(new Uint8Array(await readFile(built)), built);
  const optimized = await optimizeWasm(stripCustomSections(component).bytes);
  await validateWasm(optimized, file);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, optimized);
  await rename(`${file}.tmp`, file);
  return file;
}
