// Applying a batch of the server's updates to a board's documents: only when they are projected in
// the same write. A batch is held back while a meeting the board's marks name is still being
// fetched (engine.ts flush); were any of its updates already in their documents then, the next
// local write's mirror (rows -> documents, mirror.ts) would copy this laptop's older rows over them
// (an attendance, a chair mark, a title, a role or a member another laptop added), and the
// projection would then find nothing of them: lost on every laptop without a word. The board's
// marks are needed to know what to fetch, so a held batch's board updates go into a copy of the
// board's document read for its list and marks alone (heldBoardView): the documents the mirror
// writes keep one writer (the projection) for what came from the server. Projecting the board's
// part at once is not safe: its rows may name meetings not in this file yet (an action closed there).
import * as Y from 'yjs';
import { parseDocName } from './docNames';
import { authorsOf } from './mirror';
import { refusalMessage } from './refusal';
import type { BoardReplica } from './replica';

export interface RemoteUpdate {
  name: string;
  update: Uint8Array;
}

/** The batch's board-document updates, then its meeting-document updates (order kept within each). */
export function boardFirst(batch: readonly RemoteUpdate[]): [RemoteUpdate[], RemoteUpdate[]] {
  const board = batch.filter((b) => parseDocName(b.name).kind === 'board');
  return [board, batch.filter((b) => !board.includes(b))];
}

/**
 * Applies `entries` to their documents (with `origin`), adding who made them to `authors`. A
 * corrupted update (or one for another board's document) is refused whole: taken out of `batch`,
 * never stored; returns why, if any was.
 */
export function applyRemote(replica: BoardReplica, batch: RemoteUpdate[], entries: readonly RemoteUpdate[], origin: unknown, authors: Set<string>): string | null {
  let unreadable: string | null = null;
  for (const entry of entries) {
    try {
      replica.applyUpdate(entry.name, entry.update, origin);
      for (const a of authorsOf(replica.doc(entry.name), entry.update)) authors.add(a);
    } catch (err) {
      batch.splice(batch.indexOf(entry), 1);
      unreadable = refusalMessage(err);
    }
  }
  return unreadable;
}

/**
 * The board's document as it will be once the held batch's `entries` are projected: `previous`
 * (the copy made when the batch was first held) brought in step with the replica's own board
 * document (what local writes added since), then the entries applied. Read for the meeting list
 * and marks only (listedMeetings.ts); never projected, never stored. A corrupted update is refused
 * whole as applyRemote does: taken out of `batch`; returns the view and why, if any was refused.
 */
export function heldBoardView(replica: BoardReplica, previous: Y.Doc | null, batch: RemoteUpdate[], entries: readonly RemoteUpdate[]): [Y.Doc, string | null] {
  const view = previous ?? new Y.Doc();
  Y.applyUpdate(view, previous ? Y.encodeStateAsUpdate(replica.board, Y.encodeStateVector(previous)) : Y.encodeStateAsUpdate(replica.board));
  let unreadable: string | null = null;
  for (const entry of entries) {
    try {
      if (parseDocName(entry.name).boardId !== replica.boardId) throw new Error(`The document ${entry.name} belongs to another board.`);
      Y.applyUpdate(view, entry.update);
    } catch (err) {
      batch.splice(batch.indexOf(entry), 1);
      unreadable = refusalMessage(err);
    }
  }
  return [view, unreadable];
}
