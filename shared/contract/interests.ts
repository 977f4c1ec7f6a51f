// Declarations of interest: the board's register of members' interests, the declarations made
// at a meeting (part of its minutes), and the board's setting for the chair's signature block.
import { z } from 'zod';
import { DECLARATION_PARTICIPATIONS, INTEREST_CATEGORIES, type DeclarationParticipation, type InterestCategory } from '../domain/enums';
import { id, isoDate, method } from './common';

export type { DeclarationParticipation, InterestCategory };

export const INTEREST_TEXT_MAX = 500;

/** One interest on the register. */
export interface InterestEntry {
  id: string;
  boardId: string;
  memberId: string;
  /** As the roster names the member today: the register is a current document. */
  memberName: string;
  initials: string;
  interest: string;
  category: InterestCategory;
  fromDate: string | null;
  toDate: string | null;
}

export interface InterestRegister {
  boardId: string;
  boardName: string;
  entries: InterestEntry[];
}

/** A declaration made at a meeting, with the declarer named as the meeting's attendance names them. */
export interface Declaration {
  id: string;
  meetingId: string;
  attendanceId: string;
  name: string;
  initials: string | null;
  /** Null: made under the standing "Declarations of interest" item (or at the start of the meeting). */
  agendaItemId: string | null;
  interest: string;
  participation: DeclarationParticipation;
}

/** What the declarations panel of a meeting shows and offers. */
export interface MeetingDeclarations {
  meetingId: string;
  /** False once the minutes are agreed: declarations are then the record. */
  editable: boolean;
  declarations: Declaration[];
  /** Who can declare: those present or in attendance. */
  attendees: Array<{ attendanceId: string; name: string; initials: string | null; memberId: string | null }>;
  items: Array<{ id: string; number: string; title: string }>;
  /** The item called "Declarations of interest", if the agenda has one. */
  standingItemId: string | null;
  /** The register's current interests of members at the meeting: offered as the wording. */
  registered: Array<{ memberId: string; interest: string }>;
}

export interface PublishingSettings {
  boardId: string;
  /** Agreed minutes end with "Signed as a correct record … Chair … Date". */
  signatureBlock: boolean;
}

const interestText = z
  .string({ message: 'Describe the interest.' })
  .trim()
  .min(1, { message: 'Describe the interest.' })
  .max(INTEREST_TEXT_MAX, { message: `An interest can be described in at most ${INTEREST_TEXT_MAX} characters.` });

export const interestsMethods = {
  /** The board's register of members' interests. */
  listInterests: method<InterestRegister>()(z.strictObject({ boardId: id })),
  /** Adds an interest to the register (no interestId) or changes one. */
  saveInterest: method<InterestEntry>()(
    z
      .strictObject({
        boardId: id,
        interestId: id.optional(),
        memberId: id,
        interest: interestText,
        category: z.enum(INTEREST_CATEGORIES, { message: 'Choose the category of the interest.' }),
        fromDate: isoDate.nullable().optional(),
        toDate: isoDate.nullable().optional(),
      })
      .refine((v) => !v.fromDate || !v.toDate || v.toDate >= v.fromDate, {
        message: 'The interest cannot end before it starts: check the dates.',
        path: ['toDate'],
      }),
  ),
  removeInterest: method<{ removed: true }>()(z.strictObject({ interestId: id })),
  /** A meeting's declarations, who can declare and on which items. */
  getDeclarations: method<MeetingDeclarations>()(z.strictObject({ meetingId: id })),
  recordDeclaration: method<Declaration>()(
    z.strictObject({
      meetingId: id,
      attendanceId: id,
      agendaItemId: id.nullable(),
      interest: interestText,
      participation: z.enum(DECLARATION_PARTICIPATIONS, { message: 'Say whether they took part, took no part or left the room.' }),
    }),
  ),
  removeDeclaration: method<{ removed: true }>()(z.strictObject({ declarationId: id })),
  getPublishingSettings: method<PublishingSettings>()(z.strictObject({ boardId: id })),
  setSignatureBlock: method<PublishingSettings>()(z.strictObject({ boardId: id, signatureBlock: z.boolean({ message: 'Say whether the signature block is printed.' }) })),
} as const;
