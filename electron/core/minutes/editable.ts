// What of a meeting's minutes may still change: the meeting being edited, the lock its status
// puts on the minutes, and an agenda item with its meeting. Below both minutes.ts and
// actions.ts (each checks the lock before writing), so neither has to import the other for it.
import type { MeetingStatus, MinutesLock } from '../../../shared/contract';
import type { Store } from '../db/open';
import { conflict, notFound } from '../errors';

export interface EditableMeeting {
  id: string;
  board_id: string;
  meeting_date: string;
  status: MeetingStatus;
  action_seq_issued: number;
}

export function meetingForEdit(store: Store, meetingId: string): EditableMeeting {
  const row = store.db
    .prepare('SELECT id, board_id, meeting_date, status, action_seq_issued FROM meetings WHERE id = ?')
    .get(meetingId) as EditableMeeting | undefined;
  if (!row) throw notFound('meeting');
  return row;
}

const AGREED = 'These minutes have been agreed as accurate and are now the record, so they cannot be changed. Record a correction instead.';
const CIRCULATED =
  'These minutes have been circulated, so their agenda items can no longer be added, moved or removed and their numbers stay as circulated.';

export function lockFor(status: MeetingStatus): MinutesLock {
  if (status === 'draft') return { structure: null, content: null };
  if (status === 'circulated') return { structure: CIRCULATED, content: null };
  return { structure: AGREED, content: AGREED };
}

export function assertContentEditable(meeting: { status: MeetingStatus }): void {
  const reason = lockFor(meeting.status).content;
  if (reason) throw conflict(reason);
}

export function assertStructureEditable(meeting: { status: MeetingStatus }): void {
  const reason = lockFor(meeting.status).structure;
  if (reason) throw conflict(reason);
}

/** A row of agenda_items, as stored. */
export interface ItemRow {
  id: string;
  meeting_id: string;
  parent_id: string | null;
  position: number;
  number: string;
  title: string;
  presenter: string | null;
  kind: 'normal' | 'matters_arising';
  discussion_json: string | null;
  discussion_text: string;
  confidential: number;
  deferred: number;
  deferred_to_text: string | null;
  deferred_to_meeting_id: string | null;
  updated_at: string;
}

/** An item with the meeting it belongs to, or "no longer exists". */
export function itemForEdit(store: Store, itemId: string): { item: ItemRow; meeting: EditableMeeting } {
  const item = store.db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(itemId) as ItemRow | undefined;
  if (!item) throw notFound('agenda item');
  return { item, meeting: meetingForEdit(store, item.meeting_id) };
}
