// The source tree's import graph, for the import-cycle test: each file's import and
// export-from statements read with the TypeScript compiler's parser, relative specifiers
// resolved to files, and the cycles in the graph found.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * `value`: runs when the importing module loads. `type`: erased by the compiler (`import type`,
 * or every named binding marked `type`), so it never runs. `dynamic`: `import('...')` inside a
 * function, which runs after both modules have loaded.
 */
export type EdgeKind = 'value' | 'type' | 'dynamic';

export interface ImportEdge {
  specifier: string;
  kind: EdgeKind;
}

/** The modules a file names, in source order, with how each is used. Package imports included. */
export function importsOf(fileName: string, source: string): ImportEdge[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({ specifier: node.moduleSpecifier.text, kind: importIsTypeOnly(node.importClause) ? 'type' : 'value' });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      edges.push({ specifier: node.moduleSpecifier.text, kind: exportIsTypeOnly(node) ? 'type' : 'value' });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      edges.push({ specifier: node.moduleReference.expression.text, kind: node.isTypeOnly ? 'type' : 'value' });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) edges.push({ specifier: argument.text, kind: 'dynamic' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      // `typeof import('./x')` in a type position.
      edges.push({ specifier: node.argument.literal.text, kind: 'type' });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return edges;
}

// `import { type A, type B } from` is erased whole (the project does not set
// verbatimModuleSyntax, and neither tsc nor esbuild keeps an import with no value binding).
function importIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './x'` runs x for its side effects
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  if (!clause || ts.isNamespaceExport(clause)) return false; // `export * from` runs the module
  return clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

const EXTENSIONS = ['.ts', '.tsx', '.d.ts'];

/** The file a relative specifier names, as the bundler resolves it; undefined for packages and for files that are not sources. */
export function resolveSpecifier(fromFile: string, specifier: string, exists: (file: string) => boolean = isFile): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  // A specifier naming a file as it is (package.json, a stylesheet) resolves to that file.
  if (/\.\w+$/.test(base) && !/\.(js|jsx|mjs)$/.test(base) && exists(base)) return /\.tsx?$/.test(base) ? base : undefined;
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  const candidates = [...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => /\.tsx?$/.test(c) && exists(c));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Every .ts and .tsx file under the folders, sorted, as absolute paths. */
export function sourceFiles(roots: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        out.push(full);
      }
    }
  };
  for (const root of roots) walk(root);
  return out.sort();
}

/** file -> the files it imports, keeping only edges of the given kinds. */
export type ImportGraph = Map<string, string[]>;

export function buildImportGraph(files: string[], kinds: readonly EdgeKind[], read: (file: string) => string = (f) => fs.readFileSync(f, 'utf8')): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const targets = new Set<string>();
    for (const edge of importsOf(file, read(file))) {
      if (!kinds.includes(edge.kind)) continue;
      const target = resolveSpecifier(file, edge.specifier);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * One cycle per knot of mutually importing files (each strongly connected component with more
 * than one file, or a file importing itself): the shortest way round from the component's first
 * file, as [a, b, ..., a]. A knot of n files can hold many cycles; breaking the one shown and
 * running again shows the next, which keeps the report short and each line actionable.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component);
    const [start] = [...component].sort();
    if (start === undefined) continue;
    const selfLoop = (graph.get(start) ?? []).includes(start);
    if (component.length === 1 && !selfLoop) continue;
    cycles.push(selfLoop ? [start, start] : shortestCycle(graph, start, members));
  }
  return cycles.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** Breadth-first from `start` back to itself, staying inside the component. */
function shortestCycle(graph: ImportGraph, start: string, members: Set<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i] as string;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const way = [node];
        while (way[0] !== start) way.unshift(previous.get(way[0] as string) as string);
        return [...way, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  throw new Error(`${start} is in a strongly connected component but no cycle returns to it`);
}

/** Tarjan's algorithm, iterative so a deep import chain cannot overflow the stack. */
function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flat()]);
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++] as string;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
