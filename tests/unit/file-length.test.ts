// Source files stay at 400 lines or under: a longer .ts/.tsx file under electron/, shared/ or
// renderer/src is split by responsibility, or says at its top why it is not ("Over 400 lines
// because ..." in a comment in its first five lines).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../helpers/import-graph';

const LIMIT = 400;
const REASON_WITHIN = 5;
const REASON = /^\s*(\/\/|\/\*|\*).*\bOver 400 lines because\b\s*\S/;
const ROOTS = ['electron', 'shared', 'renderer/src'];

/** Lines as an editor numbers them: a final newline does not start another line. */
function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function hasWrittenReason(text: string): boolean {
  return text.split('\n').slice(0, REASON_WITHIN).some((line) => REASON.test(line));
}

/** The files over the limit without a reason at their top, by their names in `files`. */
function tooLong(files: ReadonlyArray<{ name: string; text: string }>): string[] {
  return files.filter((f) => lineCount(f.text) > LIMIT && !hasWrittenReason(f.text)).map((f) => f.name);
}

const relative = (file: string): string => path.relative(process.cwd(), file).split(path.sep).join('/');
const read = (name: string): { name: string; text: string } => ({ name, text: fs.readFileSync(name, 'utf8') });

describe('source file length', () => {
  it(`no .ts/.tsx file under ${ROOTS.join(', ')} is over ${LIMIT} lines without a reason at its top`, () => {
    const files = sourceFiles(ROOTS.map((r) => path.resolve(r))).map(relative);
    expect(files.length).toBeGreaterThan(100);
    expect(tooLong(files.map(read))).toEqual([]);
  });

  it('the rule: over 400 lines fails unless a comment in the first five lines says why', () => {
    const body = (n: number): string => Array.from({ length: n }, (_, i) => `export const line${i} = ${i};\n`).join('');
    const reason = '// Over 400 lines because the PDF syntax tables read best in one place.\n';
    expect(lineCount(body(LIMIT))).toBe(LIMIT);
    expect(lineCount(`${body(LIMIT)}export const last = 1;`)).toBe(LIMIT + 1);
    expect(
      tooLong([
        { name: 'exactly-400.ts', text: body(LIMIT) },
        { name: 'long.ts', text: body(LIMIT + 1) },
        { name: 'long-with-reason.ts', text: `// What this module owns.\n${reason}${body(LIMIT)}` },
        { name: 'block-comment-reason.ts', text: `/**\n * What this module owns.\n * Over 400 lines because one grammar is one file.\n */\n${body(LIMIT)}` },
        { name: 'reason-too-late.ts', text: `// 1\n// 2\n// 3\n// 4\n// 5\n${reason}${body(LIMIT)}` },
        { name: 'reason-in-code.ts', text: `export const note = 'Over 400 lines because';\n${body(LIMIT)}` },
        { name: 'reason-without-words.ts', text: `// Over 400 lines because\n${body(LIMIT)}` },
      ]),
    ).toEqual(['long.ts', 'reason-too-late.ts', 'reason-in-code.ts', 'reason-without-words.ts']);
  });
});
