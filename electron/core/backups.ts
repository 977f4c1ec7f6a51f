// Backups of the data file: the rules for automatic snapshots (the day's first, a long
// session's next), snapshots before every migration and restore, kept on a ladder (shared/domain/backupLadder.ts);
// listing them (and whether the current key opens each), and restoring one after keeping a copy
// of the current file. Backups of an encrypted file are encrypted with its key.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './db/driver';
import { openWithKey, type StoreKey } from './crypt/cipher';
import { inspectDataFile } from './db/file';
import { format, isSameDay } from 'date-fns';
import type { BackupInfo, BackupList } from '../../shared/contract';
import { backupsToKeep } from '../../shared/domain/backupLadder';
import { backupFileName, backupTo } from './db/backup';
import { BACKUP_FOLDER_NAME, defaultBackupDir, identify, StoreOpenError, type Store } from './db/open';
import { makeFolderPrivate, makePrivate } from './db/private';
import { discardSearchIndex } from './store/searchIndexFile';
import { flushFile } from './db/flush';
import { DomainError } from './errors';
import { write } from './store/write';

const BACKUP_FOLDER_KEY = 'backup_folder';
const NAME_PATTERN = /^(.+) (\d{4}-\d{2}-\d{2}) (\d{2})(\d{2})(\d{2}) ([\w-]+)\.sqlite$/;

export function backupFolder(store: Store | null, dataFile: string): string {
  if (store) {
    const row = store.db.prepare('SELECT value FROM settings WHERE key = ?').get(BACKUP_FOLDER_KEY) as { value: string } | undefined;
    if (row?.value) return row.value;
  }
  return defaultBackupDir(dataFile);
}

/** When the backup was taken, from its name (local time written by backupFileName), else the file time. */
function takenAt(name: string, file: string): string {
  const m = NAME_PATTERN.exec(name);
  if (m) {
    const local = new Date(`${m[2]}T${m[3]}:${m[4]}:${m[5]}`);
    if (!Number.isNaN(local.getTime())) return local.toISOString();
  }
  return fs.statSync(file).mtime.toISOString();
}

function backupFiles(dir: string): { name: string; file: string }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.sqlite')).map((name) => ({ name, file: path.join(dir, name) }));
}

/** How a backup opens: plain (no key), with the key given, or not at all with it. */
type Readable = Pick<BackupInfo, 'encrypted' | 'opensWithCurrentKey' | 'meetingCount'>;

/** What reading a backup found, by file, size, time and key: a passphrase costs a deliberately slow PBKDF2 per open. */
const readCache = new Map<string, Readable>();

/** Whether a backup is encrypted (its header says, without opening it), whether the key opens it, and its meetings. */
function readBackup(file: string, key: StoreKey | null): Readable {
  const stat = fs.statSync(file);
  const encrypted = inspectDataFile(file).kind !== 'sqlite';
  const useKey = encrypted ? key : null;
  if (encrypted && !key) return { encrypted, opensWithCurrentKey: false, meetingCount: null };
  const cacheKey = JSON.stringify([file, stat.size, stat.mtimeMs, useKey]);
  const cached = readCache.get(cacheKey);
  if (cached) return cached;
  let found: Readable;
  try {
    const db = openWithKey(file, useKey, { readonly: true, fileMustExist: true });
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      let meetings: number | null = null;
      try {
        meetings = db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
      } catch {
        // Opens, but holds no minutes: listed as unreadable.
      }
      found = { encrypted, opensWithCurrentKey: true, meetingCount: meetings };
    } finally {
      db.close();
    }
  } catch {
    found = { encrypted, opensWithCurrentKey: !encrypted, meetingCount: null };
  }
  if (readCache.size > 500) readCache.clear();
  readCache.set(cacheKey, found);
  return found;
}

/** How a backup opens: plain (no key), with the key given, or not at all with it. */
export function backupAccess(file: string, key: StoreKey | null): Pick<BackupInfo, 'encrypted' | 'opensWithCurrentKey'> {
  const { encrypted, opensWithCurrentKey } = readBackup(file, key);
  return { encrypted, opensWithCurrentKey };
}

function describe(name: string, file: string, key: StoreKey | null): BackupInfo {
  return {
    name,
    takenAt: takenAt(name, file),
    sizeBytes: fs.statSync(file).size,
    reason: NAME_PATTERN.exec(name)?.[6] ?? 'copy',
    ...readBackup(file, key),
  };
}

/** The backups in the folder; `key` is the key of the open file (or the one the session was given). */
export function listBackups(store: Store | null, dataFile: string, key: StoreKey | null = store?.key ?? null): BackupList {
  const folder = backupFolder(store, dataFile);
  const backups: BackupInfo[] = backupFiles(folder)
    .map(({ name, file }) => describe(name, file, key))
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
  return { folder, backups };
}

/** Thins the folder to the ladder of shared/domain/backupLadder.ts; `spare` names a backup kept whatever the ladder says (the one being restored). */
export function pruneBackups(folder: string, now: Date = new Date(), spare?: string): string[] {
  // A backup cut off by a crash leaves a .partial file: never a backup, so remove it.
  for (const name of (fs.existsSync(folder) ? fs.readdirSync(folder) : []).filter((n) => n.endsWith('.partial'))) {
    if (now.getTime() - fs.statSync(path.join(folder, name)).mtimeMs > 60_000) fs.rmSync(path.join(folder, name), { force: true });
  }
  const files = backupFiles(folder).map(({ name, file }) => ({ name, file, takenAt: takenAt(name, file) }));
  const keep = backupsToKeep(files, now.toISOString());
  const removed: string[] = [];
  for (const f of files) {
    if (!keep.has(f.name) && f.name !== spare) {
      fs.rmSync(f.file, { force: true });
      removed.push(f.name);
    }
  }
  return removed;
}

export async function takeBackup(store: Store, reason: string, now: Date = new Date(), spare?: string): Promise<BackupInfo> {
  const folder = backupFolder(store, store.file);
  let target = path.join(folder, backupFileName(store.file, reason, now));
  for (let n = 2; fs.existsSync(target); n++) target = path.join(folder, backupFileName(store.file, `${reason}-${n}`, now));
  try {
    await backupTo(store.db, target, store.key);
  } catch (err) {
    throw new DomainError('storage_error', `The backup could not be written to ${folder}: ${(err as Error).message}. Your data file is unchanged.`);
  }
  pruneBackups(folder, now, spare);
  return { ...describe(path.basename(target), target, store.key), takenAt: now.toISOString(), reason };
}

/** When the newest backup in the folder was taken (from the names: no backup is opened), or undefined. */
export function newestBackupTime(store: Store): number | undefined {
  let newest: number | undefined;
  for (const { name, file } of backupFiles(backupFolder(store, store.file))) {
    try {
      const at = Date.parse(takenAt(name, file));
      if (newest === undefined || at > newest) newest = at;
    } catch {
      // A backup removed while listing is no longer a backup.
    }
  }
  return newest;
}

/** A long session is backed up again after this long, at its next change. */
export const SESSION_BACKUP_EVERY_MS = 3 * 60 * 60 * 1000;

/** Which automatic backup is due, given when the newest was taken: the day's first, a long session's next, or none. */
export function backupDue(newest: number | undefined, now: Date): 'daily' | 'session' | null {
  if (newest === undefined || !isSameDay(newest, now)) return 'daily';
  if (now.getTime() - newest >= SESSION_BACKUP_EVERY_MS) return 'session';
  return null;
}

/** On start: a snapshot when there is something to keep and the day has no backup yet. */
export async function dailyBackup(store: Store, now: Date = new Date()): Promise<BackupInfo | null> {
  const hasData = store.db.prepare('SELECT EXISTS (SELECT 1 FROM boards)').pluck().get() === 1;
  if (!hasData || backupDue(newestBackupTime(store), now) !== 'daily') return null;
  return takeBackup(store, 'daily', now);
}

export function setBackupFolder(store: Store, folder: string | null): BackupList {
  if (folder) {
    const resolved = path.resolve(folder);
    try {
      fs.mkdirSync(resolved, { recursive: true });
      fs.accessSync(resolved, fs.constants.W_OK);
    } catch {
      throw new DomainError('invalid_input', `Backups cannot be written to ${resolved}. Choose a folder you can write to.`, 'folder');
    }
    write(store, (w) => {
      store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(BACKUP_FOLDER_KEY, resolved);
      w.log({ entity: 'settings', entityId: BACKUP_FOLDER_KEY, action: 'set', detail: { folder: resolved } });
    });
  } else {
    write(store, (w) => {
      store.db.prepare('DELETE FROM settings WHERE key = ?').run(BACKUP_FOLDER_KEY);
      w.log({ entity: 'settings', entityId: BACKUP_FOLDER_KEY, action: 'reset' });
    });
  }
  return listBackups(store, store.file);
}

/** Checks a backup is a whole, readable Matters Arising data file this version understands, without changing it. */
export function verifyBackup(file: string, key: StoreKey | null): void {
  const access = backupAccess(file, key);
  if (!access.opensWithCurrentKey) {
    throw new DomainError(
      'invalid_input',
      'That backup is encrypted with another key (from another computer, or from before the file’s key was changed), so it cannot be restored with this one. Nothing has been changed.',
    );
  }
  try {
    if (!access.encrypted) identify(file);
  } catch (err) {
    if (err instanceof StoreOpenError) throw new DomainError('invalid_input', `That backup cannot be restored: ${err.problem.title.toLowerCase()}.`);
    throw new DomainError('invalid_input', `That backup cannot be read: ${(err as Error).message}.`);
  }
  let db: Database | null = null;
  try {
    db = openWithKey(file, access.encrypted ? key : null, { readonly: true, fileMustExist: true });
    const verdict = (db.pragma('quick_check(1)', { simple: true }) as string) ?? '';
    if (verdict !== 'ok') throw new DomainError('invalid_input', `That backup is damaged (${verdict}).`);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('invalid_input', `That backup cannot be read: ${(err as Error).message}.`);
  } finally {
    db?.close();
  }
}

/** Backups made before they were private (or copied in) are made owner-only, and so is the app's own backup folder. */
export function tightenBackups(folder: string): void {
  if (path.basename(folder) === BACKUP_FOLDER_NAME) makeFolderPrivate(folder);
  for (const { file } of backupFiles(folder)) makePrivate(file);
}

/** The backup file a name refers to: only plain names inside the backup folder. */
export function backupPath(folder: string, name: string): string {
  if (name !== path.basename(name) || name.startsWith('.') || !name.endsWith('.sqlite')) {
    throw new DomainError('invalid_input', 'Choose one of the listed backups.', 'name');
  }
  const file = path.join(folder, name);
  if (!fs.existsSync(file)) throw new DomainError('not_found', 'That backup no longer exists.');
  return file;
}

/** Moves a damaged data file (and its journal files) aside, so it is kept but out of the way. */
export function setAside(dataFile: string, now: Date = new Date()): string | null {
  if (!fs.existsSync(dataFile)) return null;
  const base = dataFile.replace(/\.sqlite$/, '');
  const target = `${base} set aside ${format(now, 'yyyy-MM-dd HHmmss')}.sqlite`;
  fs.renameSync(dataFile, target);
  makePrivate(target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(dataFile + suffix)) {
      fs.renameSync(dataFile + suffix, target + suffix);
      makePrivate(target + suffix);
    }
  }
  discardSearchIndex(dataFile);
  return target;
}

/** Copies a backup into place as the data file: written beside it, flushed, then renamed over. */
export function putInPlace(source: string, dataFile: string): void {
  const temp = `${dataFile}.restoring`;
  fs.copyFileSync(source, temp);
  makePrivate(temp);
  flushFile(temp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dataFile + suffix, { force: true });
  // The index of the file being replaced is not the backup's: it is built again on open.
  discardSearchIndex(dataFile);
  fs.renameSync(temp, dataFile);
}
