// Reminders to owners, offline: for any selection of the action log, one email draft per owner
// (an .eml file each, or a mailto: when there is one owner) and a calendar (.ics) of the dues.
import { z } from 'zod';
import { id, isoDate, method } from './common';
import { actionLogFilter, actionLogSort } from './actionLog';

/** Owners one "Email owners" makes drafts for at most: beyond that, the log is filtered first. */
export const MAX_DRAFT_OWNERS = 100;

/** One owner's reminder: an RFC 5322 message listing their outstanding actions. */
export interface OwnerDraft {
  ownerKey: string;
  ownerName: string;
  email: string;
  filename: string;
  /** The message, as an .eml file's text (CRLF lines). */
  eml: string;
  /** The same message as a mailto: address, when it is the only draft. */
  mailto: string | null;
  references: string[];
}

/** An owner no draft could be made for, and why (no address, a group, a name not on the roster). */
export interface SkippedOwner {
  ownerName: string;
  reason: string;
  references: string[];
}

export interface OwnerDrafts {
  drafts: OwnerDraft[];
  skipped: SkippedOwner[];
  /** Actions in the selection. */
  actions: number;
}

export interface DueCalendar {
  filename: string;
  /** The .ics file's text: one all-day event per action with a due date, each with reminders. */
  ics: string;
  events: number;
  /** When the events' reminders go off, in words: "a reminder 14 days before and on the day". */
  alarms: string;
  /** Actions left out, with why (no due date, or due at a meeting not yet set up). */
  skipped: Array<{ reference: string; reason: string }>;
}

/** Reminders due now: from the board's "remind owners N days before due" until sent. */
export interface RemindersDue extends OwnerDrafts {
  /** Each owner's reminder for each action's due date: sent with markRemindersSent. */
  pending: Array<{ actionId: string; ownerKey: string; dueDate: string }>;
}

export interface ReminderSetting {
  boardId: string;
  /** Days before an action's due date that its owners are reminded; null: no reminders at start. */
  days: number | null;
}

const selection = z.strictObject({ filter: actionLogFilter, sort: actionLogSort.optional() });

export const remindersMethods = {
  /** One email draft per owner of the actions the filter selects. */
  draftOwnerReminders: method<OwnerDrafts>()(selection),
  /** An .ics calendar of the selected actions' dues: all-day events with a reminder before each. */
  dueCalendar: method<DueCalendar>()(selection),
  getReminderSetting: method<ReminderSetting>()(z.strictObject({ boardId: id })),
  setReminderSetting: method<ReminderSetting>()(
    z.strictObject({
      boardId: id,
      days: z.number({ message: 'Enter a number of days.' }).int({ message: 'Enter a whole number of days.' }).min(0, { message: 'Enter 0 to 60 days.' }).max(60, { message: 'Enter 0 to 60 days.' }).nullable(),
    }),
  ),
  /** The reminders due now on every board that reminds owners, as drafts ready to send. */
  remindersDue: method<RemindersDue>()(z.strictObject({})),
  /** Remembers reminders as sent, so they are not offered again for that due date. */
  markRemindersSent: method<{ marked: number }>()(
    z.strictObject({
      sent: z
        .array(z.strictObject({ actionId: id, ownerKey: z.string().min(1).max(400), dueDate: isoDate }))
        .min(1, { message: 'Choose the reminders that were sent.' })
        .max(5_000, { message: 'At most 5,000 reminders at once.' }),
    }),
  ),
} as const;
