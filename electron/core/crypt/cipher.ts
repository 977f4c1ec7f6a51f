// The cipher every data file and backup is encrypted with, and the one way a connection is
// given its key. SQLCipher 4's own settings (AES-256-CBC, HMAC-SHA512, PBKDF2-SHA512 with
// 256,000 iterations, 4096-byte pages), so a file can also be opened with the sqlcipher tool:
// `PRAGMA key = '…'` (SQLite3 Multiple Ciphers' `cipher=sqlcipher`, `legacy=4`).
import { randomBytes } from 'node:crypto';
import { Database, type Options } from '../db/driver';

/**
 * A data file's key as SQLCipher takes it: a passphrase (stretched by PBKDF2 on every open), or
 * a raw 256-bit key written x'…64 hex digits…' (used as it is: the desktop app's random keys,
 * and the tests', open without the deliberate slowness of PBKDF2).
 */
export type StoreKey = string & { readonly storeKey: unique symbol };

const RAW = /^x'([0-9a-f]{64})'$/;

/**
 * Turns what a person typed or set (MATTERS_ARISING_KEY, the recovery passphrase) into a key.
 * A recovery passphrase is the 64 hex digits of a raw key in groups; spaces, dashes and case
 * do not matter in it. Anything else is a passphrase, used exactly as typed.
 */
export function keyFromText(text: string): StoreKey | null {
  const trimmed = text.replace(/[\r\n]+$/, '');
  if (trimmed.trim() === '') return null;
  const hex = trimmed.replace(/[\s-]/g, '').toLowerCase();
  if (/^[0-9a-f]{64}$/.test(hex)) return `x'${hex}'` as StoreKey;
  const raw = /^x'([0-9a-fA-F]{64})'$/.exec(trimmed.trim());
  if (raw?.[1]) return `x'${raw[1].toLowerCase()}'` as StoreKey;
  return trimmed as StoreKey;
}

/** A new random key for a new file (the desktop app keeps it in the system's keystore). */
export function newRandomKey(): StoreKey {
  return `x'${randomBytes(32).toString('hex')}'` as StoreKey;
}

/** How a key is written down for recovery: a raw key's digits in groups of four; a passphrase as it is. */
export function recoveryPassphrase(key: StoreKey): string {
  const raw = RAW.exec(key)?.[1];
  return raw ? (raw.match(/.{4}/g) ?? []).join('-') : key;
}

const quoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The cipher settings a connection takes before its key (also written into worker threads' code). */
export const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4'] as const;

/** Gives a just-opened connection the cipher settings and the key, before anything is read. */
export function applyKey(db: Database, key: StoreKey): void {
  for (const setting of CIPHER_PRAGMAS) db.pragma(setting);
  db.pragma(`key = ${quoted(key)}`);
}

/** Opens a connection to a file with a key (null: a plain file), the cipher set before the first read. */
export function openWithKey(file: string, key: StoreKey | null, options: Options = {}): Database {
  const db = new Database(file, options);
  try {
    if (key) applyKey(db, key);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * A name the driver opens as a new file with this cipher and key (for SQLite's backup API,
 * which opens its target itself): the same settings as applyKey, as URI parameters.
 */
export function keyedTarget(file: string, key: StoreKey | null): string {
  if (!key) return file;
  // The whole path escaped (its slashes too: SQLite decodes them; better-sqlite3's backup() looks
  // for the folder of the name it is given, which for a name with no slash is the current one).
  return `file:${encodeURIComponent(file)}?cipher=sqlcipher&legacy=4&key=${encodeURIComponent(key)}`;
}

/** True when the key opens the file (it reads the schema, and writes nothing). */
export function keyOpens(file: string, key: StoreKey | null): boolean {
  let db: Database | null = null;
  try {
    db = openWithKey(file, key, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
