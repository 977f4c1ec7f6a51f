// How rows sit in a document: a root Y.Map of row key -> Y.Map of column -> value (so two
// laptops changing different columns of one row both keep their change), or, for a meeting's own
// row, its columns directly in the root. Read and written only through these helpers.
import * as Y from 'yjs';
import type { Row, Value } from './registry';

export type RowsMap = Y.Map<Y.Map<Value>>;

/**
 * Whether a column's value was replaced by one not here yet: its latest value is deleted, with
 * nothing after it. No laptop takes a column out of a row, so this is a change on its way. The
 * server sends what its own copy could apply, and a value whose writer's earlier changes it is
 * still waiting for stays out of that, while the value it replaces is already deleted.
 */
export const awaited = <T>(map: Y.Map<T>, column: string): boolean => map._map.get(column)?.deleted === true;

/** A row as the projection reads it: without the columns whose value is on its way (awaited). */
export function readRowHere(map: Y.Map<Value>, columns: readonly string[]): Row {
  const row = readRow(map, columns);
  for (const c of columns) if (awaited(map, c)) delete row[c];
  return row;
}

/** Sets `map`'s columns to `row`'s where they differ (never over a value on its way: awaited). */
export function setColumns(map: Y.Map<Value>, row: Row, columns: readonly string[]): void {
  for (const c of columns) {
    if (awaited(map, c)) continue;
    const v = row[c] ?? null;
    if (!map.has(c) || map.get(c) !== v) map.set(c, v);
  }
}

/** Makes the root's row `key` hold `row`, changing only what differs. */
export function writeRow(root: RowsMap, key: string, row: Row, columns: readonly string[]): void {
  const existing = root.get(key);
  if (existing instanceof Y.Map) setColumns(existing, row, columns);
  else {
    const map = new Y.Map<Value>();
    for (const c of columns) map.set(c, row[c] ?? null);
    root.set(key, map);
  }
}

/** Makes the root hold exactly `rows` (by key), changing only what differs. */
export function writeRows(root: RowsMap, rows: Map<string, Row>, columns: readonly string[]): void {
  for (const [key, row] of rows) writeRow(root, key, row, columns);
  for (const key of [...root.keys()]) if (!rows.has(key)) root.delete(key);
}

/** The row a column map holds (a column it lacks reads as null). */
export function readRow(map: Y.Map<Value>, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, map.has(c) ? (map.get(c) ?? null) : null]));
}

/** The rows a root holds, by key (`here`: as the projection reads them, readRowHere). */
export function readRows(root: RowsMap, columns: readonly string[], here = false): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const [key, map] of root.entries()) if (map instanceof Y.Map) rows.set(key, here ? readRowHere(map, columns) : readRow(map, columns));
  return rows;
}

/** Whether two rows agree on `columns`. */
export const sameRow = (a: Row, b: Row, columns: readonly string[]): boolean => columns.every((c) => (a[c] ?? null) === (b[c] ?? null));
