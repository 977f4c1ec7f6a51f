// An attendance row brought back by two laptops apart (each changed it while a third removed it,
// attendanceRestore.ts), each with its own status and marks: Yjs keeps one row whole (the same on
// every laptop), so each restoring laptop logs the version it brought back, and the conflict says
// how the others differ from what the attendance shows, so none is lost silently. The versions are
// merged and compared as an item's are (itemVersions.ts).
import type { Database } from '../db/driver';
import { MEETING_MARKS, type MeetingMark } from '../../../shared/domain/enums';
import { MEETING_MARK_WORD } from '../../../shared/domain/meetingMarks';
import { differingVersions, shownOf, type Version } from './itemVersions';

/** How the conflicts name each attendance status. */
export const PRESENCE: Readonly<Record<string, string>> = { present: 'present', apologies: 'apologies sent', absent: 'absent', in_attendance: 'in attendance' };

/** An attendance row's own details: its status and the marks it holds. */
export type AttendanceFields = { status: string } & Record<MeetingMark, boolean>;

export type AttendanceVersion = Version<AttendanceFields>;

const FIELDS: ReadonlyArray<keyof AttendanceFields> = ['status', ...MEETING_MARKS];

/** The row's details as this laptop's tables hold them (undefined once it is gone). */
export function readAttendanceFields(db: Database, attendanceId: string): AttendanceFields | undefined {
  const row = db.prepare('SELECT status, is_chair, is_vice_chair, is_minute_taker FROM attendance WHERE id = ?').get(attendanceId) as Record<string, string | number> | undefined;
  if (!row) return undefined;
  return { status: String(row.status), ...(Object.fromEntries(MEETING_MARKS.map((m) => [m, row[`is_${m}`] === 1])) as Record<MeetingMark, boolean>) };
}

/** The words for each detail given ("apologies sent", "minute-taker", "not chair"), status first. */
export function fieldWords(f: Partial<AttendanceFields>): string[] {
  const words: string[] = [];
  if (f.status !== undefined) words.push(PRESENCE[f.status] ?? f.status);
  for (const m of MEETING_MARKS) if (f[m] !== undefined) words.push(f[m] ? MEETING_MARK_WORD[m] : `not ${MEETING_MARK_WORD[m]}`);
  return words;
}

/** The sentence the conflict adds when the versions brought back differ from the row as it shows, or null. */
export function describeAttendanceVersions(db: Database, attendanceId: string, versions: readonly AttendanceVersion[] | undefined): string | null {
  const found = differingVersions(readAttendanceFields(db, attendanceId), versions, FIELDS);
  if (!found) return null;
  const others = found.others.map((o) => `${o.by}’s version had ${fieldWords(o.changes).join(', ')} (the attendance shows ${fieldWords(shownOf(found.shown, o.changes)).join(', ')})`);
  return `The laptops that brought it back held different versions of it: ${others.join('; ')}. Correct the attendance if another version is the right one.`;
}
