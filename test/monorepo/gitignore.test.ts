import { describe, expect, it } from 'vitest';
import { isIgnored, parseGitignore, type IgnoreFile } from '../../src/monorepo/gitignore.js';

const at = (base: string, text: string): IgnoreFile => ({ base, rules: parseGitignore(text) });

describe('.gitignore as git reads it', () => {
  const cases: [string, string, boolean, boolean][] = [
    // pattern, path, is a folder, ignored
    ['scratch', 'scratch', true, true],
    ['scratch', 'apps/scratch', true, true], // no slash: any depth
    ['/scratch', 'apps/scratch', true, false], // leading slash: anchored
    ['/scratch', 'scratch', true, true],
    ['apps/old', 'apps/old', true, true],
    ['apps/old', 'x/apps/old', true, false], // a slash inside anchors it
    ['build/', 'build', true, true],
    ['build/', 'build', false, false], // trailing slash: folders only
    ['*.tmp', 'a/b/c.tmp', false, true],
    ['a/*/c', 'a/b/c', true, true],
    ['a/*/c', 'a/b/x/c', true, false], // * stays in one segment
    ['a/**/c', 'a/b/x/c', true, true],
    ['a/**/c', 'a/c', true, true],
    ['**/gen', 'deep/down/gen', true, true],
    ['out/**', 'out/x', true, true],
    ['ap?s', 'apps', true, true],
    ['[ab]pps', 'bpps', true, true],
    ['[!ab]pps', 'bpps', true, false],
    ['# comment', '# comment', true, false],
    ['\\#hash', '#hash', true, true],
    ['', 'x', true, false],
  ];
  it.each(cases)('%j on %j (folder %s) → %s', (pattern, file, dir, ignored) => {
    expect(isIgnored([at('', pattern)], file, dir)).toBe(ignored);
  });

  it('re-includes with `!`, the last matching line winning', () => {
    const rules = at('', 'apps/*\n!apps/keep\n');
    expect(isIgnored([rules], 'apps/drop', true)).toBe(true);
    expect(isIgnored([rules], 'apps/keep', true)).toBe(false);
  });

  it('reads a deeper file relative to its own folder, overriding the files above', () => {
    const stack = [at('', 'generated\n'), at('apps', '!generated\n/local\n')];
    expect(isIgnored(stack, 'apps/generated', true)).toBe(false);
    expect(isIgnored(stack, 'other/generated', true)).toBe(true);
    expect(isIgnored(stack, 'apps/local', true)).toBe(true);
    expect(isIgnored(stack, 'local', true)).toBe(false); // anchored to apps/
  });
});
