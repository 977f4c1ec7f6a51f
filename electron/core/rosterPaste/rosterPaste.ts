// A pasted roster: each person checked against the board's roster and the rest of the paste
// (initials suggested where none were given, clashes flagged with free alternatives), then
// everyone added in one write through addRosterMember, so the same rules hold for one or many.
import type { CheckedPerson, ParsedInputOf, RosterMember, RosterPasteCheck } from '../../../shared/contract';
import { initialsKey, initialsProblem, suggestAlternatives, suggestInitials } from '../../../shared/domain/initials';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { addRosterMember } from '../roster/roster';
import { requireBoardRow } from '../settings/settings';
import { write } from '../store/write';

const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');

interface Holder {
  initials: string;
  fullName: string;
  /** On the roster already, or earlier in this paste. */
  where: 'roster' | 'paste';
}

function rosterHolders(store: Store, boardId: string): Holder[] {
  return (
    store.db
      .prepare('SELECT bm.initials, p.full_name AS fullName FROM board_members bm JOIN people p ON p.id = bm.person_id WHERE bm.board_id = ?')
      .all(boardId) as Array<{ initials: string; fullName: string }>
  ).map((h) => ({ ...h, where: 'roster' as const }));
}

export function checkRosterPaste(store: Store, input: ParsedInputOf<'checkRosterPaste'>): RosterPasteCheck {
  requireBoardRow(store, input.boardId);
  const holders = new Map<string, Holder>();
  const names = new Map<string, string>();
  for (const h of rosterHolders(store, input.boardId)) {
    holders.set(initialsKey(h.initials), h);
    names.set(nameKey(h.fullName), h.initials);
  }
  const taken = (): string[] => [...holders.values()].map((h) => h.initials);
  const people: CheckedPerson[] = input.people.map((p) => {
    const base = { fullName: p.fullName, role: p.role ?? null, organisation: p.organisation ?? null };
    const onRoster = names.get(nameKey(p.fullName));
    if (onRoster !== undefined) {
      return { ...base, initials: onRoster, suggested: false, problem: `Already on the roster as ${onRoster}: left out.`, alternatives: [], alreadyOnRoster: true };
    }
    const given = p.initials?.trim() || null;
    let initials: string;
    let suggested = false;
    let problem: string | null = null;
    let alternatives: string[] = [];
    const holder = given ? holders.get(initialsKey(given)) : undefined;
    const invalid = given ? initialsProblem(given) : null;
    if (given && !invalid && !holder) {
      initials = given;
    } else if (given && holder) {
      // A clash is shown, never silently renamed: the administrator chooses.
      initials = given;
      alternatives = suggestAlternatives(p.fullName, taken(), 3);
      problem = `${holder.initials} is already ${holder.fullName}’s${holder.where === 'roster' ? ' on the roster' : ', above'}. Choose other initials.`;
    } else {
      initials = suggestInitials(p.fullName, taken());
      suggested = true;
    }
    if (!problem && !initials) problem = 'This name has no letters to make initials from. Type the initials.';
    if (!problem) holders.set(initialsKey(initials), { initials, fullName: p.fullName, where: 'paste' });
    names.set(nameKey(p.fullName), initials);
    return { ...base, initials, suggested, problem, alternatives, alreadyOnRoster: false };
  });
  return { people, ready: people.filter((p) => !p.problem).length };
}

export function addRosterMembers(store: Store, input: ParsedInputOf<'addRosterMembers'>): RosterMember[] {
  requireBoardRow(store, input.boardId);
  // One write: a clash on row 20 leaves rows 1 to 19 unadded too, and says which row.
  return write(store, () =>
    input.people.map((p, i) => {
      try {
        return addRosterMember(store, { boardId: input.boardId, fullName: p.fullName, initials: p.initials, role: p.role ?? null, organisation: p.organisation ?? null });
      } catch (err) {
        if (err instanceof DomainError) throw new DomainError(err.code, `${p.fullName} (row ${i + 1}): ${err.message} No one was added.`, err.field);
        throw err;
      }
    }),
  ).value;
}
