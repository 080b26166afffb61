import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../support/cli.js';
import { copyFixture, pathWithFakes, type FixtureCopy } from '../projects/fixtures.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';

// Issue 9's acceptance for `deploy: oci`: `spinwash run --project <wasmCloud 2 project>
// --deploy oci --oci-reference 127.0.0.1:<port>/demo/app:v1` against a real registry exits 0,
// reports the digest the registry returns, and the pulled layer is the optimized wasm.
const USER = 'ci';
const PASSWORD = 'acceptance-Pa55word';
const saved = {
  PATH: process.env.PATH,
  FAKE_WASH_VERSION: process.env.FAKE_WASH_VERSION,
  SPINWASH_OCI_PASSWORD: process.env.SPINWASH_OCI_PASSWORD,
};

let registry: TestRegistry;
let copy: FixtureCopy;

beforeAll(async () => {
  registry = await startRegistry({ htpasswd: { username: USER, password: PASSWORD } });
  copy = copyFixture('wash/v2');
  process.env.PATH = pathWithFakes();
  process.env.FAKE_WASH_VERSION = '2.0.1';
  process.env.SPINWASH_OCI_PASSWORD = PASSWORD; // as the CLI gets it: env, never a flag
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await registry?.stop();
  copy?.remove();
});

describe('spinwash run --deploy oci on a wasmCloud 2 project (issue 9 acceptance)', () => {
  it('exits 0, reports the digest the registry returns; the pulled layer is the optimized wasm', async () => {
    const reference = `${registry.host}/demo/app:v1`;
    const run = await runCli(
      copy.dir,
      'run',
      '--project',
      copy.dir,
      '--deploy',
      'oci',
      '--oci-reference',
      reference,
      '--oci-username',
      USER,
      '--json',
      'report.json',
      '--markdown',
      'report.md',
    );
    expect(run.stderr).not.toMatch(/^Error/m);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(copy.dir, 'report.json'), 'utf8')) as Report;
    const markdown = readFileSync(path.join(copy.dir, 'report.md'), 'utf8');

    const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
    const tagged = await fetch(`${registry.url}/v2/demo/app/manifests/v1`, {
      headers: { authorization: auth, accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(tagged.status).toBe(200);
    const digest = tagged.headers.get('docker-content-digest')!;
    expect(report.deploy).toMatchObject({
      target: 'oci',
      digest,
      image: `${reference}@${digest}`,
      status: 201,
    });
    expect(report.deploy!.pushSeconds).toBeGreaterThan(0);

    const manifest = (await tagged.json()) as { layers: { digest: string; mediaType: string }[] };
    const layer = Buffer.from(
      await (
        await fetch(`${registry.url}/v2/demo/app/blobs/${manifest.layers[0]!.digest}`, {
          headers: { authorization: auth },
        })
      ).arrayBuffer(),
    );
    const component = report.components[0]!;
    const optimized = readFileSync(path.resolve(copy.dir, component.wasm));
    expect(layer.equals(optimized)).toBe(true);
    expect(layer.length).toBe(component.final.bytes);
    expect(manifest.layers[0]!.digest).toBe(
      `sha256:${createHash('sha256').update(optimized).digest('hex')}`,
    );

    expect(markdown).toContain(`Pushed \`${reference}@${digest}\``);
    for (const text of [run.stdout, run.stderr, JSON.stringify(report), markdown])
      expect(text).not.toContain(PASSWORD);
  });
});
