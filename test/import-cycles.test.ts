/**
 * No import cycle in src/: a file that imports, even only a type or lazily, a file that imports it
 * back cannot be understood, moved or tested alone. The web's screens once took their props' type
 * from the route table that loads them (routes.tsx ↔ every screen); they take it from screen.ts now.
 * The whole of src/ is checked, not only the web: the server and the core have no cycle either
 * (but for the formula operators' recursive type, named below), and a new one should be a
 * decision, not an accident.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeCycle,
  findCycles,
  type ImportGraph,
  type ImportKind,
  importsOf,
  readImportGraph,
} from './import-graph.ts';

const ROOT = join(import.meta.dirname, '..');

const graphOf = (edges: Record<string, string[]>, kind: ImportKind = 'static'): ImportGraph =>
  new Map(Object.entries(edges).map(([from, to]) => [from, to.map((t) => ({ to: t, kind, specifier: t }))]));

describe('the cycle finder', () => {
  it('finds a loop of two files and names it from its first file', () => {
    const graph = graphOf({ 'b.ts': ['a.ts'], 'a.ts': ['b.ts', 'c.ts'], 'c.ts': [] });
    expect(findCycles(graph)).toEqual([{ loop: ['a.ts', 'b.ts', 'a.ts'], files: ['a.ts', 'b.ts'] }]);
    expect(describeCycle(graph, findCycles(graph)[0]!)).toBe('a.ts → b.ts → a.ts');
  });

  it('gives the shortest loop of a knot and lists the rest of it', () => {
    // a → b → c → d → a, and a shortcut c → a: the loop shown is a → b → c → a.
    const graph = graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['d.ts', 'a.ts'], 'd.ts': ['a.ts'] });
    const [cycle] = findCycles(graph);
    expect(cycle).toEqual({
      loop: ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
      files: ['a.ts', 'b.ts', 'c.ts', 'd.ts'],
    });
    expect(describeCycle(graph, cycle!)).toBe('a.ts → b.ts → c.ts → a.ts\n    and, in the same knot: d.ts');
  });

  it('finds a file that imports itself, and two separate knots separately', () => {
    const graph = graphOf({ 'a.ts': ['a.ts'], 'x.ts': ['y.ts'], 'y.ts': ['x.ts'] });
    expect(findCycles(graph).map((c) => c.loop)).toEqual([
      ['a.ts', 'a.ts'],
      ['x.ts', 'y.ts', 'x.ts'],
    ]);
  });

  it('does not take a diamond (two paths to one file) for a cycle', () => {
    const graph = graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['d.ts'], 'c.ts': ['d.ts'], 'd.ts': [] });
    expect(findCycles(graph)).toEqual([]);
  });

  it('says how each file imports the next', () => {
    const graph = graphOf({ 'a.ts': ['b.ts'] }, 'type');
    graph.set('b.ts', [{ to: 'a.ts', kind: 'lazy', specifier: './a.ts' }]);
    expect(describeCycle(graph, findCycles(graph)[0]!)).toBe('a.ts →(type) b.ts →(lazy) a.ts');
  });
});

describe('reading the imports of a file', () => {
  it('sees static, type-only, re-exported and lazy imports of relative paths, and nothing else', () => {
    const text = `
      import { a } from './a.ts';
      import type { B } from '../b.ts';
      import { type C, type D } from './cd.ts';
      import { type E, f } from './ef.ts';
      export { g } from './g.ts';
      export type { H } from './h.ts';
      import './style.css';
      import React from 'react';
      const Lazy = lazy(() => import('./screens/Lazy.tsx'));
      type T = typeof import('./t.ts');
      // import { no } from './comment.ts';
      const s = "import { no } from './string.ts'";
    `;
    expect(importsOf('x.tsx', text)).toEqual([
      { specifier: './a.ts', kind: 'static' },
      { specifier: '../b.ts', kind: 'type' },
      { specifier: './cd.ts', kind: 'type' },
      { specifier: './ef.ts', kind: 'static' },
      { specifier: './g.ts', kind: 'static' },
      { specifier: './h.ts', kind: 'type' },
      { specifier: './style.css', kind: 'static' },
      { specifier: './screens/Lazy.tsx', kind: 'lazy' },
      { specifier: './t.ts', kind: 'type' },
    ]);
  });
});

describe('the source', () => {
  const { graph, unresolved } = readImportGraph(ROOT, 'src');

  it('resolves every relative import to a file (else a cycle could hide behind a missed one)', () => {
    expect(unresolved).toEqual([]);
    // The reader does see the graph: the shell's import of the route table is in it.
    expect(graph.get('src/web/App.tsx')?.map((e) => e.to)).toContain('src/web/routes.tsx');
    expect(graph.size).toBeGreaterThan(200);
  });

  it('has no import cycle', () => {
    // One knot of types only is by design: a formula holds formulas, so the union of every
    // operator's shape (formula/registry.ts) and the operators' common interface (operator.ts)
    // name each other. Types vanish at run time; the files still load, and test, one by one.
    const byDesign = (files: readonly string[]) => files.every((f) => f.startsWith('src/core/formula/'));
    const cycles = findCycles(graph)
      .filter((c) => !byDesign(c.files))
      .map((c) => describeCycle(graph, c));
    expect(cycles, `import cycles:\n  ${cycles.join('\n  ')}`).toEqual([]);
  });

  it('has no cycle at run time at all, that formula knot included', () => {
    const running: ImportGraph = new Map(
      [...graph].map(([from, edges]) => [from, edges.filter((e) => e.kind !== 'type')]),
    );
    const cycles = findCycles(running).map((c) => describeCycle(running, c));
    expect(cycles, `import cycles at run time:\n  ${cycles.join('\n  ')}`).toEqual([]);
  });

  it('lets only the application shell import the route table (screens take ScreenProps from screen.ts)', () => {
    const importers = [...graph]
      .filter(([, edges]) => edges.some((e) => e.to === 'src/web/routes.tsx'))
      .map(([from]) => from);
    expect(importers).toEqual(['src/web/App.tsx']);
  });
});
