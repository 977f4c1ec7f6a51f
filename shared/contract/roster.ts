// A board's roster: the people, their unique initials, roles and organisations.
import { z } from 'zod';
import { initialsProblem } from '../domain/initials';
import { EMAIL_MAX, EMAIL_PROBLEM, isEmailAddress } from '../domain/email';
import { LIMITS, id, isoDate, method, optionalText, personName } from './common';

export interface RosterMember {
  id: string;
  boardId: string;
  personId: string;
  fullName: string;
  initials: string;
  role: string | null;
  organisation: string | null;
  /** Where reminders of their actions go; null when not known. */
  email: string | null;
  /** A voting member (counts for quorum); false for officers and regular attendees. */
  isMember: boolean;
  joinedOn: string | null;
  leftOn: string | null;
  /** On the roster today: joined (or no date) and not yet left. */
  current: boolean;
  /** Where the minutes refer to them. Anyone referenced can be marked as left but not deleted. */
  references: { meetings: number; actions: number; groups: number };
}

export interface InitialsSuggestion {
  /** The best free initials for the name ('' when the name has no letters). */
  initials: string;
  /** Up to three free choices, best first. */
  alternatives: string[];
}

export const initials = z
  .string({ message: 'Enter the initials the minutes use for this person.' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = initialsProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const rosterFields = {
  fullName: personName('the person’s full name'),
  initials,
  role: optionalText(LIMITS.role, 'A role'),
  organisation: optionalText(LIMITS.organisation, 'An organisation'),
  email: z
    .string({ message: EMAIL_PROBLEM })
    .trim()
    .max(EMAIL_MAX, { message: EMAIL_PROBLEM })
    .refine((v) => v === '' || isEmailAddress(v), { message: EMAIL_PROBLEM })
    .nullable()
    .optional(),
  isMember: z.boolean({ message: 'Say whether they are a member.' }).optional(),
  joinedOn: isoDate.nullable().optional(),
  leftOn: isoDate.nullable().optional(),
};

export const leftAfterJoined = <T extends { joinedOn?: string | null; leftOn?: string | null }>(m: T): boolean =>
  !m.joinedOn || !m.leftOn || m.leftOn >= m.joinedOn;
export const LEFT_BEFORE_JOINED = { message: 'The date they left cannot be before the date they joined.', path: ['leftOn'] };

export const rosterMethods = {
  listRoster: method<RosterMember[]>()(z.strictObject({ boardId: id })),
  addRosterMember: method<RosterMember>()(z.strictObject({ boardId: id, ...rosterFields }).refine(leftAfterJoined, LEFT_BEFORE_JOINED)),
  updateRosterMember: method<RosterMember>()(z.strictObject({ memberId: id, ...rosterFields }).refine(leftAfterJoined, LEFT_BEFORE_JOINED)),
  markMemberLeft: method<RosterMember>()(z.strictObject({ memberId: id, leftOn: isoDate })),
  deleteRosterMember: method<{ deleted: true }>()(z.strictObject({ memberId: id })),
  suggestInitials: method<InitialsSuggestion>()(
    z.strictObject({
      boardId: id,
      fullName: z.string({ message: 'Enter a name.' }).max(LIMITS.personName, { message: `A name can be at most ${LIMITS.personName} characters.` }),
      exceptMemberId: id.optional(),
    }),
  ),
} as const;
