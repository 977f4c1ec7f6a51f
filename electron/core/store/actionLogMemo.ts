// The action log's rows as the API returns them, held in core memory: one frozen OutstandingAction
// per kept row (store/actionSummary.ts), made by the one mapper (store/actionLogRows.ts) the first
// time a reader asks for it, for one day ("overdue" depends on the date), per open connection.
// Why: the kept rows are read far more often than they change (the chair opens the log more than
// any other screen), and making ~340 API rows from SQLite costs ~2 ms and ~0.9 MB of garbage a
// call, whose young-generation collections were the p95 of every read (tests/bench/PROFILE.md,
// "Round 7"). Readers still find WHICH rows, in what order, in SQL on every call; only the making
// of each row is kept.
// Kept in step by the one writer of the kept rows: whatever rewrites, removes or recounts a row
// forgets that row here in the same call (forgetLogRows), and a rebuild forgets all. A row is
// never kept while a transaction is open (it could roll back); a new day, a commit to the file by
// another connection, or a connection of its own (a file reopened, restored or switched) starts empty.
import type { OutstandingAction } from '../../../shared/contract';
import type { Database } from '../db/driver';
import { logRowsSelect, parseLogRows } from './actionLogRows';

interface Memo {
  today: string;
  /** SQLite's data_version when the rows were made: it moves when another connection commits to the file. */
  version: number;
  rows: Map<string, OutstandingAction>;
}

/** At most this many rows are kept (~1.4 KB each): a store with more reads the rest from SQLite each time. */
export const MEMO_LIMIT = 20_000;

const memos = new WeakMap<Database, Memo>();

/**
 * Freezes a row and every part of it, named one by one: a row's parts hold only text, numbers and
 * booleans below them. (A generic walk with Object.values cost twice the making of the row.)
 */
function freezeRow(row: OutstandingAction): OutstandingAction {
  Object.freeze(row.due);
  Object.freeze(row.origin);
  if (row.latestUpdate) {
    if (row.latestUpdate.supersededBy) Object.freeze(row.latestUpdate.supersededBy);
    Object.freeze(row.latestUpdate);
  }
  for (const owner of row.owners) Object.freeze(owner);
  Object.freeze(row.owners);
  return Object.freeze(row);
}

function memoOf(db: Database, today: string): Memo {
  const version = db.prepare('PRAGMA data_version').pluck().get() as number;
  let memo = memos.get(db);
  if (!memo) {
    memo = { today, version, rows: new Map() };
    memos.set(db, memo);
  } else if (memo.today !== today || memo.version !== version) {
    // A new day: every row's "overdue" may have changed. A commit by another connection (nothing
    // in the app writes so, but a tool might, the file being unlocked): any row may have changed.
    memo.rows.clear();
    memo.today = today;
    memo.version = version;
  }
  return memo;
}

/** Keeps rows just made, unless a transaction is open (they may yet roll back) or the memo is full. */
function keep(db: Database, memo: Memo, made: ReadonlyMap<string, OutstandingAction>): void {
  if (!db.inTransaction && memo.rows.size + made.size <= MEMO_LIMIT) for (const [id, row] of made) memo.rows.set(id, row);
}

/**
 * The API rows of these kept rows, in the order given, as at `today`; ids without a kept row are
 * left out. Each is frozen: the same object may be returned to every caller, none may change it.
 */
export function logRowsByIds(db: Database, ids: readonly string[], today: string): OutstandingAction[] {
  const memo = memoOf(db, today);
  const out = new Array<OutstandingAction>(ids.length);
  let missing: string[] | null = null;
  for (let i = 0; i < ids.length; i++) {
    const row = memo.rows.get(ids[i]!);
    if (row) out[i] = row;
    else (missing ??= []).push(ids[i]!);
  }
  if (!missing) return out;
  const read = db.prepare(`${logRowsSelect(db, 'json_each(@ids) j')} WHERE s.action_id = j.value ORDER BY j.key`).pluck();
  const made = new Map<string, OutstandingAction>();
  for (const row of parseLogRows(read.all({ today, ids: JSON.stringify(missing) }) as string[])) made.set(row.id, freezeRow(row));
  keep(db, memo, made);
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const row = out[i] ?? made.get(ids[i]!);
    if (row) out[n++] = row;
  }
  out.length = n;
  return out;
}

/**
 * The API rows of the kept rows `where` picks (an SQL condition over `s`, its parameters named),
 * in the order `order` gives, as at `today`. Which rows is read from SQL each time; when most
 * of them are not held (the first read of a board, of a day), they are made in the same pass
 * rather than looked up again by id.
 */
export function logRowsWhere(db: Database, where: string, order: string, params: Record<string, unknown>, today: string): OutstandingAction[] {
  const memo = memoOf(db, today);
  const ids = db.prepare(`SELECT s.action_id FROM action_summaries s ${where} ${order}`).pluck().all(params) as string[];
  let held = 0;
  for (const id of ids) if (memo.rows.has(id)) held += 1;
  if (held * 2 >= ids.length) return logRowsByIds(db, ids, today);
  const rows = parseLogRows(db.prepare(`${logRowsSelect(db)} ${where} ${order}`).pluck().all({ ...params, today }) as string[]);
  const made = new Map<string, OutstandingAction>();
  for (const row of rows) made.set(row.id, freezeRow(row));
  keep(db, memo, made);
  return rows;
}

/** Forgets the rows of these actions (a JSON list of ids, as the writer holds them); called by the writer as it changes them. */
export function forgetLogRows(db: Database, idsJson: string): void {
  const memo = memos.get(db);
  if (!memo || memo.rows.size === 0) return;
  for (const id of JSON.parse(idsJson) as string[]) memo.rows.delete(id);
}

/** Forgets every row of this connection: a rebuild of the kept rows, or anything that may have changed them all. */
export function forgetAllLogRows(db: Database): void {
  memos.get(db)?.rows.clear();
}

/** How many rows are kept now (for tests and the bench's notes). */
export function keptLogRows(db: Database): number {
  return memos.get(db)?.rows.size ?? 0;
}
