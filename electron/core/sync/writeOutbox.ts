// What a shared board's documents send out while a write is open (updates to the sync server,
// pushes to the windows' replicas): held until the outermost write commits, dropped if it rolls
// back. A Yjs change cannot be undone, so a document a rolled-back write changed is made again
// from the file (its sync_updates rolled back with the rows), and what a rolled-back write did
// never reaches the server, the windows, or the documents.
import * as Y from 'yjs';
import type { Database } from '../db/driver';
import { setWriteEnd } from '../store/writeHooks';
import type { BoardReplica } from './replica';
import type { BoardConnection } from './wire';
import { lastPendingSeq, storedDoc } from './updateStore';

/** What the outbox needs of a shared board (engine.ts's SharedBoard). */
export interface OutboxBoard {
  readonly replica: BoardReplica;
  readonly wire: BoardConnection | null;
  readonly frozen: Set<string>;
  readonly lastLocalSeq: Map<string, number>;
}

interface Held {
  board: OutboxBoard;
  name: string;
  send: () => void;
  /** Held by holding(): a batch from the server, not yet projected. */
  early: boolean;
}

export class WriteOutbox {
  private held: Held[] = [];
  /** While a document is made again from the file: the windows and the server already hold all of it. */
  private rebuilding = false;
  /** While a batch from the server goes into the documents before the write that projects it (holding). */
  private early = false;

  constructor(
    private readonly db: Database,
    /** The origin the documents made again from the file are applied with (not stored again, not sent). */
    private readonly stored: unknown,
  ) {
    setWriteEnd(db, {
      begin: () => this.held.length,
      committed: () => this.committed(),
      rolledBack: (mark) => this.rolledBack(mark),
    });
  }

  /** Sends now outside a write; inside one, once the outermost write has committed. */
  deliver(board: OutboxBoard, name: string, send: () => void): void {
    if (this.rebuilding) return;
    if (this.early || (this.db.open && this.db.inTransaction)) this.held.push({ board, name, send, early: this.early });
    else send();
  }

  /**
   * Runs `apply`, which puts a batch from the server into the documents just before the write that
   * projects it: what it sends (to the windows' replicas) is held for that write, sent when it commits
   * and dropped when it is refused (rebuild), so a window never shows a batch this laptop refused.
   */
  holding<T>(apply: () => T): T {
    this.early = true;
    try {
      return apply();
    } finally {
      this.early = false;
    }
  }

  private committed(): void {
    const held = this.held;
    this.held = [];
    for (const { send } of held) send();
  }

  /** Everything changed since `mark` is dropped, and each document it touched is made again from the file. */
  private rolledBack(mark: number): void {
    const dropped = this.held.splice(mark);
    const touched = new Map<OutboxBoard, Set<string>>();
    for (const { board, name } of dropped) touched.set(board, (touched.get(board) ?? new Set()).add(name));
    for (const [board, names] of touched) this.rebuild(board, names);
  }

  /**
   * Makes each named document of a board again from the file: after a rolled-back write, and after
   * a projection refused, whose server updates were applied to the documents before its write (a
   * later local write would otherwise compare them with rows that lack them and write the rows back
   * over them, engine.ts flush).
   */
  rebuild(board: OutboxBoard, names: Iterable<string>): void {
    // A board closed meanwhile has no documents left to mend.
    if (board.replica.disposed) return;
    // A refused batch of these documents, held by holding(), is not sent: the copies it went into are replaced.
    const remade = new Set(names);
    this.held = this.held.filter((h) => !h.early || h.board !== board || !remade.has(h.name));
    for (const name of remade) {
      this.rebuilding = true;
      try {
        board.replica.rebuild(name, storedDoc(this.db, name), this.stored);
      } finally {
        this.rebuilding = false;
      }
      // A rolled-back update's row is gone: the server's acknowledgement counts up to what the file holds.
      const seq = lastPendingSeq(this.db, name);
      if (seq === undefined) board.lastLocalSeq.delete(name);
      else board.lastLocalSeq.set(name, seq);
    }
  }

  close(): void {
    this.held = [];
    setWriteEnd(this.db, null);
  }
}

/** Sends a committed change core made to a document on to the server (a document not yet synced starts syncing with its whole state). */
export function sendLocal(board: OutboxBoard, name: string, doc: Y.Doc, update: Uint8Array): void {
  if (!board.wire || board.frozen.has(name) || doc.isDestroyed) return;
  if (board.wire.has(name)) board.wire.send(name, update);
  else board.wire.add(name, Y.encodeStateAsUpdate(doc));
}
