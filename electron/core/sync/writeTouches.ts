// Which synced board-document tables, and which actions' status, a write touched: recorded by
// TEMP triggers on this connection (never in the file's schema), read and cleared by the mirror
// inside the same transaction. So a write on a shared board brings the board's document in step
// with what it changed (one action's status, one table), not with every row of a 25-year board;
// a rolled-back write takes its records back with it.
import type { Database } from '../db/driver';
import { ACTION_STATUS_COLUMNS, rowColumns, tablesOf, type SyncedTable } from './registry';

export interface WriteTouches {
  /** The board-document tables (and `meetings`, for the list and the meetings' state) the write changed. */
  tables: ReadonlySet<string>;
  /** The actions whose status columns the write set (or that it added). */
  actions: ReadonlySet<string>;
  /** "<meeting id> <action id>" of each carried or progress row the write added, changed or deleted. */
  actionRows: ReadonlySet<string>;
  /**
   * The actions whose rows in their own meeting's document the write changed: the action's own
   * columns there (its status columns live in the board's document) or its owners. An action whose
   * status alone changed (a later meeting's progress, another laptop's status arriving) leaves
   * its meeting's document as it was, so that document is not read to be compared.
   */
  actionOwn: ReadonlySet<string>;
}

const installed = new WeakSet<Database>();

/** The tables whose changes reach the board's document. */
const WATCHED = [...tablesOf('board').map((t) => t.table), 'meetings'];

/**
 * A trigger's statement recording `values` (SQL expressions) in a TEMP table, each once and only if
 * not recorded yet. Not INSERT OR IGNORE alone: under a foreign-key action (a guest removed sets
 * their owner rows' attendance_id to NULL, a cascade deletes rows) SQLite runs a trigger's
 * INSERT OR IGNORE as a plain INSERT, so a value already recorded failed the whole write (as
 * migration 0009 found for its own trigger).
 */
function record(table: string, column: string, values: readonly string[]): string {
  const rows = values.map((v) => `SELECT ${v} AS v`).join(' UNION ');
  return `INSERT OR IGNORE INTO temp.${table} (${column}) SELECT v FROM (${rows}) WHERE v NOT IN (SELECT ${column} FROM temp.${table});`;
}

/** Creates the connection's TEMP tables and triggers (once per open file). */
export function watchWrites(db: Database): void {
  if (installed.has(db)) return;
  const sql = [
    'CREATE TEMP TABLE IF NOT EXISTS sync_touched_tables (name TEXT PRIMARY KEY) WITHOUT ROWID',
    'CREATE TEMP TABLE IF NOT EXISTS sync_touched_actions (id TEXT PRIMARY KEY) WITHOUT ROWID',
    'CREATE TEMP TABLE IF NOT EXISTS sync_touched_action_rows (pair TEXT PRIMARY KEY) WITHOUT ROWID',
    'CREATE TEMP TABLE IF NOT EXISTS sync_touched_action_own (id TEXT PRIMARY KEY) WITHOUT ROWID',
  ];
  const own = (...rows: string[]) => record('sync_touched_action_own', 'id', rows);
  const actions = tablesOf('meeting').find((t) => t.table === 'actions') as SyncedTable;
  // The action's columns its meeting's document holds (the table's own, less the status columns).
  const docColumns = rowColumns(db, actions).filter((c) => c !== 'id');
  sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_action_own_insert AFTER INSERT ON main.actions BEGIN ${own('new.id')} END`);
  sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_action_own_delete AFTER DELETE ON main.actions BEGIN ${own('old.id')} END`);
  sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_action_own_update AFTER UPDATE OF ${['id', ...docColumns].map((c) => `"${c}"`).join(', ')} ON main.actions BEGIN ${own('old.id', 'new.id')} END`);
  for (const [event, rows] of [['INSERT', ['new']], ['UPDATE', ['old', 'new']], ['DELETE', ['old']]] as const) {
    sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_action_owners_${event.toLowerCase()} AFTER ${event} ON main.action_owners BEGIN ${own(...rows.map((r) => `${r}.action_id`))} END`);
  }
  for (const table of ['carried_actions', 'action_updates']) {
    for (const [event, rows] of [['INSERT', ['new']], ['UPDATE', ['old', 'new']], ['DELETE', ['old']]] as const) {
      const inserts = record('sync_touched_action_rows', 'pair', rows.map((r) => `${r}.meeting_id || ' ' || ${r}.action_id`));
      sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_${table}_rows_${event.toLowerCase()} AFTER ${event} ON main.${table} BEGIN ${inserts} END`);
    }
  }
  for (const table of WATCHED) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
        BEGIN ${record('sync_touched_tables', 'name', [`'${table}'`])} END`);
    }
  }
  sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_action_insert AFTER INSERT ON main.actions
    BEGIN ${record('sync_touched_actions', 'id', ['new.id'])} END`);
  sql.push(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_action_status AFTER UPDATE OF ${ACTION_STATUS_COLUMNS.join(', ')} ON main.actions
    BEGIN ${record('sync_touched_actions', 'id', ['new.id'])} END`);
  for (const statement of sql) db.exec(statement);
  installed.add(db);
}

/** What the writes since the last call touched, and clears it (inside the write's transaction). */
export function takeTouches(db: Database): WriteTouches {
  const tables = new Set(db.prepare('SELECT name FROM temp.sync_touched_tables').pluck().all() as string[]);
  const actions = new Set(db.prepare('SELECT id FROM temp.sync_touched_actions').pluck().all() as string[]);
  if (tables.size > 0) db.prepare('DELETE FROM temp.sync_touched_tables').run();
  if (actions.size > 0) db.prepare('DELETE FROM temp.sync_touched_actions').run();
  const actionRows = new Set(db.prepare('SELECT pair FROM temp.sync_touched_action_rows').pluck().all() as string[]);
  if (actionRows.size > 0) db.prepare('DELETE FROM temp.sync_touched_action_rows').run();
  const actionOwn = new Set(db.prepare('SELECT id FROM temp.sync_touched_action_own').pluck().all() as string[]);
  if (actionOwn.size > 0) db.prepare('DELETE FROM temp.sync_touched_action_own').run();
  return { tables, actions, actionRows, actionOwn };
}
