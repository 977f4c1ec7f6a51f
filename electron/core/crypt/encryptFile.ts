// Encrypting a plain data file (one made before encryption): a backup of the plain file first,
// then an encrypted copy written beside it (VACUUM INTO a target with the cipher and key),
// checked row for row against the original, and only then moved over it in one rename. A crash
// at any step leaves the original as it was (or, after the rename, the whole encrypted copy);
// a half-written copy left by a crash is removed by the next attempt, never opened.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Database } from '../db/driver';
import { backupFileName, backupTo } from '../db/backup';
import { inspectDataFile } from '../db/file';
import { makePrivate } from '../db/private';
import { discardSearchIndex } from '../store/searchIndexFile';
import { flushFile, flushFolder } from '../db/flush';
import { keyedTarget, openWithKey, type StoreKey } from './cipher';

/** The steps, in order; `onStep` is told of each as it starts (the crash tests stop the process there). */
export const ENCRYPT_STEPS = ['backup', 'copy', 'verify', 'swap', 'done'] as const;
export type EncryptStep = (typeof ENCRYPT_STEPS)[number];

export interface EncryptResult {
  /** The plain backup taken first: removed only when the user confirms (removePlainBackups). */
  plainBackup: string;
}

export class EncryptError extends Error {}

/** Where the encrypted copy is written before it takes the data file's place. */
export const encryptingCopy = (file: string): string => `${file}.encrypting`;

/** Every table's rows, hashed in a fixed order: two files with the same digest hold the same rows. */
export function contentDigest(db: Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    const rows = db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw().all() as unknown[][];
    const lines = rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v))).sort();
    for (const line of lines) hash.update(`${line}\n`);
  }
  hash.update(`\u0000v${String(db.pragma('user_version', { simple: true }))}a${String(db.pragma('application_id', { simple: true }))}`);
  return hash.digest('hex');
}

/**
 * Encrypts the plain data file at `file` with `key`. Nothing may have it open (the session closes
 * it first). Throws EncryptError, with the original untouched, when it cannot be done.
 */
export async function encryptDataFile(file: string, key: StoreKey, backupDir: string, onStep: (step: EncryptStep) => void = () => {}): Promise<EncryptResult> {
  if (inspectDataFile(file).kind !== 'sqlite') throw new EncryptError(`${file} is not a plain data file: it is already encrypted, or not one Matters Arising can encrypt.`);
  const copy = encryptingCopy(file);
  // A copy left by an attempt that crashed is never used: it is made again from the original.
  for (const leftover of [copy, `${copy}-journal`]) fs.rmSync(leftover, { force: true });

  onStep('backup');
  const source = openWithKey(file, null, { fileMustExist: true });
  let plainBackup: string;
  let digest: string;
  try {
    plainBackup = await backupTo(source, path.join(backupDir, backupFileName(file, 'before-encryption')), null);
    onStep('copy');
    digest = contentDigest(source);
    fs.writeFileSync(copy, '', { mode: 0o600 });
    source.prepare('VACUUM INTO ?').run(keyedTarget(copy, key));
    // Everything is in the main file once the last connection checkpoints on closing.
    source.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    source.close();
    fs.rmSync(copy, { force: true });
    throw new EncryptError(`The encrypted copy could not be written: ${(err as Error).message}. The data file has not been changed.`);
  }
  source.close();

  onStep('verify');
  try {
    const check = openWithKey(copy, key, { readonly: true, fileMustExist: true });
    try {
      const verdict = check.pragma('quick_check(1)', { simple: true }) as string;
      if (verdict !== 'ok') throw new Error(`its integrity check failed (${verdict})`);
      if (contentDigest(check) !== digest) throw new Error('its rows are not the same as the original’s');
    } finally {
      check.close();
    }
    if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error('the data file was changed by another program meanwhile');
  } catch (err) {
    fs.rmSync(copy, { force: true });
    throw new EncryptError(`The encrypted copy did not match the data file (${(err as Error).message}), so it was removed. The data file has not been changed.`);
  }

  onStep('swap');
  makePrivate(copy);
  flushFile(copy);
  // A WAL index of the plain file must not be taken for the encrypted one's.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  // The plain file's search index holds its words unencrypted: gone, and built again encrypted on open.
  discardSearchIndex(file);
  fs.renameSync(copy, file);
  flushFolder(path.dirname(file));
  onStep('done');
  return { plainBackup };
}
