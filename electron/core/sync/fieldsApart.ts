// One field of a row set to different values on two laptops while apart, found the one way for
// every table whose fields it watches (attendance: attendanceFields.ts; items, decisions, actions
// and the meeting itself: recordFields.ts; the board's roster, groups and settings: boardFields.ts). A row's columns are keys of one Y.Map, so changes of
// different fields merge; for one key Yjs keeps the value of the higher client id, and nothing
// would say the other was ever set. Yjs 13 writes a key's new value as an item whose `origin` is
// the value its writer had seen there (YMap set: typeMapSet; a deleted value keeps its item and
// origin, only its content goes), so each value's history can be followed back: where the value
// that won and the value it replaced part, neither writer saw the other's. The laptop whose value
// was replaced finds it when the batch arrives (a third laptop too, if it held one side first);
// the value it held is read from the snapshot taken before the batch, as it may be collected once
// replaced. A field may be several columns written together (an action's due): it is one field,
// set apart where any of its columns is. A change made having seen the other value follows it in
// that history, and is no conflict. Which tables and fields, and what a conflict logs, are the
// callers'; this file knows only Yjs.
import * as Y from 'yjs';
import { LAPTOPS_ROOT } from './mirror';
import type { Row, Value } from './registry';

/** One field a person enters: its name in the conflict, its columns, and how its value compares (raw columns, unless `read` says otherwise). */
export interface ApartField {
  name: string;
  columns: readonly string[];
  read?: (values: Row) => unknown;
}

/** A root of a document whose rows' fields are watched (`single`: the root is the one row's map, as the meeting's own). */
export interface ApartTable {
  root: string;
  single?: boolean;
  fields: readonly ApartField[];
}

/** A field set apart: the row (its key in the root, its map), the values (column -> value) kept and not kept, who set each, and where they parted (its identity). */
export interface FoundApart {
  root: string;
  key: string;
  map: Y.Map<unknown>;
  field: ApartField;
  kept: { values: Row; by: string };
  other: { values: Row; by: string };
  items: [string, string];
}

type ColumnWas = { item: Y.ID; value: Value };

/** Before a batch: per root, each row's map (its item, or 'root') and, per column watched, the item holding its value and the value. */
export type ApartSnapshot = Map<string, Map<string, { row: string; columns: Map<string, ColumnWas> }>>;

const named = (id: Y.ID): string => `${id.client}:${id.clock}`;

const ROOT_ROW = 'root';

/** Each watched row of a table: key, the map of its columns, and its own item's name. */
function rowsOf(doc: Y.Doc, table: ApartTable): Array<{ key: string; map: Y.Map<unknown>; row: string }> {
  const root = doc.getMap<unknown>(table.root);
  if (table.single) return root.size === 0 ? [] : [{ key: table.root, map: root, row: ROOT_ROW }];
  const rows: Array<{ key: string; map: Y.Map<unknown>; row: string }> = [];
  for (const [key, rowItem] of root._map) {
    const map = root.get(key);
    if (!rowItem.deleted && map instanceof Y.Map) rows.push({ key, map: map as Y.Map<unknown>, row: named(rowItem.id) });
  }
  return rows;
}

const valueIn = (item: Y.Item): Value => (item.content.getContent()[0] ?? null) as Value;

export function snapshotApart(doc: Y.Doc, tables: readonly ApartTable[]): ApartSnapshot {
  const snapshot: ApartSnapshot = new Map();
  for (const table of tables) {
    const rows = new Map<string, { row: string; columns: Map<string, ColumnWas> }>();
    for (const { key, map, row } of rowsOf(doc, table)) {
      const columns = new Map<string, ColumnWas>();
      for (const column of table.fields.flatMap((f) => f.columns)) {
        const item = map._map.get(column);
        if (item && !item.deleted) columns.set(column, { item: Y.createID(item.id.client, item.id.clock), value: valueIn(item) });
      }
      rows.set(key, { row, columns });
    }
    snapshot.set(table.root, rows);
  }
  return snapshot;
}

/** The value a key's value at `id` was written over (null: the first), or undefined where the history is no longer known. */
function originOf(doc: Y.Doc, id: Y.ID): Y.ID | null | undefined {
  let struct: unknown;
  try {
    struct = Y.getItem(doc.store, id);
  } catch {
    return undefined;
  }
  if (!(struct instanceof Y.Item)) return undefined;
  // Consecutive values of one writer, deleted since, may be merged into one item: each one's origin is the one before.
  return id.clock > struct.id.clock ? Y.createID(id.client, id.clock - 1) : struct.origin;
}

/**
 * Where the histories of the value now held (`now`) and the value held before the batch (`was`)
 * part: the first item of each side after the value both had seen, as [now's side, was's side];
 * null when `now` was written having seen `was` (or the history is not known).
 */
function parting(doc: Y.Doc, was: Y.ID, now: Y.ID): [Y.ID, Y.ID] | null {
  // The history of `was`: each value, and the value it was written over.
  const history: Array<{ id: Y.ID; origin: Y.ID | null }> = [];
  for (let id: Y.ID | null = was; id !== null; ) {
    const origin = originOf(doc, id);
    if (origin === undefined) break;
    history.push({ id, origin });
    id = origin;
  }
  const onHistory = new Set(history.map((h) => named(h.id)));
  const same = (x: Y.ID | null, y: Y.ID | null): boolean => (x === null || y === null ? x === y : named(x) === named(y));
  for (let kept = now; ; ) {
    const origin = originOf(doc, kept);
    if (origin === undefined) return null;
    if (origin !== null && !onHistory.has(named(origin))) {
      kept = origin;
      continue;
    }
    // `origin` is the last value both sides had seen (null: none). Written over `was` itself: a change made having seen it.
    if (same(origin, was)) return null;
    const other = history.find((h) => same(h.origin, origin));
    return other ? [kept, other.id] : null;
  }
}

const compared = (field: ApartField, values: Row): string => JSON.stringify(field.read ? field.read(values) : field.columns.map((c) => values[c] ?? null));

/** One field's columns set apart, or null: the values now and before, who set each (by the first column that parted), and where they parted. */
function fieldApart(doc: Y.Doc, map: Y.Map<unknown>, field: ApartField, was: Map<string, ColumnWas>, by: (id: Y.ID) => string): Omit<FoundApart, 'root' | 'key' | 'map' | 'field'> | null {
  const before: Row = {};
  const now: Row = {};
  let parted: { now: Y.ID; was: Y.ID; items: [Y.ID, Y.ID] } | null = null;
  for (const column of field.columns) {
    const item = map._map.get(column);
    const held = was.get(column);
    now[column] = item && !item.deleted ? valueIn(item) : null;
    before[column] = held ? held.value : now[column];
    if (parted || !held || !item || item.deleted || named(item.id) === named(held.item)) continue;
    const items = parting(doc, held.item, item.id);
    if (items) parted = { now: item.id, was: held.item, items };
  }
  if (!parted || compared(field, now) === compared(field, before)) return null;
  return { kept: { values: now, by: by(parted.now) }, other: { values: before, by: by(parted.was) }, items: [named(parted.items[0]), named(parted.items[1])] };
}

/** After the batch, before it is projected: each watched field whose value here was replaced by one written without seeing it, with a different value (which documents to read is the caller's). */
export function findApart(doc: Y.Doc, tables: readonly ApartTable[], snapshot: ApartSnapshot): FoundApart[] {
  const laptops = doc.getMap<string>(LAPTOPS_ROOT);
  const by = (id: Y.ID): string => laptops.get(String(id.client)) ?? 'another laptop';
  const found: FoundApart[] = [];
  for (const table of tables) {
    const before = snapshot.get(table.root);
    if (!before) continue;
    for (const { key, map, row } of rowsOf(doc, table)) {
      // A row removed, or set anew (brought back: itemRestore.ts, attendanceRestore.ts), is not this conflict.
      const was = before.get(key);
      if (!was || was.row !== row) continue;
      for (const field of table.fields) {
        const apart = fieldApart(doc, map, field, was.columns, by);
        if (apart) found.push({ root: table.root, key, map, field, ...apart });
      }
    }
  }
  return found;
}
