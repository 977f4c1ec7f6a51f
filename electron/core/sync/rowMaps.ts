// How rows sit in a document: a root Y.Map of row key -> Y.Map of column -> value (so two
// laptops changing different columns of one row both keep their change), or, for a meeting's own
// row, its columns directly in the root. Read and written only through these helpers.
import * as Y from 'yjs';
import type { Row, Value } from './registry';

export type RowsMap = Y.Map<Y.Map<Value>>;

/** Sets `map`'s columns to `row`'s where they differ. */
export function setColumns(map: Y.Map<Value>, row: Row, columns: readonly string[]): void {
  for (const c of columns) {
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

/** The rows a root holds, by key. */
export function readRows(root: RowsMap, columns: readonly string[]): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const [key, map] of root.entries()) if (map instanceof Y.Map) rows.set(key, readRow(map, columns));
  return rows;
}

/** Whether two rows agree on `columns`. */
export const sameRow = (a: Row, b: Row, columns: readonly string[]): boolean => columns.every((c) => (a[c] ?? null) === (b[c] ?? null));
