// Where the words a search found are in a piece of text, compared as the search index compares
// them: case and diacritics folded, whole words, or the start of a word for a prefix ("fost*").
// Plain TypeScript, so the rule runs under test without a browser.

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The text folded character by character, with where each folded character came from. */
function fold(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');
    for (let k = 0; k < f.length; k++) from.push(i);
    folded += f;
    i += ch.length;
  }
  from.push(text.length);
  return { folded, from };
}

const foldWord = (w: string): string => fold(w).folded;

/** [start, end) offsets into `text` of every whole word (or word start, for a prefix) in `words`. */
export function wordRanges(text: string, words: readonly string[]): Array<[number, number]> {
  if (text === '' || words.length === 0) return [];
  const { folded, from } = fold(text);
  const found: Array<[number, number]> = [];
  for (const raw of words) {
    const prefix = raw.endsWith('*');
    const word = foldWord(prefix ? raw.slice(0, -1) : raw);
    if (word === '') continue;
    let at = folded.indexOf(word);
    while (at !== -1) {
      const before = at === 0 ? '' : (folded[at - 1] as string);
      let end = at + word.length;
      const startsWord = before === '' || !WORD_CHAR.test(before);
      if (prefix) while (end < folded.length && WORD_CHAR.test(folded[end] as string)) end++;
      const endsWord = end >= folded.length || !WORD_CHAR.test(folded[end] as string);
      if (startsWord && endsWord) found.push([from[at] as number, from[end] as number]);
      at = folded.indexOf(word, at + 1);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Overlaps (a word that is also another's prefix) become one range.
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
