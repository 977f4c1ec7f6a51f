// A shared board's document updates in this laptop's file (sync_updates): appended as they
// happen, read back to rebuild the documents on start, acknowledged once the server has them,
// compacted on idle. The one writer of sync_updates, and so of each document's kept state vector
// (keptVectors.ts), which follows every row added or removed in the same transaction.
import * as Y from 'yjs';
import type { Database } from '../db/driver';
import type { SyncUpdateOrigin } from '../../../shared/domain/enums';
import { forgetKept, keepAfterAppend, refreshKept } from './keptVectors';

export function appendUpdate(db: Database, boardId: string, docName: string, update: Uint8Array, origin: SyncUpdateOrigin, at: string): number {
  const info = db
    .prepare('INSERT INTO sync_updates (board_id, doc_name, update_blob, origin, acknowledged, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(boardId, docName, Buffer.from(update), origin, origin === 'remote' ? 1 : 0, at);
  keepAfterAppend(db, boardId, docName, update);
  return Number(info.lastInsertRowid);
}

/** Each document's stored updates merged into one, by document name. */
export function storedDocs(db: Database, boardId: string): Map<string, Uint8Array> {
  const rows = db.prepare('SELECT doc_name AS name, update_blob AS blob FROM sync_updates WHERE board_id = ? ORDER BY seq').all(boardId) as Array<{
    name: string;
    blob: Buffer;
  }>;
  const byDoc = new Map<string, Uint8Array[]>();
  for (const r of rows) {
    const list = byDoc.get(r.name) ?? [];
    list.push(new Uint8Array(r.blob));
    byDoc.set(r.name, list);
  }
  return new Map([...byDoc].map(([name, updates]) => [name, Y.mergeUpdates(updates)]));
}

/** Local updates the server has not acknowledged: the pending changes. */
export function pendingCount(db: Database, boardId: string): number {
  return db.prepare("SELECT count(*) FROM sync_updates WHERE board_id = ? AND origin = 'local' AND acknowledged = 0").pluck().get(boardId) as number;
}

/** Marks a document's local updates up to `seq` as held by the server; returns how many. */
export function acknowledge(db: Database, docName: string, seq: number): number {
  return db.prepare("UPDATE sync_updates SET acknowledged = 1 WHERE doc_name = ? AND seq <= ? AND origin = 'local' AND acknowledged = 0").run(docName, seq).changes;
}

/**
 * Merges each document's acknowledged updates into one row (the pending ones stay as they are,
 * to be sent again). Merging loses nothing: a merged update holds every change of its parts.
 */
export function compactUpdates(db: Database, boardId: string, at: string): number {
  const docs = db
    .prepare('SELECT doc_name FROM sync_updates WHERE board_id = ? AND acknowledged = 1 GROUP BY doc_name HAVING count(*) > 1')
    .pluck()
    .all(boardId) as string[];
  for (const name of docs) {
    const blobs = db.prepare('SELECT update_blob FROM sync_updates WHERE doc_name = ? AND acknowledged = 1 ORDER BY seq').pluck().all(name) as Buffer[];
    const merged = Y.mergeUpdates(blobs.map((b) => new Uint8Array(b)));
    db.prepare('DELETE FROM sync_updates WHERE doc_name = ? AND acknowledged = 1').run(name);
    db.prepare("INSERT INTO sync_updates (board_id, doc_name, update_blob, origin, acknowledged, at) VALUES (?, ?, ?, 'remote', 1, ?)").run(boardId, name, Buffer.from(merged), at);
  }
  return docs.length;
}

/**
 * Removes a document's local updates the server has not acknowledged (edits to minutes agreed
 * elsewhere meanwhile, taken back: agreedEdit.ts); the kept vector is worked out again from what stays.
 */
export function removePending(db: Database, boardId: string, docName: string): void {
  db.prepare("DELETE FROM sync_updates WHERE doc_name = ? AND origin = 'local' AND acknowledged = 0").run(docName);
  refreshKept(db, boardId, docName);
}

/** Forgets every stored update of a board this file does not hold (a join that did not complete). */
export function forgetBoardUpdates(db: Database, boardId: string): void {
  const held = db.prepare('SELECT count(*) FROM boards WHERE id = ?').pluck().get(boardId) as number;
  if (held > 0) return;
  db.prepare('DELETE FROM sync_updates WHERE board_id = ?').run(boardId);
  forgetKept(db, boardId);
}

/** One document's stored updates merged into one (the state the file holds), or undefined if it has none. */
export function storedDoc(db: Database, docName: string): Uint8Array | undefined {
  const blobs = db.prepare('SELECT update_blob FROM sync_updates WHERE doc_name = ? ORDER BY seq').pluck().all(docName) as Buffer[];
  return blobs.length > 0 ? Y.mergeUpdates(blobs.map((b) => new Uint8Array(b))) : undefined;
}

/** The newest local update of a document the server has not acknowledged (its seq), if any. */
export function lastPendingSeq(db: Database, docName: string): number | undefined {
  const seq = db.prepare("SELECT max(seq) FROM sync_updates WHERE doc_name = ? AND origin = 'local' AND acknowledged = 0").pluck().get(docName) as number | null;
  return seq ?? undefined;
}
