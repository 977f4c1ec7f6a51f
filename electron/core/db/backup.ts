// Backups are taken with SQLite's online backup API (db.backup), never a file copy of a
// live database. Each is written under a temporary name (owner-only from its first byte),
// switched to a plain rollback journal so it is one self-contained file, and only then
// given its real name. An encrypted file's backup is encrypted with the same key: SQLite's
// backup API writes into a target opened with the same cipher settings and key (crypt/cipher.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './driver';
import { keyedTarget, openWithKey, type StoreKey } from '../crypt/cipher';
import { format } from 'date-fns';
import { createPrivateFolder, makePrivate, PRIVATE_FILE } from './private';

export async function backupTo(db: Database, target: string, key: StoreKey | null): Promise<string> {
  createPrivateFolder(path.dirname(target));
  const partial = `${target}.partial`;
  try {
    // SQLite would create the copy world-readable: it writes into this owner-only file instead.
    fs.writeFileSync(partial, '', { mode: PRIVATE_FILE });
    makePrivate(partial);
    await db.backup(keyedTarget(partial, key));
    const copy = openWithKey(partial, key);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
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
