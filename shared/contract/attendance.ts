// Who was at a meeting (present, apologies, in attendance for items, guests) and the register over a year.
import { ATTENDANCE_STATUSES, type MeetingStatus } from '../domain/enums';
import { z } from 'zod';
import type { AttendanceEntry } from '../domain/attendance';
import type { QuorumRule, QuorumState } from '../domain/quorum';
import type { RegisterLine } from '../domain/register';
import { LIMITS, id, isoDate, method, optionalText, personName } from './common';
import { guestEmail, guestInitials } from './guests';

export interface AttendanceRow extends AttendanceEntry {
  id: string;
  displayName: string;
  initials: string | null;
  role: string | null;
  organisation: string | null;
  isGuest: boolean;
}

/** Someone on the roster who can be marked for a meeting. */
export interface AttendanceCandidate {
  memberId: string;
  fullName: string;
  initials: string;
  role: string | null;
  organisation: string | null;
  isMember: boolean;
  /** On the roster on the meeting's date (others are listed only if already recorded). */
  onRosterAtMeeting: boolean;
}

export interface MeetingAttendance {
  meetingId: string;
  boardId: string;
  meetingDate: string;
  meetingStatus: MeetingStatus;
  /** Why the attendance can no longer be changed, or null when it can. */
  lockedReason: string | null;
  rows: AttendanceRow[];
  roster: AttendanceCandidate[];
  agendaItems: { id: string; number: string; title: string }[];
  quorumRule: QuorumRule;
  /** Voting members on the roster on the meeting's date. */
  membersAtMeeting: number;
  quorum: QuorumState;
}

export interface AttendanceRegister {
  boardId: string;
  boardName: string;
  shortCode: string | null;
  from: string | null;
  to: string | null;
  /** The day the register was worked out: later meetings have not taken place. */
  today: string;
  /** The meetings counted (held, with attendance recorded), oldest first. */
  meetings: { id: string; date: string }[];
  /** Meetings held in the period whose attendance was never recorded: "not recorded", not absences. */
  notRecorded: { id: string; date: string }[];
  lines: RegisterLine[];
}

export const forItems = {
  forItemsNote: z
    .string({ message: 'The items must be written as text, e.g. Item 3.' })
    .trim()
    .max(LIMITS.forItemsNote, { message: `The note of items can be at most ${LIMITS.forItemsNote} characters.` })
    .nullable()
    .default(null),
  forItemIds: z.array(id).max(100, { message: 'Choose at most 100 items.' }).default([]),
};

export const marks = {
  isChair: z.boolean().default(false),
  isViceChair: z.boolean().default(false),
  isMinuteTaker: z.boolean().default(false),
};

export const attendanceChange = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('member'),
    memberId: id,
    status: z.enum(ATTENDANCE_STATUSES, { message: 'Choose present, apologies, absent or in attendance.' }).nullable(),
    ...marks,
    ...forItems,
  }),
  z.strictObject({
    kind: z.literal('guest'),
    guestId: id,
    remove: z.boolean().default(false),
    ...marks,
    ...forItems,
  }),
]);

export const attendanceMethods = {
  getAttendance: method<MeetingAttendance>()(z.strictObject({ meetingId: id })),
  recordAttendance: method<MeetingAttendance>()(
    z.strictObject({
      meetingId: id,
      changes: z.array(attendanceChange).min(1, { message: 'There is nothing to record.' }).max(2000),
    }),
  ),
  addGuest: method<AttendanceRow>()(
    z.strictObject({
      meetingId: id,
      name: personName('the guest’s name'),
      role: optionalText(LIMITS.role, 'A role'),
      organisation: optionalText(LIMITS.organisation, 'An organisation'),
      /** How the minutes name the guest (so they can own actions), and where their reminders go. */
      initials: guestInitials.optional(),
      email: guestEmail.optional(),
      ...forItems,
    }),
  ),
  attendanceRegister: method<AttendanceRegister>()(
    z
      .strictObject({ boardId: id, from: isoDate.nullable().optional(), to: isoDate.nullable().optional() })
      .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'The start of the period must be on or before its end.', path: ['to'] }),
  ),
} as const;
