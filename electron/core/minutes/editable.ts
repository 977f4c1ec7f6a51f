// What of a meeting's minutes may still change: the meeting being edited, the lock its status
// puts on the minutes, and an agenda item with its meeting. Below both minutes.ts and
// actions.ts (each checks the lock before writing), so neither has to import the other for it.
import type { MeetingStatus, MinutesLock } from '../../../shared/contract';
import type { ReadHandle } from '../store/write';
import { conflict, notFound } from '../errors';
import { readAgendaItemRow, type AgendaItemReadRow } from '../store/agendaItems';

export interface EditableMeeting {
  id: string;
  board_id: string;
  meeting_date: string;
  status: MeetingStatus;
  action_seq_issued: number;
}

export function meetingForEdit(store: ReadHandle, meetingId: string): EditableMeeting {
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

/** An item with the meeting it belongs to, or "no longer exists". */
export function itemForEdit(store: ReadHandle, itemId: string): { item: AgendaItemReadRow; meeting: EditableMeeting } {
  const item = readAgendaItemRow(store.db, itemId);
  if (!item) throw notFound('agenda item');
  return { item, meeting: meetingForEdit(store, item.meeting_id) };
}
