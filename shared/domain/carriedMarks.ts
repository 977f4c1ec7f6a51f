// The chair, vice-chair and minute-taker carry from one meeting to the next: someone marked
// present who held a mark at the board's previous meeting takes it again, when no one at this
// meeting holds it yet. Only on being marked present (so a mark cleared by hand stays cleared).
import type { AttendanceEntry, AttendanceMarks } from './attendance';

export const CARRIED_MARKS: ReadonlyArray<keyof AttendanceMarks> = ['isChair', 'isViceChair', 'isMinuteTaker'];

/** Who held each mark at the previous meeting (member ids), if anyone. */
export type PreviousMarks = Partial<Record<keyof AttendanceMarks, string>>;

const there = (e: Pick<AttendanceEntry, 'status'> | undefined): boolean => e?.status === 'present' || e?.status === 'in_attendance';

export function carryMarks<E extends AttendanceEntry>(before: readonly E[], after: readonly E[], previous: PreviousMarks): E[] {
  const was = new Map(before.map((e) => [e.key, e]));
  const rows = after.map((e) => ({ ...e }));
  for (const mark of CARRIED_MARKS) {
    const holder = previous[mark];
    if (!holder || rows.some((r) => r[mark])) continue;
    const row = rows.find((r) => r.memberId === holder);
    // Newly there in this change: the mark comes with them. One person holds one mark.
    if (!row || !there(row) || there(was.get(row.key)) || CARRIED_MARKS.some((m) => row[m])) continue;
    row[mark] = true;
  }
  return rows;
}
