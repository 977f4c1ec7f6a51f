// Whatever is typed in the search box is safe: quotes, brackets, NEAR, a lone * or -, column
// filters, control characters and 10,000 characters are searched as text (or find nothing),
// never an internal error, and never change anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../shared/contract';
import { MAX_TERMS, parseQuery } from '../../electron/core/search/query';
import { dump, ok, tempCore } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';

const FTS_SYNTAX = ['"', '""', '(', ')', '*', '-', '+', '^', ':', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', '{', '}', 'title:', 'body:', ',', '.', '\u0000', '\u0001', '\u0002', '\\', "'"];
const piece = fc.oneof(fc.constantFrom(...FTS_SYNTAX), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('fostering', 'café', 'RP', 'board'));
const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
  fc.array(piece, { maxLength: 20 }).map((p) => p.join(' ')),
);

describe('search: hostile queries', () => {
  it('never fails inside and changes nothing, for any string', async () => {
    const core = await tempCore();
    await seedFixtureMinutes(inProcess(core));
    const before = dump(core);
    fc.assert(
      fc.property(hostile, fc.constantFrom('full', 'public'), (query, version) => {
        const r = core.call('search', { query, version });
        if (!r.ok) {
          // Only a string the schema refuses (none here is too long) may be refused, in words.
          expect(r.error.code).toBe('invalid_input');
          return;
        }
        expect(Array.isArray((r.value as SearchResult).meetings)).toBe(true);
      }),
      { numRuns: 400 },
    );
    for (const query of ['"', '""', '*', '-', '()', 'NEAR', 'NEAR(a b)', 'a NEAR/2 b', '"unterminated', 'title:fostering', 'OR', 'NOT fostering', '-fostering', 'AND OR NOT', '^fostering', '{title}:x', 'x'.repeat(10_000), 'fostering '.repeat(1_000)]) {
      const r = core.call('search', { query });
      expect(r.ok, query.slice(0, 40)).toBe(true);
    }
    expect(dump(core)).toEqual(before);
  });

  it('makes every FTS5 string a quoted one, and uses at most MAX_TERMS terms', () => {
    fc.assert(
      fc.property(hostile, (query) => {
        const parsed = parseQuery(query);
        if (parsed.match === null) return;
        // Outside the quoted strings there are only operators, brackets and prefix stars.
        const outside = parsed.match.replace(/"(?:[^"]|"")*"/g, '');
        expect(outside).toMatch(/^[\s()*]*(?:(?:AND|OR|NOT)[\s()*]*)*$/);
      }),
    );
    const long = parseQuery('word '.repeat(10_000));
    expect(long.truncated).toBe(true);
    expect(long.match?.match(/"word"/g)).toHaveLength(MAX_TERMS);
  });

  it('says a query too long to search is too long, in words', async () => {
    const core = await tempCore();
    const r = core.call('search', { query: 'x'.repeat(10_001) });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'invalid_input', field: 'query' });
    expect(ok<SearchResult>(core, 'search', { query: '' }).meetings).toEqual([]);
  });
});
