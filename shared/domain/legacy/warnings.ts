// The data-quality faults of legacy minutes that can be seen in the minutes themselves: people
// speaking who were not there (or not for that item), attendance for an item that does not
// exist, owner cells holding a phrase or two owners run together, duplicated references.
// Reported as warnings to fix or accept; nothing is corrected silently.
import { looksLikeInitials, splitOwnerText } from '../owners';
import { findUnknownInitials } from '../unknownInitials';
import type { LegacyMeeting, LegacyWarning } from './model';

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The item numbers an attendance note names: "Item 7" -> ["7"], "Items 3 & 4" -> ["3", "4"]. */
export function noteItems(note: string | null): string[] {
  if (!note || !/^items?\b/i.test(note)) return [];
  return [...note.matchAll(/\d{1,2}(?:[a-z]|\.\d{1,2})?/gi)].map((m) => m[0].toLowerCase());
}

/** Whether item `number` is, or is part of, item `named` ("7a" is part of "7"). */
const within = (number: string, named: string): boolean =>
  number === named || (number.startsWith(named) && !/^\d/.test(number.slice(named.length)));

/** Gives a duplicated printed reference a suffix: the second "21" becomes "21a", the third "21b". */
export function uniqueRefs(refs: readonly string[]): string[] {
  const seen = new Set<string>();
  return refs.map((ref) => {
    if (!seen.has(ref)) {
      seen.add(ref);
      return ref;
    }
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      const candidate = `${ref}${letter}`;
      if (!seen.has(candidate) && !refs.includes(candidate)) {
        seen.add(candidate);
        return candidate;
      }
    }
    return ref;
  });
}

export function meetingWarnings(meeting: LegacyMeeting, markupRefs: readonly string[]): LegacyWarning[] {
  const out: LegacyWarning[] = [];
  const present = [...meeting.present, ...meeting.inAttendance];
  const initials = present.map((p) => p.initials).filter((i): i is string => !!i);
  const numbers = meeting.items.map((i) => i.number.toLowerCase());

  // Speakers nobody listed.
  for (const item of meeting.items) {
    const text = [item.title, ...item.discussion].join('\n');
    const seen = new Set<string>();
    for (const hit of findUnknownInitials(text, initials)) {
      if (seen.has(hit.initials)) continue;
      seen.add(hit.initials);
      out.push({ kind: 'speaker_not_present', item: item.number, message: `${hit.initials} is named in item ${item.number} but is not in the attendance of this meeting.` });
    }
  }

  // Attendance for particular items: the items must exist, and the person should speak only there.
  for (const p of present) {
    const named = noteItems(p.note);
    if (named.length === 0) continue;
    for (const n of named) {
      if (!numbers.some((number) => within(number, n))) {
        out.push({ kind: 'attendance_item_missing', item: null, message: `${p.name} is listed as present for item ${n}, but these minutes have no item ${n}.` });
      }
    }
    if (!p.initials) continue;
    const word = new RegExp(`\\b${p.initials.replace(/[^A-Za-z]/g, '')}\\b`);
    const elsewhere = meeting.items.filter((i) => !named.some((n) => within(i.number.toLowerCase(), n)) && i.discussion.some((d) => word.test(d)));
    if (elsewhere.length > 0) {
      out.push({
        kind: 'speaker_outside_items',
        item: elsewhere[0]?.number ?? null,
        message: `${p.name} (${p.initials}) is listed as present for ${p.note} only, but speaks in item ${elsewhere.map((i) => i.number).join(', ')}.`,
      });
    }
  }

  // Items numbered under a main item that is not printed: "2a" with no "2".
  for (const item of meeting.items) {
    const main = /^(\d+)[a-z]$/i.exec(item.number)?.[1] ?? /^(\d+)\.\d+$/.exec(item.number)?.[1];
    if (main && !numbers.includes(main) && numbers.find((n) => within(n, main)) === item.number.toLowerCase()) {
      out.push({ kind: 'missing_item_number', item: item.number, message: `There is no item ${main}: the agenda goes straight to ${item.number}. The items are kept as numbered.` });
    }
  }

  if (!meeting.present.some((p) => p.note === 'Chair')) {
    out.push({ kind: 'no_chair', item: null, message: 'No one is marked as chair in the attendance.' });
  }
  for (const p of [...meeting.present, ...meeting.apologies, ...meeting.inAttendance]) {
    if (!p.role) out.push({ kind: 'missing_role', item: null, message: `${p.name} is listed without a role.` });
  }

  // The action tables.
  const apologies = new Set(meeting.apologies.map((p) => fold(p.name)));
  const names = new Set(present.map((p) => fold(p.name)));
  const known = new Set(initials.map((i) => i.toUpperCase()));
  for (const item of meeting.items) {
    const refs = uniqueRefs(meeting.items.flatMap((i) => i.actions.map((a) => a.ref))).slice(meeting.items.slice(0, meeting.items.indexOf(item)).reduce((n, i) => n + i.actions.length, 0));
    const all = meeting.items.flatMap((i) => i.actions.map((a) => a.ref));
    item.actions.forEach((action, index) => {
      const at = `Action ${action.ref}`;
      const first = all.indexOf(action.ref);
      const mine = meeting.items.slice(0, meeting.items.indexOf(item)).reduce((n, i) => n + i.actions.length, 0) + index;
      if (first !== mine) {
        out.push({ kind: 'duplicate_reference', item: item.number, message: `Two actions are numbered ${action.ref}; this one (“${action.details.slice(0, 60)}”) is given the reference ${refs[index] === action.ref ? `${action.ref}a` : refs[index]}.` });
      }
      const { tokens, remainder } = splitOwnerText(action.owner);
      if (remainder) out.push({ kind: 'owner_phrase', item: item.number, message: `${at}: the owner column holds a phrase (“${action.owner}”); the owner is taken as ${tokens.join(' & ')}.` });
      const words = action.owner.trim().split(/\s+/);
      if (words.length > 1 && words.every(looksLikeInitials)) {
        out.push({ kind: 'owners_unseparated', item: item.number, message: `${at}: the owner column “${action.owner}” gives ${words.length} owners with no separator; each is taken as an owner.` });
      }
      for (const token of tokens) {
        if (looksLikeInitials(token) ? !known.has(token.toUpperCase()) : !names.has(fold(token))) {
          const sent = apologies.has(fold(token));
          out.push({
            kind: 'owner_not_present',
            item: item.number,
            message: `${at}: the owner ${token} ${sent ? 'sent apologies to this meeting' : 'is not in the attendance of this meeting'}.`,
          });
        }
      }
      const lead = /^((?:[A-Z][A-Za-z]{1,3}(?:\s*(?:&|and|,)\s*)?)+)\s+to\s/.exec(action.details)?.[1];
      if (lead) {
        const doers = lead.split(/\s*(?:&|and|,)\s*/).filter(looksLikeInitials);
        if (doers.length > 0 && (doers.length !== tokens.length || doers.some((d) => !tokens.includes(d)))) {
          out.push({ kind: 'details_owner_mismatch', item: item.number, message: `${at}: the details name ${doers.join(' & ')}, but the owner column is “${action.owner}”.` });
        }
      }
      if (markupRefs.includes(action.ref)) {
        out.push({ kind: 'list_markup', item: item.number, message: `${at}: the details held list markup from the original file; it was turned into “- ” lines.` });
      }
    });
  }
  return out;
}
