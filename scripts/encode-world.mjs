#!/usr/bin/env node
// Regenerates examples/hello-rust/src/world.bin: the binary encoding of the crate's WIT world
// (examples/hello-rust/wit/world.wit), which the crate carries in its `component-type:` custom
// section so that `componentNew` can lift it into a component, as wit-bindgen crates do.
//
//   node scripts/encode-world.mjs
//
// The wasi:* packages the world uses come from the WIT that @bytecodealliance/jco ships, so the
// committed world.wit stays one small file. Run after changing world.wit or the wasi version.
import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples', 'hello-rust');
const WASI_VERSION = '0.2.12';
const WORLD = 'spinwash:hello/hello';
const wasiWit = path.join(
  root,
  'node_modules',
  '@bytecodealliance',
  'jco',
  'lib',
  'wit',
  'builtin',
  WASI_VERSION,
);
const output = path.join(example, 'src', 'world.bin');

/** Reads an unsigned LEB128 at `offset`: [value, next offset]. */
function readU32(bytes, offset) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset++];
    if (byte === undefined) throw new Error('truncated LEB128');
    value |= (byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [value >>> 0, offset];
    shift += 7;
  }
}

/** The payload of the first custom section whose name starts with `component-type`. */
function componentTypePayload(module) {
  let offset = 8;
  while (offset < module.length) {
    const id = module[offset];
    const [size, start] = readU32(module, offset + 1);
    const end = start + size;
    if (id === 0) {
      const [nameLength, nameStart] = readU32(module, start);
      const name = new TextDecoder().decode(module.subarray(nameStart, nameStart + nameLength));
      if (name.startsWith('component-type')) return module.slice(nameStart + nameLength, end);
    }
    offset = end;
  }
  throw new Error('componentEmbed produced no component-type section');
}

const work = mkdtempSync(path.join(tmpdir(), 'spinwash-wit-'));
try {
  // A WIT folder as wit-parser expects it: the world, and each package it uses under deps/.
  const wit = path.join(work, 'wit');
  cpSync(path.join(example, 'wit', 'world.wit'), path.join(wit, 'world.wit'));
  for (const pkg of readdirSync(wasiWit)) {
    cpSync(path.join(wasiWit, pkg), path.join(wit, 'deps', pkg), { recursive: true });
  }
  // jco's wasm-tools runs on preview2-shim, whose filesystem starts with no preopens.
  const { _setPreopens } = await import('@bytecodealliance/preview2-shim/filesystem');
  _setPreopens({ '/': '/' });
  const { componentEmbed } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  // `dummy` makes a module that only carries the encoded world; we keep just that section.
  const module = await componentEmbed({
    dummy: true,
    witPath: wit,
    world: WORLD,
    stringEncoding: 'utf8',
  });
  const payload = componentTypePayload(module);
  const temp = `${output}.tmp-${process.pid}`;
  writeFileSync(temp, payload);
  renameSync(temp, output);
  console.log(`wrote ${path.relative(root, output)} (${payload.length} bytes, world ${WORLD})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
