// Rows of a meeting's document that belong to an agenda item the document no longer holds: a
// decision, an action (with its owners and progress), a sub-item, an attendance or declaration
// note added on one laptop to an item another laptop deleted before hearing of it. The laptop that
// added them brings the item back when the deletion reaches it (itemRestore.ts), and the item
// returns to every laptop with them; until then every other laptop holds them in the document
// only: the projection leaves them out of the tables (they would name a missing item), and the
// mirror leaves them in the document (taking them out would delete the edit that brings the item back).
import * as Y from 'yjs';
import type { Row, SyncedTable } from './registry';
import { DELETED_ITEMS_ROOT } from './itemTombstones';

/** The column naming the agenda item a table's row is part of. */
const ITEM_COLUMN: Readonly<Record<string, string>> = {
  agenda_items: 'parent_id',
  attendance_items: 'agenda_item_id',
  decisions: 'agenda_item_id',
  actions: 'agenda_item_id',
  declarations: 'agenda_item_id',
};

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
export function orphanFilter(doc: Y.Doc, also: ReadonlySet<string>): OrphanFilter {
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
  return new OrphanFilter(held, waiting);
}

/** Tells, table by table (parents first), which rows wait for their item; remembers the actions it left out. */
export class OrphanFilter {
  private readonly actionsOut = new Set<string>();

  constructor(
    readonly held: ReadonlySet<string>,
    private readonly waiting: ReadonlySet<string>,
  ) {}

  /** Whether a row is part of an item waiting to come back (or of an action left out). */
  orphan(table: SyncedTable, row: Row): boolean {
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
  if (column === null) return out;
  for (const [key, map] of (doc.getMap(table.root) as Y.Map<unknown>).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const probe: Row = { id: (map.get('id') as string | undefined) ?? null, [column]: (map.get(column) as string | null | undefined) ?? null };
    if (!filter.orphan(table, probe)) continue;
    out.set(key, Object.fromEntries(columns.map((c) => [c, map.has(c) ? ((map.get(c) as Row[string]) ?? null) : null])));
  }
  return out;
}
