import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appNames, comparePaths, discoverApps } from '../../src/monorepo/discover.js';
import { appMatrix, parseAppMatrix } from '../../src/monorepo/matrix.js';
import { MemoryLogger } from '../../src/log.js';
import { cdylib, rlib, writeTree } from './tree.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const SPIN = 'spin_manifest_version = 2\n[application]\nname = "web"\n';

describe('discoverApps', () => {
  it('finds every kind once, in path order, and skips what it must', async () => {
    const root = writeTree({
      '.gitignore': 'scratch/\n/ignored-at-top\n',
      'apps/a/Cargo.toml': cdylib('a'),
      'apps/a/src/lib.rs': '',
      'apps/b/Cargo.toml': cdylib('b-crate', 'util = { path = "../../libs/util" }\n'),
      // a workspace counts once, whatever its members
      'services/ws/Cargo.toml': '[workspace]\nmembers = ["members/*"]\nexclude = ["members/off"]\n',
      'services/ws/members/front/Cargo.toml': cdylib('front'),
      'services/ws/members/back/Cargo.toml': cdylib('back'),
      'services/ws/members/off/Cargo.toml': cdylib('off'), // excluded: its own app
      // a Spin app: its component crates are its own, not apps
      'web/spin.toml': SPIN,
      'web/api/Cargo.toml': cdylib('api'),
      // wasmCloud: wash 0.x and wash v2
      'cloud/v1/wasmcloud.toml': 'name = "v1"\n',
      'cloud/v1/Cargo.toml': cdylib('v1'),
      'cloud/v2/.wash/config.yaml': 'build: {}\n',
      'cloud/v2/Cargo.toml': cdylib('v2'),
      // not apps: a library, a native tool; a bin on a wasm-only crate is one
      'libs/util/Cargo.toml': rlib('util'),
      'tools/xtask/Cargo.toml': rlib('xtask'),
      'tools/xtask/src/main.rs': 'fn main() {}',
      'tools/server/Cargo.toml': `${rlib('server')}\n[dependencies]\nwstd = "0.5"\n`,
      'tools/server/src/main.rs': 'fn main() {}',
      // a bin that cargo's config builds for wasm
      'cli/.cargo/config.toml': '[build]\ntarget = "wasm32-wasip2"\n',
      'cli/Cargo.toml': rlib('cli'),
      'cli/src/main.rs': 'fn main() {}',
      // never entered
      'target/debug/Cargo.toml': cdylib('t'),
      'node_modules/x/spin.toml': SPIN,
      '.hidden/Cargo.toml': cdylib('h'),
      'apps/scratch/Cargo.toml': cdylib('s'),
      'ignored-at-top/Cargo.toml': cdylib('i'),
      'broken/Cargo.toml': '[package\n',
    });
    roots.push(root);
    const logger = new MemoryLogger();
    const apps = await discoverApps(root, logger);
    expect(appMatrix(apps, root).include).toEqual([
      { project: 'apps/a', name: 'a', kind: 'cargo' },
      { project: 'apps/b', name: 'b', kind: 'cargo' },
      { project: 'cli', name: 'cli', kind: 'cargo' },
      { project: 'cloud/v1', name: 'v1', kind: 'wash' },
      { project: 'cloud/v2', name: 'v2', kind: 'wash' },
      { project: 'services/ws', name: 'ws', kind: 'cargo' },
      { project: 'services/ws/members/off', name: 'off', kind: 'cargo' },
      { project: 'tools/server', name: 'server', kind: 'cargo' },
      { project: 'web', name: 'web', kind: 'spin' },
    ]);
    // a Cargo.toml cargo would refuse is skipped, said once
    expect(logger.lines.filter((l) => l.includes('broken'))).toHaveLength(1);
    // b builds from libs/util too: a change there is a change of b
    const b = apps.find((a) => a.name === 'b')!;
    expect(b.sources).toEqual([path.join(root, 'apps/b'), path.join(root, 'libs/util')]);
  });

  it('a root workspace of Spin components is not an app; the Spin apps are', async () => {
    const root = writeTree({
      'Cargo.toml': '[workspace]\nmembers = ["apps/*/component"]\n',
      'apps/one/spin.toml': SPIN,
      'apps/one/component/Cargo.toml': cdylib('one'),
      'apps/two/spin.toml': SPIN,
      'apps/two/component/Cargo.toml': cdylib('two'),
    });
    roots.push(root);
    expect(appMatrix(await discoverApps(root), root).include).toEqual([
      { project: 'apps/one', name: 'one', kind: 'spin' },
      { project: 'apps/two', name: 'two', kind: 'spin' },
    ]);
  });

  it('an app at the root is named after the root folder, and the paths are the cwd’s', async () => {
    const root = writeTree({ 'Cargo.toml': cdylib('x') }, 'My Repo-');
    roots.push(root);
    const [app] = await discoverApps(root);
    expect(app!.name).toBe(path.basename(root).toLowerCase().replace(/ /g, '-'));
    expect(appMatrix([app!], root).include[0]!.project).toBe('.');
    expect(appMatrix([app!], path.dirname(root)).include[0]!.project).toBe(path.basename(root));
  });
});

describe('appNames', () => {
  it('uses the folder name, the whole path where two collide, then a number', () => {
    expect(appNames(['apps/x/api', 'services/y/api', 'web', 'Web'], '/r')).toEqual([
      'apps-x-api',
      'services-y-api',
      'web',
      'web-2',
    ]);
    expect(appNames(['.', 'a'], '/srv/Mono Repo')).toEqual(['mono-repo', 'a']);
  });
});

describe('comparePaths', () => {
  it('orders one segment at a time, the root first', () => {
    const sorted = ['apps/a-b', 'apps/a/x', '.', 'apps/a', 'b'].sort(comparePaths);
    expect(sorted).toEqual(['.', 'apps/a', 'apps/a/x', 'apps/a-b', 'b']);
  });
});

describe('parseAppMatrix', () => {
  it('reads what plan wrote, and refuses an entry whose name cannot be a path', () => {
    const text = JSON.stringify({ include: [{ project: 'apps/a', name: 'a', kind: 'cargo' }] });
    expect(parseAppMatrix(text, 'Input `matrix`').include).toHaveLength(1);
    expect(() =>
      parseAppMatrix(
        '{"include":[{"project":"x","name":"../x","kind":"cargo"}]}',
        'Input `matrix`',
      ),
    ).toThrow('Input `matrix`: include[0].name has the value "../x"; accepted: lowercase letters');
    expect(() => parseAppMatrix('nope', 'Input `matrix`')).toThrow(
      /^Input `matrix` is not JSON .*; accepted: the `matrix` output of `mode: plan`$/,
    );
  });
});
