// Who owns an action, from what the minutes write in the Action column: "AF & EA", "JC EA",
// "EA / Jackie Cook", "GH/VSH", "All agencies", "tbc". Each token is matched to the board's
// roster (initials, then full names), the meeting's guests or its groups; anything matching
// nobody is kept as written. This is the one resolver: the actions table, the server's owner
// writer and the import all read owners through readOwners/matchOwner, each with a directory
// of the roster as it was at the meeting (electron/core/store/ownerDirectory.ts).
import type { OwnerKind } from './enums';

export interface DirectoryGuest {
  /** The guest's attendance row at the meeting. */
  id: string;
  initials: string | null;
  fullName: string;
}

export interface OwnerDirectory {
  /** People as the meeting names them, first match wins (see ownerDirectoryAt). */
  members: ReadonlyArray<{ id: string; initials: string; fullName: string }>;
  groups: ReadonlyArray<{ id: string; name: string }>;
  /** Guests in attendance at the meeting (not on the roster). */
  guests?: ReadonlyArray<DirectoryGuest>;
}

/** How an owner is stored: a roster member, a guest's attendance row, a board group, or a name as written. */
export type OwnerRef = { memberId: string } | { attendanceId: string } | { groupId: string } | { name: string };

export type OwnerMatch = (
  | { kind: 'member'; memberId: string; initials: string; fullName: string }
  /** A guest in attendance at the meeting that agreed the action. */
  | { kind: 'guest'; attendanceId: string; initials: string | null; fullName: string }
  | { kind: 'group'; groupId: string; name: string }
  /** Matches nobody on the roster: kept exactly as written. */
  | { kind: 'name'; name: string }
) & { kind: OwnerKind };

const guestMatch = (g: DirectoryGuest): OwnerMatch => ({ kind: 'guest', attendanceId: g.id, initials: g.initials, fullName: g.fullName });

export const OWNER_NAME_MAX = 120;

/** How lists and filters name an owner the minutes left to be confirmed ("tbc"). */
export const TBC_LABEL = 'Owner to be confirmed';

const TBC_WORDS = new Set(['tbc', 'tba', 'tbd', 'to be confirmed', 'to be agreed', 'to be decided', 'owner tbc', 'owner to be confirmed', 'lead tbc']);

/** "tbc", "TBC", "to be confirmed": an explicit state, never a person (not even someone whose initials are TBC). */
export function isToBeConfirmed(name: string): boolean {
  return TBC_WORDS.has(name.normalize('NFKC').replace(/\./g, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB'));
}
export const OWNERS_MAX = 20;

/** MOC, AF, JSh, CMc, VSH: two to four capitals, each perhaps followed by one small letter. */
export function looksLikeInitials(word: string): boolean {
  return /^(?:[A-Z][a-z]?){2,4}$/.test(word) && (word.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');
const SEPARATORS = /\s*(?:&|\+|\/|,|;|\band\b)\s*/i;

/**
 * Splits an Action column into owner tokens. A task phrase after the owners ("AF to take
 * forward implementation") comes back as `remainder` so it is not mistaken for a name.
 */
export function splitOwnerText(text: string): { tokens: string[]; remainder: string | null } {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return { tokens: [], remainder: null };
  const task = /^(.+?)\s+(to\s+.+)$/i.exec(trimmed);
  if (task?.[1] && task[2]) {
    const lead = splitParts(task[1]);
    if (lead.length > 0 && lead.every(looksLikeInitials)) return { tokens: lead, remainder: task[2] };
  }
  return { tokens: splitParts(trimmed), remainder: null };
}

function splitParts(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(SEPARATORS)) {
    const p = piece.trim();
    if (!p) continue;
    const words = p.split(' ');
    // "JC EA": initials side by side with no separator are two owners.
    if (words.length > 1 && words.every(looksLikeInitials)) out.push(...words);
    else out.push(p);
  }
  return out;
}

/** One token against the roster: initials first, then full name, then group name. */
export function matchOwner(token: string, dir: OwnerDirectory): OwnerMatch {
  if (isToBeConfirmed(token)) return { kind: 'name', name: token.replace(/\s+/g, ' ').trim() };
  const key = fold(token);
  const byInitials = dir.members.find((m) => fold(m.initials) === key);
  if (byInitials) return { kind: 'member', memberId: byInitials.id, initials: byInitials.initials, fullName: byInitials.fullName };
  const guestByInitials = dir.guests?.find((g) => g.initials !== null && fold(g.initials) === key);
  if (guestByInitials) return guestMatch(guestByInitials);
  const byName = dir.members.find((m) => fold(m.fullName) === key);
  if (byName) return { kind: 'member', memberId: byName.id, initials: byName.initials, fullName: byName.fullName };
  const guestByName = dir.guests?.find((g) => fold(g.fullName) === key);
  if (guestByName) return guestMatch(guestByName);
  const group = dir.groups.find((g) => fold(g.name) === key);
  if (group) return { kind: 'group', groupId: group.id, name: group.name };
  return { kind: 'name', name: token.replace(/\s+/g, ' ').trim() };
}

/** A whole Action column: the owners it names (without repeats) and any task phrase. */
export function readOwners(text: string, dir: OwnerDirectory): { owners: OwnerMatch[]; remainder: string | null } {
  const whole = text.replace(/\s+/g, ' ').trim();
  if (!whole) return { owners: [], remainder: null };
  // A group or person whose name itself contains a separator ("Health & Wellbeing Board").
  const exact = matchOwner(whole, dir);
  if (exact.kind !== 'name') return { owners: [exact], remainder: null };
  const { tokens, remainder } = splitOwnerText(whole);
  const owners: OwnerMatch[] = [];
  for (const token of tokens) {
    const match = matchOwner(token, dir);
    if (!owners.some((o) => sameOwner(o, match))) owners.push(match);
  }
  return { owners, remainder };
}

export function sameOwner(a: OwnerMatch, b: OwnerMatch): boolean {
  if (a.kind === 'member' && b.kind === 'member') return a.memberId === b.memberId;
  if (a.kind === 'guest' && b.kind === 'guest') return a.attendanceId === b.attendanceId;
  if (a.kind === 'group' && b.kind === 'group') return a.groupId === b.groupId;
  if (a.kind === 'name' && b.kind === 'name') return fold(a.name) === fold(b.name);
  return false;
}

export function toOwnerRef(match: OwnerMatch): OwnerRef {
  if (match.kind === 'member') return { memberId: match.memberId };
  if (match.kind === 'guest') return { attendanceId: match.attendanceId };
  if (match.kind === 'group') return { groupId: match.groupId };
  return { name: match.name };
}

/** How an owner is printed in the Action column: initials (a guest without any by name), group name, or the name as written. */
export function ownerLabel(match: OwnerMatch): string {
  if (match.kind === 'member') return match.initials;
  if (match.kind === 'guest') return match.initials ?? match.fullName;
  return match.name;
}

/** A person's full name (a member or a guest), for titles and lists; null for a group or a name as written. */
export function ownerFullName(match: OwnerMatch): string | null {
  return match.kind === 'member' || match.kind === 'guest' ? match.fullName : null;
}

/** Initials and name ("JT Jonathon Toy"), or the group or name as written: what text search and calendars show. */
export function ownerSearchText(match: OwnerMatch): string {
  if (match.kind === 'member') return `${match.initials} ${match.fullName}`;
  if (match.kind === 'guest') return match.initials ? `${match.initials} ${match.fullName}` : match.fullName;
  return match.name;
}

/** "AF", "AF & EA", "AM, RW, DP & Barbara Hills". */
export function formatOwners(owners: readonly OwnerMatch[]): string {
  const labels = owners.map(ownerLabel);
  if (labels.length <= 2) return labels.join(' & ');
  return `${labels.slice(0, -1).join(', ')} & ${labels[labels.length - 1]}`;
}

/** Autocomplete: members by initials or name, and groups, best matches first. */
export function suggestOwners(query: string, dir: OwnerDirectory, limit = 8): OwnerMatch[] {
  const q = fold(query);
  if (!q) return [];
  const scored: Array<{ score: number; match: OwnerMatch; label: string }> = [];
  for (const m of dir.members) {
    const initials = fold(m.initials);
    const name = fold(m.fullName);
    let score = 0;
    if (initials === q) score = 100;
    else if (initials.startsWith(q)) score = 80;
    else if (name.startsWith(q)) score = 70;
    else if (name.split(' ').some((w) => w.startsWith(q))) score = 60;
    else if (name.includes(q)) score = 30;
    if (score > 0) scored.push({ score, match: { kind: 'member', memberId: m.id, initials: m.initials, fullName: m.fullName }, label: m.initials });
  }
  for (const g of dir.guests ?? []) {
    const initials = g.initials ? fold(g.initials) : '';
    const name = fold(g.fullName);
    let score = 0;
    if (initials === q) score = 95;
    else if (initials && initials.startsWith(q)) score = 75;
    else if (name.startsWith(q)) score = 68;
    else if (name.split(' ').some((w) => w.startsWith(q))) score = 58;
    else if (name.includes(q)) score = 28;
    if (score > 0) scored.push({ score, match: guestMatch(g), label: g.initials ?? g.fullName });
  }
  for (const g of dir.groups) {
    const name = fold(g.name);
    let score = 0;
    if (name === q) score = 90;
    else if (name.startsWith(q)) score = 65;
    else if (name.split(' ').some((w) => w.startsWith(q))) score = 55;
    else if (name.includes(q)) score = 25;
    if (score > 0) scored.push({ score, match: { kind: 'group', groupId: g.id, name: g.name }, label: g.name });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label, 'en-GB'))
    .slice(0, limit)
    .map((s) => s.match);
}
