import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOptimizeCommand } from '../../src/commands/optimize-command.js';
import { UserError } from '../../src/errors.js';
import { analyzeWasm } from '../../src/wasm/analyze.js';
import { WasmFormatError } from '../../src/wasm/format-error.js';
import { parseWasm } from '../../src/wasm/parse.js';
import { stripCustomSections } from '../../src/wasm/strip.js';
import {
  answerModule,
  bytes,
  COMPONENT_HEADER,
  component,
  custom,
  module,
  MODULE_HEADER,
  nested,
  nestedComponents,
  section,
} from './support/binaries.js';

interface Case {
  what: string;
  input: () => Uint8Array;
  offset: number;
  /** Words the message must carry to say what was expected there. */
  expected: RegExp;
}

const answer = answerModule();
/** Where the sections of answerModule() start: after the 8-byte header. */
const AFTER_HEADER = 8;

const CASES: Case[] = [
  { what: 'an empty file', input: () => bytes([]), offset: 0, expected: /8-byte header/ },
  {
    what: 'a header cut after the magic bytes',
    input: () => bytes(MODULE_HEADER.slice(0, 4)),
    offset: 4,
    expected: /8-byte header/,
  },
  {
    what: 'a 3-byte text file',
    input: () => bytes([0x68, 0x69, 0x0a]),
    offset: 0,
    expected: /magic bytes 00 61 73 6d.*found 68 69 0a/,
  },
  {
    what: 'a zip file',
    input: () => bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]),
    offset: 0,
    expected: /magic bytes 00 61 73 6d.*found 50 4b 03 04/,
  },
  {
    what: 'version 2',
    input: () => bytes([...MODULE_HEADER.slice(0, 4), 0x02, 0x00, 0x00, 0x00]),
    offset: 4,
    expected: /version 1, layer 0.*or version 0x0d, layer 1.*found 02 00 00 00/,
  },
  {
    what: 'an unknown module section id',
    input: () => bytes(module([0x0e, 0x00])),
    offset: AFTER_HEADER,
    expected: /module section id from 0 to 13, found 14/,
  },
  {
    what: 'an unknown component section id',
    input: () => bytes(component([0x0d, 0x00])),
    offset: AFTER_HEADER,
    expected: /component section id from 0 to 12, found 13/,
  },
  {
    what: 'a section length past the end',
    input: () => bytes(module([0x01, 0x10, 0x60, 0x00])),
    offset: AFTER_HEADER + 2,
    expected: /16 byte\(s\) of the type section, found only 2 byte\(s\) left in the file/,
  },
  {
    what: 'a LEB128 longer than 5 bytes',
    input: () => bytes(module([0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])),
    offset: AFTER_HEADER + 1,
    expected: /size of the type section \(an unsigned 32-bit LEB128/,
  },
  {
    what: 'a LEB128 over 32 bits',
    input: () => bytes(module([0x01, 0xff, 0xff, 0xff, 0xff, 0x7f])),
    offset: AFTER_HEADER + 1,
    expected: /32-bit LEB128.*more than 32 bits/,
  },
  {
    what: 'a LEB128 cut by the end of the file',
    input: () => bytes(module([0x01, 0x80])),
    offset: AFTER_HEADER + 2,
    expected: /size of the type section \(LEB128 continues past the end/,
  },
  {
    what: 'a custom section name longer than its section',
    input: () => bytes(module(section(0, [0x05, 0x61]))),
    offset: AFTER_HEADER + 3,
    expected: /custom section name of 5 byte\(s\)/,
  },
  {
    what: 'a custom section name that is not UTF-8',
    input: () => bytes(module(section(0, [0x02, 0xc3, 0x28]))),
    offset: AFTER_HEADER + 3,
    expected: /custom section name in UTF-8/,
  },
  {
    what: 'a component where a core module should be',
    input: () => bytes(component(section(1, component()))),
    offset: AFTER_HEADER + 2 + 4,
    expected: /version 1, layer 0 \(01 00 00 00: a core module\), found 0d 00 01 00/,
  },
  {
    what: 'a core module where a component should be',
    input: () => bytes(component(section(4, answer))),
    offset: AFTER_HEADER + 2 + 4,
    expected: /version 0x0d, layer 1 \(0d 00 01 00: a component\), found 01 00 00 00/,
  },
  {
    what: 'a nested module whose section runs past the module (not past the file)',
    input: () =>
      bytes(
        component(
          section(1, module([0x01, 0x09, 0x60])),
          custom('after', [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        ),
      ),
    offset: AFTER_HEADER + 2 + 8 + 2,
    expected: /9 byte\(s\) of the type section, found only 1 byte\(s\) left in the nested module/,
  },
  {
    what: 'components nested 17 deep',
    input: () => bytes(nestedComponents(17)),
    offset: -1, // where the module at depth 17 starts: see innermostModule
    expected: /nested at most 16 deep.*a module at depth 17/,
  },
];

/** Where the innermost core module starts: after each component's header and section header. */
function innermostModule(binary: Uint8Array): number {
  let at = 0;
  while (binary[at + 4] === 0x0d) {
    at += 9; // the component header and the section id
    while (binary[at]! & 0x80) at++; // the section size (LEB128)
    at++;
  }
  return at;
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spinwash-malformed-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const REAL_MODULE = path.resolve(
  import.meta.dirname,
  '../../node_modules/@bytecodealliance/jco/lib/wasi_snapshot_preview1.reactor.wasm',
);

describe('malformed binaries', () => {
  it.each(CASES)('$what: one WasmFormatError naming the offset and what was expected', (c) => {
    const input = c.input();
    const offset = c.offset >= 0 ? c.offset : innermostModule(input);
    for (const run of [
      () => parseWasm(input),
      () => analyzeWasm(input),
      () => stripCustomSections(input),
    ]) {
      let thrown: unknown;
      try {
        run();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(WasmFormatError);
      expect(thrown).toBeInstanceOf(UserError);
      const error = thrown as WasmFormatError;
      expect(error.offset).toBe(offset);
      expect(error.message).toContain(`at byte offset ${offset} `);
      expect(error.message).toMatch(c.expected);
      expect(error.message).not.toContain('\n');
    }
  });

  it.each(CASES)('$what: `optimize` exits 1 with one line and writes no file', async (c) => {
    const input = path.join(dir, 'in.wasm');
    const output = path.join(dir, 'out.wasm');
    await writeFile(input, c.input());
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runOptimizeCommand(
      [input, '-o', output, '--wasm-opt', '--json', path.join(dir, 'r.json')],
      {
        stdout: (s) => stdout.push(s),
        stderr: (s) => stderr.push(s),
      },
    );
    expect(code).toBe(1);
    expect(stderr.join('').trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.join('')).toContain(`${input}: not a valid wasm binary: at byte offset`);
    expect(stderr.join('')).toMatch(c.expected);
    expect(await readdir(dir)).toEqual(['in.wasm']);
  });

  it('reads components nested 16 deep (the limit)', () => {
    const binary = parseWasm(bytes(nestedComponents(16)));
    let depth = 0;
    let current = binary;
    while (current.sections[0]?.nested) {
      current = current.sections[0].nested;
      depth++;
    }
    expect(depth).toBe(16);
    expect(current.kind).toBe('module');
  });

  it('names the byte where a truncated real module stops making sense', async () => {
    // a real rustc-built release module, shipped in an npm package: the unit tier builds nothing
    const release = new Uint8Array(await readFile(REAL_MODULE));
    const code = parseWasm(release).sections.find((s) => s.name === 'code')!;
    const cut = release.subarray(0, code.payloadStart + 100);
    expect(() => parseWasm(cut)).toThrow(
      new RegExp(
        `at byte offset ${code.payloadStart} .*byte\\(s\\) of the code section, found only 100 byte\\(s\\) left in the file`,
      ),
    );
  });

  it('analysis reads inside sections: a code section with fewer bodies than it says is an error', () => {
    // 3 bodies announced, one present
    const broken = bytes(module(section(10, [0x03, 0x02, 0x00, 0x0b])));
    expect(() => parseWasm(broken)).not.toThrow();
    expect(() => analyzeWasm(broken)).toThrow(WasmFormatError);
    expect(() => analyzeWasm(broken)).toThrow(
      /at byte offset 14 .*size of a function body \(LEB128 continues past the end/,
    );
  });

  it('a damaged name section costs the names, not the analysis', () => {
    const damaged = bytes(answerModule(custom('name', [0x01, 0x7f])));
    const analysis = analyzeWasm(damaged);
    expect(analysis.functions).toEqual([{ name: 'func[0]', bytes: 5 }]);
  });

  it('the component header is checked too', () => {
    expect(parseWasm(bytes(COMPONENT_HEADER)).kind).toBe('component');
    expect(parseWasm(bytes(answer)).sections.map((s) => s.name)).toEqual([
      'type',
      'function',
      'export',
      'code',
    ]);
    expect(
      parseWasm(bytes(component(nested(answer), custom('x')))).sections.map((s) => s.name),
    ).toEqual(['core-module', 'custom:x']);
  });
});
