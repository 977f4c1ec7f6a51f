// The action log: outstanding actions across boards, one action's history, the printable log.
import { OUTSTANDING_STATUSES, type MeetingStatus, type OutstandingStatus } from '../domain/enums';
import { z } from 'zod';
import type { OwnerMatch } from '../domain/owners';
import { type ActionDue, type ActionStatus } from './actions';
import { ARISING_LIMITS, type ActionOrigin, type ActionRefSummary, type ActionUpdateSummary, type MeetingRef } from './arising';
import { id, isoDate, method } from './common';

// The filter and sort are the contract's (the PDF export takes them); shared/domain/actionLog.ts
// applies them, and imports them from here so the two modules never import each other.
export type OverdueFilter = 'any' | 'overdue' | 'not_overdue';

export interface ActionLogFilter {
  boardId?: string | null;
  /** An owner's key (see ownerKey): a person, a group, or a name as written. */
  owner?: string | null;
  status?: OutstandingStatus | null;
  overdue?: OverdueFilter;
  dueFrom?: string | null;
  dueTo?: string | null;
  originMeetingId?: string | null;
  text?: string;
}

export type ActionLogSortKey = 'due' | 'reference' | 'owner' | 'status' | 'carried' | 'board' | 'raised';

export interface ActionLogSort {
  by: ActionLogSortKey;
  descending: boolean;
}

export type ActionLogOwner = OwnerMatch & { key: string };

export interface OutstandingAction {
  id: string;
  boardId: string;
  boardName: string;
  boardShortCode: string | null;
  reference: string;
  /** Its number among the actions its meeting agreed (the {n} of its reference). */
  seq: number;
  details: string;
  owners: ActionLogOwner[];
  due: ActionDue;
  /** The date it is due by, when known; a "next meeting" due is the board's next meeting after the one that agreed it. */
  dueDate: string | null;
  /** Due before today (Europe/London). */
  overdue: boolean;
  status: ActionStatus;
  origin: ActionOrigin;
  /** Meetings it has been brought to as matters arising. */
  timesCarried: number;
  latestUpdate: ActionUpdateSummary | null;
}

export interface ActionLog {
  /** Today in Europe/London: what "overdue" is measured against. */
  today: string;
  actions: OutstandingAction[];
}

/** One action's life: where it came from, every update in order, where it was carried. */
export interface ActionHistory {
  id: string;
  boardId: string;
  boardName: string;
  reference: string;
  details: string;
  owners: OwnerMatch[];
  due: ActionDue;
  dueDate: string | null;
  overdue: boolean;
  status: ActionStatus;
  origin: ActionOrigin & { meetingStatus: MeetingStatus };
  /** The meeting at which it was finished (done, dropped or superseded). */
  closedAt: MeetingRef | null;
  supersededBy: ActionRefSummary | null;
  supersedes: ActionRefSummary[];
  updates: Array<ActionUpdateSummary & { recordedAt: string }>;
  /** Meetings where it was listed as matters arising, oldest first. */
  carriedTo: MeetingRef[];
  today: string;
}

export interface ActionLogPdf {
  filename: string;
  /** The PDF file, base64-encoded. */
  pdfBase64: string;
  /** Actions in it. */
  count: number;
}

export const actionLogFilter = z
  .strictObject({
    boardId: id.nullable().optional(),
    /** An owner's key from the log (a person, a group, or a name as written). */
    owner: z.string({ message: 'Choose an owner from the list.' }).min(1).max(400, { message: 'Choose an owner from the list.' }).nullable().optional(),
    status: z.enum(OUTSTANDING_STATUSES, { message: 'Choose open, in progress or deferred.' }).nullable().optional(),
    overdue: z.enum(['any', 'overdue', 'not_overdue'], { message: 'Choose overdue or not overdue.' }).optional(),
    dueFrom: isoDate.nullable().optional(),
    dueTo: isoDate.nullable().optional(),
    originMeetingId: id.nullable().optional(),
    text: z
      .string({ message: 'The text to look for must be text.' })
      .max(ARISING_LIMITS.filterText, { message: `Look for at most ${ARISING_LIMITS.filterText} characters.` })
      .optional(),
  })
  .refine((f) => !f.dueFrom || !f.dueTo || f.dueFrom <= f.dueTo, { message: 'The start of the due range must be on or before its end.', path: ['dueTo'] });

export const actionLogSort = z.strictObject({
  by: z.enum(['due', 'reference', 'owner', 'status', 'carried', 'board', 'raised'], { message: 'Choose what to sort by.' }),
  descending: z.boolean({ message: 'Say whether to sort in descending order.' }),
});

export const actionLogMethods = {
  outstandingActions: method<ActionLog>()(z.strictObject({ boardId: id.optional() })),
  getActionHistory: method<ActionHistory>()(z.strictObject({ actionId: id })),
  exportActionLogPdf: method<ActionLogPdf>()(z.strictObject({ filter: actionLogFilter, sort: actionLogSort.optional() })),
} as const;
