// Ranking a search's window of matches: BM25 computed here over the newest matches FTS5 found
// (search.ts takes them newest first), counting each term in the text of each match. FTS5's own
// bm25() is not used because it first counts every match of every term in the whole index (its
// IDF), which for a word on every page of ten years of minutes costs more than the whole search
// may take; and its highlight() re-reads each match's positions, which costs more than counting
// here. The statistics (a term's rarity, the average length) are those of the window.

/** A term the hits must contain, as the index folds it: its words (a phrase: several); a prefix's last word is a start. */
export interface RankTerm {
  words: string[];
  prefix: boolean;
}

/** One match: its id and the text of its columns, as saved. */
export interface RankCandidate {
  id: number;
  title: string;
  body: string;
}

/** A word in a title or an action's reference counts this many times one in the text (as bm25(…, 4.0, 1.0) did). */
export const TITLE_WEIGHT = 4;
// BM25's usual constants (FTS5's own): how fast repeating a word stops adding, and how much a long text is discounted.
const K1 = 1.2;
const B = 0.75;

/** Lower case without diacritics, as the index's unicode61 tokenizer (remove_diacritics 2) folds a word. */
export const foldWord = (word: string): string => word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

const NOT_ASCII = /[^\p{ASCII}]/u;
/** A text folded as the index folds its words (the diacritics pass only where there can be any). */
const foldText = (text: string): string => (NOT_ASCII.test(text) ? foldWord(text) : text.toLowerCase());

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const WORD = '[\\p{L}\\p{N}]';

/**
 * Every term's occurrences as whole words of a folded text, in one pass (one pattern per term
 * costs as many passes over the text): a phrase is its words with only separators between, and
 * the longest phrases are tried first so that a match holds the most words it can.
 */
function termsPattern(terms: readonly RankTerm[]): RegExp {
  const alternatives = [...terms]
    .sort((a, b) => b.words.length - a.words.length)
    .map((t) => t.words.map(escape).join(`${WORD.replace('[', '[^')}+`) + (t.prefix ? `${WORD}*` : ''));
  return new RegExp(`(?<!${WORD})(?:${alternatives.join('|')})(?!${WORD})`, 'gu');
}

const wordMatches = (word: string, want: string, prefix: boolean): boolean => (prefix ? word.startsWith(want) : word === want);

/** How many times the term occurs in a run of words. */
function occurrences(words: readonly string[], term: RankTerm): number {
  const n = term.words.length;
  let found = 0;
  for (let i = 0; i + n <= words.length; i++) {
    let all = true;
    for (let j = 0; j < n && all; j++) all = wordMatches(words[i + j] as string, term.words[j] as string, term.prefix && j === n - 1);
    if (all) found++;
  }
  return found;
}

/** Adds each term's occurrences in a folded text, times the column's weight, to freq. */
function addCounts(freq: number[], text: string, pattern: RegExp, terms: readonly RankTerm[], weight: number): void {
  if (text === '' || terms.length === 0) return;
  for (const match of text.matchAll(pattern)) {
    const words = match[0].split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    terms.forEach((t, i) => {
      freq[i] = (freq[i] as number) + weight * occurrences(words, t);
    });
  }
}

/** Characters of text: the length BM25 discounts by. */
const lengthOf = (c: RankCandidate): number => c.title.length + c.body.length;

/**
 * The candidates' ids, best first: BM25 with each term's rarity and the average length taken over
 * the candidates themselves. Equal scores keep the candidates' order (newest first).
 */
export function rankCandidates(candidates: readonly RankCandidate[], terms: readonly RankTerm[]): number[] {
  const n = candidates.length;
  if (n === 0) return [];
  const counted = terms.filter((t) => t.words.length > 0);
  const pattern = termsPattern(counted);
  // A match none of the terms is counted in (folding here and in the tokenizer can differ for
  // rare characters) still counts once: FTS5 found it.
  const freqs = candidates.map((c) => {
    const f = counted.map(() => 0);
    addCounts(f, foldText(c.title), pattern, counted, TITLE_WEIGHT);
    addCounts(f, foldText(c.body), pattern, counted, 1);
    if (f.length > 0 && !f.some((x) => x > 0)) f[0] = 1;
    return f;
  });
  const lengths = candidates.map(lengthOf);
  const avgLength = Math.max(1, lengths.reduce((a, b) => a + b, 0) / n);
  // FTS5's IDF, floored the same way: a term in every candidate still counts a little.
  const idf = counted.map((_, i) => {
    const having = freqs.filter((f) => (f[i] as number) > 0).length;
    return Math.max(1e-6, Math.log((n - having + 0.5) / (having + 0.5)));
  });
  const scores = freqs.map((f, row) => {
    const norm = K1 * (1 - B + (B * (lengths[row] as number)) / avgLength);
    return f.reduce((sum, tf, i) => sum + ((idf[i] as number) * tf * (K1 + 1)) / (tf + norm), 0);
  });
  return candidates
    .map((c, row) => ({ id: c.id, score: scores[row] as number, row }))
    .sort((a, b) => b.score - a.score || a.row - b.row)
    .map((c) => c.id);
}
