// Highlighting a hit's words on its meeting's page finds them as the index does: whole words,
// case and diacritics folded, a prefix to the end of its word, offsets into the text as shown.
import { describe, expect, it } from 'vitest';
import { wordRanges } from '../../renderer/src/features/search/wordRanges';

const marked = (text: string, words: string[]): string[] => wordRanges(text, words).map(([s, e]) => text.slice(s, e));

describe('search: the words highlighted on the page', () => {
  it('finds whole words only, folding case and diacritics, at their offsets in the original text', () => {
    expect(marked('Private Fostering; the fosterer was not fostering.', ['fostering'])).toEqual(['Fostering', 'fostering']);
    expect(marked('The Café Rouge and the CAFE', ['cafe'])).toEqual(['Café', 'CAFE']);
    expect(marked('Cafe\u0301 decomposed', ['café'])).toEqual(['Cafe\u0301']);
    expect(marked('İstanbul office', ['office'])).toEqual(['office']);
  });

  it('marks a prefix to the end of its word, and merges overlaps', () => {
    expect(marked('fostering, foster, fost and afoster', ['fost*'])).toEqual(['fostering', 'foster', 'fost']);
    expect(marked('fostering', ['fostering', 'fost*'])).toEqual(['fostering']);
    expect(wordRanges('', ['x'])).toEqual([]);
    expect(wordRanges('text', [])).toEqual([]);
    expect(wordRanges('text', ['*'])).toEqual([]);
  });
});
