// Boards: the bodies whose meetings are minuted. Renaming a board keeps the name that
// minutes already circulated were held under.
import type { BoardSummary, ParsedInputOf } from '../../../shared/contract';
import { todayIso } from '../../../shared/domain/dates';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write, type ReadHandle, type WriteHandle } from '../store/write';
import { conflict, notFound } from '../errors';

interface BoardRow {
  id: string;
  name: string;
  short_code: string | null;
  created_at: string;
  meeting_count: number;
  last_meeting_date: string | null;
  next_meeting_date: string | null;
}

const SUMMARY_SQL = `
  SELECT b.id, b.name, b.short_code, b.created_at,
    (SELECT count(*) FROM meetings m WHERE m.board_id = b.id) AS meeting_count,
    (SELECT max(m.meeting_date) FROM meetings m WHERE m.board_id = b.id AND m.meeting_date <= @today) AS last_meeting_date,
    (SELECT min(m.meeting_date) FROM meetings m WHERE m.board_id = b.id AND m.meeting_date > @today) AS next_meeting_date
  FROM boards b
  WHERE b.archived_at IS NULL`;

function toSummary(row: BoardRow): BoardSummary {
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

export function listBoards(store: Store): BoardSummary[] {
  const rows = store.db.prepare(`${SUMMARY_SQL} ORDER BY b.name COLLATE NOCASE`).all({ today: todayIso() }) as BoardRow[];
  return rows.map(toSummary);
}

export function getBoardSummary(store: Store, boardId: string): BoardSummary {
  const row = store.db.prepare(`${SUMMARY_SQL} AND b.id = @id`).get({ today: todayIso(), id: boardId }) as BoardRow | undefined;
  if (!row) throw notFound('board');
  return toSummary(row);
}

function assertNameFree(store: ReadHandle, name: string, exceptId: string | null): void {
  const clash = store.db
    .prepare('SELECT id FROM boards WHERE name = ? COLLATE NOCASE AND archived_at IS NULL AND id IS NOT ?')
    .get(name, exceptId);
  if (clash) throw conflict(`There is already a board called "${name}".`, 'name');
}

function assertShortCodeFree(store: Store, code: string): void {
  const clash = store.db.prepare('SELECT id FROM boards WHERE short_code = ? COLLATE NOCASE').get(code);
  if (clash) throw conflict(`The short code "${code}" is already used by another board.`, 'shortCode');
}

export function createBoard(store: Store, input: ParsedInputOf<'createBoard'>): BoardSummary {
  const id = newId();
  const at = nowInstant();
  const shortCode = input.shortCode ? input.shortCode : null;
  write(store, (w) => {
    assertNameFree(store, input.name, null);
    if (shortCode) assertShortCodeFree(store, shortCode);
    store.db
      .prepare('INSERT INTO boards (id, name, short_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, input.name, shortCode, at, at);
    w.log({ entity: 'board', entityId: id, action: 'create', detail: { name: input.name } }, at);
  });
  return getBoardSummary(store, id);
}

export function renameBoard(store: Store, input: ParsedInputOf<'renameBoard'>): BoardSummary {
  const at = nowInstant();
  write(store, (w) => renameWithin(w, input.boardId, input.name, at));
  return getBoardSummary(store, input.boardId);
}

/** Renames a board inside the caller's transaction (renameBoard, board settings). */
export function renameWithin(w: WriteHandle, boardId: string, name: string, at: string): void {
  const board = w.db.prepare('SELECT name FROM boards WHERE id = ? AND archived_at IS NULL').get(boardId) as
    | { name: string }
    | undefined;
  if (!board) throw notFound('board');
  if (board.name === name) return;
  assertNameFree(w, name, boardId);
  w.db.prepare('UPDATE boards SET name = ?, updated_at = ? WHERE id = ?').run(name, at, boardId);
  // Minutes still in draft take the new name; circulated and agreed minutes keep theirs.
  w.db
    .prepare("UPDATE meetings SET board_name = ?, updated_at = ? WHERE board_id = ? AND status = 'draft'")
    .run(name, at, boardId);
  w.log({ entity: 'board', entityId: boardId, action: 'rename', detail: { from: board.name, to: name } }, at);
}
