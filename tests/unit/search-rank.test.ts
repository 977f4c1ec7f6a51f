// Ranking a search's window of matches (electron/core/search/rank.ts): BM25 counted in each
// match's text, a title word weighing four, phrases and prefixes counted as the index finds
// them, diacritics and case folded, rarer terms of an OR weighing more, ties newest first.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../electron/core/search/query';
import { rankCandidates, type RankCandidate } from '../../electron/core/search/rank';

const rank = (query: string, candidates: RankCandidate[]): number[] => rankCandidates(candidates, parseQuery(query).terms);
const doc = (id: number, title: string, body: string): RankCandidate => ({ id, title, body });

describe('search: ranking the newest matches', () => {
  it('puts a title word above the same word in passing, and the more it is said the higher', () => {
    const passing = doc(1, '', 'The treasurer noted the zebrafund in passing, among many other matters raised about the year ahead.');
    const often = doc(2, '', 'Zebrafund. The zebrafund grew. The zebrafund will be audited.');
    const titled = doc(3, 'Zebrafund', '');
    expect(rank('zebrafund', [passing, often, titled])).toEqual([3, 2, 1]);
  });

  it('discounts a long text: the same words once in a short decision beat once in a long discussion', () => {
    const long = doc(1, '', `Fostering was mentioned. ${'Other business of the board was discussed at length. '.repeat(20)}`);
    const short = doc(2, '', 'Fostering panel agreed.');
    expect(rank('fostering', [long, short])).toEqual([2, 1]);
  });

  it('counts phrases only with their words together, prefixes to the end of a word, and folds case and diacritics', () => {
    const apart = doc(1, '', 'Private matters and fostering matters; private and fostering; private, then fostering.');
    const together = doc(2, '', 'Private fostering was reviewed.');
    expect(rank('"private fostering"', [apart, together])).toEqual([2, 1]);
    const prefixed = doc(3, '', 'Safeguarding, safeguards and the safeguarding board.');
    const once = doc(4, '', 'Safeguarding was reviewed by the board at length today.');
    expect(rank('safeg*', [once, prefixed])).toEqual([3, 4]);
    const accented = doc(5, '', 'Le Café, le CAFÉ et le cafe.');
    const plain = doc(6, '', 'A cafe was opened near the office.');
    expect(rank('cafe', [plain, accented])).toEqual([5, 6]);
  });

  it('weighs the rarer of two words joined by OR more, as BM25 does', () => {
    // "housing" is in every match, "neglect" in one: the match with neglect ranks first.
    const common = [1, 2, 3, 4, 5].map((id) => doc(id, '', 'Housing report noted by the board.'));
    const rare = doc(6, '', 'Neglect report noted by the board.');
    expect(rank('neglect OR housing', [...common, rare])[0]).toBe(6);
  });

  it('keeps the newest first among equals, and still ranks a match whose words it cannot count', () => {
    const same = [7, 5, 3].map((id) => doc(id, '', 'Budget agreed.'));
    expect(rank('budget', same)).toEqual([7, 5, 3]);
    // A match FTS5 found is never dropped, even where the words are not counted here.
    expect(rank('budget', [doc(9, '', 'nothing to count'), doc(8, '', 'Budget agreed.')])).toEqual([8, 9]);
    expect(rank('budget', [])).toEqual([]);
  });
});
