// The one place the SQLite driver is named. Everything else imports the connection class,
// its types and its error from here, so the driver can be swapped in one line. It is the
// SQLCipher-capable build of better-sqlite3 (better-sqlite3-multiple-ciphers, same API and
// major version): data files and backups are encrypted (see ../crypt/cipher.ts).
import Cipher from 'better-sqlite3-multiple-ciphers';
// Typed by @types/better-sqlite3 (the same API at the same major version; the fork's own
// declarations lag behind it). Only types come from that name: there is no plain build installed.
import type BetterSqlite3 from 'better-sqlite3';

/** The module name, for code that loads the driver itself (the background integrity check). */
export const DRIVER_MODULE = 'better-sqlite3-multiple-ciphers';

// Backups are written through SQLite's backup API into a connection that must carry the same
// cipher and key as the data file, and the driver opens that connection itself from a name:
// only a `file:` URI (…?cipher=sqlcipher&legacy=4&key=…) can carry them. The native module reads
// this when it is first loaded, which is the first `new Database` below, never before.
process.env.SQLITE_USE_URI = '1';

export const Database = Cipher as unknown as typeof BetterSqlite3;
export type Database = BetterSqlite3.Database;
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;
export type RunResult = BetterSqlite3.RunResult;
export type Options = BetterSqlite3.Options;
export const SqliteError = Database.SqliteError;
export type SqliteError = BetterSqlite3.SqliteError;
