// The write hook's work for each shared board of the file: inside a write's transaction, what it
// changed goes into the board's documents (mirror.ts), and the change marks of the meetings it
// changed (meetingMarks.ts) go into the board's document in the same update as its rows. A write
// that freed a name or short code a shared board is shown under a local form of (boardNames.ts)
// has the board take the shared one again, in the same transaction (project.ts settleFreedBoardRow).
import type { Changed } from '../../../shared/contract';
import type { Database } from '../db/driver';
import { write } from '../store/write';
import { affectedMeetings } from './affected';
import { parseDocName } from './docNames';
import { markIfAhead, vectorOfDoc } from './meetingMarks';
import { LOCAL_ORIGIN, mirrorBoard } from './mirror';
import type { BoardReplica } from './replica';
import type { Preparing } from './preparation';
import { takeTouches } from './writeTouches';
import { settleFreedBoardRow } from './project';

/** What the hook needs of a shared board (engine.ts's SharedBoard). */
export interface MirroredBoard {
  readonly boardId: string;
  readonly replica: BoardReplica;
  readonly holding: boolean;
  readonly preparing: Preparing | null;
  readonly frozen: Set<string>;
  marking: Set<string> | null;
}

/**
 * `actor`: the write's (a projection's is the remote laptop's user, for the change log); `user`: this
 * laptop's, who signs what the mirror writes into the documents (it is this laptop's Yjs client that
 * writes them, even in a projection's write: a row brought back, a correction proposed).
 */
export function mirrorWrite(boards: Iterable<MirroredBoard>, db: Database, changes: readonly Changed[], actor: string, user: string): void {
  const touched = takeTouches(db);
  const shared = [...boards];
  for (const board of shared) {
    if (board.holding) continue;
    if (db.prepare('SELECT 1 FROM boards WHERE id = ?').get(board.boardId) === undefined) continue;
    const affected = affectedMeetings(db, board.replica, changes, touched);
    // While sharing, a meeting not yet built is left to its step, which reads its rows as they then are.
    for (const id of board.preparing?.pending ?? []) {
      affected.whole.delete(id);
      affected.actionRows.delete(id);
    }
    // An action's rows in a later meeting that this write did not change are already in step: that document is not read.
    for (const [id, actions] of affected.actionRows) {
      for (const action of actions) if (!touched.actionRows.has(`${id} ${action}`)) actions.delete(action);
      if (actions.size === 0) affected.actionRows.delete(id);
    }
    // One transaction of the board's document: its rows and the marks of the meetings changed go
    // out as one update, so a laptop that hears of rows naming a meeting's new content (an action
    // closed, its progress recorded) fetches that meeting before it projects them.
    const boardDoc = board.replica.board;
    const marking = new Set<string>();
    board.marking = marking;
    try {
      boardDoc.transact(() => {
        mirrorBoard({ db }, board.replica, user, affected, touched);
        for (const name of marking) {
          const address = parseDocName(name);
          if (address.kind !== 'meeting' || board.frozen.has(name) || !board.replica.loaded(address.meetingId)) continue;
          markIfAhead(boardDoc, address.meetingId, vectorOfDoc(board.replica.meeting(address.meetingId).doc));
        }
      }, LOCAL_ORIGIN);
    } finally {
      board.marking = null;
    }
  }
  if (!touched.tables.has('boards')) return;
  // After the mirror, so the board's document holds this write's own changes of the board's row
  // (only a local form then differs from it). The projection is the one writer of that form.
  for (const board of shared) if (!board.holding) write({ db, actor }, (w) => settleFreedBoardRow(w, board.replica));
  // What it wrote is already in step with the documents: not compared again by the next write.
  takeTouches(db);
}
