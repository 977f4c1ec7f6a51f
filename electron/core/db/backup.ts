// Backups are compact copies written by SQLite (VACUUM INTO, on a worker thread: db/compactCopy.ts),
// never a file copy of a live database. Each is written under a temporary name (owner-only from
// its first byte), switched to a plain rollback journal so it is one self-contained file, and only
// then given its real name. An encrypted file's backup is encrypted with the same key: the copy is
// written into a target with the same cipher settings and key (crypt/cipher.ts). A backup holds none
// of the data file's free space, so restoring one also gives that space back to the disk; and the
// app's thread is not held up while a large file is copied (the backup API held it for most of a second).
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './driver';
import type { StoreKey } from '../crypt/cipher';
import { compactCopyInBackground } from './compactCopy';
import { format } from 'date-fns';
import { createPrivateFolder, makePrivate, PRIVATE_FILE } from './private';

export async function backupTo(db: Database, target: string, key: StoreKey | null): Promise<string> {
  createPrivateFolder(path.dirname(target));
  const partial = `${target}.partial`;
  try {
    // SQLite would create the copy world-readable: it writes into this owner-only file instead.
    fs.writeFileSync(partial, '', { mode: PRIVATE_FILE });
    makePrivate(partial);
    // Written and switched to a rollback journal on the worker thread (db/compactCopy.ts).
    await compactCopyInBackground(db.name, partial, key);
    makePrivate(partial);
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return target;
}

export function backupFileName(dataFile: string, reason: string, now: Date = new Date()): string {
  const base = path.basename(dataFile).replace(/\.[^.]+$/, '');
  return `${base} ${format(now, 'yyyy-MM-dd HHmmss')} ${reason}.sqlite`;
}

export async function backupBeforeMigration(db: Database, dataFile: string, fromVersion: number, dir: string, key: StoreKey | null): Promise<string> {
  return backupTo(db, path.join(dir, backupFileName(dataFile, `before-upgrade-from-v${fromVersion}`)), key);
}
