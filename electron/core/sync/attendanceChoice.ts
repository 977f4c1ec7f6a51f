// "Remove … from the attendance" for an attendance row a change brought back after another laptop
// removed it (attendanceRestore.ts): offered where it can succeed, and done as any attendance change
// is (recordAttendance), so the removal, made having seen the change, stands on every laptop.
import type { ListedSyncConflict, ParsedInputOf } from '../../../shared/contract';
import type { MeetingStatus } from '../../../shared/domain/enums';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { recordAttendance } from '../attendance/attendance';
import type { AttendanceRemovedDetail } from './conflicts';
import { dismissSyncConflict } from './dismissConflict';

function detailOf(store: Store, boardId: string, conflictId: string): AttendanceRemovedDetail | null {
  const row = store.db.prepare("SELECT detail FROM sync_conflicts WHERE id = ? AND board_id = ? AND kind = 'attendance_removed_edited'").get(conflictId, boardId) as { detail: string } | undefined;
  if (!row) return null;
  const d = JSON.parse(row.detail) as Partial<AttendanceRemovedDetail>;
  return typeof d.meetingId === 'string' && typeof d.attendanceId === 'string' && typeof d.name === 'string' ? (d as AttendanceRemovedDetail) : null;
}

/** The row brought back, as it is here: by its id, else (a member's row merged with another since) by member. */
function rowHere(store: Store, d: AttendanceRemovedDetail): { id: string; member_id: string | null } | undefined {
  const byId = store.db.prepare('SELECT id, member_id FROM attendance WHERE id = ? AND meeting_id = ?').get(d.attendanceId, d.meetingId) as { id: string; member_id: string | null } | undefined;
  if (byId || !d.memberId) return byId;
  return store.db.prepare('SELECT id, member_id FROM attendance WHERE meeting_id = ? AND member_id = ?').get(d.meetingId, d.memberId) as { id: string; member_id: string | null } | undefined;
}

/** Why the row cannot be removed here, or null when it can. */
function refusal(store: Store, boardId: string, d: AttendanceRemovedDetail): string | null {
  const meeting = store.db.prepare('SELECT status FROM meetings WHERE id = ? AND board_id = ?').get(d.meetingId, boardId) as { status: MeetingStatus } | undefined;
  if (!meeting) return 'That meeting is no longer on this board.';
  if (isAgreed(meeting.status)) return 'These minutes have been agreed as accurate, so the attendance is part of the record and can no longer be changed.';
  if (!rowHere(store, d)) return `${d.name} is no longer in this meeting’s attendance.`;
  return null;
}

/** What the conflict offers: removing the row again, where that can succeed. */
export function removeAttendanceFor(store: Store, boardId: string, conflictId: string): ListedSyncConflict['removeAttendance'] {
  const d = detailOf(store, boardId, conflictId);
  if (!d || refusal(store, boardId, d) !== null) return undefined;
  return { meetingId: d.meetingId, name: d.name };
}

/** Removes the row brought back from the meeting's attendance (with its notes, as any removal does), and dismisses the conflict here. */
export function removeSyncConflictAttendance(store: Store, input: ParsedInputOf<'removeSyncConflictAttendance'>): void {
  const d = detailOf(store, input.boardId, input.id);
  if (!d) throw new DomainError('not_found', 'This conflict is not listed for this board on this laptop: there is no attendance to remove.');
  const why = refusal(store, input.boardId, d);
  const row = rowHere(store, d);
  if (why !== null || !row) throw new DomainError('conflict', why ?? 'Nothing to change.');
  const change = row.member_id !== null ? { kind: 'member' as const, memberId: row.member_id, status: null } : { kind: 'guest' as const, guestId: row.id, remove: true };
  recordAttendance(store, { meetingId: d.meetingId, changes: [{ ...change, isChair: false, isViceChair: false, isMinuteTaker: false, forItemsNote: null, forItemIds: [] }] });
  dismissSyncConflict(store, { boardId: input.boardId, id: input.id });
}
