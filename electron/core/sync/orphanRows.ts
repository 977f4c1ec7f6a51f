// Rows of a meeting's document that belong to an agenda item the document no longer holds: a
// decision, an action (with its owners and progress), a sub-item, an attendance or declaration
// note added on one laptop to an item another laptop deleted before hearing of it. The laptop that
// added them brings the item back when the deletion reaches it (itemRestore.ts), and the item
// returns to every laptop with them; until then every other laptop holds them in the document
// only: the projection leaves them out of the tables (they would name a missing item), and the
// mirror leaves them in the document (taking them out would delete the edit that brings the item back).
// The same rule holds for a note (a declaration of interest, items attended, a guest's contact) made
// on one laptop on a member's attendance row another laptop removed before hearing of it: the
// laptop holding the note keeps the row (the edit wins, as an edited item does), and the row comes
// back on every laptop with the note; until then the note waits in the document elsewhere.
import * as Y from 'yjs';
import type { Row, SyncedTable } from './registry';
import { DELETED_ITEMS_ROOT } from './itemTombstones';
import { GIVEN_WAY_ROOT } from './docNames';

/** The column naming the agenda item a table's row is part of. */
const ITEM_COLUMN: Readonly<Record<string, string>> = {
  agenda_items: 'parent_id',
  attendance_items: 'agenda_item_id',
  decisions: 'agenda_item_id',
  actions: 'agenda_item_id',
  declarations: 'agenda_item_id',
};

/** Tables whose rows are a note on an attendance row (its root is named as the table), removed with the row. */
const ATTENDANCE_NOTES = ['declarations', 'attendance_items', 'guest_contacts'] as const;
const NOTE_TABLES = new Set<string>(ATTENDANCE_NOTES);

/** Tables whose rows hang off an action: left out with an action left out. */
const ACTION_CHILDREN = new Set(['action_owners', 'action_updates', 'carried_actions']);

const idOf = (key: string): string => (JSON.parse(key) as string[])[0] as string;

/**
 * The items a meeting's document holds whole (every item above it held too), among `items`
 * (item id -> parent id), with `also` (items held elsewhere: kept in the tables) counted as held.
 */
export function heldItems(items: ReadonlyMap<string, string | null>, also: ReadonlySet<string>): Set<string> {
  const held = new Set<string>();
  const holds = (id: string, path: Set<string>): boolean => {
    if (held.has(id) || also.has(id)) return true;
    if (!items.has(id) || path.has(id)) return false;
    const parent = items.get(id) ?? null;
    path.add(id);
    const ok = parent === null || holds(parent, path);
    if (ok) held.add(id);
    return ok;
  };
  for (const id of items.keys()) holds(id, new Set());
  for (const id of also) held.add(id);
  return held;
}

/** A document's items: id -> parent id. */
export function docItems(doc: Y.Doc): Map<string, string | null> {
  const items = new Map<string, string | null>();
  for (const [key, map] of doc.getMap('agenda_items').entries()) {
    if (!(map instanceof Y.Map)) continue;
    items.set(idOf(key), (map.get('parent_id') as string | null | undefined) ?? null);
  }
  return items;
}

/**
 * The orphan filter of a meeting's document, with `also` (items kept in the tables) held. Only an
 * item deleted here (its tombstone in the document), or one within it, makes rows wait: a row
 * naming an item that was never sent is projected and refused, as any impossible update is.
 */
export function orphanFilter(doc: Y.Doc, also: ReadonlySet<string>, attendanceAlso: ReadonlySet<string> = new Set()): OrphanFilter {
  const noted = notedAttendance(doc);
  const items = docItems(doc);
  const held = heldItems(items, also);
  const waiting = new Set<string>();
  for (const id of doc.getMap(DELETED_ITEMS_ROOT).keys()) if (!held.has(id)) waiting.add(id);
  for (const id of items.keys()) {
    if (held.has(id)) continue;
    const path: string[] = [];
    let at: string | null = id;
    while (at !== null && items.has(at) && !path.includes(at)) {
      path.push(at);
      at = items.get(at) ?? null;
    }
    if (at !== null && waiting.has(at)) for (const p of path) waiting.add(p);
  }
  const kept = new Set([...noted].filter((id) => attendanceAlso.has(id)));
  return new OrphanFilter(held, waiting, new Set([...noted].filter((id) => !kept.has(id))), kept);
}

/**
 * The attendance rows that notes in the document name but the document no longer holds: removed on
 * a laptop that had not seen the note (a laptop removing a row takes its notes out with it). A row
 * given way in the attendance merge is not one: its notes move to the row kept (naturalKeys.ts).
 */
function notedAttendance(doc: Y.Doc): Set<string> {
  const rows = new Set<string>();
  for (const key of doc.getMap('attendance').keys()) rows.add(idOf(key));
  const givenWay = doc.getMap(GIVEN_WAY_ROOT);
  const noted = new Set<string>();
  for (const table of ATTENDANCE_NOTES) {
    for (const map of (doc.getMap(table) as Y.Map<unknown>).values()) {
      if (!(map instanceof Y.Map)) continue;
      const id = map.get('attendance_id') as string | null | undefined;
      if (typeof id === 'string' && !rows.has(id) && !givenWay.has(id)) noted.add(id);
    }
  }
  return noted;
}

/** Tells, table by table (parents first), which rows wait for their item; remembers the actions it left out. */
export class OrphanFilter {
  private readonly actionsOut = new Set<string>();

  constructor(
    readonly held: ReadonlySet<string>,
    private readonly waiting: ReadonlySet<string>,
    /** Attendance rows removed elsewhere whose notes wait for a laptop holding the row to bring it back. */
    private readonly attendanceWaiting: ReadonlySet<string> = new Set(),
    /** Attendance rows removed elsewhere that this laptop holds with notes made on them: kept, so they come back. */
    readonly attendanceKept: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether a row is part of an item waiting to come back (or of an action left out, or of an attendance row removed elsewhere). */
  orphan(table: SyncedTable, row: Row): boolean {
    if (NOTE_TABLES.has(table.table) && this.attendanceWaiting.has(String(row.attendance_id))) return true;
    const column = ITEM_COLUMN[table.table];
    if (column) {
      const item = row[column];
      const out = item !== null && item !== undefined && this.waiting.has(String(item));
      if (out && table.table === 'actions') this.actionsOut.add(String(row.id));
      return out;
    }
    return ACTION_CHILDREN.has(table.table) && this.actionsOut.has(String(row.action_id));
  }

  /** `rows` less the orphans. */
  without(table: SyncedTable, rows: Map<string, Row>): Map<string, Row> {
    const kept = new Map<string, Row>();
    for (const [key, row] of rows) if (!this.orphan(table, row)) kept.set(key, row);
    return kept;
  }

  /** The orphans among `rows`. */
  only(table: SyncedTable, rows: Map<string, Row>): Map<string, Row> {
    const out = new Map<string, Row>();
    for (const [key, row] of rows) if (this.orphan(table, row)) out.set(key, row);
    return out;
  }
}

/** The orphans a document's root holds for `table` (each read whole only once it is found to be one). */
export function docOrphans(doc: Y.Doc, table: SyncedTable, filter: OrphanFilter, columns: readonly string[]): Map<string, Row> {
  const out = new Map<string, Row>();
  const column = ITEM_COLUMN[table.table] ?? (ACTION_CHILDREN.has(table.table) ? 'action_id' : null);
  const probed = [...(column === null ? [] : [column]), ...(NOTE_TABLES.has(table.table) ? ['attendance_id'] : [])];
  if (probed.length === 0) return out;
  for (const [key, map] of (doc.getMap(table.root) as Y.Map<unknown>).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const probe: Row = { id: (map.get('id') as string | undefined) ?? null };
    for (const c of probed) probe[c] = (map.get(c) as string | null | undefined) ?? null;
    if (!filter.orphan(table, probe)) continue;
    out.set(key, Object.fromEntries(columns.map((c) => [c, map.has(c) ? ((map.get(c) as Row[string]) ?? null) : null])));
  }
  return out;
}
