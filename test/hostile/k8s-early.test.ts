import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployedLine } from '../../src/stages/deploy.js';
import { runCli } from '../support/cli.js';

/**
 * Issue 22 item 10 (the Kubernetes part): a `k8s-manifest` that cannot be deployed is refused
 * before anything is built or pushed (it was found after both), a manifest without `${image}`
 * is refused (it reported success for an image it never rolled out), and a deploy through a
 * port-forward says so (`deployed to : HTTP 200`).
 */
const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/hello-rust');
const work = mkdtempSync(path.join(tmpdir(), 'spinwash-k8s-early-'));
const file = (name: string, text: string): string => {
  const full = path.join(work, name);
  writeFileSync(full, text);
  return full;
};

const deploy = (manifest: string) =>
  runCli(
    work,
    'run',
    '--project',
    example,
    '--deploy',
    'kubernetes',
    // nothing listens there: a run that got as far as the push would fail on it
    '--oci-reference',
    '127.0.0.1:9/demo/app:v1',
    '--k8s-manifest',
    manifest,
  );

describe('issue 22 item 10: a bad `k8s-manifest` is refused before the build', () => {
  it.each([
    ['missing.yaml', undefined, /cannot read .*missing\.yaml/],
    ['broken.yaml', 'kind: [unclosed\n  image: ${image}\n', /not valid YAML \(document 1\)/],
    ['no-kind.yaml', 'metadata:\n  name: x\nimage: ${image}\n', /is not a Kubernetes resource/],
    [
      'no-image.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/someone/else:v1\n',
      /holds no `\$\{image\}`, so the image spinwash pushes would not be what rolls out/,
    ],
  ])('%s', async (name, text, message) => {
    const manifest = text === undefined ? path.join(work, name) : file(name, text);
    const run = await deploy(manifest);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('[2/5] build');
    expect(run.stderr.split('\n').filter((l) => l.startsWith('spinwash: error:'))).toHaveLength(1);
  });
});

describe('issue 22 item 10: the deploy line through a port-forward', () => {
  it('names the target instead of an empty address', () => {
    const report = {
      target: 'kubernetes',
      url: '',
      status: 200,
      readySeconds: 1.5,
      firstResponseSeconds: 1.5,
    };
    expect(deployedLine(report)).toBe(
      "deployed to `kubernetes` (answering through spinwash's own port-forward, closed after the run): HTTP 200 after 1.500 s",
    );
    expect(deployedLine({ ...report, url: 'https://app.example.com/' })).toBe(
      'deployed to https://app.example.com/: HTTP 200 after 1.500 s',
    );
  });
});
