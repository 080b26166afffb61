import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { releasePlan } from '../scripts/release-plan.js';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

describe('releasePlan: what a tag means', () => {
  it('a stable vX.Y.Z moves its major tag', () => {
    expect(releasePlan('v0.1.0', '0.1.0', ['v0.0.9'])).toEqual({
      version: '0.1.0',
      prerelease: false,
      major: 'v0',
      moveMajor: true,
    });
  });

  it('a fix to an older line is released but leaves the major tag on the newest', () => {
    expect(releasePlan('v1.4.3', '1.4.3', ['v1.4.2', 'v1.5.0', 'v2.0.0', 'v1'])).toMatchObject({
      major: 'v1',
      moveMajor: false,
    });
    // a newer major, or a newer pre-release of this one, does not hold it back
    expect(releasePlan('v1.5.1', '1.5.1', ['v1.5.0', 'v2.0.0', 'v1.6.0-rc.1']).moveMajor).toBe(
      true,
    );
  });

  it('a pre-release is released as one and never moves the major tag', () => {
    expect(releasePlan('v1.0.0-rc.1', '1.0.0-rc.1', ['v0.9.0'])).toEqual({
      version: '1.0.0-rc.1',
      prerelease: true,
      major: 'v1',
      moveMajor: false,
    });
  });

  it.each(['1.2.3', 'v1.2', 'v1.2.3+build.5', 'v01.2.3', 'release-1.2.3'])(
    'refuses the tag %s',
    (tag) => {
      expect(() => releasePlan(tag, '1.2.3')).toThrow(
        `release tag "${tag}" is not vMAJOR.MINOR.PATCH (or vMAJOR.MINOR.PATCH-PRE)`,
      );
    },
  );

  it("refuses a tag that is not package.json's version, in one line from the script", async () => {
    expect(() => releasePlan('v0.2.0', '0.1.0')).toThrow(
      `release tag "v0.2.0" does not match package.json's version 0.1.0: bump it first`,
    );
    const version = (JSON.parse(read('package.json')) as { version: string }).version;
    const run = promisify(execFile);
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const ok = await run(tsx, ['scripts/release-plan.ts', `v${version}`, 'v0.0.1'], { cwd: root });
    expect(ok.stdout).toBe(
      `version=${version}\nprerelease=false\nmajor=v${version.split('.')[0]}\nmove-major=true\n`,
    );
    const bad = await run(tsx, ['scripts/release-plan.ts', 'v99.0.0'], { cwd: root }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad).toMatchObject({
      code: 1,
      stderr: `release: release tag "v99.0.0" does not match package.json's version ${version}: bump it first\n`,
    });
  });
});

describe('a releasable action', () => {
  it('is Apache-2.0 licensed, and says so in package.json', () => {
    const license = read('LICENSE');
    expect(license).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(license).toContain('END OF TERMS AND CONDITIONS');
    expect(JSON.parse(read('package.json'))).toMatchObject({ license: 'Apache-2.0' });
  });

  it('runs on Node 24 only: engines, the bundle target, action.yml', () => {
    expect(JSON.parse(read('package.json'))).toMatchObject({ engines: { node: '>=24' } });
    expect(read('scripts/build-dist.mjs')).toContain("target: 'node24'");
    expect(parse(read('action.yml'))).toMatchObject({ runs: { using: 'node24' } });
  });

  it('releases from a vX.Y.Z tag: dist/ checked and run on Node 24, the release, the major tag', () => {
    const workflow = parse(read('.github/workflows/release.yml')) as {
      on: { push: { tags: string[] } };
      permissions: Record<string, string>;
      jobs: {
        release: { steps: { uses?: string; run?: string; with?: { 'node-version'?: number } }[] };
      };
    };
    expect(workflow.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+', 'v[0-9]+.[0-9]+.[0-9]+-*']);
    expect(workflow.permissions).toEqual({ contents: 'write' });
    const steps = workflow.jobs.release.steps;
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      'node-version': 24,
    });
    const runs = steps.map((step) => step.run ?? '');
    const order = [
      'scripts/release-plan.ts',
      'npm run check-dist',
      'scripts/e2e-dist.sh',
      'test/dist.test.ts',
      'gh release create',
      'git push --force origin "refs/tags/$MAJOR"',
    ].map((command) => runs.findIndex((run) => run.includes(command)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('the README tells how to pin and how a release is made', () => {
    const readme = read('README.md');
    expect(readme).toContain('spinwash/spinwash@v0');
    expect(readme).toMatch(/spinwash\/spinwash@[0-9a-f]{40}/);
    expect(readme).toContain('.github/workflows/release.yml');
  });
});
