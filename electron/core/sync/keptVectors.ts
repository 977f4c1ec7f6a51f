// Each stored document's state vector, kept beside its updates (sync_doc_vectors), so deciding
// which meetings to connect reads one small row per meeting instead of merging every meeting's
// stored updates. Written only through updateStore.ts, the one writer of sync_updates, in the same
// transaction as the rows it follows (and filled once by migration 0016 for older files); the
// value is always the vector of all of the document's stored updates merged (what
// `vectorOfUpdate(storedDoc(...))` gives).
import * as Y from 'yjs';
import type { Database } from '../db/driver';

/** Where a copy of a document stands, as Yjs client -> clock. */
export type StateVector = Map<number, number>;

interface KeptRow {
  vector: Buffer;
  gapped: number;
}

const encode = (vector: StateVector): Buffer => Buffer.from(Y.encodeStateVector(vector));
const decode = (blob: Buffer): StateVector => Y.decodeStateVector(new Uint8Array(blob));

/**
 * The vector after `update` is added to a document at `vector`, when it can be told from the
 * update alone: each of its structs starts at or before where the document (or the update's own
 * earlier struct) reaches. Null when the update leaves a gap (a struct whose predecessors are not
 * held): only the merged rows can then say where the document stands.
 */
function advanced(vector: StateVector, update: Uint8Array): StateVector | null {
  const next = new Map(vector);
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Skip) return null;
    const { client, clock } = struct.id;
    const reached = next.get(client) ?? 0;
    if (clock > reached) return null;
    if (clock + struct.length > reached) next.set(client, clock + struct.length);
  }
  return next;
}

/** The vector of a document's stored updates merged, recomputed from its rows, and whether some stored struct lies beyond it (a gap). */
function recomputed(db: Database, docName: string): { vector: StateVector; gapped: boolean } | null {
  const blobs = db.prepare('SELECT update_blob FROM sync_updates WHERE doc_name = ? ORDER BY seq').pluck().all(docName) as Buffer[];
  if (blobs.length === 0) return null;
  const merged = Y.mergeUpdates(blobs.map((b) => new Uint8Array(b)));
  const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(merged));
  const { to } = Y.parseUpdateMeta(merged);
  const gapped = [...to].some(([client, clock]) => clock > (vector.get(client) ?? 0));
  return { vector, gapped };
}

function save(db: Database, boardId: string, docName: string, vector: StateVector, gapped: boolean): void {
  db.prepare(
    'INSERT INTO sync_doc_vectors (doc_name, board_id, vector, gapped) VALUES (?, ?, ?, ?) ON CONFLICT (doc_name) DO UPDATE SET vector = excluded.vector, gapped = excluded.gapped',
  ).run(docName, boardId, encode(vector), gapped ? 1 : 0);
}

/** After an update is stored: the document's kept vector moves on (from the update alone unless it leaves a gap). */
export function keepAfterAppend(db: Database, boardId: string, docName: string, update: Uint8Array): void {
  const row = db.prepare('SELECT vector, gapped FROM sync_doc_vectors WHERE doc_name = ?').get(docName) as KeptRow | undefined;
  const next = row && row.gapped === 0 ? advanced(decode(row.vector), update) : row ? null : advanced(new Map(), update);
  if (next) return save(db, boardId, docName, next, false);
  refreshKept(db, boardId, docName);
}

/** Recomputes a document's kept vector from its rows (after rows were removed, or to fill it): none left, none kept. */
export function refreshKept(db: Database, boardId: string, docName: string): void {
  const now = recomputed(db, docName);
  if (now) save(db, boardId, docName, now.vector, now.gapped);
  else db.prepare('DELETE FROM sync_doc_vectors WHERE doc_name = ?').run(docName);
}

/** Every stored document of every board given its kept vector (the migration that adds them). */
export function fillKept(db: Database): number {
  const docs = db.prepare('SELECT board_id, doc_name FROM sync_updates GROUP BY board_id, doc_name').all() as Array<{ board_id: string; doc_name: string }>;
  for (const d of docs) refreshKept(db, d.board_id, d.doc_name);
  return docs.length;
}

/** The kept vector of a document, or null when the file holds none of it. */
export function keptVector(db: Database, docName: string): StateVector | null {
  const blob = db.prepare('SELECT vector FROM sync_doc_vectors WHERE doc_name = ?').pluck().get(docName) as Buffer | undefined;
  return blob ? decode(blob) : null;
}

/** The names of a board's stored documents. */
export function keptDocNames(db: Database, boardId: string): string[] {
  return db.prepare('SELECT doc_name FROM sync_doc_vectors WHERE board_id = ?').pluck().all(boardId) as string[];
}

/** A board's kept vectors forgotten with its stored updates. */
export function forgetKept(db: Database, boardId: string): void {
  db.prepare('DELETE FROM sync_doc_vectors WHERE board_id = ?').run(boardId);
}
