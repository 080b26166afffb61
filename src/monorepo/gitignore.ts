/**
 * `.gitignore` as git reads it (gitignore(5)), for finding apps without git: blank lines and
 * `#` comments skipped, `!` re-includes, a trailing `/` matches folders only, a pattern with a
 * `/` before its end is anchored to its file's folder, `*` `?` `[…]` stay within one path
 * segment, `**` spans segments. Files deeper in the tree override those above; within a file
 * the last matching line wins. Pure: text in, decisions out.
 */

export interface IgnoreRule {
  readonly negate: boolean;
  readonly dirOnly: boolean;
  readonly regex: RegExp;
}

/** The rules of one `.gitignore`, and the folder it sits in (POSIX, relative to the walk; `''` at the top). */
export interface IgnoreFile {
  readonly base: string;
  readonly rules: readonly IgnoreRule[];
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // trailing spaces go, unless escaped with a backslash
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    let dirOnly = false;
    if (line.endsWith('/') && !line.endsWith('\\/')) {
      dirOnly = true;
      line = line.replace(/\/+$/, '');
    }
    if (line === '') continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = globToRegex(line);
    rules.push({
      negate,
      dirOnly,
      regex: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`),
    });
  }
  return rules;
}

/** A glob as a regex body: `*` `?` `[…]` within a segment, `**` across them (Cargo's member globs read alike). */
export function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) {
      out += escapeChar(glob[++i]!);
    } else if (c === '*') {
      const double = glob[i + 1] === '*';
      const atStart = i === 0 || glob[i - 1] === '/';
      const after = glob[i + 2];
      if (double && atStart && after === '/') {
        out += '(?:.*/)?'; // `**/x`, `a/**/x`: zero or more folders
        i += 2;
      } else if (double && atStart && after === undefined) {
        out += '.*'; // `a/**`: everything inside
        i += 1;
      } else {
        out += '[^/]*'; // other runs of stars are single stars
        while (glob[i + 1] === '*') i++;
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        out += '\\[';
        continue;
      }
      let set = glob.slice(i + 1, end);
      const negated = set.startsWith('!') || set.startsWith('^');
      if (negated) set = set.slice(1);
      out += `[${negated ? '^' : ''}${set.replace(/\\/g, '\\\\').replace(/\//g, '')}]`;
      i = end;
    } else {
      out += escapeChar(c);
    }
  }
  return out;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/**
 * Whether `relPath` (POSIX, relative to the walk's top) is ignored by the files in `stack`
 * (outermost first). The walk never enters an ignored folder, so what lies below one is never
 * asked about (git cannot re-include it either).
 */
export function isIgnored(stack: readonly IgnoreFile[], relPath: string, isDir: boolean): boolean {
  let ignored = false;
  for (const file of stack) {
    const prefix = file.base === '' ? '' : `${file.base}/`;
    if (!relPath.startsWith(prefix)) continue;
    const local = relPath.slice(prefix.length);
    for (const rule of file.rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.regex.test(local)) ignored = !rule.negate;
    }
  }
  return ignored;
}
