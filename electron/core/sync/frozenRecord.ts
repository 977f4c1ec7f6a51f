// The frozen copy of agreed minutes in their meeting's document: every row of the meeting's
// document tables and every discussion's exact text, as the agreeing laptop's tables held them
// when the content hash was taken, written by the mirror in the same transaction as AGREED_AT_KEY.
// A Yjs map key overwritten loses its old value, so an edit the server merged before the agreement
// would otherwise leave the agreed content in no document at all: once this copy is there, the
// projection reads the agreed meeting's record from it (never from the live rows, which may hold
// that edit), and the mirror never writes live rows into the document again (see recordDiff.ts
// for what a difference between the two becomes). One JSON value under one key, so two laptops
// agreeing the same minutes apart never mix their copies: the one Yjs keeps is the same on all.
import type * as Y from 'yjs';
import type { Database } from '../db/driver';
import { rowColumns, rowKey, scopedRows, tablesOf, type Row, type SyncedTable, type Value } from './registry';
import { meetingDiscussions } from '../store/discussionPacked';

/** In a meeting document: `record` -> the frozen copy's JSON (FrozenCopy), set once, with the agreement. */
export const AGREED_RECORD_ROOT = 'agreed_record';
const RECORD_KEY = 'record';

interface FrozenCopy {
  /** Table name -> its rows in the meeting's scope (the columns the registry syncs). */
  tables: Record<string, Row[]>;
  /** Item id -> its discussion's stored text, exactly as hashed (items with one only). */
  discussions: Record<string, string>;
}

const parsed = new WeakMap<Y.Doc, { text: string; copy: FrozenCopy }>();

/** The document's frozen copy, or null when it holds none (a draft, or minutes agreed before copies were kept). */
export function frozenCopy(doc: Y.Doc): FrozenCopy | null {
  const text = doc.getMap<string>(AGREED_RECORD_ROOT).get(RECORD_KEY);
  if (typeof text !== 'string') return null;
  const cached = parsed.get(doc);
  if (cached?.text === text) return cached.copy;
  const copy = JSON.parse(text) as FrozenCopy;
  parsed.set(doc, { text, copy });
  return copy;
}

export const holdsFrozenCopy = (doc: Y.Doc): boolean => doc.getMap<string>(AGREED_RECORD_ROOT).has(RECORD_KEY);

/** Writes the frozen copy from this laptop's tables (inside the mirror's transaction of the agreement). */
export function writeFrozenCopy(db: Database, doc: Y.Doc, meetingId: string): void {
  const tables: Record<string, Row[]> = {};
  for (const table of tablesOf('meeting')) tables[table.table] = [...scopedRows(db, table, meetingId).values()];
  const discussions: Record<string, string> = {};
  for (const r of meetingDiscussions(db, meetingId)) discussions[r.id] = r.json;
  doc.getMap<string>(AGREED_RECORD_ROOT).set(RECORD_KEY, JSON.stringify({ tables, discussions } satisfies FrozenCopy));
}

/** A table's rows in the frozen copy, by key, read with this laptop's columns (one it lacks reads as null). */
export function frozenRows(copy: FrozenCopy, table: SyncedTable, columns: readonly string[]): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const stored of copy.tables[table.table] ?? []) {
    const row: Row = Object.fromEntries(columns.map((c): [string, Value] => [c, c in stored ? (stored[c] ?? null) : null]));
    out.set(rowKey(table, row), row);
  }
  return out;
}

/** The rows a meeting's frozen copy holds for a table (with this file's columns). */
export function frozenTableRows(db: Database, copy: FrozenCopy, table: SyncedTable): Map<string, Row> {
  return frozenRows(copy, table, rowColumns(db, table));
}

/** An item's discussion as agreed (its stored text), or null for none. */
export const frozenDiscussion = (copy: FrozenCopy, itemId: string): string | null => copy.discussions[itemId] ?? null;

export type { FrozenCopy };
