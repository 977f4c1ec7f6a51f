// The action log's kept positions (action_log_positions, migration 17): how many kept rows
// (action_summaries) are due on each day, for each board and status and for all of them, held as
// a Fenwick tree over the days. Written only by the kept rows' one writer (store/actionSummary.ts),
// in the write that changed those rows; read by the action log's window (actionLog/window.ts).
// Why: SQLite counts and skips (count(*), OFFSET) one index entry at a time, so a window of the
// log and its counts grew with every outstanding action; here how many rows come before a day,
// and on which day the k-th row falls, are each ~18 reads of one small table whatever the log holds.
import type { Database } from '../db/driver';

/** Day slots 1 … DAYS-1 are days from 1900-01-01 (dates before or after the range share the end slots). */
export const DAYS = 1 << 17;
/**
 * The tree's size, and its top node (which counts every row). Rows with a due date are in the
 * slot of their due day; those with none, which the log lists last in the order they were raised,
 * in UNDATED - 1 + the slot of the day they were raised (UNDATED … TOP-2).
 */
export const TOP = 1 << 18;
export const UNDATED = DAYS;
const FIRST_DAY = Date.UTC(1900, 0, 1);
const DAY_MS = 86_400_000;
/** The key of "every board" and of "every status". */
const ALL = '';

/** The first date of a day slot (1 … DAYS-1). */
export function dateOfSlot(slot: number): string {
  return new Date(FIRST_DAY + (slot - 1) * DAY_MS).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day slot of a date. Each slot is one range of the text order SQL sorts by (from its first
 * date up to the next slot's), so a slot's rows are together in the log's order whatever the
 * text: a real date is its day, anything else is placed by comparing it as SQL would.
 */
export function daySlot(due: string): number {
  const m = ISO_DATE.exec(due);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (new Date(ms).toISOString().slice(0, 10) === due) return Math.min(DAYS - 1, Math.max(1, Math.round((ms - FIRST_DAY) / DAY_MS) + 1));
  }
  // The last slot whose first date is not after the text (text compared code unit by code unit, as SQLite compares ASCII dates).
  let lo = 1;
  let hi = DAYS - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (dateOfSlot(mid) <= due) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A kept row's slot: its due day, or for one with no due date, after every dated slot by the day it was raised. */
export function slotOf(due: string | null, raised: string): number {
  return due === null ? UNDATED - 1 + daySlot(raised) : daySlot(due);
}

const tableKnown = new WeakMap<Database, boolean>();

/** Whether this file keeps the positions (format 17 on). Asked once per connection: only a yes is kept, as a file migrated while open gains the table. */
export function keepsPositions(db: Database): boolean {
  if (tableKnown.get(db)) return true;
  const keeps = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'action_log_positions'").get() !== undefined;
  if (keeps) tableKnown.set(db, true);
  return keeps;
}

/** The rows' changes by board, status and slot, gathered over a write so that a row taken out and put back as it was writes nothing. */
export class PositionChanges {
  private readonly bySlot = new Map<string, number>();

  add(boardId: string, status: string, due: string | null, raised: string, delta: number): void {
    const key = `${boardId}\u0000${status}\u0000${slotOf(due, raised)}`;
    this.bySlot.set(key, (this.bySlot.get(key) ?? 0) + delta);
  }

  /** The tree's nodes each change moves: every slot's change, under its board and status and under "all" of each. */
  nodes(): Map<string, number> {
    const nodes = new Map<string, number>();
    for (const [key, delta] of this.bySlot) {
      if (delta === 0) continue;
      const [board, status, slotText] = key.split('\u0000') as [string, string, string];
      for (const b of [board, ALL]) {
        for (const s of [status, ALL]) {
          for (let i = Number(slotText); i <= TOP; i += i & -i) {
            const node = `${b}\u0000${s}\u0000${i}`;
            nodes.set(node, (nodes.get(node) ?? 0) + delta);
          }
        }
      }
    }
    return nodes;
  }
}

/** Writes the changes into the tree (a node at zero is taken out: the table holds only what counts). */
export function applyPositionChanges(db: Database, changes: PositionChanges): void {
  const add = db.prepare('UPDATE action_log_positions SET n = n + @delta WHERE board_id = @board AND status = @status AND node = @node AND n + @delta >= 0 RETURNING n');
  const insert = db.prepare('INSERT INTO action_log_positions (board_id, status, node, n) VALUES (?, ?, ?, ?)');
  const drop = db.prepare('DELETE FROM action_log_positions WHERE board_id = ? AND status = ? AND node = ?');
  for (const [key, delta] of changes.nodes()) {
    if (delta === 0) continue;
    const [board, status, nodeText] = key.split('\u0000') as [string, string, string];
    const node = Number(nodeText);
    const left = add.pluck().get({ delta, board, status, node }) as number | undefined;
    if (left === undefined && delta > 0) insert.run(board, status, node, delta);
    else if (left === 0) drop.run(board, status, node);
    else if (left === undefined) {
      // Taking out rows the tree never counted: it was wrong before this write (changed outside the
      // app). Counted again from the rows, which this write has already brought up to date.
      rebuildPositions(db);
      return;
    }
  }
}

/** The tree as it should be for the kept rows now, node by node (the key as in PositionChanges). */
function computedNodes(db: Database): Map<string, number> {
  const changes = new PositionChanges();
  const rows = db
    .prepare('SELECT board_id, status, effective_due, origin_date, count(*) FROM action_summaries GROUP BY board_id, status, effective_due, origin_date')
    .raw()
    .all() as Array<[string, string, string | null, string, number]>;
  for (const [board, status, due, raised, count] of rows) changes.add(board, status, due, raised, count);
  const nodes = changes.nodes();
  for (const [key, n] of nodes) if (n === 0) nodes.delete(key);
  return nodes;
}

/** Every node computed again from the kept rows; the caller owns the transaction. */
export function rebuildPositions(db: Database): void {
  if (!keepsPositions(db)) return;
  db.prepare('DELETE FROM action_log_positions').run();
  const insert = db.prepare('INSERT INTO action_log_positions (board_id, status, node, n) VALUES (?, ?, ?, ?)');
  for (const [key, n] of computedNodes(db)) {
    const [board, status, node] = key.split('\u0000') as [string, string, string];
    insert.run(board, status, Number(node), n);
  }
}

/** The nodes whose kept count differs from the one computed from the kept rows now (empty when all agree). */
export function positionsDiffer(db: Database): string[] {
  if (!keepsPositions(db)) return [];
  const want = computedNodes(db);
  const differ: string[] = [];
  for (const [board, status, node, n] of db.prepare('SELECT board_id, status, node, n FROM action_log_positions').raw().all() as Array<[string, string, number, number]>) {
    const key = `${board}\u0000${status}\u0000${node}`;
    if (want.get(key) !== n) differ.push(key);
    want.delete(key);
  }
  return [...differ, ...want.keys()];
}

/** Whether the kept totals (each board's and status's, and all) disagree with the rows kept: the cheap check made at every open. */
export function positionTotalsWrong(db: Database): boolean {
  if (!keepsPositions(db)) return false;
  const kept = new Map(
    (db.prepare('SELECT board_id, status, n FROM action_log_positions WHERE node = ?').raw().all(TOP) as Array<[string, string, number]>).map(([b, s, n]) => [`${b}\u0000${s}`, n]),
  );
  const counted = new Map<string, number>();
  for (const [board, status, n] of db.prepare('SELECT board_id, status, count(*) FROM action_summaries GROUP BY board_id, status').raw().all() as Array<[string, string, number]>) {
    for (const b of [board, ALL]) for (const s of [status, ALL]) counted.set(`${b}\u0000${s}`, (counted.get(`${b}\u0000${s}`) ?? 0) + n);
  }
  if (kept.size !== counted.size) return true;
  for (const [key, n] of counted) if (kept.get(key) !== n) return true;
  return false;
}

/** The kept rows of one board (or all) and one status (or all), counted by position. */
export class Positions {
  constructor(
    private readonly db: Database,
    private readonly board: string,
    private readonly status: string,
  ) {}

  private node(i: number): number {
    return (this.db.prepare('SELECT n FROM action_log_positions WHERE board_id = ? AND status = ? AND node = ?').pluck().get(this.board, this.status, i) as number | undefined) ?? 0;
  }

  /** Rows in slots 1 … slot. */
  upTo(slot: number): number {
    if (slot <= 0) return 0;
    const nodes: number[] = [];
    for (let i = Math.min(slot, TOP); i > 0; i -= i & -i) nodes.push(i);
    return this.db
      .prepare('SELECT coalesce(sum(n), 0) FROM action_log_positions WHERE board_id = ? AND status = ? AND node IN (SELECT value FROM json_each(?))')
      .pluck()
      .get(this.board, this.status, JSON.stringify(nodes)) as number;
  }

  /** Every row (the tree's top node holds them all). */
  total(): number {
    return this.node(TOP);
  }

  /** The slot the row at `rank` (0 is the first, slots in order) falls in, and how many rows come before that slot; `rank` below total(). */
  slotOfRank(rank: number): { slot: number; before: number } {
    let pos = 0;
    let left = rank;
    for (let step = TOP; step > 0; step >>= 1) {
      const next = pos + step;
      if (next > TOP) continue;
      const n = this.node(next);
      if (n <= left) {
        pos = next;
        left -= n;
      }
    }
    return { slot: pos + 1, before: rank - left };
  }
}

/** The positions of the rows of one board or all, of one status or all. */
export function positionsOf(db: Database, boardId: string | null | undefined, status: string | null | undefined): Positions {
  return new Positions(db, boardId ?? ALL, status ?? ALL);
}
