// The attendance and attendance_items tables: who was at a meeting (with the name, initials and
// role they were recorded with, which is how the meeting's minutes name them) and for which items.
import type { Database } from '../db/driver';
import type { AttendanceRow as AttendanceEntry, AttendanceStatus } from '../../../shared/contract';
import { guestKey, memberKey } from '../../../shared/domain/attendance';

export interface AttendanceRow {
  id: string;
  meeting_id: string;
  member_id: string | null;
  display_name: string;
  initials: string | null;
  role: string | null;
  organisation: string | null;
  status: AttendanceStatus;
  is_guest: number;
  is_chair: number;
  is_vice_chair: number;
  is_minute_taker: number;
  for_items_note: string | null;
  position: number;
}

export interface AttendanceItemRow {
  attendance_id: string;
  agenda_item_id: string;
}

export function rowToAttendance(row: AttendanceRow, itemIds: readonly string[]): AttendanceEntry {
  return {
    id: row.id,
    key: row.member_id ? memberKey(row.member_id) : guestKey(row.id),
    memberId: row.member_id,
    guestId: row.member_id ? null : row.id,
    displayName: row.display_name,
    initials: row.initials,
    role: row.role,
    organisation: row.organisation,
    isGuest: row.is_guest === 1,
    status: row.status,
    isChair: row.is_chair === 1,
    isViceChair: row.is_vice_chair === 1,
    isMinuteTaker: row.is_minute_taker === 1,
    forItemsNote: row.for_items_note,
    forItemIds: [...itemIds].sort(),
  };
}

/** A meeting's attendance in the order it is printed. */
export function readAttendanceRows(db: Database, meetingId: string): AttendanceRow[] {
  return db.prepare('SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position, display_name').all(meetingId) as AttendanceRow[];
}

export function readAttendanceItemRows(db: Database, meetingId: string): AttendanceItemRow[] {
  return db
    .prepare('SELECT ai.* FROM attendance_items ai JOIN attendance a ON a.id = ai.attendance_id WHERE a.meeting_id = ? ORDER BY ai.attendance_id, ai.agenda_item_id')
    .all(meetingId) as AttendanceItemRow[];
}

/** The meeting's attendance as the API gives it, each with the items they were there for. */
export function attendanceOf(rows: readonly AttendanceRow[], items: readonly AttendanceItemRow[]): AttendanceEntry[] {
  const itemsOf = new Map<string, string[]>();
  for (const i of items) itemsOf.set(i.attendance_id, [...(itemsOf.get(i.attendance_id) ?? []), i.agenda_item_id]);
  return rows.map((r) => rowToAttendance(r, itemsOf.get(r.id) ?? []));
}
