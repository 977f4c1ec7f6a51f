// No import cycles in electron/, shared/ or renderer/src: a cycle means some module runs while
// another it needs is only half loaded, and layers that import each other cannot be split.
//
// Type-only imports count (`import type`, or every binding marked `type`): the compiler erases
// them, so they never run at load, but a type-only cycle still ties two layers together, and the
// code base was made free of them cheaply. Dynamic `import('...')` does not count: it runs after
// both modules have loaded (the browser host loads the PDF printer that way, the renderer its
// meeting page), which is what it is for.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImportGraph, findCycles, importsOf, resolveSpecifier, sourceFiles, type EdgeKind, type ImportGraph } from '../helpers/import-graph';
import { tempDir } from '../helpers/temp';

const COUNTED: readonly EdgeKind[] = ['value', 'type'];
const ROOTS = ['electron', 'shared', 'renderer/src'];

const describeCycles = (cycles: string[][], root: string): string =>
  cycles.map((cycle) => cycle.map((file) => path.relative(root, file).split(path.sep).join('/')).join(' → ')).join('\n');

describe('the source tree', () => {
  it('has no import cycles in electron/, shared/ or renderer/src, counting type-only imports', () => {
    const files = sourceFiles(ROOTS.map((r) => path.resolve(r)));
    // Guards against a walk that finds nothing (and so no cycles): the tree has well over 100 sources.
    expect(files.length).toBeGreaterThan(100);
    const graph = buildImportGraph(files, COUNTED);
    expect([...graph.values()].flat().length).toBeGreaterThan(files.length);
    expect(describeCycles(findCycles(graph), process.cwd())).toBe('');
  });
});

describe('reading imports', () => {
  it('tells value, type-only and dynamic imports apart', () => {
    const source = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C, type D } from './c';",
      "import { type E, f } from './e';",
      "import * as g from './g';",
      "import './h';",
      "export * from './i';",
      "export type { J } from './j';",
      "export { k, type K } from './k';",
      "export { type L } from './l';",
      "import fs from 'node:fs';",
      "type M = typeof import('./m');",
      "export async function later() { return (await import('./n')).n; }",
      'export const used = [a, f, g, fs];',
    ].join('\n');
    expect(importsOf('x.ts', source)).toEqual([
      { specifier: './a', kind: 'value' },
      { specifier: './b', kind: 'type' },
      { specifier: './c', kind: 'type' },
      { specifier: './e', kind: 'value' },
      { specifier: './g', kind: 'value' },
      { specifier: './h', kind: 'value' },
      { specifier: './i', kind: 'value' },
      { specifier: './j', kind: 'type' },
      { specifier: './k', kind: 'value' },
      { specifier: './l', kind: 'type' },
      { specifier: 'node:fs', kind: 'value' },
      { specifier: './m', kind: 'type' },
      { specifier: './n', kind: 'dynamic' },
    ]);
  });

  it('resolves relative specifiers to .ts, .tsx and index files, and leaves packages alone', () => {
    const files = new Set(['/src/a.ts', '/src/b.tsx', '/src/c/index.ts', '/src/d.ts']);
    const exists = (file: string): boolean => files.has(file);
    expect(resolveSpecifier('/src/x.ts', './a', exists)).toBe('/src/a.ts');
    expect(resolveSpecifier('/src/x.ts', './b', exists)).toBe('/src/b.tsx');
    expect(resolveSpecifier('/src/x.ts', './c', exists)).toBe('/src/c/index.ts');
    expect(resolveSpecifier('/src/x.ts', './d.js', exists)).toBe('/src/d.ts');
    expect(resolveSpecifier('/src/deep/x.ts', '../a', exists)).toBe('/src/a.ts');
    expect(resolveSpecifier('/src/x.ts', './missing', exists)).toBeUndefined();
    expect(resolveSpecifier('/src/x.ts', 'zod', exists)).toBeUndefined();
    expect(resolveSpecifier('/src/x.ts', '../package.json', () => true)).toBeUndefined();
  });
});

describe('finding cycles', () => {
  const graph = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

  it('finds none in a graph without cycles, however the paths rejoin', () => {
    expect(findCycles(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('finds each knot once, as the shortest way round from its first file, and a file importing itself', () => {
    const cycles = findCycles(
      graph({
        a: ['b'],
        b: ['c', 'x'],
        c: ['a', 'b'],
        d: ['d'],
        e: ['f'],
        f: ['e', 'a'],
        x: [],
      }),
    );
    expect(cycles).toEqual([
      ['a', 'b', 'c', 'a'],
      ['d', 'd'],
      ['e', 'f', 'e'],
    ]);
  });

  it('fails on a cycle written in files, through an index file and a type-only import', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'store'));
    fs.writeFileSync(path.join(dir, 'store', 'index.ts'), "export { readMeeting } from './meetings';\n");
    fs.writeFileSync(path.join(dir, 'store', 'meetings.ts'), "import type { Lock } from '../lock';\nexport const readMeeting = (lock: Lock) => lock;\n");
    fs.writeFileSync(path.join(dir, 'lock.ts'), "import { readMeeting } from './store';\nexport type Lock = string;\nexport const read = readMeeting;\n");
    fs.writeFileSync(path.join(dir, 'leaf.ts'), "import { read } from './lock';\nexport const leaf = read;\n");
    const files = sourceFiles([dir]);
    expect(describeCycles(findCycles(buildImportGraph(files, COUNTED)), dir)).toBe('lock.ts → store/index.ts → store/meetings.ts → lock.ts');
    // Counting value imports only, the same files have no cycle: the type-only edge closes it.
    expect(findCycles(buildImportGraph(files, ['value']))).toEqual([]);
  });
});
