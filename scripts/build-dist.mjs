#!/usr/bin/env node
// Builds dist/, the only thing the action runs: `node scripts/build-dist.mjs`.
// With --check, builds into a temp folder and fails when the committed dist/ differs.
//
// Our code is bundled by esbuild (ESM, code-split so heavy stages load lazily). The packages
// that load files beside themselves (wasm, worker scripts) are copied whole into
// dist/node_modules and left external, so Node resolves them as it would from npm.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

/** Entry points: the action, the CLI, and the child process that serves a component. */
const ENTRIES = {
  index: 'src/index.ts',
  cli: 'src/cli.ts',
  'serve-child': 'src/deploy/embedded/serve-child.ts',
};

/** Packages shipped as files: [package, the parts of it that are needed at run time]. */
const VENDORED = [
  ['@bytecodealliance/jco-transpile', ['package.json', 'dist', 'vendor', 'LICENSE']],
  ['@bytecodealliance/preview2-shim', ['package.json', 'dist', 'LICENSE']],
  // bin/ holds the binaryen CLIs (90 MB): the action uses the in-process index.js only
  ['binaryen', ['package.json', 'index.js', 'LICENSE']],
];
/** jco-transpile's top-level imports that spinwash never reaches, replaced by stubs. */
const STUBS = ['oxc-minify'];

async function buildInto(out) {
  rmSync(out, { recursive: true, force: true });
  const entries = Object.fromEntries(
    Object.entries(ENTRIES).filter(([, file]) => {
      try {
        return statSync(path.join(root, file)).isFile();
      } catch {
        return false;
      }
    }),
  );
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    chunkNames: 'chunks/[name]-[hash]',
    external: VENDORED.map(([name]) => name).flatMap((name) => [name, `${name}/*`]),
    // CommonJS dependencies (@actions/*) call require() for Node built-ins
    banner: {
      js: "import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    // stack traces of a bug point into src/ (the entries turn source maps on); the sources
    // themselves are in the repository, so the maps carry only positions
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  for (const [name, parts] of VENDORED) {
    for (const part of parts) {
      const from = path.join(root, 'node_modules', name, part);
      cpSync(from, path.join(out, 'node_modules', name, part), { recursive: true });
    }
  }
  for (const name of STUBS) {
    cpSync(path.join(root, 'scripts', 'vendor-stubs', name), path.join(out, 'node_modules', name), {
      recursive: true,
    });
  }
  cpSync(
    path.join(root, 'node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm'),
    path.join(out, 'adapters/wasi_snapshot_preview1.reactor.wasm'),
  );
}

function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

if (check) {
  // beside dist/, at its depth: the maps' relative paths to src/ come out the same
  const temp = path.join(root, '.dist-check');
  try {
    await buildInto(temp);
    const dist = path.join(root, 'dist');
    const built = new Set(listFiles(temp));
    const committed = new Set(listFiles(dist));
    const stale = [...new Set([...built, ...committed])].filter(
      (file) =>
        !built.has(file) ||
        !committed.has(file) ||
        !readFileSync(path.join(temp, file)).equals(readFileSync(path.join(dist, file))),
    );
    if (stale.length > 0) {
      console.error(
        `dist/ is stale (${stale.length} files differ): run \`npm run build\` and commit dist/.`,
      );
      for (const file of stale.slice(0, 20)) console.error(`  ${file}`);
      process.exit(1);
    }
    console.log('dist/ is up to date');
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
} else {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  await buildInto(path.join(root, 'dist'));
  console.log('dist/ built');
}
