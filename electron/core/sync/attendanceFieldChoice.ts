// "Record … as apologies instead" (or as the minute-taker, or not the chair) for one field of an
// attendance row set to two values apart (attendanceFields.ts): offered where it can succeed, and
// done as any attendance change is (recordAttendance, the rest of the row as it is), so the value,
// set having seen the one kept, syncs to every laptop and is no new conflict.
import type { ListedSyncConflict, ParsedInputOf } from '../../../shared/contract';
import type { AttendanceMarks } from '../../../shared/domain/attendance';
import { ATTENDANCE_STATUSES, MEETING_MARKS, type AttendanceStatus, type MeetingMark, type MeetingStatus } from '../../../shared/domain/enums';
import { MEETING_MARK_FLAG, MEETING_MARK_WORD } from '../../../shared/domain/meetingMarks';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { recordAttendance } from '../attendance/attendance';
import type { AttendanceFieldDetail } from './conflicts';
import { dismissSyncConflict } from './dismissConflict';
import { MARK_COLUMNS } from './meetingChairs';

interface AttendanceHere {
  id: string;
  member_id: string | null;
  status: AttendanceStatus;
  is_chair: number;
  is_vice_chair: number;
  is_minute_taker: number;
  for_items_note: string | null;
}

type Choice = NonNullable<ListedSyncConflict['keepAttendanceField']>;

/** The other value as the choice sets it, or null when the detail does not hold one. */
function choiceOf(d: Partial<AttendanceFieldDetail>): Choice | null {
  if (typeof d.meetingId !== 'string' || typeof d.attendanceId !== 'string' || typeof d.name !== 'string') return null;
  const value = d.other?.value;
  if (d.field === 'status') return ATTENDANCE_STATUSES.includes(value as AttendanceStatus) ? { meetingId: d.meetingId, name: d.name, field: 'status', value: value as AttendanceStatus } : null;
  if (MEETING_MARKS.includes(d.field as MeetingMark) && typeof value === 'boolean') return { meetingId: d.meetingId, name: d.name, field: d.field as MeetingMark, value };
  return null;
}

function detailOf(store: Store, boardId: string, conflictId: string): { attendanceId: string; choice: Choice } | null {
  const row = store.db.prepare("SELECT detail FROM sync_conflicts WHERE id = ? AND board_id = ? AND kind = 'attendance_field_twice'").get(conflictId, boardId) as { detail: string } | undefined;
  if (!row) return null;
  const d = JSON.parse(row.detail) as Partial<AttendanceFieldDetail>;
  const choice = choiceOf(d);
  return choice ? { attendanceId: d.attendanceId as string, choice } : null;
}

function rowHere(store: Store, attendanceId: string, meetingId: string): AttendanceHere | undefined {
  return store.db
    .prepare('SELECT id, member_id, status, is_chair, is_vice_chair, is_minute_taker, for_items_note FROM attendance WHERE id = ? AND meeting_id = ?')
    .get(attendanceId, meetingId) as AttendanceHere | undefined;
}

/** Why the other value cannot be recorded here, or null when it can. */
function refusal(store: Store, boardId: string, c: Choice, row: AttendanceHere | undefined): string | null {
  const meeting = store.db.prepare('SELECT status FROM meetings WHERE id = ? AND board_id = ?').get(c.meetingId, boardId) as { status: MeetingStatus } | undefined;
  if (!meeting) return 'That meeting is no longer on this board.';
  if (isAgreed(meeting.status)) return 'These minutes have been agreed as accurate, so the attendance is part of the record and can no longer be changed.';
  if (!row) return `${c.name} is no longer in this meeting’s attendance.`;
  if (c.field === 'status' && row.member_id === null) return `${c.name} is a guest, always recorded as in attendance.`;
  if (c.field === 'status') return row.status === c.value ? `${c.name} is already recorded so.` : null;
  const word = MEETING_MARK_WORD[c.field];
  if ((row[MARK_COLUMNS[c.field]] === 1) === c.value) return `${c.name} is already ${c.value ? '' : 'not '}the ${word}.`;
  if (c.value && row.status !== 'present' && row.status !== 'in_attendance') return `${c.name} is no longer recorded as there, so cannot be the ${word}. Correct the attendance first.`;
  return null;
}

/** What the conflict offers: the value not kept, where recording it can succeed. */
export function keepAttendanceFieldFor(store: Store, boardId: string, conflictId: string): ListedSyncConflict['keepAttendanceField'] {
  const d = detailOf(store, boardId, conflictId);
  if (!d || refusal(store, boardId, d.choice, rowHere(store, d.attendanceId, d.choice.meetingId)) !== null) return undefined;
  return d.choice;
}

/** Records the value not kept (the rest of the row as it is, as recording attendance allows), and dismisses the conflict here. */
export function keepSyncConflictAttendanceField(store: Store, input: ParsedInputOf<'keepSyncConflictAttendanceField'>): void {
  const d = detailOf(store, input.boardId, input.id);
  if (!d) throw new DomainError('not_found', 'This conflict is not listed for this board on this laptop: there is no attendance to record.');
  const c = d.choice;
  const row = rowHere(store, d.attendanceId, c.meetingId);
  const why = refusal(store, input.boardId, c, row);
  if (why !== null || !row) throw new DomainError('conflict', why ?? 'Nothing to change.');
  const forItemIds = store.db.prepare('SELECT agenda_item_id FROM attendance_items WHERE attendance_id = ? ORDER BY agenda_item_id').pluck().all(row.id) as string[];
  const marks: AttendanceMarks = { isChair: row.is_chair === 1, isViceChair: row.is_vice_chair === 1, isMinuteTaker: row.is_minute_taker === 1 };
  if (c.field !== 'status') marks[MEETING_MARK_FLAG[c.field]] = c.value;
  // One made the chair is no longer vice-chair (as recording attendance has it); a status away from the meeting drops the marks there.
  if (c.field === 'chair' && c.value) marks.isViceChair = false;
  const rest = { ...marks, forItemsNote: row.for_items_note, forItemIds };
  const change =
    row.member_id !== null
      ? { kind: 'member' as const, memberId: row.member_id, status: c.field === 'status' ? c.value : row.status, ...rest }
      : { kind: 'guest' as const, guestId: row.id, remove: false, ...rest };
  recordAttendance(store, { meetingId: c.meetingId, changes: [change] });
  dismissSyncConflict(store, { boardId: input.boardId, id: input.id });
}
