// Backups are taken with SQLite's online backup API (db.backup), never a file copy of a
// live database, and written under a temporary name first so a half-written copy is never
// mistaken for a good one.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { format } from 'date-fns';

export async function backupTo(db: Database, target: string): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  await db.backup(partial);
  fs.renameSync(partial, target);
  return target;
}

export function backupFileName(dataFile: string, reason: string, now: Date = new Date()): string {
  const base = path.basename(dataFile).replace(/\.[^.]+$/, '');
  return `${base} ${format(now, 'yyyy-MM-dd HHmmss')} ${reason}.sqlite`;
}

export async function backupBeforeMigration(db: Database, dataFile: string, fromVersion: number, dir: string): Promise<string> {
  return backupTo(db, path.join(dir, backupFileName(dataFile, `before-upgrade-from-v${fromVersion}`)));
}
