// Sync for one open data file: its shared boards' documents (read from sync_updates as needed),
// the mirror of every write into them (in the write's own transaction, through the write hook),
// the projection of what the server sends (one write per batch, the remote laptop as its actor),
// and each board's connection and status. Nothing here is needed for the file to work offline.
import type { Changed } from '../../../shared/contract';
import type { Database } from '../db/driver';
import type { Store } from '../db/open';
import { nowInstant } from '../changelog';
import { write } from '../store/write';
import { outsideAnyCall, reportSyncChanged } from '../store/changes';
import { setWriteHook } from '../store/writeHooks';
import { awaitingAgreement, proposeCorrection, refusedMeetings, takeBackRefusedEdit } from './agreedEdit';
import { conflictLog, recordConflicts } from './conflicts';
import { meetingDocName, parseDocName } from './docNames';
import { keptRows, logRestores, restoresAny, rowsToRestore, snapshotRows, withHeld, type RowSnapshot } from './restores';
import { authorsOf, mirrorBoard } from './mirror';
import { projectDocs } from './project';
import { isRefusal, refusalMessage } from './refusal';
import { BoardReplica } from './replica';
import { acknowledge, appendUpdate, compactUpdates, storedDoc } from './updateStore';
import { keptDocNames } from './keptVectors';
import { BoardConnection } from './wire';
import { IdleCompaction } from './idleCompaction';
import { sendLocal, WriteOutbox } from './writeOutbox';
import { pushDocUpdate } from '../replica/push';
import { prepareInBackground, unbuilt, type Preparing } from './preparation';
import { HeldCopies, listedMeetingsSynced, markWiredMeetings, wireListedMeetings, wireOnConnecting } from './listedMeetings';
import { bumpAfterDeletion, inserted } from './meetingMarks';
import { mirrorWrite } from './mirrorWrite';
import { applyRemote, boardFirst, heldBoardView } from './remoteBatch';
import { watchWrites } from './writeTouches';
import { Waiters } from './waiters';
import * as Y from 'yjs';

/** The status while a damaged update from the server is being fetched again. */
export const CORRUPTED_FROM_SERVER = 'A change from the sync server arrived damaged and was refused; nothing was changed here, and it is being fetched again';

/** Origins of updates core applies itself: read back from the file, or sent by the server. */
const STORED = Symbol('stored');
const REMOTE = Symbol('remote');
/** The origin of the one-entry change that makes a deletion move its document's state vector on (meetingMarks.ts). */
const BUMP = Symbol('bump');

export interface SharedBoard {
  readonly boardId: string;
  readonly replica: BoardReplica;
  wire: BoardConnection | null;
  connected: boolean;
  /** Why the board is not syncing, in words (a refused token, a projection that failed). */
  lastError: string | null;
  /** Remote updates waiting to be projected (kept for a retry if a projection fails; in no document until projected). */
  queue: Array<{ name: string; update: Uint8Array }>;
  /** While joining: updates are applied and kept, the tables wait for the whole board. */
  holding: boolean;
  lastLocalSeq: Map<string, number>;
  stateless: Set<(payload: string) => void>;
  /** Agreed minutes whose refused edits were taken back here: not connected again this session (agreedEdit.ts). */
  frozen: Set<string>;
  /** While sharing: the documents still to build (preparation.ts); the board connects once none are left. */
  preparing: Preparing | null;
  /** What the file holds of the meetings off the wire (listedMeetings.ts). */
  readonly held: HeldCopies;
  /** While the write hook mirrors: the meeting documents it changed, whose marks it writes (meetingMarks.ts). */
  marking: Set<string> | null;
  /** While sharing: the meeting document being built (preparation.ts). */
  building: string | null;
  /** While a batch is held back: the board's document as the batch will make it, read for its list and marks only (remoteBatch.ts). */
  heldBoard: Y.Doc | null;
}

/** How the status line's reason begins when the server refused the board (its own reason follows). */
const REFUSED = 'The sync server refused this board: ';

export class SyncEngine {
  readonly boards = new Map<string, SharedBoard>();
  private readonly waiters = new Waiters();
  private flushScheduled = new Set<string>();
  private readonly heldSnapshots = new Map<string, RowSnapshot>();
  /** sync_updates compacted when a board falls quiet (or after many updates); see idleCompaction.ts. */
  readonly compaction = new IdleCompaction((boardId) => this.compactIdle(boardId));
  /** What the documents send out during a write waits for its commit (writeOutbox.ts). */
  private readonly outbox: WriteOutbox;

  constructor(readonly store: Store) {
    watchWrites(store.db);
    setWriteHook(store.db, (db, changes, actor) => this.mirror(db, changes, actor));
    this.outbox = new WriteOutbox(store.db, STORED);
  }

  /** Connects every board this file shares. */
  resume(): void {
    const rows = this.store.db.prepare("SELECT board_id, server_url, token FROM sync_boards WHERE state = 'shared'").all() as Array<{ board_id: string; server_url: string; token: string }>;
    for (const r of rows) this.open(r.board_id, r.server_url, r.token, false);
  }

  /** Reads a board's own document from the file (its meetings' when first needed) and connects it, or first builds what is missing. */
  open(boardId: string, serverUrl: string, token: string, holding: boolean): SharedBoard {
    const existing = this.boards.get(boardId);
    if (existing) return existing;
    const lastLocalSeq = new Map<string, number>();
    const db = this.store.db;
    const board: SharedBoard = { boardId, replica: null as unknown as BoardReplica, wire: null, connected: false, lastError: null, queue: [], holding, lastLocalSeq, stateless: new Set(), frozen: new Set(), preparing: null, held: new HeldCopies(db, boardId), marking: null, building: null, heldBoard: null };
    const replica = new BoardReplica(boardId, (name, doc) => {
      // Every change of a meeting's document, whatever made it, reaches the windows' replicas (once its write commits).
      doc.on('update', (update: Uint8Array, origin: unknown) => this.outbox.deliver(board, name, () => pushDocUpdate(name, update, origin)));
      const meeting = parseDocName(name).kind === 'meeting';
      doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
        // A document being built while sharing is stored whole once built (preparation.ts).
        if (origin === STORED || origin === REMOTE || board.holding || name === board.building) return;
        // A change core made from its rows: stored in the write's transaction, sent once it commits.
        lastLocalSeq.set(name, appendUpdate(db, boardId, name, update, 'local', nowInstant()));
        this.compaction.stored(boardId);
        this.outbox.deliver(board, name, () => sendLocal(board, name, doc, update));
        if (!meeting) return;
        board.marking?.add(name);
        if (origin !== BUMP && !inserted(tr)) bumpAfterDeletion(doc, this.store.actor, BUMP);
      });
    }, { state: (name) => storedDoc(db, name), origin: STORED });
    (board as { replica: BoardReplica }).replica = replica;
    const boardState = storedDoc(db, replica.boardName);
    if (boardState) replica.applyUpdate(replica.boardName, boardState, STORED);
    replica.know(keptDocNames(db, boardId).map((n) => parseDocName(n)).flatMap((a) => (a.kind === 'meeting' ? [a.meetingId] : [])));
    for (const id of db.prepare("SELECT seq, doc_name FROM sync_updates WHERE board_id = ? AND origin = 'local' AND acknowledged = 0").all(boardId) as Array<{ seq: number; doc_name: string }>) {
      lastLocalSeq.set(id.doc_name, Math.max(lastLocalSeq.get(id.doc_name) ?? 0, id.seq));
    }
    this.boards.set(boardId, board);
    board.preparing = holding ? null : unbuilt(this.store, replica);
    if (!board.preparing) this.connect(board, serverUrl, token);
    else prepareInBackground(this.store, board, this.store.actor, () => this.notify(), () => this.connect(board, serverUrl, token));
    return board;
  }

  private connect(board: SharedBoard, serverUrl: string, token: string): void {
    // The socket's events may carry the context of the call that shared the board, long
    // answered: what they change goes to the window as background changes, with the status.
    const background =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A): void =>
        outsideAnyCall(() => {
          fn(...args);
          reportSyncChanged(board.boardId);
        });
    const wire = new BoardConnection(serverUrl, token, {
      remote: background((name, update) => {
        board.queue.push({ name, update });
        this.scheduleFlush(board);
      }),
      acknowledged: background((name) => {
        const seq = board.lastLocalSeq.get(name);
        const address = parseDocName(name);
        // The server has taken a document with this laptop's token: a refusal it made before (a
        // server that was stopping, a token since replaced here) is over, and no longer shown.
        if (board.lastError?.startsWith(REFUSED)) board.lastError = null;
        this.bookkeeping(() => {
          if (board.lastError?.startsWith(CORRUPTED_FROM_SERVER) && wire.settled()) board.lastError = null;
          this.store.db.prepare("UPDATE sync_boards SET last_error = NULL WHERE board_id = ? AND last_error LIKE ?").run(board.boardId, `${REFUSED}%`);
          // Updates held for a meeting's document (see flush) are projected once it has synced.
          if (board.queue.length > 0) this.scheduleFlush(board);
          if (seq !== undefined) acknowledge(this.store.db, name, seq);
          // The server has all of this copy: its mark names it, so the laptops lacking any of it fetch it.
          if (address.kind === 'meeting' && !board.holding) markWiredMeetings(board, address.meetingId);
          // A board carried over from ma1 has had every meeting connected once: from now on the marks decide.
          if (board.held.everyMeeting && !board.holding && wire.settled() && listedMeetingsSynced(board)) {
            this.store.db.prepare('UPDATE sync_boards SET connect_every_meeting = 0 WHERE board_id = ?').run(board.boardId);
            board.held.everyMeeting = false;
          }
          // What the server now holds can be merged: the quiet period starts again.
          this.compaction.quietFrom(board.boardId);
          if (wire.settled()) this.setStatus(board.boardId, { last_synced_at: nowInstant() });
        });
      }),
      status: background((connected) => {
        board.connected = connected;
        this.bookkeeping(() => {
          if (connected) this.setStatus(board.boardId, { offline_since: null });
          else this.store.db.prepare('UPDATE sync_boards SET offline_since = coalesce(offline_since, ?) WHERE board_id = ?').run(nowInstant(), board.boardId);
        });
      }),
      refused: background((reason) => {
        board.lastError = `${REFUSED}${reason}.`;
        this.bookkeeping(() => this.setStatus(board.boardId, { last_error: board.lastError }));
      }),
      stateless: background((payload) => {
        for (const listener of board.stateless) listener(payload);
      }),
      corrupted: background((name, reason) => {
        // Nothing of it was applied or stored; the status says so until the document syncs again.
        board.lastError = `${CORRUPTED_FROM_SERVER} (${name.split('/').pop()}: ${reason})`;
        this.notify();
      }),
    });
    board.wire = wire;
    wireOnConnecting(board);
  }

  /** Bookkeeping of the sync tables (no record of the minutes changes), then listeners are told. */
  private bookkeeping(fn: () => void): void {
    if (!this.store.db.open) return;
    write(this.store, () => fn());
    this.notify();
  }

  private setStatus(boardId: string, fields: Record<string, string | null>): void {
    const columns = Object.keys(fields);
    this.store.db
      .prepare(`UPDATE sync_boards SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE board_id = ?`)
      .run(...columns.map((c) => fields[c] ?? null), nowInstant(), boardId);
  }

  private scheduleFlush(board: SharedBoard): void {
    if (this.flushScheduled.has(board.boardId)) return;
    this.flushScheduled.add(board.boardId);
    // Updates arriving together (a reconnection's catch-up) are projected in one write.
    setImmediate(() => {
      this.flushScheduled.delete(board.boardId);
      this.flush(board);
      reportSyncChanged(board.boardId);
    });
  }

  /** Applies the queued remote updates to the documents and projects them, in one write. */
  flush(board: SharedBoard, joined?: (db: Database) => void): void {
    if (!this.store.db.open || !this.boards.has(board.boardId)) return;
    const batch = board.queue.splice(0);
    if (board.holding) {
      // Joining: the board is not in this file yet, so nothing is stored; the documents fill up.
      for (const { name, update } of batch) board.replica.applyUpdate(name, update, REMOTE);
      wireListedMeetings(board);
      this.notify();
      return;
    }
    const meetings = new Set<string>();
    let boardDoc = false;
    const authors = new Set<string>();
    // A batch held back earlier (its meeting's document not yet synced): its snapshot is the one from when it arrived (but for the watched fields' values: restores.ts).
    const before = withHeld(snapshotRows(board.replica, batch.map((b) => b.name)), this.heldSnapshots.get(board.boardId));
    this.heldSnapshots.delete(board.boardId);
    // What to fetch is read from a view of the board's document with the batch; the documents take it only when projected in this write (remoteBatch.ts).
    const [boardEntries, meetingEntries] = boardFirst(batch);
    let unreadable: string | null = null;
    if (boardEntries.length > 0 && !joined) [board.heldBoard, unreadable] = heldBoardView(board.replica, board.heldBoard, batch, boardEntries);
    // A meeting another laptop added is fetched and projected with its own document, never before (the board's rows may name it).
    wireListedMeetings(board);
    const projecting = joined !== undefined || listedMeetingsSynced(board);
    if (projecting) {
      board.heldBoard?.destroy();
      board.heldBoard = null;
      // Into the documents (twice changes nothing), to know who made them: the board's, then the meetings'.
      for (const entries of [boardFirst(batch)[0], meetingEntries]) unreadable = this.outbox.holding(() => applyRemote(board.replica, batch, entries, REMOTE, authors)) ?? unreadable;
    }
    if (joined) for (const [, doc] of board.replica.docs()) for (const a of authorsOf(doc, Y.encodeStateAsUpdate(doc))) authors.add(a);
    if (!projecting) {
      board.queue.unshift(...batch);
      // What the items and attendance rows were before this batch is kept for when it is projected (deleted-vs-edited).
      this.heldSnapshots.set(board.boardId, before);
      if (unreadable) board.lastError = unreadable;
      this.notify();
      return;
    }
    const refused = refusedMeetings(this.store.db, board.replica, batch.map((b) => b.name));
    try {
      write(
        this.store,
        (w) => {
          // The updates are stored before the rows they name are projected: checked at commit.
          w.db.pragma('defer_foreign_keys = ON');
          for (const { name, update } of batch) {
            appendUpdate(w.db, board.boardId, name, update, 'remote', nowInstant());
            const address = parseDocName(name);
            if (address.kind === 'meeting') meetings.add(address.meetingId);
            else boardDoc = true;
          }
          if (joined) {
            // The whole board arrives in one write: every document as it stands, and every table.
            for (const [name, doc] of board.replica.docs()) appendUpdate(w.db, board.boardId, name, Y.encodeStateAsUpdate(doc), 'remote', nowInstant());
            for (const id of board.replica.meetingIds()) meetings.add(id);
            boardDoc = true;
          }
          for (const id of refused) meetings.add(id);
          for (const id of awaitingAgreement(w.db, board.replica, meetings)) meetings.delete(id);
          if (batch.length > 0 || joined) this.compaction.stored(board.boardId);
          const restores = rowsToRestore(w.db, board.replica, before, refused);
          const edits = refused.map((id) => takeBackRefusedEdit(w, board.replica, id, [], REMOTE, this.store.actor));
          const logged = conflictLog(board.replica.board).length;
          projectDocs(w, board.replica, meetings, boardDoc, keptRows(w.db, restores));
          logRestores(w, board.replica, restores);
          for (const edit of edits) proposeCorrection(w, board.replica, edit);
          // The projection logs conflicts of its own too (attendance recorded twice, naturalKeys.ts).
          if (boardDoc || conflictLog(board.replica.board).length !== logged || restoresAny(restores) || edits.length > 0) recordConflicts(w.db, board.replica, nowInstant());
          joined?.(w.db);
          // Marks from other laptops may have won over this laptop's: what only it has is marked again.
          if (boardDoc && !joined) markWiredMeetings(board);
        },
        authors.size > 0 ? [...authors].sort().join(', ') : 'another laptop',
      );
      if (unreadable) board.lastError = unreadable;
      else if (isRefusal(board.lastError)) board.lastError = null;
      // The refused edits are out of the documents and the file. Agreed minutes never change again on the server, so their
      // document's connection (whose copy still holds the refused edits) is closed for this session; the next start connects it afresh.
      for (const id of refused) {
        const name = meetingDocName(board.boardId, id);
        board.lastLocalSeq.delete(name);
        board.frozen.add(name);
        board.wire?.drop(name);
      }
    } catch (err) {
      // Nothing is lost: the batch waits in the queue (the next batch, or an acknowledgement, tries it again; after a restart the server sends it again), and its documents are made again from the file without it, never mirrored over (writeOutbox.ts).
      this.outbox.rebuild(board, new Set(batch.map((b) => b.name)));
      board.queue.unshift(...batch);
      board.lastError = refusalMessage(err);
    }
    wireListedMeetings(board);
    this.notify();
  }

  /** The write hook: inside a write's transaction, its changes go into the shared boards' documents (mirrorWrite.ts). */
  private mirror(db: Database, changes: readonly Changed[], actor: string): void {
    mirrorWrite(this.boards.values(), db, changes, actor, this.store.actor);
  }

  /** Every document of a board brought in step with its rows (on sharing it). */
  mirrorAll(boardId: string): void {
    const board = this.boards.get(boardId);
    if (!board) return;
    write(this.store, (w) => mirrorBoard(w, board.replica, this.store.actor));
  }

  compact(boardId: string): number {
    let merged = 0;
    write(this.store, (w) => {
      merged = compactUpdates(w.db, boardId, nowInstant());
    });
    return merged;
  }

  /** The scheduled compaction: a board closed meanwhile, or a write that fails (a full disk), changes nothing. */
  private compactIdle(boardId: string): void {
    const board = this.boards.get(boardId);
    if (!this.store.db.open || !board || board.holding) return;
    try {
      this.compact(boardId);
    } catch {
      // The updates stay as they were (the write rolled back); the next quiet period tries again.
    }
    this.notify();
  }

  close(boardId: string): void {
    const board = this.boards.get(boardId);
    if (!board) return;
    this.compaction.cancel(boardId);
    board.wire?.close();
    board.replica.dispose();
    this.boards.delete(boardId);
    this.notify();
  }

  closeAll(): void {
    for (const id of [...this.boards.keys()]) this.close(id);
    this.compaction.cancelAll();
    this.waiters.clear();
    setWriteHook(this.store.db, null);
    this.outbox.close();
  }

  /** Resolves once `ready()` holds, checked whenever something happens (never by polling a clock). */
  until(ready: () => boolean): Promise<void> {
    return this.waiters.until(ready);
  }

  private notify(): void {
    this.waiters.notify();
  }
}

const engines = new WeakMap<Store, SyncEngine>();

/** The file's sync engine, made on first use. */
export function syncEngine(store: Store): SyncEngine {
  let engine = engines.get(store);
  if (!engine) engines.set(store, (engine = new SyncEngine(store)));
  return engine;
}

/** The file's sync engine if one was made: none while the file shares no board (nothing then watches its writes). */
export const madeSyncEngine = (store: Store): SyncEngine | undefined => engines.get(store);

/** On opening a file: its shared boards connect (a file that shares none costs one query). */
export function startSync(store: Store): void {
  const shared = store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sync_boards'").pluck().get() === 1
    && (store.db.prepare("SELECT count(*) FROM sync_boards WHERE state = 'shared'").pluck().get() as number) > 0;
  if (shared) syncEngine(store).resume();
}

/** Before closing a file: every connection closed, the documents let go. */
export function stopSync(store: Store): void {
  engines.get(store)?.closeAll();
  engines.delete(store);
}
