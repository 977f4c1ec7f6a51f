// What the user typed in the search box, made into an FTS5 query that cannot fail: words and
// "phrases in quotes" are always passed to FTS5 as quoted strings (its own syntax never reaches
// it from the user), with `word*` for a prefix, `-word` to leave out, and OR between two terms.
// Anything else (brackets, NEAR, a lone * or -, colons) is just text, found as words or not at all.
import { foldWord, type RankTerm } from './rank';

/** Terms beyond this many are ignored: a pasted page of text is not a search. */
export const MAX_TERMS = 32;

export interface QueryTerm {
  /** The words as typed (a phrase: several). */
  text: string;
  prefix: boolean;
  negated: boolean;
}

export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when there is nothing to look for. */
  match: string | null;
  /** The words found hits contain, lower case, for highlighting (prefix terms end in *). */
  highlight: string[];
  /** Terms were left out because there were more than MAX_TERMS. */
  truncated: boolean;
  /** The terms hits contain (not those left out), folded as the index folds them: what ranking counts. */
  terms: RankTerm[];
}

/**
 * The words of the index a prefix stands for, or null to let FTS5 expand it itself: FTS5 reads a
 * prefix it keeps no index for (search_fts has them for 2 and 3 characters) by merging every
 * matching word's list in full, while a few words joined by OR are read only as far as needed.
 */
export type PrefixWords = (prefix: string) => string[] | null;

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Splits the text into terms: quoted phrases, and words separated by spaces. */
export function queryTerms(text: string): Array<QueryTerm | 'OR'> {
  const out: Array<QueryTerm | 'OR'> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if (ch === '-' && text[i + 1] === '"') {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      const phrase = end === -1 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end === -1 ? text.length : end + 1;
      const prefix = text[i] === '*';
      if (prefix) i++;
      out.push({ text: phrase, prefix, negated });
      continue;
    }
    let j = i;
    while (j < text.length && !/\s/u.test(text[j] as string) && text[j] !== '"') j++;
    let word = text.slice(i, j);
    i = j;
    if (word === 'OR') {
      out.push('OR');
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      negated = true;
      word = word.slice(1);
    }
    const prefix = word.endsWith('*');
    out.push({ text: prefix ? word.replace(/\*+$/u, '') : word, prefix, negated });
  }
  return out;
}

/** One term as an FTS5 string: always quoted, so nothing typed is read as FTS5 syntax. */
const quoted = (t: QueryTerm): string => `"${t.text.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`;

/** Prefixes the index has its own lists for (search_fts' prefix option): FTS5 reads those quickly. */
const INDEXED_PREFIX_LENGTHS = new Set([2, 3]);
/** A single plain word (letters and digits of ASCII), which folds to itself in lower case. */
const PLAIN_WORD = /^[a-z0-9]+$/iu;

/** A term, with a prefix FTS5 keeps no list for written as the words it stands for. */
function termMatch(t: QueryTerm, prefixWords: PrefixWords | undefined): string {
  if (!t.prefix || !prefixWords || !PLAIN_WORD.test(t.text) || INDEXED_PREFIX_LENGTHS.has(t.text.length)) return quoted(t);
  const words = prefixWords(t.text.toLowerCase());
  if (!words || words.length === 0) return quoted(t);
  return words.length === 1 ? quoted({ text: words[0] as string, prefix: false, negated: false }) : `(${words.map((w) => quoted({ text: w, prefix: false, negated: false })).join(' OR ')})`;
}

/** The lower-case words of a term, as the index folds them (case; diacritics are folded when highlighting). */
const wordsOf = (text: string): string[] => text.toLocaleLowerCase('en-GB').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export function parseQuery(text: string, prefixWords?: PrefixWords): ParsedQuery {
  const all = queryTerms(text.replaceAll('\u0000', ' ')).filter((t) => t === 'OR' || HAS_WORD.test(t.text));
  const termCount = all.filter((t) => t !== 'OR').length;
  let kept = 0;
  const terms: Array<QueryTerm | 'OR'> = [];
  for (const t of all) {
    if (t !== 'OR' && ++kept > MAX_TERMS) break;
    terms.push(t);
  }
  // Positive terms in groups joined by OR ("a OR b c" is (a OR b) AND c); negated ones left out after.
  const groups: QueryTerm[][] = [];
  const negated: QueryTerm[] = [];
  let joinNext = false;
  for (const t of terms) {
    if (t === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    if (t.negated) {
      negated.push(t);
      joinNext = false;
      continue;
    }
    const last = groups.at(-1);
    if (joinNext && last) last.push(t);
    else groups.push([t]);
    joinNext = false;
  }
  const highlight = [...new Set(groups.flat().flatMap((t) => {
    const words = wordsOf(t.text);
    return t.prefix && words.length > 0 ? [...words.slice(0, -1), `${words.at(-1)}*`] : words;
  }))];
  if (groups.length === 0) return { match: null, highlight: [], truncated: termCount > MAX_TERMS, terms: [] };
  const one = (t: QueryTerm): string => termMatch(t, prefixWords);
  const positive = groups.map((g) => (g.length === 1 ? one(g[0] as QueryTerm) : `(${g.map(one).join(' OR ')})`)).join(' AND ');
  const match = negated.length === 0 ? positive : `(${positive}) ${negated.map((t) => `NOT ${one(t)}`).join(' ')}`;
  const rankTerms = groups.flat().map((t) => ({ words: t.text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean).map(foldWord), prefix: t.prefix }));
  return { match, highlight, truncated: termCount > MAX_TERMS, terms: rankTerms };
}
