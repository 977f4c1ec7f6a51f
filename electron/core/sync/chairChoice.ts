// "Make … the chair instead" (or vice-chair, or minute-taker) for a mark given to two people for
// one meeting apart (meetingChairs.ts): offered where it can succeed, and done as any attendance
// change is (recordAttendance, which moves the mark off whoever held it), so the choice syncs to every laptop.
import type { ListedSyncConflict, ParsedInputOf } from '../../../shared/contract';
import { MEETING_MARKS, type MeetingMark, type MeetingStatus } from '../../../shared/domain/enums';
import { MEETING_MARK_FLAG, MEETING_MARK_WORD } from '../../../shared/domain/meetingMarks';
import type { AttendanceMarks } from '../../../shared/domain/attendance';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { recordAttendance } from '../attendance/attendance';
import { dismissSyncConflict } from './dismissConflict';
import { MARK_COLUMNS, type MarkTwiceDetail } from './meetingChairs';

interface AttendanceHere {
  id: string;
  member_id: string | null;
  is_guest: number;
  status: string;
  is_chair: number;
  is_vice_chair: number;
  is_minute_taker: number;
  for_items_note: string | null;
}

function detailOf(store: Store, boardId: string, conflictId: string): MarkTwiceDetail | null {
  const row = store.db.prepare("SELECT detail FROM sync_conflicts WHERE id = ? AND board_id = ? AND kind = 'chair_twice'").get(conflictId, boardId) as { detail: string } | undefined;
  if (!row) return null;
  const d = JSON.parse(row.detail) as Partial<MarkTwiceDetail>;
  return typeof d.meetingId === 'string' && MEETING_MARKS.includes(d.role as MeetingMark) && d.other ? (d as MarkTwiceDetail) : null;
}

/** The other laptop's choice's attendance row here: by member, or (a guest) by the name recorded. */
function otherRow(store: Store, d: MarkTwiceDetail): AttendanceHere | undefined {
  const columns = 'id, member_id, is_guest, status, is_chair, is_vice_chair, is_minute_taker, for_items_note';
  if (d.other.memberId) return store.db.prepare(`SELECT ${columns} FROM attendance WHERE meeting_id = ? AND member_id = ?`).get(d.meetingId, d.other.memberId) as AttendanceHere | undefined;
  return store.db.prepare(`SELECT ${columns} FROM attendance WHERE meeting_id = ? AND is_guest = 1 AND display_name = ? ORDER BY id`).get(d.meetingId, d.other.name) as AttendanceHere | undefined;
}

/** Why the other laptop's choice cannot be given the mark here, or null when it can. */
function refusal(store: Store, boardId: string, d: MarkTwiceDetail, row: AttendanceHere | undefined): string | null {
  const meeting = store.db.prepare('SELECT status FROM meetings WHERE id = ? AND board_id = ?').get(d.meetingId, boardId) as { status: MeetingStatus } | undefined;
  if (!meeting) return 'That meeting is no longer on this board.';
  if (isAgreed(meeting.status)) return 'These minutes have been agreed as accurate, so the attendance is part of the record and can no longer be changed.';
  const role = MEETING_MARK_WORD[d.role];
  if (!row) return `${d.other.name} is no longer in this meeting’s attendance.`;
  if (row.status !== 'present' && row.status !== 'in_attendance') return `${d.other.name} is no longer recorded as there, so cannot be the ${role}. Correct the attendance first.`;
  if (row[MARK_COLUMNS[d.role]] === 1) return `${d.other.name} is already the ${role}.`;
  return null;
}

/** What the conflict offers: the other laptop's choice, where giving it the mark can succeed. */
export function keepChairFor(store: Store, boardId: string, conflictId: string): ListedSyncConflict['keepChair'] {
  const d = detailOf(store, boardId, conflictId);
  if (!d || refusal(store, boardId, d, otherRow(store, d)) !== null) return undefined;
  return { meetingId: d.meetingId, role: d.role, name: d.other.name };
}

/** Gives the other laptop's choice the mark (chair, vice-chair, minute-taker), the rest of their attendance as it is, and dismisses the conflict here. */
export function keepSyncConflictChair(store: Store, input: ParsedInputOf<'keepSyncConflictChair'>): void {
  const d = detailOf(store, input.boardId, input.id);
  if (!d) throw new DomainError('not_found', 'This conflict is not listed for this board on this laptop: there is no chair, vice-chair or minute-taker to choose.');
  const row = otherRow(store, d);
  const why = refusal(store, input.boardId, d, row);
  if (why !== null || !row) throw new DomainError('conflict', why ?? 'Nothing to change.');
  const forItemIds = store.db.prepare('SELECT agenda_item_id FROM attendance_items WHERE attendance_id = ? ORDER BY agenda_item_id').pluck().all(row.id) as string[];
  // The marks they hold already stay, but one made the chair is no longer vice-chair (as recording attendance has it).
  const marks: AttendanceMarks = { isChair: row.is_chair === 1, isViceChair: row.is_vice_chair === 1 && d.role !== 'chair', isMinuteTaker: row.is_minute_taker === 1 };
  marks[MEETING_MARK_FLAG[d.role]] = true;
  const rest = { ...marks, forItemsNote: row.for_items_note, forItemIds };
  const change =
    row.member_id !== null
      ? { kind: 'member' as const, memberId: row.member_id, status: row.status as 'present' | 'in_attendance', ...rest }
      : { kind: 'guest' as const, guestId: row.id, remove: false, ...rest };
  recordAttendance(store, { meetingId: d.meetingId, changes: [change] });
  dismissSyncConflict(store, { boardId: input.boardId, id: input.id });
}
