import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config/config.js';
import { MemoryLogger } from '../../src/log.js';
import { runPipeline } from '../../src/pipeline.js';
import { reportOutputs } from '../../src/publish/publish.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from './fixtures.js';

/**
 * Issue 11 item 1 through the whole pipeline: two Spin components naming one file (the second
 * through `..`) are shrunk once; every run reports the build's real size as `release` for both,
 * and the file counts once in the total budget and the outputs.
 */
const savedPath = process.env.PATH;
let copy: FixtureCopy;
beforeAll(() => {
  process.env.PATH = pathWithFakes();
  copy = copyFixture('spin/multi', ['hello', 'api']);
  appendFileSync(
    path.join(copy.dir, 'spin.toml'),
    [
      '',
      '[[trigger.http]]',
      'route = "/again/..."',
      'component = "hello-again"',
      '',
      '[component.hello-again]',
      'source = "api/../hello/target/wasm32-wasip1/release/spinwash_fixture_spin_hello.wasm"',
      '',
    ].join('\n'),
  );
});
afterAll(() => {
  process.env.PATH = savedPath;
  copy.remove();
});

describe('a Spin app whose components share a wasm file', () => {
  it('shrinks it once, reports the build as release for both on every run, and counts it once', async () => {
    const config = buildConfig(
      { project: copy.dir, deploy: 'none', 'max-size': '10MiB' },
      copy.dir,
    );
    const reports = [];
    for (let run = 0; run < 2; run++) {
      const { report } = await runPipeline(config, new MemoryLogger());
      reports.push(report);
    }
    for (const report of reports) {
      const byName = Object.fromEntries(report.components.map((c) => [c.name, c]));
      expect(Object.keys(byName)).toEqual(['hello', 'api', 'hello-again']);
      const hello = byName.hello!;
      const again = byName['hello-again']!;
      expect(again.sameFileAs).toBe('hello');
      expect(again.stages).toEqual(hello.stages);
      const file = path.join(copy.dir, hello.wasm);
      // the build's bytes are the kept copy, and both components report them as release
      expect(hello.stages[0]!.bytes).toBe(readFileSync(`${file}.orig`).length);
      expect(readFileSync(file).length).toBe(hello.final.bytes);
      const outputs = reportOutputs({ report, markdown: '', project: { components: [] } });
      expect(outputs['size-bytes']).toBe(String(hello.final.bytes + byName.api!.final.bytes));
      expect(report.budgets?.breaches).toEqual([]);
    }
    expect(reports[1]!.components[0]!.stages[0]).toEqual(reports[0]!.components[0]!.stages[0]);
  });
});
