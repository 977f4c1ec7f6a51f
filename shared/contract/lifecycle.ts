// The life of the minutes: circulated, agreed as accurate at a later meeting, published, corrected.
import type { MeetingStatus } from '../domain/enums';
import { z } from 'zod';
import { id, isoDate, method } from './common';
import type { ConfidentialDisplay } from './settings';

export interface MinutesCorrection {
  id: string;
  meetingId: string;
  /** The day the correction was made. */
  date: string;
  what: string;
  why: string;
  /** The meeting at which the correction was agreed, if it was agreed at one. */
  agreedAtMeetingId: string | null;
  agreedAtMeetingDate: string | null;
  recordedAt: string;
}

/** Where the minutes of a meeting are in their life: draft, circulated, agreed as accurate, published. */
export interface MinutesRecord {
  meetingId: string;
  boardId: string;
  meetingDate: string;
  status: MeetingStatus;
  circulatedAt: string | null;
  agreement: {
    /** The later meeting at which they were agreed as accurate. */
    atMeetingId: string;
    atMeetingDate: string;
    agreedOn: string;
    amendments: string | null;
    /** SHA-256 of the minutes' content as agreed, hex. */
    contentHash: string;
  } | null;
  publishedAt: string | null;
  corrections: MinutesCorrection[];
  /** Later meetings of the board at which these minutes could be agreed (or a correction agreed). */
  laterMeetings: Array<{ id: string; date: string; status: MeetingStatus }>;
  itemCount: number;
  confidentialItemCount: number;
  /** How the public version shows a confidential item (the board's setting). */
  confidentialDisplay: ConfidentialDisplay;
  /** Set when these minutes were imported from a legacy file: the record as it was printed. */
  imported?: { file: string; format: string; importedAt: string } | null;
}

export interface MinutesVerification {
  meetingId: string;
  /** True when the minutes in the data file still hash to what was stored at agreement. */
  matches: boolean;
  storedHash: string;
  currentHash: string;
  checkedAt: string;
}

export const PUBLICATION_LIMITS = {
  amendments: 5_000,
  correction: 5_000,
} as const;

export const lifecycleMethods = {
  getMinutesRecord: method<MinutesRecord>()(z.strictObject({ meetingId: id })),
  /** Draft -> circulated: item numbers and action references are frozen from here on. */
  circulateMinutes: method<MinutesRecord>()(z.strictObject({ meetingId: id })),
  /** Circulated -> agreed as accurate at a later meeting of the board, with any amendments. */
  agreeMinutes: method<MinutesRecord>()(
    z.strictObject({
      meetingId: id,
      atMeetingId: z.uuid({ message: 'Choose the meeting at which the minutes were agreed.' }),
      amendments: z
        .string({ message: 'The amendments must be text.' })
        .trim()
        .max(PUBLICATION_LIMITS.amendments, { message: `The amendments can be at most ${PUBLICATION_LIMITS.amendments.toLocaleString('en-GB')} characters.` })
        .nullable()
        .optional(),
    }),
  ),
  /** Agreed -> published (on the board's website). */
  publishMinutes: method<MinutesRecord>()(z.strictObject({ meetingId: id })),
  /** Checks that agreed minutes still match the content hash stored when they were agreed. */
  verifyMinutes: method<MinutesVerification>()(z.strictObject({ meetingId: id })),
  recordCorrection: method<MinutesRecord>()(
    z.strictObject({
      meetingId: id,
      date: isoDate,
      what: z
        .string({ message: 'Say what was corrected.' })
        .trim()
        .min(1, { message: 'Say what was corrected.' })
        .max(PUBLICATION_LIMITS.correction, { message: `What was corrected can be at most ${PUBLICATION_LIMITS.correction.toLocaleString('en-GB')} characters.` }),
      why: z
        .string({ message: 'Say why it was corrected.' })
        .trim()
        .min(1, { message: 'Say why it was corrected.' })
        .max(PUBLICATION_LIMITS.correction, { message: `Why it was corrected can be at most ${PUBLICATION_LIMITS.correction.toLocaleString('en-GB')} characters.` }),
      agreedAtMeetingId: id.nullable().optional(),
    }),
  ),
} as const;
