// Joining again a board this laptop already shares (or stopped sharing): with the invitation made
// on another laptop after its old one was replaced, this laptop's token (and the server's address,
// if it moved) are replaced once the server accepts the new token. The board's rows stay as they
// are; changes made here meanwhile are sent; a refused invitation leaves the old one in place.
import type { JoinResult } from '../../../shared/contract';
import type { Invitation } from '../../../shared/domain/invitation';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { nowInstant } from '../changelog';
import { write } from '../store/write';
import { syncEngine } from './engine';

/** How long the server has to accept the new invitation before this says so. */
const ACCEPT_TIMEOUT_MS = 60_000;

export async function joinAgain(store: Store, invitation: Invitation, boardName: string, timeoutMs = ACCEPT_TIMEOUT_MS): Promise<JoinResult> {
  const before = store.db.prepare('SELECT server_url, token, state FROM sync_boards WHERE board_id = ?').get(invitation.boardId) as
    | { server_url: string; token: string; state: string }
    | undefined;
  if (!before) throw new DomainError('conflict', 'This board is already in this data file.');
  const engine = syncEngine(store);
  engine.close(invitation.boardId);
  const board = engine.open(invitation.boardId, invitation.serverUrl, invitation.token, false);
  let timer: NodeJS.Timeout | undefined;
  const unreachable = 'The sync server did not answer: check the address in the invitation, and that the server is running. Nothing was changed.';
  try {
    await Promise.race([
      engine.until(() => Boolean(board.wire?.synced(board.replica.boardName)) || board.lastError !== null),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DomainError('conflict', unreachable)), timeoutMs);
      }),
    ]);
    if (board.lastError) throw new DomainError('conflict', `${board.lastError} Nothing was changed: ask for the board’s latest invitation.`, 'invitation');
  } catch (err) {
    // Back as it was: the old token (refused or not) until a working invitation is given.
    engine.close(invitation.boardId);
    if (before.state === 'shared') engine.open(invitation.boardId, before.server_url, before.token, false);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  write(store, (w) => {
    w.db
      .prepare("UPDATE sync_boards SET server_url = ?, token = ?, state = 'shared', last_error = NULL, updated_at = ? WHERE board_id = ?")
      .run(invitation.serverUrl, invitation.token, nowInstant(), invitation.boardId);
    w.log({ entity: 'board', entityId: invitation.boardId, action: 'join_again', detail: { serverUrl: invitation.serverUrl } });
  });
  // Changes made here while sharing was stopped go into the documents, and out.
  engine.mirrorAll(invitation.boardId);
  return { boardId: invitation.boardId, boardName };
}
