// The board's own abbreviations, learnt from its minutes: a capitalised word (RIO, LSCB, MASE)
// that keeps appearing across its meetings and is nobody's initials on the roster is a thing the
// board talks about, not a person, so the roster check stops flagging it.
/** A word the minutes use in capitals in at least this many meetings is the board's vocabulary. */
export const ACRONYM_MIN_MEETINGS = 2;

const WORD = /[A-Za-z][A-Za-z']*/g;

/** Capitalised words, counted once per meeting, that look like initials but name no one on the roster. */
export function learnAcronyms(meetingTexts: readonly string[], rosterInitials: Iterable<string>): string[] {
  const people = new Set([...rosterInitials].map((i) => i.toLocaleUpperCase('en-GB')));
  const meetingsWith = new Map<string, number>();
  for (const text of meetingTexts) {
    const seen = new Set<string>();
    for (const m of text.matchAll(WORD)) {
      const token = m[0].replace(/'s$/, '');
      // All capitals (RIO, LSCB, LSCBs): mixed forms such as "CMc" are how initials are written.
      if (!/^[A-Z]{2,6}s?$/.test(token)) continue;
      const base = token.endsWith('s') && token.length > 2 ? token.slice(0, -1) : token;
      if (people.has(base.toLocaleUpperCase('en-GB'))) continue;
      seen.add(base);
    }
    for (const word of seen) meetingsWith.set(word, (meetingsWith.get(word) ?? 0) + 1);
  }
  return [...meetingsWith]
    .filter(([, n]) => n >= ACRONYM_MIN_MEETINGS)
    .map(([word]) => word)
    .sort();
}
