// The meeting a matters-arising call is about, as stored, and whether its list or its progress may still change.
import type { MeetingStatus } from '../../../shared/contract';
import type { Store } from '../db/open';
import { conflict, notFound } from '../errors';
import { lockFor } from '../minutes/editable';
import { readMeetingRow, type MeetingRow } from '../store/meetings';

export function meetingRow(store: Store, meetingId: string): MeetingRow {
  const row = readMeetingRow(store.db, meetingId);
  if (!row) throw notFound('meeting');
  return row;
}

const LIST_LOCKED =
  'These minutes have been circulated, so their matters arising stay as circulated: no action is added to or taken off the list.';

/** Why the list of a meeting's matters arising can no longer change, or null while it is a draft. */
export function listLockedReason(status: MeetingStatus): string | null {
  if (status === 'draft') return null;
  return lockFor(status).content ?? LIST_LOCKED;
}

export function editableMeeting(store: Store, meetingId: string): MeetingRow {
  const meeting = meetingRow(store, meetingId);
  const locked = lockFor(meeting.status).content;
  if (locked) throw conflict(locked);
  return meeting;
}
