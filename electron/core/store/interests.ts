// The interests table: a board's register of its members' interests, one row per interest held.
import type { InterestCategory } from '../../../shared/domain/enums';
import type { InterestEntry } from '../../../shared/contract/interests';
import type { ReadHandle } from './write';

export interface InterestRow {
  id: string;
  board_id: string;
  member_id: string;
  interest: string;
  category: InterestCategory;
  from_date: string | null;
  to_date: string | null;
  created_at: string;
  updated_at: string;
}

/** A row with the member it belongs to, named as the roster names them today (the register is current). */
export type InterestListRow = InterestRow & { full_name: string; initials: string };

export function rowToInterest(row: InterestListRow): InterestEntry {
  return {
    id: row.id,
    boardId: row.board_id,
    memberId: row.member_id,
    memberName: row.full_name,
    initials: row.initials,
    interest: row.interest,
    category: row.category,
    fromDate: row.from_date,
    toDate: row.to_date,
  };
}

const LIST_SQL = `
  SELECT i.*, p.full_name, bm.initials FROM interests i
  JOIN board_members bm ON bm.id = i.member_id JOIN people p ON p.id = bm.person_id`;

/** The board's register, by member then by when each interest began. */
export function readInterestRows(store: ReadHandle, boardId: string): InterestListRow[] {
  return store.db
    .prepare(`${LIST_SQL} WHERE i.board_id = ? ORDER BY p.full_name COLLATE NOCASE, coalesce(i.from_date, ''), i.interest COLLATE NOCASE, i.id`)
    .all(boardId) as InterestListRow[];
}

export function readInterestRow(store: ReadHandle, interestId: string): InterestListRow | undefined {
  return store.db.prepare(`${LIST_SQL} WHERE i.id = ?`).get(interestId) as InterestListRow | undefined;
}
