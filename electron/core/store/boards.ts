// The boards table: its row, a board as the board list shows it, and reading a board that is not archived.
import type { BoardSummary } from '../../../shared/contract';
import type { ConfidentialDisplay, ItemNumbering, QuorumKind } from '../../../shared/domain/enums';
import type { ReadHandle } from './write';

export interface BoardRow {
  id: string;
  name: string;
  short_code: string | null;
  reference_format: string;
  item_numbering: ItemNumbering;
  quorum_kind: QuorumKind;
  quorum_value: number | null;
  confidential_display: ConfidentialDisplay;
  /** The recurring agenda: a JSON array of item titles. */
  agenda_template: string;
  cadence_days: number | null;
  /** 1: agreed minutes end with the chair's signature block ("Signed as a correct record"). */
  signature_block: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** What the board list shows beside a board, counted from its meetings around today. */
export interface BoardMeetingCounts {
  meeting_count: number;
  last_meeting_date: string | null;
  next_meeting_date: string | null;
}

export type BoardSummaryRow = Pick<BoardRow, 'id' | 'name' | 'short_code' | 'created_at'> & BoardMeetingCounts;

const SUMMARY_SQL = `
  SELECT b.id, b.name, b.short_code, b.created_at,
    (SELECT count(*) FROM meetings m WHERE m.board_id = b.id) AS meeting_count,
    (SELECT max(m.meeting_date) FROM meetings m WHERE m.board_id = b.id AND m.meeting_date <= @today) AS last_meeting_date,
    (SELECT min(m.meeting_date) FROM meetings m WHERE m.board_id = b.id AND m.meeting_date > @today) AS next_meeting_date
  FROM boards b
  WHERE b.archived_at IS NULL`;

export function rowToBoardSummary(row: BoardSummaryRow): BoardSummary {
  return {
    id: row.id,
    name: row.name,
    shortCode: row.short_code,
    meetingCount: row.meeting_count,
    lastMeetingDate: row.last_meeting_date,
    nextMeetingDate: row.next_meeting_date,
    createdAt: row.created_at,
  };
}

/** Every board not archived, by name, with its meetings counted around `today`. */
export function readBoardSummaryRows(store: ReadHandle, today: string): BoardSummaryRow[] {
  return store.db.prepare(`${SUMMARY_SQL} ORDER BY b.name COLLATE NOCASE`).all({ today }) as BoardSummaryRow[];
}

export function readBoardSummaryRow(store: ReadHandle, boardId: string, today: string): BoardSummaryRow | undefined {
  return store.db.prepare(`${SUMMARY_SQL} AND b.id = @id`).get({ today, id: boardId }) as BoardSummaryRow | undefined;
}

/** A board that is not archived (an archived board is, to every caller, not there). */
export function readBoardRow(store: ReadHandle, boardId: string): BoardRow | undefined {
  return store.db.prepare('SELECT * FROM boards WHERE id = ? AND archived_at IS NULL').get(boardId) as BoardRow | undefined;
}
