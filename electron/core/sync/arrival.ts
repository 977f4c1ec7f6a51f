// Whether a meeting of a shared board has changes from another laptop on their way here, for the
// line on the meeting's page: a laptop that has just joined, or just opened its file, shows a
// meeting while its document is still being fetched, and the administrator should see why its
// items are not there yet rather than an empty meeting. Known from what core already holds: the
// updates received and not yet written into the tables, and the board's change mark for the
// meeting (meetingMarks.ts) naming more than this laptop's copy holds.
import type { MeetingArrival } from '../../../shared/contract';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { meetingDocName } from './docNames';
import { keptVector } from './keptVectors';
import { lacksMark, vectorOfDoc } from './meetingMarks';
import { syncEngine, type SharedBoard } from './engine';

/** Whether the meeting's changes from elsewhere are on their way: held for projection, or named by its mark and not yet here. */
export function meetingArriving(store: Store, board: SharedBoard, meetingId: string): boolean {
  const name = meetingDocName(board.boardId, meetingId);
  if (board.holding || board.frozen.has(name)) return false;
  if (board.queue.some((entry) => entry.name === name)) return true;
  const held = board.replica.loaded(meetingId) ? vectorOfDoc(board.replica.meeting(meetingId).doc) : (keptVector(store.db, name) ?? new Map<number, number>());
  // A batch held back is read from its view of the board's document (remoteBatch.ts): its marks are the newest this laptop knows.
  return lacksMark(board.heldBoard ?? board.replica.board, meetingId, held);
}

/** The meeting page's sync line: nothing for a meeting of a board not shared (or not open for sync). */
export function meetingArrivalOf(store: Store, meetingId: string): MeetingArrival {
  const boardId = store.db.prepare('SELECT board_id FROM meetings WHERE id = ?').pluck().get(meetingId) as string | undefined;
  if (boardId === undefined) throw new DomainError('not_found', 'This meeting is not in this data file.');
  // A board kept on this laptop only never makes the file's sync engine (it would watch every write).
  const shared = store.db.prepare("SELECT 1 FROM sync_boards WHERE board_id = ? AND state = 'shared'").get(boardId) !== undefined;
  const board = shared ? syncEngine(store).boards.get(boardId) : undefined;
  if (!board) return { arriving: false, connected: false };
  return { arriving: meetingArriving(store, board, meetingId), connected: board.connected };
}
