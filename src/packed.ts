/**
 * Packages dist/ ships compressed (scripts/build-dist.mjs): binaryen, 13 MB of JavaScript that
 * only a run with `wasm-opt` loads, is 1.7 MB of brotli in dist/. On first use the file is
 * unpacked once into a cache folder, under a name that holds its content hash (a new spinwash
 * unpacks its own), and imported from there. From src/ (tests, tsx) the package is imported
 * from node_modules as usual.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import { errorMessage, UserError } from './errors.js';
import { writeFileAtomic } from './fsutil.js';

/** A packed package: its file under dist/, and the sha256 and size of the unpacked module. */
interface Packed {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
}

// Set by the bundle (esbuild `define`, the JSON of a package → Packed record); not defined
// when running from src/.
declare const __SPINWASH_PACKED__: string | undefined;

/**
 * The package `name`: from dist/'s packed copy in the bundle, else `fromSource()` (an
 * `import()` of the package, which keeps its types).
 */
export async function importPacked<T>(name: string, fromSource: () => Promise<T>): Promise<T> {
  const packed =
    typeof __SPINWASH_PACKED__ === 'undefined'
      ? undefined
      : (JSON.parse(__SPINWASH_PACKED__) as Record<string, Packed>);
  const entry = packed?.[name];
  if (!entry) return fromSource();
  return (await import(pathToFileURL(await unpacked(name, entry)).href)) as T;
}

/** dist/: this module is bundled into dist/chunks/ (or, were it an entry's own, dist/). */
function distRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(here) === 'chunks' ? path.dirname(here) : here;
}

/** Where packed packages are unpacked: SPINWASH_UNPACK_DIR, else ~/.cache/spinwash/unpacked. */
function unpackRoots(): string[] {
  const own = process.env.SPINWASH_UNPACK_DIR;
  if (own) return [own];
  // a home that cannot be written (a locked-down runner) falls back to the temp folder
  return [
    path.join(homedir(), '.cache', 'spinwash', 'unpacked'),
    path.join(tmpdir(), 'spinwash-unpacked'),
  ];
}

/**
 * A copy unpacked earlier, safe to import: its folder is ours and writable by no one else (the
 * temp folder is shared on a self-hosted runner: another user's file is never loaded), and its
 * content is the module dist/ was built with (~30 ms for binaryen's 13 MB).
 */
async function isOursAndWhole(root: string, file: string, entry: Packed): Promise<boolean> {
  if (!(await isOurFolder(root))) return false;
  const code = await readFile(file).catch(() => undefined);
  return (
    code?.length === entry.bytes && createHash('sha256').update(code).digest('hex') === entry.sha256
  );
}

/** A folder owned by this user that no one else can write to. */
async function isOurFolder(root: string): Promise<boolean> {
  const folder = await stat(root).catch(() => undefined);
  if (!folder?.isDirectory() || (folder.mode & 0o022) !== 0) return false;
  return !process.getuid || folder.uid === process.getuid();
}

async function unpacked(name: string, entry: Packed): Promise<string> {
  const base = `${name.replace(/[@/]/g, '_')}-${entry.sha256.slice(0, 16)}.mjs`;
  const roots = unpackRoots();
  for (const root of roots) {
    const file = path.join(root, base);
    if (await isOursAndWhole(root, file, entry)) return file;
  }
  const source = path.join(distRoot(), entry.file);
  let code: Buffer;
  try {
    code = await promisify(brotliDecompress)(await readFile(source));
  } catch (error) {
    throw new UserError(
      `dist/ is damaged: cannot unpack ${name} from ${source} (${errorMessage(error)}); reinstall spinwash`,
    );
  }
  const sha256 = createHash('sha256').update(code).digest('hex');
  if (sha256 !== entry.sha256 || code.length !== entry.bytes)
    throw new UserError(
      `dist/ is damaged: ${source} does not unpack to the ${name} it was built with; reinstall spinwash`,
    );
  let failure: unknown;
  for (const root of roots) {
    const file = path.join(root, base);
    try {
      await mkdir(root, { recursive: true, mode: 0o700 });
      if (!(await isOurFolder(root)))
        throw new Error(`${root} is not this user's own folder, or others can write to it`);
      await writeFileAtomic(file, code);
      return file;
    } catch (error) {
      failure = error;
    }
  }
  throw new UserError(
    `cannot unpack ${name} into ${roots.join(' or ')} (${errorMessage(failure)}): set SPINWASH_UNPACK_DIR to a writable folder`,
  );
}
