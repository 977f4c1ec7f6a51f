// Actions between meetings: progress reported at any time (belonging to no meeting), and one
// action's timeline of meeting updates and between-meeting updates together.
import { z } from 'zod';
import { BETWEEN_UPDATE_STATUSES, type ActionStatus, type BetweenUpdateStatus } from '../domain/enums';
import { id, isoDate, method, personName } from './common';

export const BETWEEN_LIMITS = { text: 5_000, reportedBy: 200 } as const;

/** Progress reported between meetings: when, what, and who said so. */
export interface BetweenUpdate {
  id: string;
  actionId: string;
  /** The day it was reported (yyyy-MM-dd). */
  date: string;
  text: string;
  status: BetweenUpdateStatus;
  /** Who reported it, as written; null when not said. */
  reportedBy: string | null;
  recordedAt: string;
}

// The replacing action's summary is spelled out: this slice is imported by arising.ts, never the reverse.
/** One step of an action's life: an update recorded at a meeting, or one reported between meetings. */
export type TimelineEntry =
  | { kind: 'meeting'; date: string; meetingId: string; text: string; status: ActionStatus; supersededBy: { id: string; reference: string; details: string } | null }
  | ({ kind: 'between' } & BetweenUpdate);

export interface ActionTimeline {
  actionId: string;
  reference: string;
  /** The day the action was agreed: no update is dated before it. */
  agreedOn: string;
  /** Its status as the minutes last recorded it. */
  status: ActionStatus;
  /** Why no more progress can be reported between meetings (it is finished), or null. */
  closedReason: string | null;
  /** Every update in date order; on one day, the meeting's first. */
  entries: TimelineEntry[];
  /** Today in Europe/London: no update is dated after it. */
  today: string;
}

const betweenStatus = z.enum(BETWEEN_UPDATE_STATUSES, {
  message: 'Choose open, in progress, done, deferred or dropped. Superseding an action is agreed at a meeting, with the action that replaces it.',
});

const updateText = z
  .string({ message: 'Enter the update.' })
  .trim()
  .min(1, { message: 'Enter the update: what was reported.' })
  .max(BETWEEN_LIMITS.text, { message: `An update can be at most ${BETWEEN_LIMITS.text.toLocaleString('en-GB')} characters.` });

export const betweenMethods = {
  /** Records progress reported between meetings: it belongs to no meeting, and the next meeting shows it. */
  recordActionProgress: method<ActionTimeline>()(
    z.strictObject({
      actionId: id,
      date: isoDate,
      text: updateText,
      status: betweenStatus,
      reportedBy: personName('who reported it').nullable().optional(),
    }),
  ),
  /** Removes a between-meeting update typed in error (meeting updates are the minutes' and stay). */
  deleteActionProgress: method<ActionTimeline>()(z.strictObject({ updateId: id })),
  /** Meeting updates and between-meeting updates of one action, in one timeline. */
  getActionTimeline: method<ActionTimeline>()(z.strictObject({ actionId: id })),
  /** The latest progress reported between meetings on each outstanding action of a board (or all boards). */
  betweenMeetingReports: method<BetweenUpdate[]>()(z.strictObject({ boardId: id.optional() })),
} as const;
