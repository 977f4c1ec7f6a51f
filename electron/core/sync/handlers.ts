// The sync API: share a board (its token made here and shown once, inside the invitation), join
// one from an invitation, its status, stop sharing on this laptop, and revoke the token by
// rotating it on the server.
import { createHash, randomBytes } from 'node:crypto';
import type { syncMethods, SyncStatus } from '../../../shared/contract';
import { formatInvitation, parseInvitation } from '../../../shared/domain/invitation';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { onStore, type FeatureHandlers } from '../handler';
import { nowInstant } from '../changelog';
import { write } from '../store/write';
import { madeSyncEngine, syncEngine, type SharedBoard } from './engine';
import { forgetBoardUpdates, pendingCount } from './updateStore';
import { pendingChanges } from './pendingChanges';
import { listConflicts } from './conflicts';
import { withChoices } from './conflictChoices';
import { dismissSyncConflict } from './dismissConflict';
import { joinAgain } from './newInvitation';
import { meetingArrivalOf } from './arrival';

/** How long joining waits for the server before saying so. */
const JOIN_TIMEOUT_MS = 60_000;

const newToken = (): string => randomBytes(32).toString('base64url');

interface SyncRow {
  server_url: string;
  token: string;
  state: string;
  last_synced_at: string | null;
  offline_since: string | null;
  last_error: string | null;
}

function syncRow(store: Store, boardId: string): SyncRow | undefined {
  return store.db.prepare('SELECT server_url, token, state, last_synced_at, offline_since, last_error FROM sync_boards WHERE board_id = ?').get(boardId) as SyncRow | undefined;
}

function requireBoard(store: Store, boardId: string): string {
  const name = store.db.prepare('SELECT name FROM boards WHERE id = ?').pluck().get(boardId) as string | undefined;
  if (name === undefined) throw new DomainError('not_found', 'This board is not in this data file.');
  return name;
}

export function syncStatusOf(store: Store, boardId: string): SyncStatus {
  requireBoard(store, boardId);
  const row = syncRow(store, boardId);
  // Asked of every board the window shows: a board not shared never makes the engine (its documents, its timers, a hook on every write).
  const board = madeSyncEngine(store)?.boards.get(boardId);
  const shared = row?.state === 'shared';
  return {
    boardId,
    shared,
    serverUrl: row?.server_url ?? null,
    connected: Boolean(shared && board?.connected),
    offlineSince: shared && !board?.connected ? (row?.offline_since ?? null) : null,
    lastSyncedAt: row?.last_synced_at ?? null,
    // The records changed here and not yet held by the server (pendingChanges.ts); a board not open for sync counts its waiting updates.
    pending: !shared ? 0 : board && !board.holding ? pendingChanges(store.db, board.replica) : pendingCount(store.db, boardId),
    lastError: board?.lastError ?? row?.last_error ?? null,
    preparing: shared && board?.preparing ? { done: board.preparing.done, total: board.preparing.total } : null,
  };
}

/**
 * A board of up to this many meetings is built before the share call answers (well under a second),
 * so its invitation works at once; a larger one answers at once and is built in the background,
 * the status line counting its meetings, and the invitation works once it says "Synced".
 */
const BUILT_BEFORE_ANSWER = 24;

async function shareBoard(store: Store, input: { boardId: string; serverUrl: string }): Promise<{ invitation: string }> {
  requireBoard(store, input.boardId);
  if (syncRow(store, input.boardId)?.state === 'shared') {
    throw new DomainError('conflict', 'This board is already shared. To give a laptop access again, make a new invitation (it revokes the old one).');
  }
  const token = newToken();
  const now = nowInstant();
  const again = syncRow(store, input.boardId)?.state === 'stopped';
  write(store, (w) => {
    w.db
      .prepare(
        `INSERT INTO sync_boards (board_id, server_url, token, state, created_at, updated_at) VALUES (?, ?, ?, 'shared', ?, ?)
         ON CONFLICT (board_id) DO UPDATE SET server_url = excluded.server_url, token = excluded.token, state = 'shared', last_error = NULL, updated_at = excluded.updated_at`,
      )
      .run(input.boardId, input.serverUrl, token, now, now);
    w.log({ entity: 'board', entityId: input.boardId, action: 'share', detail: { serverUrl: input.serverUrl } });
  });
  // The board's documents are built in the background (preparation.ts), a meeting per step, the app answering between.
  const engine = syncEngine(store);
  const board = engine.open(input.boardId, input.serverUrl, token, false);
  // Shared again after stopping: what changed here meanwhile goes into the documents it already has.
  if (again && board.preparing === null) engine.mirrorAll(input.boardId);
  const preparing = board.preparing;
  if (preparing && preparing.total - preparing.done <= BUILT_BEFORE_ANSWER) {
    await engine.until(() => board.preparing === null || board.preparing.stopped || engine.boards.get(input.boardId) !== board);
  }
  return { invitation: formatInvitation({ serverUrl: input.serverUrl, boardId: input.boardId, token }) };
}

/**
 * Waits for `ready`, or fails with `message` when nothing has come for the timeout (or at once
 * when the board is refused). A board with years of meetings takes longer than a minute to arrive
 * in full: the wait goes on while its documents keep arriving, and says how far it got if they stop.
 */
async function waitFor(store: Store, board: SharedBoard, ready: () => boolean, message: string): Promise<void> {
  const engine = syncEngine(store);
  const progress = () => board.wire?.progress() ?? { synced: 0, total: 0 };
  let arrived = progress().synced;
  let timer: NodeJS.Timeout | undefined;
  let fail: (err: Error) => void = () => undefined;
  const timeout = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const stalled = () => {
    const { synced, total } = progress();
    if (synced === 0) return message;
    // The board's own document comes first; the others are its meetings.
    return `The sync server stopped sending this board: its settings and ${Math.max(0, synced - 1)} of its ${Math.max(0, total - 1)} meetings had arrived, then nothing more for a minute. Check the connection to the server and join again; nothing was added to this file.`;
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fail(new DomainError('conflict', stalled())), JOIN_TIMEOUT_MS);
  };
  arm();
  try {
    await Promise.race([
      engine.until(() => {
        const now = progress().synced;
        if (now > arrived) {
          arrived = now;
          arm();
        }
        return ready() || board.lastError !== null;
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
  if (board.lastError) throw new DomainError('conflict', board.lastError);
}

async function joinSharedBoard(store: Store, input: { invitation: string }): Promise<{ boardId: string; boardName: string }> {
  const invitation = parseInvitation(input.invitation);
  if ('error' in invitation) throw new DomainError('invalid_input', invitation.error, 'invitation');
  if (store.db.prepare('SELECT 1 FROM boards WHERE id = ?').get(invitation.boardId)) {
    // Shared here before: the invitation replaces the one this laptop had (made anew on another laptop).
    if (syncRow(store, invitation.boardId)) return joinAgain(store, invitation, requireBoard(store, invitation.boardId));
    throw new DomainError('conflict', 'This board is already in this data file.');
  }
  const engine = syncEngine(store);
  const board = engine.open(invitation.boardId, invitation.serverUrl, invitation.token, true);
  const wire = () => board.wire;
  try {
    const unreachable = 'The sync server did not answer: check the address in the invitation, and that the server is running.';
    await waitFor(store, board, () => Boolean(wire()?.synced(board.replica.boardName)), unreachable);
    // The board document lists the meetings; each is then fetched, and all are projected together.
    engine.flush(board);
    await waitFor(store, board, () => Boolean(wire()?.settled()), unreachable);
    if (board.replica.board.getMap('boards').size === 0) throw new DomainError('not_found', 'The server has no board for this invitation yet. If it was made just now, wait until the laptop that shared the board says “Synced”, then join again; otherwise ask for its latest invitation.');
    board.holding = false;
    const now = nowInstant();
    engine.flush(board, (db) => {
      // Everything the server holds has just arrived (settled above): that is this laptop's first sync.
      db.prepare("INSERT INTO sync_boards (board_id, server_url, token, state, last_synced_at, created_at, updated_at) VALUES (?, ?, ?, 'shared', ?, ?, ?)").run(
        invitation.boardId,
        invitation.serverUrl,
        invitation.token,
        now,
        now,
        now,
      );
    });
    if (board.lastError) throw new DomainError('conflict', board.lastError);
  } catch (err) {
    engine.close(invitation.boardId);
    write(store, (w) => forgetBoardUpdates(w.db, invitation.boardId));
    throw err;
  }
  return { boardId: invitation.boardId, boardName: requireBoard(store, invitation.boardId) };
}

function stopSharing(store: Store, input: { boardId: string }): SyncStatus {
  requireBoard(store, input.boardId);
  if (syncRow(store, input.boardId)?.state !== 'shared') throw new DomainError('conflict', 'This board is not shared.');
  syncEngine(store).close(input.boardId);
  write(store, (w) => {
    w.db.prepare("UPDATE sync_boards SET state = 'stopped', updated_at = ? WHERE board_id = ?").run(nowInstant(), input.boardId);
    w.log({ entity: 'board', entityId: input.boardId, action: 'stop_sharing' });
  });
  return syncStatusOf(store, input.boardId);
}

async function rotateBoardToken(store: Store, input: { boardId: string }): Promise<{ invitation: string }> {
  requireBoard(store, input.boardId);
  const row = syncRow(store, input.boardId);
  const board = syncEngine(store).boards.get(input.boardId);
  if (row?.state !== 'shared' || !board?.wire) throw new DomainError('conflict', 'This board is not shared.');
  if (!board.connected) throw new DomainError('conflict', 'The sync server cannot be reached now: a new invitation can only be made while connected.');
  const token = newToken();
  const confirmed = new Promise<void>((resolve) => {
    const listener = (payload: string) => {
      if (!payload.includes('token-rotated')) return;
      board.stateless.delete(listener);
      resolve();
    };
    board.stateless.add(listener);
  });
  board.wire.sendStateless(board.replica.boardName, JSON.stringify({ type: 'rotate-token', tokenHash: createHash('sha256').update(token).digest('hex') }));
  await Promise.race([confirmed, new Promise((_, reject) => setTimeout(() => reject(new DomainError('conflict', 'The sync server did not confirm the new invitation; the old one still works.')), JOIN_TIMEOUT_MS).unref())]);
  board.wire.useToken(token);
  write(store, (w) => {
    w.db.prepare('UPDATE sync_boards SET token = ?, updated_at = ? WHERE board_id = ?').run(token, nowInstant(), input.boardId);
    w.log({ entity: 'board', entityId: input.boardId, action: 'rotate_token' });
  });
  return { invitation: formatInvitation({ serverUrl: row.server_url, boardId: input.boardId, token }) };
}

export const syncHandlers: FeatureHandlers<typeof syncMethods> = {
  shareBoard: onStore((store, input) => shareBoard(store, input)),
  joinSharedBoard: onStore((store, input) => joinSharedBoard(store, input)),
  syncStatus: onStore((store, input) => syncStatusOf(store, input.boardId)),
  meetingArrival: onStore((store, input) => meetingArrivalOf(store, input.meetingId)),
  stopSharing: onStore((store, input) => stopSharing(store, input)),
  rotateBoardToken: onStore((store, input) => rotateBoardToken(store, input)),
  syncConflicts: onStore((store, input) => {
    requireBoard(store, input.boardId);
    return withChoices(store, input.boardId, listConflicts(store.db, input.boardId));
  }),
  dismissSyncConflict: onStore((store, input) => {
    dismissSyncConflict(store, input);
    return withChoices(store, input.boardId, listConflicts(store.db, input.boardId));
  }),
};
