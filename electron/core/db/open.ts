// Opening the store: finds out whether the file is ours before touching it (nothing, not even
// the journal mode, is written to a file until then), takes the lock on its real path, sets
// the pragmas, takes a backup before migrating, and explains every way it can fail as a
// StoreProblem.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import type { Database } from './driver';
import { openWithKey, type StoreKey } from '../crypt/cipher';
import { environmentKey } from '../crypt/keySource';
import { needsKey, newFileNeedsKey, wrongKey } from '../crypt/problems';
import { APP_FOLDER } from '../paths';
import { inspectDataFile } from './file';
import { ensureSearchIndex, withoutSearchIndex } from '../store/searchIndex';
import { attachSearchIndex, indexInDataFile } from '../store/searchIndexFile';
import { FreeSpaceReturn } from './freeSpace';
import { flushFile } from './flush';
import { LATEST_VERSION, MIGRATIONS, applyMigrations, latestVersion, schemaVersion, type Migration } from './migrations';
import { backupBeforeMigration, backupTo, backupFileName } from './backup';
import { keptValuesWrong, rebuildActionSummaries } from '../store/actionSummary';
import { forgetUncheckedListings } from '../store/listings';
import { APPLICATION_ID, expectedObjects, expectedTables, hasTables, sameObjects, schemaFacts, schemaFactsOfCopy } from './identify';
import { acquireLock } from './lock';
import { makeFolderPrivate, makeStorePrivate, PRIVATE_FILE } from './private';
import { quickCheck, quickCheckInBackground, SYNC_CHECK_BYTES } from './integrity';
import { cacheStatements } from './statements';
import { registerDiscussionText } from '../store/discussionText';
import { boundWal } from '../store/checkpoints';
import { locate } from './locate';
import { damaged, foreign, lockedProblem, missingTables, newerVersion, problem, sqliteProblem, StoreOpenError, truncated } from './problems';

export { damaged, StoreOpenError };

export interface Store {
  readonly db: Database;
  /** The data file's real path (symbolic links resolved): what is locked and opened. */
  readonly file: string;
  /** True when the previous session did not close the file (a crash); it was checked on open. */
  readonly recoveredFromCrash: boolean;
  /** For a large file, the integrity check still running in the background ('ok' or the damage). */
  readonly integrity: Promise<string> | null;
  /** Who the change log records as making changes. */
  readonly actor: string;
  /** The key the file is encrypted with (its backups too); null for a plain file from before encryption. */
  readonly key: StoreKey | null;
  /** The file's free space, given back to the disk when it is closed (db/freeSpace.ts). */
  readonly freeSpace: FreeSpaceReturn;
  close(): void;
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  actor?: string;
  /** Where the pre-migration backup goes; defaults to a "backups" folder beside the file. */
  backupDir?: string;
  /** The user chose "Open anyway" for a file whose lock is held (after a warning). */
  overrideLock?: boolean;
  /**
   * The key: a new file is encrypted with it, an encrypted file opened with it; a plain file from
   * before encryption opens without it. Left out, MATTERS_ARISING_KEY is used (hosts and tools).
   */
  key?: StoreKey | null;
}

export const BACKUP_FOLDER_NAME = 'Matters Arising backups';

export function defaultBackupDir(file: string): string {
  return path.join(path.dirname(file), BACKUP_FOLDER_NAME);
}

/** What opening will do with a file that is ours. */
type Identity = { state: 'new' } | { state: 'encrypted' } | { state: 'ours'; userVersion: number; marked: boolean };

/** Decides from the header, and for an unmarked file from a private copy, whether a file is ours. */
export function identify(file: string, migrations: readonly Migration[] = MIGRATIONS): Identity {
  const latest = latestVersion(migrations);
  const found = inspectDataFile(file);
  switch (found.kind) {
    case 'absent':
      return { state: 'new' };
    case 'empty':
      throw problem(
        'empty',
        'The data file is empty',
        `${file} has nothing in it (0 bytes): a copy that did not finish, or a cloud file not yet downloaded to this computer.`,
        'If it is in a cloud folder, make it available offline and try again; otherwise restore a backup or open another file. The file has not been changed.',
      );
    case 'not_sqlite':
      throw problem(
        'not_sqlite',
        'This is not a Matters Arising data file',
        `${file} is not a database file that Matters Arising can read.`,
        'Open the right file, or restore one of your backups. The file has not been changed.',
      );
    case 'truncated':
      throw truncated(file, found.actualBytes, found.expectedBytes);
    case 'encrypted':
      // Only the key can tell: openStore tries it, writing nothing until the file is known as ours.
      return { state: 'encrypted' };
    case 'sqlite':
      break;
  }
  if (found.applicationId === APPLICATION_ID) {
    if (found.userVersion > latest) throw newerVersion(file, found.userVersion, latest);
    return { state: 'ours', userVersion: found.userVersion, marked: true };
  }
  if (found.applicationId !== 0) throw foreign(file, 'it belongs to another program');
  // No mark in the header: a file made before the mark existed, or someone else's.
  let facts;
  try {
    facts = schemaFactsOfCopy(file);
  } catch (err) {
    throw sqliteProblem(file, err);
  }
  if (facts.applicationId === APPLICATION_ID) {
    if (facts.userVersion > latest) throw newerVersion(file, facts.userVersion, latest);
    return { state: 'ours', userVersion: facts.userVersion, marked: true };
  }
  if (facts.applicationId !== 0) throw foreign(file, 'it belongs to another program');
  const exact = facts.userVersion >= 1 && facts.userVersion <= latest && sameObjects(facts.objects, expectedObjects(migrations, facts.userVersion));
  if (!exact) {
    throw foreign(file, facts.objects.length === 0 ? 'it has no Matters Arising tables in it' : 'its tables are not the ones Matters Arising keeps minutes in');
  }
  return { state: 'ours', userVersion: facts.userVersion, marked: false };
}

function defaultActor(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Makes a brand-new data file: built beside its final name (owner-only), then moved into place,
 * so a file at that name is always a whole Matters Arising file, never a half-made one.
 */
function createStoreFile(file: string, migrations: readonly Migration[], key: StoreKey): void {
  const temp = `${file}.creating`;
  fs.rmSync(temp, { force: true });
  fs.rmSync(`${temp}-journal`, { force: true });
  fs.writeFileSync(temp, '', { mode: PRIVATE_FILE, flag: 'wx' });
  try {
    const db = openWithKey(temp, key);
    try {
      db.pragma('synchronous = FULL');
      db.transaction(() => {
        applyMigrations(db, migrations);
        db.pragma(`application_id = ${APPLICATION_ID}`);
      })();
    } finally {
      db.close();
    }
    flushFile(temp);
    try {
      // A hard link never replaces a file that appeared meanwhile; drives without links get a rename.
      fs.linkSync(temp, file);
      fs.rmSync(temp);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(file)) throw err;
      fs.renameSync(temp, file);
    }
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

export async function openStore(given: string, options: OpenOptions = {}): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  const { file: absolute, exists } = locate(given);
  const identity = exists ? identify(absolute, migrations) : ({ state: 'new' } as const);
  const givenKey = options.key === undefined ? environmentKey() : options.key;
  if (identity.state === 'new' && !givenKey) throw newFileNeedsKey(absolute);
  if (identity.state === 'encrypted' && !givenKey) throw needsKey(absolute);
  // A plain file from before encryption opens as it is (the app offers to encrypt it).
  const key = identity.state === 'ours' ? null : givenKey;

  let lock;
  try {
    lock = acquireLock(absolute, { override: options.overrideLock });
  } catch (err) {
    throw sqliteProblem(absolute, Object.assign(new Error((err as Error).message), { code: 'SQLITE_CANTOPEN' }));
  }
  if (!lock.acquired) throw lockedProblem(absolute, lock.holder, lock.thisComputer);
  const release = lock.release;
  const suspect = lock.stale || lock.overridden;

  let db: Database;
  try {
    if (identity.state === 'new' && key) createStoreFile(absolute, migrations, key);
    db = openWithKey(absolute, key, { timeout: 5000, fileMustExist: true });
  } catch (err) {
    release();
    throw sqliteProblem(absolute, err);
  }
  try {
    // The header can lag behind an un-checkpointed WAL: ask SQLite itself, still before any write.
    // For an encrypted file this is the first read: a key that does not open it fails here.
    const facts = readFacts(db, absolute, identity.state === 'encrypted');
    const version = facts.userVersion;
    if (facts.applicationId === APPLICATION_ID) {
      if (version > latest) throw newerVersion(absolute, version, latest);
      if (!hasTables(facts, expectedTables(migrations, version))) throw missingTables(absolute);
    } else if (identity.state === 'encrypted') {
      throw wrongKey(absolute);
    } else if (identity.state !== 'ours' || identity.marked || facts.applicationId !== 0 || version !== identity.userVersion) {
      throw problem('other', 'The data file changed while it was being opened', `${absolute} was changed by another program while Matters Arising was opening it.`, 'Try again. Nothing has been changed.');
    }
    if (suspect || fs.statSync(absolute).size < SYNC_CHECK_BYTES) {
      const verdict = quickCheck(db);
      if (verdict !== 'ok') throw damaged(absolute, verdict.slice(0, 300));
    }
    // Ours: from here on it may be written. Made owner-only first, its side files with it (SQLite
    // gives -wal and -shm the data file's permissions), and the app's own folder too.
    makeStorePrivate(absolute);
    if (path.basename(path.dirname(absolute)) === APP_FOLDER) makeFolderPrivate(path.dirname(absolute));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted means gone: freed pages are overwritten with zeros, not left holding deleted minutes.
    db.pragma('secure_delete = ON');
    // Ten years of minutes are a few hundred MB: a 64 MB page cache and memory-mapped reads keep
    // the action log and matters arising from re-reading scattered pages on every call.
    db.pragma('cache_size = -65536');
    db.pragma('mmap_size = 268435456');
    boundWal(db);
    if (version < latest) {
      await backupBeforeMigration(db, absolute, version, options.backupDir ?? defaultBackupDir(absolute), key);
    }
    const unmarked = facts.applicationId !== APPLICATION_ID;
    if (version < latest || unmarked) {
      // The mark goes on in the same transaction as the migrations: a file is never half-identified.
      db.transaction(() => {
        applyMigrations(db, migrations);
        if (unmarked) db.pragma(`application_id = ${APPLICATION_ID}`);
        if (keptValuesWrong(db)) rebuildActionSummaries(db);
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } else if (keptValuesWrong(db, fs.statSync(absolute).size < SYNC_CHECK_BYTES)) {
      // Kept values that cannot be trusted (a write made outside the app, a copy from elsewhere):
      // a backup first, then every one rebuilt in one transaction, so an interruption leaves the file as it was.
      await backupTo(db, path.join(options.backupDir ?? defaultBackupDir(absolute), backupFileName(absolute, 'before-rebuilding-the-action-log')), key);
      db.transaction(() => rebuildActionSummaries(db))();
    }
    forgetUncheckedListings(db);
    if (schemaVersion(db) !== latest) throw problem('other', 'The data file could not be upgraded', `${absolute} is still at format ${schemaVersion(db)}.`, 'Restore a backup, or open another file.');
    // Readers in SQL derive a discussion's plain text with this function (it is never stored beside the JSON).
    registerDiscussionText(db);
    cacheStatements(db);
    // The search index, in its own file beside this one: made, brought up to date or built again now.
    openSearchIndex(db, absolute, key);
  } catch (err) {
    db.close();
    release();
    throw sqliteProblem(absolute, err);
  }

  const checkedLater = !suspect && fs.statSync(absolute).size >= SYNC_CHECK_BYTES;
  let closed = false;
  const freeSpace = new FreeSpaceReturn(db, absolute, key);
  return {
    db,
    file: absolute,
    recoveredFromCrash: lock.stale,
    integrity: checkedLater ? quickCheckInBackground(absolute, key) : null,
    actor: options.actor ?? defaultActor(),
    key,
    freeSpace,
    close() {
      if (closed) return;
      closed = true;
      // Asked before anything else is written: a compact copy of exactly what the file holds takes its place.
      const compacted = freeSpace.closing();
      try {
        db.pragma('optimize');
      } finally {
        db.close();
        try {
          if (compacted) freeSpace.takePlace();
        } finally {
          release();
        }
      }
    },
  };
}

/**
 * Attaches the search index's file and brings it up to date. The index is derived: when its file
 * cannot be made or built (a full disk, a folder the app may not write to), the minutes still open,
 * without search (search says why), and the next opening tries again from the change log.
 */
function openSearchIndex(db: Database, file: string, key: StoreKey | null): void {
  // A file at a format before 23 holds its index itself (only a migration's test opens one).
  if (indexInDataFile(db)) {
    ensureSearchIndex(db);
    return;
  }
  try {
    attachSearchIndex(db, file, key);
    ensureSearchIndex(db);
  } catch (err) {
    console.warn(`[search] the search index could not be made (${(err as Error).message}); the minutes open without search`);
    withoutSearchIndex(db);
  }
}

/** Reads the schema facts; an encrypted file whose key does not fit is "not a database" to SQLite. */
function readFacts(db: Database, file: string, encrypted: boolean): ReturnType<typeof schemaFacts> {
  try {
    // An encrypted file's header cannot be read from its bytes: its length is checked here, from
    // the first page alone, before the schema is read (when no WAL is waiting to be checkpointed
    // into it, the file holds every page).
    if (encrypted && !(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0)) {
      const expected = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
      const actual = fs.statSync(file).size;
      if (actual < expected) throw truncated(file, actual, expected);
    }
    return schemaFacts(db);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (encrypted && code === 'SQLITE_NOTADB') throw wrongKey(file);
    // The key opened the first page, and then pages were missing or unreadable: a copy cut short.
    if (encrypted && code.startsWith('SQLITE_CORRUPT')) {
      throw damaged(file, 'the key opens it, but its pages are damaged or missing: it was probably cut off while being copied');
    }
    throw err;
  }
}

export { LATEST_VERSION };
