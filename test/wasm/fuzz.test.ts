import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeWasm } from '../../src/wasm/analyze.js';
import { WasmFormatError } from '../../src/wasm/format-error.js';
import { parseWasm, type WasmBinary } from '../../src/wasm/parse.js';
import { stripCustomSections } from '../../src/wasm/strip.js';
import { buildSized, type SizedBuild } from './support/sized.js';

/**
 * Thousands of deterministic mutations of real binaries (a module and a component, debug and
 * release) fed to the parser, the analysis and the stripper. Every failure must be a
 * WasmFormatError naming an offset (never a TypeError or RangeError escaping), and whatever
 * the stripper accepts it must write back as a binary that parses again.
 */

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets where the structure is: section ids, sizes and payloads, nested headers. */
function structuralOffsets(binary: WasmBinary, into: number[] = []): number[] {
  into.push(binary.start, binary.start + 4);
  for (const section of binary.sections) {
    into.push(section.start, section.start + 1, section.payloadStart);
    if (section.nested) structuralOffsets(section.nested, into);
  }
  return into;
}

type Mutation = 'flip' | 'truncate' | 'insert' | 'delete' | 'leb' | 'byte';
const MUTATIONS: Mutation[] = ['flip', 'truncate', 'insert', 'delete', 'leb', 'byte'];

function mutate(
  original: Uint8Array,
  offsets: number[],
  random: () => number,
): { bytes: Uint8Array; how: string } {
  const pick = (n: number): number => Math.floor(random() * n);
  const kind = MUTATIONS[pick(MUTATIONS.length)]!;
  // most mutations hit the structure (headers, sizes); the rest land anywhere
  const at =
    random() < 0.7
      ? Math.min(original.length - 1, Math.max(0, offsets[pick(offsets.length)]! + pick(5) - 2))
      : pick(original.length);
  const how = `${kind} at ${at}`;
  switch (kind) {
    case 'flip': {
      const bytes = original.slice();
      bytes[at]! ^= 1 << pick(8);
      return { bytes, how };
    }
    case 'truncate':
      return { bytes: original.slice(0, at), how };
    case 'insert': {
      const bytes = new Uint8Array(original.length + 1);
      bytes.set(original.subarray(0, at));
      bytes[at] = pick(256);
      bytes.set(original.subarray(at), at + 1);
      return { bytes, how };
    }
    case 'delete': {
      const bytes = new Uint8Array(original.length - 1);
      bytes.set(original.subarray(0, at));
      bytes.set(original.subarray(at + 1), at);
      return { bytes, how };
    }
    case 'leb': {
      // a LEB128 made too long, unterminated, or over 32 bits, written over whatever is there
      const encodings = [
        [0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
        [0xff, 0xff, 0xff, 0xff, 0x7f],
        [0xff, 0xff, 0xff, 0xff, 0x0f],
        [0x80 | pick(128), 0x80],
        [pick(128)],
      ];
      const encoding = encodings[pick(encodings.length)]!;
      const bytes = original.slice();
      bytes.set(encoding.slice(0, bytes.length - at), at);
      return { bytes, how: `${how} (${encoding.join(',')})` };
    }
    case 'byte': {
      const bytes = original.slice();
      bytes[at] = [0x00, 0xff, 0x7f, 0x80, pick(256)][pick(5)]!;
      return { bytes, how };
    }
  }
}

interface Outcome {
  accepted: number;
  rejected: number;
  escaped: string[];
}

function fuzz(build: SizedBuild, count: number, seed: number): Outcome {
  const random = prng(seed);
  const offsets = structuralOffsets(parseWasm(build.bytes));
  const outcome: Outcome = { accepted: 0, rejected: 0, escaped: [] };
  for (let i = 0; i < count; i++) {
    const { bytes, how } = mutate(build.bytes, offsets, random);
    let rejected = false;
    const steps: [string, () => void][] = [
      ['parse', () => parseWasm(bytes)],
      ['analyze', () => analyzeWasm(bytes)],
      [
        'strip',
        () => {
          const stripped = stripCustomSections(bytes).bytes;
          // what the stripper writes must read back, with nothing left to strip
          parseWasm(stripped);
          if (stripCustomSections(stripped).removed.length > 0)
            throw new Error('strip is not idempotent');
        },
      ],
    ];
    for (const [step, run] of steps) {
      try {
        run();
      } catch (error) {
        const ok =
          error instanceof WasmFormatError &&
          error.offset >= 0 &&
          error.offset <= bytes.length &&
          /at byte offset \d+ .*expected /.test(error.message);
        if (!ok)
          outcome.escaped.push(`${build.name}, mutation ${i} (${how}), ${step}: ${String(error)}`);
        rejected = true;
      }
    }
    if (rejected) outcome.rejected++;
    else outcome.accepted++;
  }
  return outcome;
}

const builds: Record<string, SizedBuild> = {};

beforeAll(async () => {
  builds.releaseModule = await buildSized('wasm32-wasip1', 'release');
  builds.releaseComponent = await buildSized('wasm32-wasip2', 'release');
  builds.debugModule = await buildSized('wasm32-wasip1', 'debug');
  builds.debugComponent = await buildSized('wasm32-wasip2', 'debug');
});

describe('fuzzing the parser, analysis and stripper with mutated real binaries', () => {
  it.each([
    ['releaseModule', 2500, 1],
    ['releaseComponent', 2500, 2],
    // 8-9 MB each: fewer mutations, the same structure to hit
    ['debugModule', 150, 3],
    ['debugComponent', 150, 4],
  ] as const)('%s: %i mutations, every failure a WasmFormatError', (name, count, seed) => {
    const outcome = fuzz(builds[name]!, count, seed);
    expect(outcome.escaped.slice(0, 5)).toEqual([]);
    // the mutations reach both sides: inputs rejected with a clear error, and inputs accepted
    expect(outcome.rejected).toBeGreaterThan(count / 10);
    expect(outcome.accepted).toBeGreaterThan(count / 20);
  });
});
