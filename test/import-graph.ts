/**
 * The import graph of our own source: which file imports which, read from the syntax (the
 * TypeScript parser, so that a string or a comment that looks like an import is not taken for
 * one), and the cycles in it. Used by import-cycles.test.ts.
 *
 * Every way one file names another counts: `import`, `import type`, `export … from`, and a lazy
 * `import('./x.tsx')`. A type import leaves nothing in the bundle, and a lazy one is split into its
 * own chunk, but both still make the two files depend on each other: a screen that takes a type
 * from the route table that lazily loads it cannot be read, moved or tested without that table.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export type ImportKind = 'static' | 'type' | 'lazy';

export interface ImportEdge {
  /** The imported file, relative to the root, with forward slashes. */
  to: string;
  kind: ImportKind;
  /** The specifier as written, for the message. */
  specifier: string;
}

/** File → the files it imports (relative paths with forward slashes, only files of the graph). */
export type ImportGraph = Map<string, ImportEdge[]>;

const SOURCE = /\.(ts|tsx)$/;
/** Extensions tried for a specifier written without one, in the order a bundler tries them. */
const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

const posix = (path: string) => path.split(sep).join('/');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The relative specifiers a file names, with how it names them. */
export function importsOf(fileName: string, text: string): { specifier: string; kind: ImportKind }[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const found: { specifier: string; kind: ImportKind }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      // `import type {…}` or `import { type A, type B }`: nothing of the module is loaded at run time.
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, kind: typeOnly ? 'type' : 'static' });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({ specifier: node.moduleSpecifier.text, kind: node.isTypeOnly ? 'type' : 'static' });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, kind: 'lazy' });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      // `typeof import('./x.ts')` in a type position.
      found.push({ specifier: node.argument.literal.text, kind: 'type' });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found.filter((f) => f.specifier.startsWith('./') || f.specifier.startsWith('../'));
}

/**
 * The graph of every .ts/.tsx file under `dir` (relative to `root`). Relative specifiers that name
 * something else than source (a stylesheet, an image, JSON) are left out; one that names source
 * that does not exist is returned in `unresolved`, so that a resolver that silently found nothing
 * cannot make the graph look acyclic.
 */
export function readImportGraph(
  root: string,
  dir: string,
): { graph: ImportGraph; unresolved: { from: string; specifier: string }[] } {
  const graph: ImportGraph = new Map();
  const unresolved: { from: string; specifier: string }[] = [];
  for (const path of sourceFiles(resolve(root, dir))) {
    const from = posix(relative(root, path));
    const edges: ImportEdge[] = [];
    for (const { specifier, kind } of importsOf(path, readFileSync(path, 'utf8'))) {
      const base = resolve(dirname(path), specifier);
      const target = CANDIDATES.map((c) => base + c).find((p) => existsSync(p) && statSync(p).isFile());
      if (target && SOURCE.test(target)) edges.push({ to: posix(relative(root, target)), kind, specifier });
      else if (!target && !/\.(css|svg|png|json|html)$/.test(specifier)) unresolved.push({ from, specifier });
    }
    graph.set(from, edges);
  }
  return { graph, unresolved };
}

export interface Cycle {
  /** The shortest loop through the knot's first file (alphabetical): ["a.ts", "b.ts", "a.ts"]. */
  loop: string[];
  /** Every file of the knot: each reaches every other one by imports. */
  files: string[];
}

/** The cycles of the graph: one per strongly connected component (Tarjan) of more than one file. */
export function findCycles(graph: ImportGraph): Cycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const targets = (n: string) => (graph.get(n) ?? []).map((e) => e.to).filter((t) => graph.has(t));

  // Iterative, so that a long chain of imports cannot overflow the call stack.
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const out = targets(top.node);
      if (top.i < out.length) {
        const t = out[top.i++]!;
        if (!index.has(t)) {
          index.set(t, next);
          low.set(t, next++);
          stack.push(t);
          onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) low.set(top.node, Math.min(low.get(top.node)!, index.get(t)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== top.node);
        const selfLoop = component.length === 1 && targets(top.node).includes(top.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components
    .map((files) => ({ loop: shortestLoop(files[0]!, new Set(files), targets), files }))
    .sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));
}

/** The shortest path from `start` back to itself inside `within` (breadth first). */
function shortestLoop(start: string, within: Set<string>, targets: (n: string) => string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const n = queue.shift()!;
    for (const t of targets(n)) {
      if (!within.has(t)) continue;
      if (t === start) {
        const chain: string[] = [];
        for (let p = n; p !== start; p = previous.get(p)!) chain.unshift(p);
        return [start, ...chain, start];
      }
      if (!previous.has(t) && t !== start) {
        previous.set(t, n);
        queue.push(t);
      }
    }
  }
  return [start, start];
}

/**
 * A cycle as the failure message says it: the loop, with how each file imports the next, and the
 * other files caught in the same knot.
 */
export function describeCycle(graph: ImportGraph, cycle: Cycle): string {
  const { loop, files } = cycle;
  const parts = [loop[0]!];
  for (let i = 1; i < loop.length; i++) {
    const edge = (graph.get(loop[i - 1]!) ?? []).find((e) => e.to === loop[i]);
    parts.push(`${edge?.kind === 'static' ? '→' : `→(${edge?.kind})`} ${loop[i]}`);
  }
  const others = files.filter((f) => !loop.includes(f));
  return parts.join(' ') + (others.length ? `\n    and, in the same knot: ${others.join(', ')}` : '');
}
