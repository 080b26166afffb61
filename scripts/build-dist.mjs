#!/usr/bin/env node
// Builds dist/, the only thing the action runs: `node scripts/build-dist.mjs`.
// With --check, builds into a temp folder and fails when the committed dist/ differs.
//
// Our code and the pure-JS packages are bundled by esbuild: ESM, minified, code-split so heavy
// stages load lazily. The packages that load files beside themselves (wasm, worker scripts) are
// copied into dist/node_modules, only the files they load, and left external, so Node resolves
// them as it would from npm. binaryen (13 MB of JS, needed only with wasm-opt) is shipped
// brotli-compressed and unpacked on first use (src/packed.ts).
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

/** Entry points: the action, the CLI, and the child process that serves a component. */
const ENTRIES = {
  index: 'src/index.ts',
  cli: 'src/cli.ts',
  'serve-child': 'src/deploy/targets/local/embedded/serve-child.ts',
};

/** Packages shipped as files: [package, its folders and files that are loaded at run time]. */
const VENDORED = [
  ['@bytecodealliance/jco-transpile', ['package.json', 'dist', 'vendor', 'LICENSE']],
  // dist/browser is the browser build: Node takes the `node` export condition
  [
    '@bytecodealliance/preview2-shim',
    ['package.json', 'dist/nodejs', 'dist/io', 'dist/common', 'dist/synckit', 'LICENSE'],
  ],
];
/** Never loaded by Node: typings, the packages' own source maps, docs. */
const NOT_LOADED = /\.d\.ts$|\.map$|\.md$/;
/**
 * Packages shipped compressed, unpacked on first use (src/packed.ts): [package, its one ES
 * module file]. binaryen's bin/ (the native CLIs, 90 MB) is not shipped at all.
 */
const PACKED = [['binaryen', 'index.js']];
/** jco-transpile's top-level imports that spinwash never reaches, replaced by stubs. */
const STUBS = ['oxc-minify'];

/**
 * An ES module import of node:http costs ~70 ms at start-up on Node 24: the namespace is
 * filled by reading every export, and `WebSocket`, `MessageEvent`… load Node's own undici.
 * require() leaves those getters lazy, so node:http and node:https reach the bundle as
 * CommonJS (esbuild's interop reads the properties on use).
 */
const lazyNodeHttp = {
  name: 'lazy-node-http',
  setup(build) {
    build.onResolve({ filter: /^(node:)?https?$/ }, (args) =>
      args.namespace === 'lazy-node-http'
        ? { path: args.path, external: true } // the require() below: Node's own module
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-node-http' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-node-http' }, (args) => ({
      contents: `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
  },
};

/**
 * @actions/core imports its OIDC client (getIDToken, which spinwash never calls) at the top,
 * and with it @actions/http-client and undici: 0.4 MB that every start-up would compile. The
 * client is loaded on its first call instead.
 */
const lazyOidcClient = {
  name: 'lazy-oidc-client',
  setup(build) {
    build.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /@actions\/core\/lib\/core\.js$/.test(args.importer) && args.namespace === 'file'
        ? // relative to the root: an absolute path would reach the chunk hashes, and dist/
          // would differ between checkouts in different folders
          { path: path.relative(root, path.dirname(args.importer)), namespace: 'lazy-oidc-client' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-oidc-client' }, (args) => ({
      contents: `export class OidcClient {
  static async getIDToken(audience) {
    const { OidcClient } = await import('./oidc-utils.js');
    return OidcClient.getIDToken(audience);
  }
}`,
      loader: 'js',
      resolveDir: path.join(root, args.path),
    }));
  },
};

/**
 * A bug's stack trace is mapped into src/ (the entries turn source maps on): the maps keep the
 * positions of our own code only. Library code is left unmapped (its frames name the minified
 * chunk), which keeps the maps small; a chunk with no code of ours gets no map at all.
 */
function ownCodeMap(map) {
  // a plugin's modules (`lazy-node-http:http`) are not ours either
  const own = map.sources.map(
    (source) => !source.includes('node_modules/') && !/^[\w-]+:/.test(source),
  );
  if (!own.some(Boolean)) return undefined;
  const sources = [];
  const sourceIndex = new Map();
  const names = [];
  const nameIndex = new Map();
  const indexOf = (index, list, from, table) => {
    if (!index.has(table)) {
      index.set(table, list.length);
      list.push(from[table]);
    }
    return index.get(table);
  };
  const lines = decode(map.mappings).map((segments) => {
    const kept = [];
    for (const segment of segments) {
      if (segment.length === 1 || !own[segment[1]]) {
        // an unmapped segment ends the previous one's range; one of a kind in a row is enough
        if (kept.length > 0 && kept.at(-1).length > 1) kept.push([segment[0]]);
        continue;
      }
      const mapped = [
        segment[0],
        indexOf(sourceIndex, sources, map.sources, segment[1]),
        segment[2],
        segment[3],
      ];
      if (segment.length === 5) mapped.push(indexOf(nameIndex, names, map.names, segment[4]));
      kept.push(mapped);
    }
    return kept;
  });
  return { version: 3, sources, names, mappings: encode(lines) };
}

/** The licenses of every package bundled into our chunks, as their packages ship them. */
function bundledLicenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    // files only: a plugin's own modules are named `<namespace>:<path>`
    const match = /^(?![\w-]+:)(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.set(match[1], true);
  }
  const sections = [...packages.keys()].sort().map((dir) => {
    const full = path.join(root, dir);
    const pkg = JSON.parse(readFileSync(path.join(full, 'package.json'), 'utf8'));
    const file = readdirSync(full).find((name) => /^(licen[cs]e|copying)/i.test(name));
    const text = file
      ? readFileSync(path.join(full, file), 'utf8').trim()
      : `License: ${pkg.license}`;
    return `${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})\n\n${text}\n`;
  });
  return `Third-party packages bundled into dist/chunks, with their licenses.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

/** The brotli-compressed copy of a packed package's module, and what src/packed.ts checks. */
function pack(out, [name, file]) {
  const code = readFileSync(path.join(root, 'node_modules', name, file));
  const target = `node_modules/${name}/${file}.br`;
  mkdirSync(path.dirname(path.join(out, target)), { recursive: true });
  writeFileSync(
    path.join(out, target),
    brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9, // q11 saves 0.3 MB more but takes a minute
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
      },
    }),
  );
  for (const part of ['package.json', 'LICENSE'])
    cpSync(path.join(root, 'node_modules', name, part), path.join(out, 'node_modules', name, part));
  return [
    name,
    { file: target, sha256: createHash('sha256').update(code).digest('hex'), bytes: code.length },
  ];
}

async function buildInto(out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const packed = Object.fromEntries(PACKED.map((entry) => pack(out, entry)));
  const entries = Object.fromEntries(
    Object.entries(ENTRIES).filter(([, file]) => {
      try {
        return statSync(path.join(root, file)).isFile();
      } catch {
        return false;
      }
    }),
  );
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    chunkNames: 'chunks/[name]-[hash]',
    external: [...VENDORED, ...PACKED].map(([name]) => name).flatMap((name) => [name, `${name}/*`]),
    // a string, not an object: esbuild would give an object define a module of its own
    define: { __SPINWASH_PACKED__: JSON.stringify(JSON.stringify(packed)) },
    plugins: [lazyNodeHttp, lazyOidcClient],
    // CommonJS dependencies (@actions/*) call require() for Node built-ins
    banner: {
      js: "import { createRequire as __spinwashCreateRequire } from 'node:module'; const require = __spinwashCreateRequire(import.meta.url);",
    },
    minify: true,
    legalComments: 'none', // the licenses are in dist/licenses.txt, whole
    // the sources themselves are in the repository: the maps carry only positions
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const maps = new Map(
    result.outputFiles
      .filter((file) => file.path.endsWith('.map'))
      .map((file) => [file.path, ownCodeMap(JSON.parse(file.text))]),
  );
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    if (file.path.endsWith('.map')) {
      const map = maps.get(file.path);
      if (map) writeFileSync(file.path, JSON.stringify(map));
    } else if (maps.has(`${file.path}.map`) && !maps.get(`${file.path}.map`)) {
      // no code of ours: no map, and no comment pointing at one
      writeFileSync(file.path, file.text.replace(/\n\/\/# sourceMappingURL=\S+\n?$/, '\n'));
    } else {
      writeFileSync(file.path, file.contents);
    }
  }
  writeFileSync(path.join(out, 'licenses.txt'), bundledLicenses(result.metafile));
  for (const [name, parts] of VENDORED) {
    for (const part of parts) {
      const from = path.join(root, 'node_modules', name, part);
      cpSync(from, path.join(out, 'node_modules', name, part), {
        recursive: true,
        filter: (file) => !NOT_LOADED.test(file),
      });
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
  await buildInto(path.join(root, 'dist'));
  console.log('dist/ built');
}
