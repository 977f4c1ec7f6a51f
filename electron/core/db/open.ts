// Opening the store: checks the file before touching it, sets the pragmas, takes a
// backup before migrating, and explains every way it can fail as a StoreProblem.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import Database from 'better-sqlite3';
import type { StoreProblem } from '../../../shared/contract';
import { inspectDataFile } from './file';
import { LATEST_VERSION, MIGRATIONS, applyMigrations, schemaVersion, type Migration } from './migrations';
import { backupBeforeMigration } from './backup';
import { acquireLock } from './lock';
import { quickCheck, quickCheckInBackground, SYNC_CHECK_BYTES } from './integrity';
import { cacheStatements } from './statements';

export interface Store {
  readonly db: Database.Database;
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
}

export function defaultBackupDir(file: string): string {
  return path.join(path.dirname(file), 'Matters Arising backups');
}

function problem(kind: StoreProblem['kind'], title: string, message: string, advice: string): StoreOpenError {
  return new StoreOpenError({ kind, title, message, advice });
}

function checkFolder(file: string): void {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw problem(
      'missing_folder',
      'The data folder cannot be created',
      `The folder ${dir} does not exist and could not be created (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
      'Check that the drive is connected, or choose another data file with --data.',
    );
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw problem(
      'unwritable',
      'The data file cannot be written',
      `Matters Arising needs to write to ${file}, but the file or its folder is read-only.`,
      'Check the file and folder permissions, move the file to a folder you can write to, or open another data file. Nothing has been changed.',
    );
  }
}

function checkContents(file: string, latest: number): void {
  const found = inspectDataFile(file);
  if (found.kind === 'not_sqlite') {
    throw problem(
      'not_sqlite',
      'This is not a Matters Arising data file',
      `${file} is not a database file that Matters Arising can read.`,
      'Open the right file, or restore one of your backups. The file has not been changed.',
    );
  }
  if (found.kind === 'truncated') {
    throw problem(
      'corrupt',
      'The data file is damaged',
      `${file} is shorter than it should be (${found.actualBytes} of ${found.expectedBytes} bytes): it was probably cut off while being copied.`,
      'Restore a backup, or open another file. The damaged file has not been changed or deleted.',
    );
  }
  if (found.kind === 'sqlite' && found.userVersion > latest) throw newerVersion(file, found.userVersion, latest);
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

function sqliteProblem(file: string, err: unknown): StoreOpenError {
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
  return problem('other', 'The data file could not be opened', `${file}: ${(err as Error).message}`, 'Open another file, or restore a backup.');
}

function defaultActor(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  const absolute = path.resolve(file);
  checkFolder(absolute);
  checkContents(absolute, latest);

  let lock;
  try {
    lock = acquireLock(absolute);
  } catch (err) {
    throw sqliteProblem(absolute, Object.assign(new Error((err as Error).message), { code: 'SQLITE_CANTOPEN' }));
  }
  if (!lock.acquired) {
    throw problem(
      'locked',
      'The data file is in use',
      `${absolute} is open in another copy of Matters Arising (process ${lock.holder.pid} on ${lock.holder.host}, since ${lock.holder.since}).`,
      'Switch to that window, or close it and try again. Nothing has been changed.',
    );
  }
  const release = lock.release;

  let db: Database.Database;
  try {
    db = new Database(absolute, { timeout: 5000 });
  } catch (err) {
    release();
    throw sqliteProblem(absolute, err);
  }
  try {
    // The header can lag behind an un-checkpointed WAL: ask SQLite itself before any write.
    const version = schemaVersion(db);
    if (version > latest) throw newerVersion(absolute, version, latest);
    if (version > 0 && (lock.stale || fs.statSync(absolute).size < SYNC_CHECK_BYTES)) {
      const verdict = quickCheck(db);
      if (verdict !== 'ok') throw damaged(absolute, verdict.slice(0, 300));
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Ten years of minutes are a few hundred MB: a 64 MB page cache and memory-mapped reads keep
    // the action log and matters arising from re-reading scattered pages on every call.
    db.pragma('cache_size = -65536');
    db.pragma('mmap_size = 268435456');
    if (version > 0 && version < latest) {
      await backupBeforeMigration(db, absolute, version, options.backupDir ?? defaultBackupDir(absolute));
    }
    applyMigrations(db, migrations);
    if (version < latest) db.pragma('wal_checkpoint(TRUNCATE)');
    cacheStatements(db);
  } catch (err) {
    db.close();
    release();
    if (err instanceof StoreOpenError) throw err;
    throw sqliteProblem(absolute, err);
  }

  const checkedLater = !lock.stale && fs.statSync(absolute).size >= SYNC_CHECK_BYTES;
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
