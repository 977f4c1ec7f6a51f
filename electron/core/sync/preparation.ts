// Sharing a board: its documents built from its rows in the background, the board's own first,
// then one meeting per step (each its own write, between which the app carries on), so the share
// call returns at once and a 25-year board never stalls the window. The board connects once all
// are built. What is still to build is read from the file (a meeting with no stored document), so
// a laptop shut mid-share carries on where it stopped when the file is next opened. A write made
// meanwhile to a meeting not yet built changes its rows only: its step reads them as they then are.
import type { Store } from '../db/open';
import { outsideAnyCall, reportSyncChanged } from '../store/changes';
import { write } from '../store/write';
import { nowInstant } from '../changelog';
import { meetingDocName } from './docNames';
import { appendUpdate } from './updateStore';
import * as Y from 'yjs';
import { mirrorBoardOnly, mirrorMeeting } from './mirror';
import { markIfAhead, vectorOfDoc } from './meetingMarks';
import type { BoardReplica } from './replica';

/** How far the building of a board's documents has got (the status line says "n of m meetings"). */
export interface Preparing {
  done: number;
  total: number;
  /** The meetings still to build, in the order they are built (oldest first). */
  pending: string[];
  /** Whether the board's own document is still to be brought in step (the first step). */
  boardDoc: boolean;
  /** A step failed: nothing more is built this session (the status says why). */
  stopped: boolean;
}

/** What is still to build for a shared board: null when the file holds every document. */
export function unbuilt(store: Store, replica: BoardReplica): Preparing | null {
  const db = store.db;
  const has = db.prepare('SELECT 1 FROM sync_updates WHERE doc_name = ? LIMIT 1');
  const meetings = db.prepare('SELECT id FROM meetings WHERE board_id = ? ORDER BY meeting_date, id').pluck().all(replica.boardId) as string[];
  const pending = meetings.filter((id) => has.get(meetingDocName(replica.boardId, id)) === undefined);
  const boardDoc = has.get(replica.boardName) === undefined;
  if (pending.length === 0 && !boardDoc) return null;
  return { done: meetings.length - pending.length, total: meetings.length, pending, boardDoc: true, stopped: false };
}

export interface PreparedBoard {
  readonly boardId: string;
  readonly replica: BoardReplica;
  preparing: Preparing | null;
  lastError: string | null;
  readonly lastLocalSeq: Map<string, number>;
  /** The meeting document a step is building (its updates are stored whole at the step's end, not one by one). */
  building: string | null;
}

/**
 * Builds the board's documents a step per turn of the event loop; `done` runs once all are built
 * (the board then connects), `changed` after each step (the status line moves on). Stops when
 * the board is closed; a step that fails (a full disk) is left to the next opening of the file.
 */
export function prepareInBackground(store: Store, board: PreparedBoard, actor: string, changed: () => void, done: () => void): void {
  const step = (): void => {
    const preparing = board.preparing;
    if (!preparing || preparing.stopped || board.replica.disposed || !store.db.open) return;
    outsideAnyCall(() => {
      try {
        if (preparing.boardDoc) {
          write(store, (w) => mirrorBoardOnly(w, board.replica, actor));
          preparing.boardDoc = false;
        } else {
          const id = preparing.pending[0] as string;
          const exists = store.db.prepare('SELECT 1 FROM meetings WHERE id = ? AND board_id = ?').get(id, board.boardId) !== undefined;
          // A meeting deleted meanwhile has nothing to build; its document was never made.
          if (exists) {
            write(store, (w) => {
              // Built without storing each discussion's update on its own (the engine skips the
              // document while `building` names it): the whole document is stored as one update
              // below, so the file is read back (and the document sent) in one piece.
              const name = meetingDocName(board.boardId, id);
              board.building = name;
              try {
                mirrorMeeting(w, board.replica, actor, id);
              } finally {
                board.building = null;
              }
              const { doc } = board.replica.meeting(id);
              board.lastLocalSeq.set(name, appendUpdate(w.db, board.boardId, name, Y.encodeStateAsUpdate(doc), 'local', nowInstant()));
              // Its change mark, so a laptop with this copy never fetches it again until it changes (meetingMarks.ts).
              markIfAhead(board.replica.board, id, vectorOfDoc(doc));
            });
          }
          preparing.pending.shift();
          preparing.done += 1;
          // Built and stored: let go of it until something needs it (a board of years would fill memory).
          if (!board.replica.disposed) board.replica.unload(id);
        }
      } catch (err) {
        board.lastError = `Preparing this board to share stopped: ${err instanceof Error ? err.message : String(err)}. It carries on when the file is next opened.`;
        preparing.stopped = true;
        reportSyncChanged(board.boardId);
        changed();
        return;
      }
      if (preparing.pending.length === 0) {
        board.preparing = null;
        done();
      }
      reportSyncChanged(board.boardId);
      changed();
    });
    if (board.preparing && !board.preparing.stopped) setImmediate(step);
  };
  setImmediate(step);
}
