// Boards: the bodies whose meetings are minuted. Renaming a board keeps the name that
// minutes already circulated were held under.
import type { BoardSummary, ParsedInputOf } from '../../../shared/contract';
import { todayIso } from '../../../shared/domain/dates';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { readBoardRow, readBoardSummaryRow, readBoardSummaryRows, rowToBoardSummary } from '../store/boards';
import { write, type ReadHandle, type WriteHandle } from '../store/write';
import { conflict, notFound } from '../errors';

export function listBoards(store: Store): BoardSummary[] {
  return readBoardSummaryRows(store, todayIso()).map(rowToBoardSummary);
}

export function getBoardSummary(store: Store, boardId: string): BoardSummary {
  const row = readBoardSummaryRow(store, boardId, todayIso());
  if (!row) throw notFound('board');
  return rowToBoardSummary(row);
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
  const board = readBoardRow(w, boardId);
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
