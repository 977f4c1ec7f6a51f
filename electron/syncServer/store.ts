// The sync server's own SQLite file (<data folder>/sync-server.sqlite, encrypted like every data
// file): each document's updates in an append-only table, compacted into one state in one
// transaction, and each board's token hash. Nothing here knows about connections.
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { openWithKey, type StoreKey } from '../core/crypt/cipher';
import { type Database, SqliteError } from '../core/db/driver';
import { inspectDataFile } from '../core/db/file';
import { APPLICATION_ID } from '../core/db/identify';
import { acquireLock } from '../core/db/lock';
import { makePrivate, PRIVATE_FOLDER } from '../core/db/private';
import { SCHEMA, SCHEMA_VERSION, SYNC_APPLICATION_ID } from './schema';
import { upgradeSyncFile } from './upgrade';

export const SYNC_FILE = 'sync-server.sqlite';

/** A data folder or file the server will not use, with what to do; nothing was changed. */
export class SyncStoreError extends Error {}

const side = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/** The folder is ours (it holds our file), or new, or empty; anything else is refused. */
function checkFolder(folder: string): string {
  const file = path.join(folder, SYNC_FILE);
  if (!fs.existsSync(folder)) {
    fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
    return file;
  }
  if (!fs.statSync(folder).isDirectory()) throw new SyncStoreError(`${folder} is a file, not a folder: give --data a folder for the sync server's data. Nothing was changed.`);
  const entries = fs.readdirSync(folder).filter((name) => name !== 'lost+found');
  if (!entries.includes(SYNC_FILE) && entries.length > 0) {
    throw new SyncStoreError(
      `${folder} holds other files (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}) and no ${SYNC_FILE}: it is not a sync server data folder. Give --data a new or empty folder, or the folder the server used before. Nothing was changed.`,
    );
  }
  return file;
}

/** Opens the file with the key, refusing one that is not ours or that the key does not open. */
function openFile(file: string, key: StoreKey | null): { db: Database; carriedOver: number } {
  const existed = fs.existsSync(file);
  if (existed) {
    const kind = inspectDataFile(file).kind;
    if (kind !== 'encrypted') throw new SyncStoreError(`${file} is not a sync server data file (it is not encrypted, and every file the sync server makes is). Nothing was changed.`);
  }
  if (!key) throw new SyncStoreError(`The sync server's data file is encrypted and needs a key: set MATTERS_ARISING_KEY. Nothing was changed.`);
  const db = openWithKey(file, key, existed ? { fileMustExist: true } : {});
  try {
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (err) {
      if (err instanceof SqliteError) {
        throw new SyncStoreError(`The key does not open ${file}: it was made with another MATTERS_ARISING_KEY, or it is not a sync server data file. Nothing was changed.`);
      }
      throw err;
    }
    if (existed) checkOurs(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    const carriedOver = existed && version < SCHEMA_VERSION ? upgradeSyncFile(db, version, SCHEMA_VERSION) : 0;
    if (!existed) {
      db.transaction(() => {
        db.exec(SCHEMA);
        db.pragma(`application_id = ${SYNC_APPLICATION_ID}`);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
    for (const f of side(file)) makePrivate(f);
    return { db, carriedOver };
  } catch (err) {
    db.close();
    throw err;
  }
}

function checkOurs(db: Database, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId === APPLICATION_ID) {
    throw new SyncStoreError(`${file} is a laptop's Matters Arising data file, not a sync server's: give --data the sync server's own folder. Nothing was changed.`);
  }
  if (applicationId !== SYNC_APPLICATION_ID) throw new SyncStoreError(`${file} is not a sync server data file. Nothing was changed.`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new SyncStoreError(`${file} was written by a newer sync server (data version ${version}); run that version. Nothing was changed.`);
}

/** The state all of a document's stored updates make, with deleted content collected. */
export function stateOf(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export interface SyncStoreOptions {
  /** A document is compacted as soon as it has this many stored updates (and on idle). */
  compactAfter?: number;
}

export class SyncStore {
  readonly file: string;
  /** How many documents opening carried over from an earlier sync format's names (upgrade.ts). */
  carriedOver = 0;
  private readonly compactAfter: number;

  constructor(
    readonly db: Database,
    file: string,
    private readonly releaseLock: () => void,
    options: SyncStoreOptions,
  ) {
    this.file = file;
    this.compactAfter = options.compactAfter ?? 500;
  }

  /** The document's stored updates, oldest first. */
  updates(document: string): Uint8Array[] {
    const rows = this.db.prepare('SELECT data FROM updates WHERE document = ? ORDER BY seq').pluck().all(document) as Buffer[];
    return rows.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  }

  /** How many updates are stored for the document (1 after a compaction). */
  updateCount(document: string): number {
    return this.db.prepare('SELECT count(*) FROM updates WHERE document = ?').pluck().get(document) as number;
  }

  /** Everything stored for the document as one update, or null for a document never stored. */
  state(document: string): Uint8Array | null {
    const updates = this.updates(document);
    return updates.length === 0 ? null : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
  }

  /**
   * Stores one update (one transaction); throws when the disk refuses it. Then compacts the
   * document if it has grown: a compaction that fails leaves the update stored, and is returned.
   */
  append(document: string, update: Uint8Array): { compactionFailed: unknown } | null {
    this.db.prepare('INSERT INTO updates (document, data) VALUES (?, ?)').run(document, Buffer.from(update));
    if (this.updateCount(document) < this.compactAfter) return null;
    try {
      this.compact(document);
      return null;
    } catch (err) {
      return { compactionFailed: err };
    }
  }

  /**
   * Replaces a document's updates by the one state they make, in one transaction: if it fails
   * (a full disk), the updates stay as they were. Computed from the stored rows alone, so an
   * update being applied in memory at the same moment is never lost.
   */
  compact(document: string): void {
    this.db.transaction(() => {
      const rows = this.db.prepare('SELECT seq, data FROM updates WHERE document = ? ORDER BY seq').all(document) as { seq: number; data: Buffer }[];
      if (rows.length <= 1) return;
      const merged = stateOf(rows.map((r) => new Uint8Array(r.data)));
      const last = rows[rows.length - 1]?.seq ?? 0;
      // The state is written before the updates it replaces are removed: a compaction needs room for both.
      this.db.prepare('INSERT INTO updates (document, data) VALUES (?, ?)').run(document, Buffer.from(merged));
      this.db.prepare('DELETE FROM updates WHERE document = ? AND seq <= ?').run(document, last);
    })();
  }

  /** Compacts every document with more than one stored update (on shutdown). Returns the failures. */
  compactAll(): { document: string; error: unknown }[] {
    const names = this.db.prepare('SELECT document FROM updates GROUP BY document HAVING count(*) > 1').pluck().all() as string[];
    const failed: { document: string; error: unknown }[] = [];
    for (const name of names) {
      try {
        this.compact(name);
      } catch (error) {
        failed.push({ document: name, error });
      }
    }
    return failed;
  }

  /** The hash of the board's token, or null for a board not yet registered. */
  tokenHash(boardId: string): string | null {
    return (this.db.prepare('SELECT token_hash FROM boards WHERE board_id = ?').pluck().get(boardId) as string | undefined) ?? null;
  }

  /**
   * Registers a board with its first token's hash (trust on first use) and returns the hash the
   * board has now: the given one, or the one another connection registered first.
   */
  registerBoard(boardId: string, hash: string): string {
    // The time is kept for the administrator to read, never compared: a wrong clock changes nothing.
    this.db.prepare('INSERT OR IGNORE INTO boards (board_id, token_hash, registered_at) VALUES (?, ?, ?)').run(boardId, hash, new Date().toISOString());
    return this.tokenHash(boardId) ?? hash;
  }

  /** Replaces the board's token hash, only if it is still `from`. True when it was replaced. */
  rotateToken(boardId: string, from: string, to: string): boolean {
    const result = this.db.prepare('UPDATE boards SET token_hash = ?, rotated_at = ? WHERE board_id = ? AND token_hash = ?').run(to, new Date().toISOString(), boardId, from);
    return result.changes === 1;
  }

  close(): void {
    try {
      if (this.db.open) {
        this.db.pragma('optimize');
        this.db.close();
      }
    } finally {
      this.releaseLock();
    }
  }
}

/** Opens (or creates) the store in a data folder; SyncStoreError when the folder or file is not ours. */
export function openSyncStore(folder: string, key: StoreKey | null, options: SyncStoreOptions = {}): SyncStore {
  const file = checkFolder(path.resolve(folder));
  const lock = acquireLock(file);
  if (!lock.acquired) {
    throw new SyncStoreError(`${folder} is in use by another sync server (process ${lock.holder.pid} on ${lock.holder.host}, since ${lock.holder.since}). Stop that one first. Nothing was changed.`);
  }
  try {
    const opened = openFile(file, key);
    const store = new SyncStore(opened.db, file, lock.release, options);
    store.carriedOver = opened.carriedOver;
    return store;
  } catch (err) {
    lock.release();
    throw err;
  }
}
