// Initials: how the minutes name people. Suggests them from a full name and, when the
// obvious ones are taken on the board, a readable alternative (Jim Crook -> JCr, JCK).
// Uniqueness is case-insensitive, as the roster's UNIQUE NOCASE constraint is.

export const MAX_INITIALS_LENGTH = 8;

/** Titles dropped from the front of a name before taking initials. */
const HONORIFICS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'cllr', 'councillor', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd', 'reverend', 'dci', 'sgt',
]);

/** Lower-case name particles ("Ludwig van Beethoven") that the usual initials skip. */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'la', 'le', 'bin', 'binti', 'al', 'el', 'y', 'e', 'ten', 'ter']);

const APOSTROPHES = /['’ʼ‘`]/u;

/** The key two initials clash on: "cmc" and "CMc" are the same initials. */
export function initialsKey(initials: string): string {
  return initials.trim().toUpperCase();
}

export function sameInitials(a: string, b: string): boolean {
  return initialsKey(a) === initialsKey(b);
}

/** Letters only, accents removed: "José" -> "Jose". */
function plainLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}]/gu, '');
}

interface NamePart {
  /** The part's letters, accents removed (O'Connor -> OConnor). */
  letters: string;
  /** Its contribution to the usual initials: one letter, or one per apostrophe segment (O'Connor -> OC). */
  initials: string;
  /** The index in `letters` after the last letter used in `initials`. */
  rest: number;
}

function toPart(token: string): NamePart | null {
  const segments = token.split(APOSTROPHES).map(plainLetters).filter((s) => s.length > 0);
  if (segments.length === 0) return null;
  const letters = segments.join('');
  // Only short prefixes are apostrophe surnames (O'Connor, D'Souza); "Ng'ang'a" keeps one initial.
  const prefixed = segments.length > 1 && segments.slice(0, -1).every((s) => s.length <= 2);
  if (!prefixed) return { letters, initials: letters.charAt(0).toUpperCase(), rest: 1 };
  const initials = segments.map((s) => s.charAt(0).toUpperCase()).join('');
  const rest = letters.length - (segments[segments.length - 1]?.length ?? 0) + 1;
  return { letters, initials, rest };
}

/** The parts of a name that initials are taken from, in order. */
function nameParts(fullName: string): NamePart[] {
  const tokens = fullName
    .normalize('NFC')
    .split(/[\s\-‐‑‒–—_.,;:/()]+/u)
    .filter((t) => plainLetters(t).length > 0);
  while (tokens.length > 1 && HONORIFICS.has(plainLetters(tokens[0] ?? '').toLowerCase())) tokens.shift();
  const kept = tokens.filter((t, i) => i === 0 || i === tokens.length - 1 || !PARTICLES.has(t));
  return kept.map(toPart).filter((p): p is NamePart => p !== null);
}

/** Parts that make the usual initials: very long names keep two given names and the surname. */
function coreParts(parts: NamePart[]): NamePart[] {
  if (parts.length <= 4) return parts;
  return [parts[0], parts[1], parts[parts.length - 1]].filter((p): p is NamePart => p !== undefined);
}

const fits = (candidate: string): boolean => candidate.length >= 1 && candidate.length <= MAX_INITIALS_LENGTH;

/**
 * Every initials the name can readably go by, best first, without numbers:
 * the usual ones (Michael O'Connor -> MOC), then more of the surname (Chris McCree -> CMc,
 * Jim Crook -> JCr), the surname's last letter (JCK), more of the first name (JiC),
 * and the surname's other letters as capitals.
 */
export function initialsCandidates(fullName: string): string[] {
  const parts = coreParts(nameParts(fullName));
  if (parts.length === 0) return [];
  const first = parts[0] as NamePart;
  const last = parts[parts.length - 1] as NamePart;
  const base = parts.map((p) => p.initials).join('');
  const head = parts.slice(0, -1).map((p) => p.initials).join('');
  const out: string[] = [base];

  // Extensions keep the name's own case (McCree -> CMcC), except for names typed in capitals.
  const extension = (part: NamePart): string => {
    const rest = part.letters.slice(part.rest);
    return part.letters === part.letters.toUpperCase() ? rest.toLowerCase() : rest;
  };
  const surnameRest = extension(last);
  const firstRest = parts.length > 1 ? extension(first) : '';
  const others = parts.slice(1).map((p) => p.initials).join('');
  // Best first: one more letter of the surname (JCr), the surname's last letter as a capital,
  // as the originals did (JCK), one more letter of the first name (JiC), then longer ones.
  for (let k = 1; k <= Math.max(surnameRest.length, firstRest.length); k++) {
    if (k <= surnameRest.length) out.push(base + surnameRest.slice(0, k));
    if (k === 1 && last.letters.length > last.rest) out.push(base + last.letters.slice(-1).toUpperCase());
    if (k <= firstRest.length) out.push(first.initials + firstRest.slice(0, k) + others);
  }
  // Any other letter of the surname as a capital: JCR, JCO.
  for (const letter of last.letters.slice(last.rest)) out.push(head + last.initials + letter.toUpperCase());

  const seen = new Set<string>();
  return out.filter((c) => {
    const key = initialsKey(c);
    if (!fits(c) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The usual initials for a name ("Michael O'Connor" -> "MOC"), or '' when it has no letters. */
export function defaultInitials(fullName: string): string {
  return initialsCandidates(fullName)[0] ?? '';
}

/**
 * Initials for this name that no one in `taken` holds: the best readable candidate, or,
 * when every one is taken, the usual initials with a number (JC2). '' when the name has
 * no letters. Deterministic: depends only on the name and the set of initials taken.
 */
export function suggestInitials(fullName: string, taken: Iterable<string>): string {
  return suggestAlternatives(fullName, taken, 1)[0] ?? '';
}

/** Up to `count` different suggestions, best first; see suggestInitials. */
export function suggestAlternatives(fullName: string, taken: Iterable<string>, count = 3): string[] {
  const takenKeys = new Set<string>();
  for (const t of taken) takenKeys.add(initialsKey(t));
  const candidates = initialsCandidates(fullName);
  const first = candidates[0];
  if (first === undefined) return [];
  const free = candidates.filter((c) => !takenKeys.has(initialsKey(c))).slice(0, count);
  for (let n = 2; free.length < count; n++) {
    const suffix = String(n);
    const numbered = first.slice(0, MAX_INITIALS_LENGTH - suffix.length) + suffix;
    if (!takenKeys.has(initialsKey(numbered))) free.push(numbered);
  }
  return free;
}

/** Why typed initials cannot be used, or null when they can (uniqueness is checked elsewhere). */
export function initialsProblem(initials: string): string | null {
  const value = initials.trim();
  if (value.length === 0) return 'Enter the initials the minutes use for this person.';
  if (value.length > MAX_INITIALS_LENGTH) return `Initials can be at most ${MAX_INITIALS_LENGTH} characters.`;
  if (!/^\p{L}[\p{L}\p{N}]*$/u.test(value)) return 'Initials may use only letters (and digits after a letter), with no spaces or dots.';
  return null;
}

/** Sort key for a roster: surname, then the full name ("Michael O'Connor" sorts under O). */
export function surnameSortKey(fullName: string): string {
  const parts = nameParts(fullName);
  const last = parts[parts.length - 1];
  const plain = fullName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return `${last ? last.letters.toLowerCase() : plain}\u0000${plain}`;
}
