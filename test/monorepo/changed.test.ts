import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changedApps, changedFiles, touchedApps } from '../../src/monorepo/changed.js';
import { discoverApps } from '../../src/monorepo/discover.js';
import { cdylib, rlib, writeTree } from './tree.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('touchedApps', () => {
  const apps = [
    { name: 'a', dir: 'apps/a', folders: ['apps/a', 'libs/util'] },
    { name: 'b', dir: 'apps/b', folders: ['apps/b'] },
    { name: 'root', dir: '', folders: [''] },
  ];
  const cases: [string, string[]][] = [
    ['apps/a/src/lib.rs', ['a', 'root']],
    ['apps/ab/x.rs', ['root']], // not apps/a's
    ['libs/util/src/lib.rs', ['a', 'root']], // a's path dependency
    ['apps/Cargo.lock', ['a', 'b', 'root']], // a setting above both
    ['rust-toolchain.toml', ['a', 'b', 'root']],
    ['.cargo/config.toml', ['a', 'b', 'root']],
    ['apps/README.md', ['root']], // not a setting
    ['docs/x.md', ['root']],
  ];
  it.each(cases)('%s touches %j', (file, names) => {
    expect([...touchedApps(apps, [file])].sort()).toEqual(names);
  });
});

describe('paths-changed against real git', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('lists committed, uncommitted and untracked changes since the merge base, and the apps they touch', async () => {
    const root = writeTree({
      'apps/a/Cargo.toml': cdylib('a', 'util = { path = "../../libs/util" }\n'),
      'apps/b/Cargo.toml': cdylib('b'),
      'apps/c/Cargo.toml': cdylib('c'),
      'libs/util/Cargo.toml': rlib('util'),
    });
    roots.push(root);
    git(root, 'init', '-q', '-b', 'main');
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
    git(root, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(root, 'libs/util/src.rs'), 'x'); // untracked, in a's dependency
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'util');
    // main moves on: its changes are not this branch's
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, 'apps/c/x.rs'), 'main only');
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'main');
    git(root, 'checkout', '-q', 'feature');
    writeFileSync(path.join(root, 'apps/b/new.rs'), 'untracked');

    const { files } = await changedFiles(root, 'main');
    expect(files).toEqual(['apps/b/new.rs', 'libs/util/src.rs']);
    const apps = await discoverApps(root);
    expect((await changedApps(root, apps, 'main')).map((a) => a.name)).toEqual(['a', 'b']);
    // from a subfolder: paths are still the repository's
    expect((await changedApps(path.join(root, 'apps'), apps, 'main')).map((a) => a.name)).toEqual([
      'a',
      'b',
    ]);

    await expect(changedFiles(root, 'nope')).rejects.toThrow(
      /^Input `paths-changed`: "nope" is not a commit in this clone; fetch it \(actions\/checkout with `fetch-depth: 0`\)/,
    );
    await expect(changedFiles(root, '--output=/tmp/x')).rejects.toThrow(
      'Input `paths-changed` has the value "--output=/tmp/x"; accepted: a branch, tag or commit',
    );
  });
});
