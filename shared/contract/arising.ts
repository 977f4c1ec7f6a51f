// Matters arising: starting the next meeting, carrying unfinished actions into it, progress recorded there.
import { ACTION_STATUSES, type MeetingStatus } from '../domain/enums';
import { z } from 'zod';
import type { OwnerMatch } from '../domain/owners';
import { type ActionDue, type ActionStatus } from './actions';
import type { BetweenUpdate } from './between';
import { id, meetingFields, method, minutesText } from './common';
import type { MeetingDetail } from './meetings';
import { type AgendaOutlineEntry, type MinutesItem } from './minutes';

export interface MeetingRef {
  id: string;
  date: string;
}

/** Where an action was agreed: its meeting and agenda item. */
export interface ActionOrigin {
  meetingId: string;
  meetingDate: string;
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
}

export interface ActionRefSummary {
  id: string;
  reference: string;
  details: string;
}

/** Progress on an action recorded at one meeting. */
export interface ActionUpdateSummary {
  meetingId: string;
  meetingDate: string;
  text: string;
  status: ActionStatus;
  /** For "superseded": the action that replaced it. */
  supersededBy: ActionRefSummary | null;
}

/** An earlier action listed in a meeting's matters arising. */
export interface MattersArisingEntry {
  actionId: string;
  reference: string;
  details: string;
  owners: OwnerMatch[];
  due: ActionDue;
  /** The date it is due by, when known: a "next meeting" due is the board's next meeting after the one that agreed it. */
  dueDate: string | null;
  /** Due before this meeting, and not finished before it. */
  overdue: boolean;
  origin: ActionOrigin;
  /** The meetings it has been brought to, this one included. */
  timesCarried: number;
  /** Its status as this meeting began: from the last update before it. */
  statusBefore: ActionStatus;
  /** The last update recorded before this meeting. */
  latestUpdate: ActionUpdateSummary | null;
  /** Progress reported between meetings since the board's last meeting, oldest first (it belongs to no meeting). */
  sinceLastMeeting: BetweenUpdate[];
  /** Progress recorded at this meeting, if any. */
  update: { text: string; status: ActionStatus; supersededBy: ActionRefSummary | null } | null;
  /** Its status as this meeting leaves it: the update's; else, preselected, the latest reported since the last meeting; else the one it came with. */
  status: ActionStatus;
}

/** An item deferred at an earlier meeting, proposed for this meeting's agenda. */
export interface DeferredProposal {
  itemId: string;
  meeting: MeetingRef;
  number: string;
  title: string;
  presenter: string | null;
  deferredToText: string | null;
}

export interface MattersArising {
  meetingId: string;
  boardId: string;
  meetingDate: string;
  meetingStatus: MeetingStatus;
  /** The meeting this one was started from. */
  previousMeeting: MeetingRef | null;
  /** True when this meeting lists earlier actions (it was started from another, or they were brought in). */
  carrying: boolean;
  /** For a meeting that does not carry: how many earlier actions are outstanding and could be brought in. */
  notListed: number;
  entries: MattersArisingEntry[];
  proposals: DeferredProposal[];
  /** Actions another can be superseded by: this meeting's own first, then the others listed. */
  replacements: ActionRefSummary[];
  /** Why progress can no longer be recorded here (agreed minutes), or null. */
  lockedReason: string | null;
  /** Why the list itself can no longer change (circulated minutes), or null. */
  listLockedReason: string | null;
}

export interface NextMeetingSuggestion {
  from: MeetingRef & { boardId: string; boardName: string };
  date: string;
  /** "recorded": the next meeting the minutes name; otherwise worked out from the board's meetings. */
  basis: 'recorded' | 'cadence' | 'gap' | 'default';
  /** Why this date is suggested. */
  basisText: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  /** The items the new meeting starts with, its matters arising item included. */
  agenda: string[];
  /** Outstanding actions the new meeting will list as matters arising. */
  outstanding: number;
  /** A meeting already started from this one, if any. */
  alreadyStarted: MeetingRef | null;
}

export interface CarryResult {
  meetingId: string;
  /** Actions newly listed. */
  added: number;
  /** Actions no longer outstanding, taken off the list. */
  removed: number;
  /** Actions now listed. */
  listed: number;
}

export interface DeferredChoice {
  itemId: string;
  accepted: boolean;
  /** The new agenda item, when the deferred item was taken in. */
  item: MinutesItem | null;
  outline: AgendaOutlineEntry[] | null;
}

export interface DeletedMeeting {
  meetingId: string;
  boardId: string;
  date: string;
  /** Earlier actions put back to the status they had before this meeting. */
  restoredActions: number;
}

export const ARISING_LIMITS = {
  updateText: 5_000,
  filterText: 200,
} as const;

export const actionStatus = z.enum(ACTION_STATUSES, {
  message: 'Choose open, in progress, done, deferred, dropped or superseded.',
});

export const arisingMethods = {
  suggestNextMeeting: method<NextMeetingSuggestion>()(z.strictObject({ fromMeetingId: id })),
  /** Creates the meeting after `fromMeetingId` with the recurring agenda and its matters arising. */
  startNextMeeting: method<MeetingDetail>()(
    meetingFields
      .omit({ boardId: true })
      .extend({ fromMeetingId: id })
      .refine((m) => !m.startTime || !m.endTime || m.endTime > m.startTime, { message: 'The meeting must end after it starts.', path: ['endTime'] }),
  ),
  /** Lists every outstanding earlier action in the meeting's matters arising; running it again adds nothing twice. */
  carryForward: method<CarryResult>()(z.strictObject({ meetingId: id })),
  getMattersArising: method<MattersArising>()(z.strictObject({ meetingId: id })),
  recordActionUpdate: method<MattersArisingEntry>()(
    z.strictObject({
      meetingId: id,
      actionId: id,
      text: minutesText(ARISING_LIMITS.updateText, 'An update').optional(),
      status: actionStatus.optional(),
      /** With "superseded": the action that replaces it. */
      supersededBy: id.nullable().optional(),
    }),
  ),
  /** "All actions were either completed or in train": every listed action still open becomes in progress. */
  markAllInProgress: method<MattersArising>()(z.strictObject({ meetingId: id })),
  resolveDeferredItem: method<DeferredChoice>()(
    z.strictObject({ meetingId: id, itemId: id, accept: z.boolean({ message: 'Say whether to take the item into this meeting.' }) }),
  ),
  deleteMeeting: method<DeletedMeeting>()(z.strictObject({ meetingId: id })),
} as const;
