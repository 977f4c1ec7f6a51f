// Sync (issue 19): sharing a board with other laptops through a self-hosted sync server, joining
// one, and its status. The token is made by core and shown once, inside the invitation.
import { z } from 'zod';
import { id, method } from './common';
import type { ActionStatus, AttendanceStatus, GroupKind, ItemNumbering, MeetingMark, SyncConflictKind } from '../domain/enums';

const serverUrl = z
  .string({ message: 'Enter the sync server’s address.' })
  .trim()
  .min(1, { message: 'Enter the sync server’s address.' })
  .max(2000, { message: 'The server address is too long.' })
  .regex(/^wss?:\/\/[^\s#]+$/i, { message: 'The server address starts with wss:// (or ws:// on this computer or office network).' });

export interface ShareResult {
  /** `<serverUrl>#<boardId>.<token>`: shown once, to paste on the other laptops. */
  invitation: string;
}

export interface JoinResult {
  boardId: string;
  boardName: string;
}

/** What the status line of a shared board says. */
export interface SyncStatus {
  boardId: string;
  shared: boolean;
  serverUrl: string | null;
  connected: boolean;
  /** When this laptop lost the server (null while connected or never shared). */
  offlineSince: string | null;
  /** When the server last held everything this laptop had. */
  lastSyncedAt: string | null;
  /** Changes made here the server has not acknowledged yet: the records changed (an item, an action …), each once. */
  pending: number;
  /** Why the board is not syncing, in words (null when all is well). */
  lastError: string | null;
  /** While a board just shared has its documents built, before it first connects: how many of its meetings are done. */
  preparing?: { done: number; total: number } | null;
}

/** The meeting page's sync line: changes from another laptop known to be on their way to this meeting. */
export interface MeetingArrival {
  /** True while changes another laptop made to this meeting are known to exist and have not reached its tables here. */
  arriving: boolean;
  /** Whether the board is connected to its server now (offline, they arrive once it is back). */
  connected: boolean;
}

export interface SyncConflict {
  id: string;
  kind: SyncConflictKind;
  entityId: string;
  /** What the administrator reads: what happened and what was kept. */
  description: string;
  foundAt: string;
}

/** Where the administrator checks a conflict: the action's page, an agenda item in its meeting, the minutes' record panel, a member on the board's roster, or the board's settings (its name and short code). */
export type SyncConflictLink =
  | { kind: 'action'; actionId: string; reference: string }
  | { kind: 'item'; meetingId: string; itemId: string | null }
  | { kind: 'record'; meetingId: string }
  | { kind: 'member'; boardId: string; memberId: string; name: string }
  | { kind: 'boardSettings'; boardId: string; name: string };

/** A conflict as the dialog lists it: where to check it, and (two statuses) the other status it can keep instead. */
export interface ListedSyncConflict extends SyncConflict {
  link: SyncConflictLink | null;
  /** The status the other laptop recorded, recorded again at `meetingId` by "Keep … instead" (null: nothing to keep). */
  keep: { status: ActionStatus; meetingId: string; supersededBy: string | null } | null;
  /** An item two laptops brought back in different versions: each version the item does not show, as the details to set (updateAgendaItem) to keep it. */
  keepVersions?: Array<{ by: string; itemId: string; changes: KeptItemDetails }>;
  /** A mark (chair, vice-chair, minute-taker) given to two people apart: the one not kept, to whom keepSyncConflictChair gives it (absent: it cannot be done here). */
  keepChair?: { meetingId: string; role: MeetingMark; name: string };
  /** An attendance row a change brought back after another laptop removed it: removeSyncConflictAttendance removes it again (absent: it cannot be done here). */
  removeAttendance?: { meetingId: string; name: string };
  /** One field of a member's attendance (status, or a mark) set to two values apart: the value not kept, which keepSyncConflictAttendanceField records (absent: it cannot be done here). */
  keepAttendanceField?: { meetingId: string; name: string } & ({ field: 'status'; value: AttendanceStatus } | { field: MeetingMark; value: boolean });
  /** One field of an item, decision or action, or of a roster member, group or the board's settings, set to two values apart: the value not kept, in words, and the ordinary edit that sets it (absent: it cannot be done here). */
  useField?: UseFieldChoice;
}

/** The edit "Use … instead" makes, through the method any edit of that field goes through (so it syncs as any edit does). */
export type UseFieldChoice = { words: string } & (
  | { method: 'updateAgendaItem'; input: { itemId: string } & KeptItemDetails }
  | { method: 'updateDecision'; input: { decisionId: string; text: string } }
  | { method: 'updateAction'; input: { actionId: string; details?: string; due?: string } }
  | { method: 'updateRosterMember'; input: { memberId: string; fullName: string; initials: string; role?: string | null; organisation?: string | null; email?: string | null; isMember?: boolean; joinedOn?: string | null; leftOn?: string | null } }
  | { method: 'saveGroup'; input: { boardId: string; groupId: string; name: string; kind: GroupKind; memberIds: string[] } }
  | { method: 'renameBoard'; input: { boardId: string; name: string } }
  | { method: 'setMinutesStyle'; input: { boardId: string; numbering?: ItemNumbering; referenceFormat?: string } }
  | { method: 'setReminderSetting'; input: { boardId: string; days: number | null } }
);

/** An agenda item's own details, as updateAgendaItem sets them. */
export interface KeptItemDetails {
  title?: string;
  presenter?: string | null;
  confidential?: boolean;
  deferred?: boolean;
  deferredToText?: string | null;
  deferredToMeetingId?: string | null;
}

export const syncMethods = {
  shareBoard: method<ShareResult>()(z.strictObject({ boardId: id, serverUrl })),
  joinSharedBoard: method<JoinResult>()(
    z.strictObject({
      invitation: z.string({ message: 'Paste the invitation.' }).trim().min(1, { message: 'Paste the invitation.' }).max(2300, { message: 'This is too long to be an invitation.' }),
    }),
  ),
  syncStatus: method<SyncStatus>()(z.strictObject({ boardId: id })),
  /** Whether a meeting of a shared board still has changes from another laptop arriving (for the line on its page). */
  meetingArrival: method<MeetingArrival>()(z.strictObject({ meetingId: id })),
  stopSharing: method<SyncStatus>()(z.strictObject({ boardId: id })),
  rotateBoardToken: method<ShareResult>()(z.strictObject({ boardId: id })),
  syncConflicts: method<ListedSyncConflict[]>()(z.strictObject({ boardId: id })),
  /** Marks a conflict seen on this laptop (it is no longer listed here); returns the board's conflicts still to check. */
  dismissSyncConflict: method<ListedSyncConflict[]>()(z.strictObject({ boardId: id, id })),
} as const;
