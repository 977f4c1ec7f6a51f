// The one place the SQLite driver is named. Everything else imports the connection class,
// its types and its error from here, so the driver can be swapped (for an encrypting build
// with the same API) in one line.
import BetterSqlite3 from 'better-sqlite3';

export const Database = BetterSqlite3;
export type Database = BetterSqlite3.Database;
export type Statement<P extends unknown[] | object = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;
export type RunResult = BetterSqlite3.RunResult;
export type Options = BetterSqlite3.Options;
export const SqliteError = BetterSqlite3.SqliteError;
export type SqliteError = BetterSqlite3.SqliteError;
