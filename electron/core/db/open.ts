// Opening the store: finds out whether the file is ours before touching it (nothing, not even
// the journal mode, is written to a file until then), takes the lock on its real path, sets
// the pragmas, takes a backup before migrating, and explains every way it can fail as a
// StoreProblem.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import type { StoreProblem } from '../../../shared/contract';
import { APP_FOLDER } from '../paths';
import { inspectDataFile } from './file';
import { LATEST_VERSION, MIGRATIONS, applyMigrations, schemaVersion, type Migration } from './migrations';
import { backupBeforeMigration } from './backup';
import { APPLICATION_ID, expectedObjects, expectedTables, hasTables, sameObjects, schemaFacts, schemaFactsOfCopy } from './identify';
import { acquireLock, type LockInfo } from './lock';
import { makeFolderPrivate, makeStorePrivate, PRIVATE_FILE } from './private';
import { quickCheck, quickCheckInBackground, SYNC_CHECK_BYTES } from './integrity';
import { cacheStatements } from './statements';

export interface Store {
  readonly db: Database.Database;
  /** The data file's real path (symbolic links resolved): what is locked and opened. */
  readonly file: string;
  /** True when the previous session did not close the file (a crash); it was checked on open. */
  readonly recoveredFromCrash: boolean;
  /** For a large file, the integrity check still running in the background ('ok' or the damage). */
  readonly integrity: Promise<string> | null;
  /** Who the change log records as making changes. */
  readonly actor: string;
  close(): void;
}

export class StoreOpenError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(`${problem.title}: ${problem.message}`);
    this.name = 'StoreOpenError';
  }
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  actor?: string;
  /** Where the pre-migration backup goes; defaults to a "backups" folder beside the file. */
  backupDir?: string;
  /** The user chose "Open anyway" for a file whose lock is held (after a warning). */
  overrideLock?: boolean;
}

export const BACKUP_FOLDER_NAME = 'Matters Arising backups';

export function defaultBackupDir(file: string): string {
  return path.join(path.dirname(file), BACKUP_FOLDER_NAME);
}

function problem(kind: StoreProblem['kind'], title: string, message: string, advice: string): StoreOpenError {
  return new StoreOpenError({ kind, title, message, advice });
}

/** Longest path and file name accepted before asking the system (most allow 4096 and 255 bytes). */
const MAX_PATH_BYTES = 4096;
const MAX_NAME_BYTES = 255;

function badPath(file: string, why: string): StoreOpenError {
  return problem(
    'bad_path',
    'This is not a path to a data file',
    `${file} ${why}.`,
    'Choose the data file itself (for example minutes.sqlite), or open another file. Nothing has been changed.',
  );
}

function unreadable(file: string, code: string): StoreOpenError {
  return problem(
    'unwritable',
    'The data file cannot be read or written',
    `Matters Arising cannot use ${file} (${code}): you may not have permission to open it.`,
    'Check the file and folder permissions, move the file to a folder you can use, or open another data file. Nothing has been changed.',
  );
}

function missingFolder(file: string, dir: string, why: string): StoreOpenError {
  return problem(
    'missing_folder',
    'The folder of the data file is not there',
    `The folder ${dir} ${why}, so ${path.basename(file)} cannot be opened. If it is on a USB drive or a network or cloud folder, it may not be connected.`,
    'Connect the drive or folder and try again, or open another data file. Nothing has been created or changed.',
  );
}

/** Turns an error from looking at a path into the problem it means for the user. */
function pathProblem(file: string, err: unknown): StoreOpenError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ELOOP') return badPath(file, 'goes through symbolic links that loop back on themselves');
  if (code === 'ENAMETOOLONG') return badPath(file, 'is too long a path for this computer');
  if (code === 'ENOTDIR') return missingFolder(file, path.dirname(file), 'is not a folder (part of the path is a file)');
  if (code === 'EACCES' || code === 'EPERM') return unreadable(file, code);
  return problem('other', 'The data file could not be opened', `${file}: ${(err as Error).message}`, 'Open another file, or restore a backup. Nothing has been changed.');
}

interface Location {
  /** The real path: symbolic links resolved, so two spellings of one file share one lock. */
  file: string;
  exists: boolean;
}

/** Where the data file is, without creating anything: a missing folder is a problem, never made. */
function locate(given: string): Location {
  const file = path.resolve(given);
  if (Buffer.byteLength(file) > MAX_PATH_BYTES || Buffer.byteLength(path.basename(file)) > MAX_NAME_BYTES) {
    throw badPath(file, 'is too long a path for this computer');
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw pathProblem(file, err);
  }
  if (stat) {
    if (stat.isDirectory()) throw badPath(file, 'is a folder, not a data file');
    if (!stat.isFile()) throw badPath(file, 'is not an ordinary file');
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
      return { file: fs.realpathSync(file), exists: true };
    } catch (err) {
      throw pathProblem(file, err);
    }
  }
  // A new file: its folder must already be there (an unplugged drive is not an empty store).
  const dir = path.dirname(file);
  let dirStat: fs.Stats;
  try {
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) throw badPath(file, 'is a symbolic link to a file that does not exist');
    dirStat = fs.statSync(dir);
  } catch (err) {
    if (err instanceof StoreOpenError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw missingFolder(file, dir, 'does not exist');
    throw pathProblem(file, err);
  }
  if (!dirStat.isDirectory()) throw missingFolder(file, dir, 'is not a folder');
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return { file: path.join(fs.realpathSync(dir), path.basename(file)), exists: false };
  } catch (err) {
    throw pathProblem(file, err);
  }
}

export function damaged(file: string, detail: string): StoreOpenError {
  return problem(
    'corrupt',
    'The data file is damaged',
    `${file} failed its integrity check (${detail}).`,
    'Restore a backup, or open another file. The damaged file has not been changed or deleted.',
  );
}

function newerVersion(file: string, version: number, latest: number): StoreOpenError {
  return problem(
    'newer_version',
    'This data file is from a newer version of Matters Arising',
    `${file} uses data format ${version}, but this version of the app understands formats up to ${latest}.`,
    'Install the latest version of Matters Arising to open it. The file has not been changed.',
  );
}

function foreign(file: string, detail: string): StoreOpenError {
  return problem(
    'foreign',
    'This is not a Matters Arising data file',
    `${file} is a database, but ${detail}.`,
    'Open the right file, or restore one of your backups. The file has not been changed.',
  );
}

function missingTables(file: string): StoreOpenError {
  return problem(
    'corrupt',
    'The data file is damaged',
    `${file} is marked as a Matters Arising data file, but the tables that hold the minutes are missing or changed.`,
    'Restore a backup, or open another file. The file has not been changed or deleted.',
  );
}

/** What opening will do with a file that is ours. */
type Identity = { state: 'new' } | { state: 'ours'; userVersion: number; marked: boolean };

/** Decides from the header, and for an unmarked file from a private copy, whether a file is ours. */
export function identify(file: string, migrations: readonly Migration[] = MIGRATIONS): Identity {
  const latest = migrations.length;
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
      throw problem(
        'corrupt',
        'The data file is damaged',
        `${file} is shorter than it should be (${found.actualBytes} of ${found.expectedBytes} bytes): it was probably cut off while being copied.`,
        'Restore a backup, or open another file. The damaged file has not been changed or deleted.',
      );
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

function sqliteProblem(file: string, err: unknown): StoreOpenError {
  if (err instanceof StoreOpenError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return problem(
      'locked',
      'The data file is in use',
      `${file} is locked by another program, perhaps another Matters Arising window.`,
      'Close the other copy of the app and try again. Nothing has been changed.',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return problem(
      'corrupt',
      'The data file is damaged',
      `${file} could not be read: ${(err as Error).message}.`,
      'Restore a backup, or open another file. The damaged file has not been changed or deleted.',
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR' || code === 'SQLITE_FULL') {
    return problem(
      'unwritable',
      'The data file cannot be written',
      `${file} could not be opened for writing: ${(err as Error).message}.`,
      'Check there is free disk space and that you can write to the folder. Nothing has been changed.',
    );
  }
  if ((err as NodeJS.ErrnoException).syscall) return pathProblem(file, err);
  return problem('other', 'The data file could not be opened', `${file}: ${(err as Error).message}`, 'Open another file, or restore a backup.');
}

function lockedProblem(file: string, holder: LockInfo, thisComputer: boolean): StoreOpenError {
  const since = Date.parse(holder.since);
  const when = Number.isNaN(since) ? 'an unknown time' : format(new Date(since), "d MMMM yyyy 'at' HH:mm");
  return thisComputer
    ? problem(
        'locked',
        'The data file is in use',
        `${file} is open in another copy of Matters Arising on this computer (${holder.host}, process ${holder.pid}), since ${when}.`,
        'Switch to that window, or close it and try again. Nothing has been changed. Choose Open anyway only if you are sure that copy is not running.',
      )
    : problem(
        'locked',
        'The data file is in use on another computer',
        `${file} was opened in Matters Arising on the computer "${holder.host}" on ${when}, and has not been closed there.`,
        'Close Matters Arising on that computer and try again. If that computer is off, or the folder was copied from it, choose Open anyway. Nothing has been changed.',
      );
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
function createStoreFile(file: string, migrations: readonly Migration[]): void {
  const temp = `${file}.creating`;
  fs.rmSync(temp, { force: true });
  fs.rmSync(`${temp}-journal`, { force: true });
  fs.writeFileSync(temp, '', { mode: PRIVATE_FILE, flag: 'wx' });
  try {
    const db = new Database(temp);
    try {
      db.pragma('synchronous = FULL');
      db.transaction(() => {
        applyMigrations(db, migrations);
        db.pragma(`application_id = ${APPLICATION_ID}`);
      })();
    } finally {
      db.close();
    }
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
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
  const latest = migrations.length;
  const { file: absolute, exists } = locate(given);
  const identity = exists ? identify(absolute, migrations) : ({ state: 'new' } as const);

  let lock;
  try {
    lock = acquireLock(absolute, { override: options.overrideLock });
  } catch (err) {
    throw sqliteProblem(absolute, Object.assign(new Error((err as Error).message), { code: 'SQLITE_CANTOPEN' }));
  }
  if (!lock.acquired) throw lockedProblem(absolute, lock.holder, lock.thisComputer);
  const release = lock.release;
  const suspect = lock.stale || lock.overridden;

  let db: Database.Database;
  try {
    if (identity.state === 'new') createStoreFile(absolute, migrations);
    db = new Database(absolute, { timeout: 5000, fileMustExist: true });
  } catch (err) {
    release();
    throw sqliteProblem(absolute, err);
  }
  try {
    // The header can lag behind an un-checkpointed WAL: ask SQLite itself, still before any write.
    const facts = schemaFacts(db);
    const version = facts.userVersion;
    if (facts.applicationId === APPLICATION_ID) {
      if (version > latest) throw newerVersion(absolute, version, latest);
      if (!hasTables(facts, expectedTables(migrations, version))) throw missingTables(absolute);
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
    // Ten years of minutes are a few hundred MB: a 64 MB page cache and memory-mapped reads keep
    // the action log and matters arising from re-reading scattered pages on every call.
    db.pragma('cache_size = -65536');
    db.pragma('mmap_size = 268435456');
    if (version < latest) {
      await backupBeforeMigration(db, absolute, version, options.backupDir ?? defaultBackupDir(absolute));
    }
    const unmarked = facts.applicationId !== APPLICATION_ID;
    if (version < latest || unmarked) {
      // The mark goes on in the same transaction as the migrations: a file is never half-identified.
      db.transaction(() => {
        applyMigrations(db, migrations);
        if (unmarked) db.pragma(`application_id = ${APPLICATION_ID}`);
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    if (schemaVersion(db) !== latest) throw problem('other', 'The data file could not be upgraded', `${absolute} is still at format ${schemaVersion(db)}.`, 'Restore a backup, or open another file.');
    cacheStatements(db);
  } catch (err) {
    db.close();
    release();
    throw sqliteProblem(absolute, err);
  }

  const checkedLater = !suspect && fs.statSync(absolute).size >= SYNC_CHECK_BYTES;
  let closed = false;
  return {
    db,
    file: absolute,
    recoveredFromCrash: lock.stale,
    integrity: checkedLater ? quickCheckInBackground(absolute) : null,
    actor: options.actor ?? defaultActor(),
    close() {
      if (closed) return;
      closed = true;
      try {
        db.pragma('optimize');
      } finally {
        db.close();
        release();
      }
    },
  };
}

export { LATEST_VERSION };
