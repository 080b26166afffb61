import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNIT } from '../vitest.config.js';

const src = path.resolve(import.meta.dirname, '../src');

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** A module's unit: its top folder under src/, or the file itself for src/*.ts (entries and small shared modules). */
function unitOf(file: string): string {
  const relative = path.relative(src, file);
  const [first, ...rest] = relative.split(path.sep);
  return rest.length === 0 ? relative.replace(/\.ts$/, '') : `${first}/`;
}

/** Edges between units: static imports, type imports and `await import()` alike. */
function unitGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sources(src)) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:\bfrom|\bimport\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts'));
      const [from, to] = [unitOf(file), unitOf(target)];
      if (from === to) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), path.relative(src, file)]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Strongly connected components with more than one unit (Tarjan). */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

describe('architecture', () => {
  it('has no import cycle between the folders of src/', () => {
    const graph = unitGraph();
    const explained = cycles(graph).map((units) =>
      units
        .flatMap((from) =>
          units.flatMap((to) => (graph.get(from)?.get(to) ?? []).map((f) => `${f} → ${to}`)),
        )
        .join('; '),
    );
    expect(explained).toEqual([]);
  });

  it('sees the edges it checks (a self-test of the scan)', () => {
    const graph = unitGraph();
    expect(graph.get('stages/')?.has('deploy/')).toBe(true);
    expect(graph.get('pipeline')?.has('stages/')).toBe(true);
  });

  it('a deploy target imports no other target (kubernetes pushes with the oci one)', () => {
    const targets = path.join(src, 'deploy/targets');
    const allowed = new Set(['kubernetes → oci']);
    const crossings: string[] = [];
    for (const file of sources(targets)) {
      const own = path.relative(targets, file).split(path.sep)[0]!;
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?:\bfrom|\bimport\()\s*'(\.{1,2}\/[^']+)'/g)) {
        const to = path.relative(targets, path.resolve(path.dirname(file), match[1]!));
        const other = to.startsWith('..') ? undefined : to.split(path.sep)[0];
        if (other && other !== own && !allowed.has(`${own} → ${other}`))
          crossings.push(`${path.relative(src, file)} → ${match[1]}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});

/** A UNIT entry's names: `a/{b,c}.test.ts` is two, `a/**\/*.test.ts` one (the folder's tests). */
function expand(pattern: string): string[] {
  const braces = /\{([^}]*)\}/.exec(pattern);
  return braces ? braces[1]!.split(',').map((name) => pattern.replace(braces[0], name)) : [pattern];
}

/** Whether a name matches a file: a test file, or a folder with tests for `folder/**\/*`. */
function matchesAFile(name: string): boolean {
  const file = path.resolve(import.meta.dirname, '..', name.split('/**')[0]!);
  if (!name.includes('**')) return existsSync(file);
  return existsSync(file) && sources(file).some((f) => f.endsWith('.test.ts'));
}

describe('the unit tier', () => {
  it('names in vitest.config.ts only files that exist', () => {
    expect(UNIT.flatMap(expand).filter((name) => !matchesAFile(name))).toEqual([]);
  });
});
