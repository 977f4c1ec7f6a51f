// Keeping confidential items out of the public minutes: which passages of a confidential item
// would give it away, and whether any of them turns up in a text meant for publication.

/** Words of a passage, as compared: lower case, letters and digits only. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en-GB')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The text squashed to letters and digits only. A PDF's extracted text may lose or gain spaces
 * and line breaks anywhere, so both sides are compared squashed.
 */
export function squash(text: string): string {
  return wordsOf(text).join('');
}

/** A passage this long or longer (in words) is specific enough that finding it elsewhere is a leak. */
export const MIN_FRAGMENT_WORDS = 4;

/**
 * The passages of confidential text worth looking for: each sentence or line of at least
 * MIN_FRAGMENT_WORDS words. Shorter ones ("Finance", "JC to report") are too common to tell a
 * leak from an ordinary mention elsewhere in the minutes.
 */
export function confidentialFragments(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const piece of text.split(/[\n\r]+|(?<=[.!?;:])\s+/)) {
      const words = wordsOf(piece);
      if (words.length >= MIN_FRAGMENT_WORDS) found.add(piece.trim());
    }
  }
  return [...found];
}

/** The fragments that occur in the text (compared squashed), in the order given. */
export function findLeaks(fragments: readonly string[], text: string): string[] {
  const haystack = squash(text);
  return fragments.filter((f) => {
    const needle = squash(f);
    return needle.length > 0 && haystack.includes(needle);
  });
}
