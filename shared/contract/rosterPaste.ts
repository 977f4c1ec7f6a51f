// A roster pasted in one go (a table from Word or Excel, or lines as minutes print them): checked
// against the board's roster with initials suggested and clashes flagged, then added all at once.
import { z } from 'zod';
import { ROSTER_PASTE_MAX } from '../domain/rosterPaste';
import { id, LIMITS, method, optionalText, personName } from './common';
import { initials, type RosterMember } from './roster';

export interface CheckedPerson {
  fullName: string;
  /** The initials to use: as pasted when they are free, else suggested. */
  initials: string;
  /** True when the paste gave no initials (or unusable ones) and these are suggested. */
  suggested: boolean;
  role: string | null;
  organisation: string | null;
  /** Why this row cannot be added as it is (a clash, a name already on the roster), or null. */
  problem: string | null;
  /** Free initials to choose instead, best first (when there is a problem with the initials). */
  alternatives: string[];
  /** Someone of this name is already on the roster: left out unless the initials say otherwise. */
  alreadyOnRoster: boolean;
}

export interface RosterPasteCheck {
  people: CheckedPerson[];
  /** How many can be added as they stand. */
  ready: number;
}

const pastedPerson = z.strictObject({
  /** The pasted line it came from (shared/domain/rosterPaste.ts), kept only to point back at it. */
  line: z.number().int().min(1).optional(),
  fullName: personName('the person’s full name'),
  initials: z.string({ message: 'Initials must be text.' }).trim().max(LIMITS.initials + 20).nullable().optional(),
  role: optionalText(LIMITS.role, 'A role'),
  organisation: optionalText(LIMITS.organisation, 'An organisation'),
});

const tooMany = { message: `Add at most ${ROSTER_PASTE_MAX} people at a time. Paste the rest in a second go.` };

export const rosterPasteMethods = {
  /** Suggests initials for everyone pasted and flags clashes with the roster and within the paste; changes nothing. */
  checkRosterPaste: method<RosterPasteCheck>()(
    z.strictObject({ boardId: id, people: z.array(pastedPerson).max(ROSTER_PASTE_MAX, tooMany) }),
  ),
  /** Adds everyone in one change: all of them, or (on any clash) none, with the row named. */
  addRosterMembers: method<RosterMember[]>()(
    z.strictObject({
      boardId: id,
      people: z
        .array(
          z.strictObject({
            fullName: personName('the person’s full name'),
            initials,
            role: optionalText(LIMITS.role, 'A role'),
            organisation: optionalText(LIMITS.organisation, 'An organisation'),
          }),
        )
        .min(1, { message: 'There is no one to add.' })
        .max(ROSTER_PASTE_MAX, tooMany),
    }),
  ),
} as const;
