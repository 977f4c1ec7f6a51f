// A mark held by one person per meeting (the chair, the vice-chair, the minute-taker: recording
// attendance moves each off whoever held it, shared/domain/attendance.ts), however many laptops
// gave it apart: each names its own attendance row, so the merged document may mark two rows. The
// projection keeps the mark on one of them, the same on every laptop whatever order the updates
// arrive in (the row with the lower id: the document holds no time for a mark, and ids never
// change, so no later edit can make two laptops choose differently); the other laptop's choice
// goes into the board's conflict log, naming who made each, so the administrator can give it the
// mark from the list of conflicts (chairChoice.ts). The mirror then takes the mark off the other
// row in the document everywhere. The conflict's kind is chair_twice for every mark (the name it
// was first stored under in the boards' documents); its detail names the mark.
import { MEETING_MARKS, type MeetingMark } from '../../../shared/domain/enums';
import type { Row } from './registry';

/** What the board's conflict log holds for a mark (chair, vice-chair, minute-taker) given to two people for one meeting apart. */
export interface MarkTwiceDetail {
  meetingId: string;
  role: MeetingMark;
  kept: { memberId: string | null; name: string; by: string };
  other: { memberId: string | null; name: string; by: string };
}

export const MARK_COLUMNS: Readonly<Record<MeetingMark, 'is_chair' | 'is_vice_chair' | 'is_minute_taker'>> = {
  chair: 'is_chair',
  vice_chair: 'is_vice_chair',
  minute_taker: 'is_minute_taker',
};

const marked = (row: Row, column: string): boolean => Number(row[column] ?? 0) === 1;

/**
 * The meeting's attendance rows with each mark on one row only; `recordedBy(key, column)` names the
 * laptop that set a row's mark. Returns the rows and what was found.
 */
export function oneHolderEach(rows: Map<string, Row>, recordedBy: (key: string, column: string) => string): { rows: Map<string, Row>; twice: MarkTwiceDetail[] } {
  const twice: MarkTwiceDetail[] = [];
  let out = rows;
  for (const role of MEETING_MARKS) {
    const column = MARK_COLUMNS[role];
    const holders = [...out].filter(([, r]) => marked(r, column)).sort((a, b) => String(a[1].id).localeCompare(String(b[1].id)));
    if (holders.length < 2) continue;
    out = new Map(out);
    const [kept, ...others] = holders;
    const who = ([key, row]: [string, Row]) => ({ memberId: (row.member_id as string | null) ?? null, name: String(row.display_name ?? ''), by: recordedBy(key, column) });
    for (const entry of others) {
      out.set(entry[0], { ...entry[1], [column]: 0 });
      twice.push({ meetingId: String(kept![1].meeting_id), role, kept: who(kept!), other: who(entry) });
    }
  }
  // A member marked chair on one laptop and vice-chair on another is the chair (as recording attendance makes it).
  for (const [key, row] of out) {
    if (marked(row, 'is_chair') && marked(row, 'is_vice_chair')) {
      if (out === rows) out = new Map(rows);
      out.set(key, { ...row, is_vice_chair: 0 });
    }
  }
  return { rows: out, twice };
}

/**
 * Marks held here on rows the document takes them off: cleared first (inside the projection's write), so
 * the one-chair index never sees two. A row the projection keeps although the document removed it
 * (`kept`: brought back by a change made here, attendanceRestore.ts) keeps its marks, unless a row of
 * the document holds the mark now.
 */
export function clearMarksGoing(have: Map<string, Row>, wanted: ReadonlyMap<string, Row>, clear: (row: Row, column: string) => void, kept: ReadonlySet<string> = new Set()): void {
  for (const [key, row] of have) {
    for (const column of Object.values(MARK_COLUMNS)) {
      if (!marked(row, column) || marked(wanted.get(key) ?? {}, column)) continue;
      if (!wanted.has(key) && kept.has(String(row.id)) && ![...wanted.values()].some((w) => marked(w, column))) continue;
      clear(row, column);
      have.set(key, { ...have.get(key), [column]: 0 });
    }
  }
}
