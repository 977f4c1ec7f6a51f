// Applying a batch of the server's updates to a board's documents before they are projected: the
// board's document first, and a meeting's document only when its updates are projected in the
// same write. A batch is held back while a meeting the board's marks name is still being fetched
// (engine.ts flush); were its meeting updates already in their documents then, the next local
// write's mirror (rows -> documents, mirror.ts) would copy this laptop's older rows over them (an
// attendance, a chair mark, a title another laptop changed), and the projection would then find
// nothing of them: lost on every laptop without a word. The board's document is written by a
// local write only in the tables that write touched; its marks are needed to know what to fetch.
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
